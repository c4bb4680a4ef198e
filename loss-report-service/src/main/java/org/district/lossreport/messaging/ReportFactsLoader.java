package org.district.lossreport.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.district.contracts.lossreport.LossReported;
import org.district.lossreport.KnownDevice;
import org.district.lossreport.KnownPerson;
import org.district.lossreport.LossReport;
import org.district.lossreport.config.LinkSettings;
import org.district.lossreport.notify.Messages;
import org.district.lossreport.repository.KnownDeviceRepository;
import org.district.lossreport.repository.KnownPersonRepository;
import org.district.lossreport.repository.LossReportRepository;

/** Completes a LossReported event with what this service knows: the device, holder, reporter and report. */
@ApplicationScoped
class ReportFactsLoader {

    @Inject
    KnownDeviceRepository devices;

    @Inject
    KnownPersonRepository people;

    @Inject
    LossReportRepository reports;

    @Inject
    LinkSettings links;

    Messages.ReportFacts load(LossReported e, boolean withContactPhone) {
        KnownDevice device = e.deviceId() == null ? null : devices.findById(e.deviceId());
        KnownPerson holder = people.find(e.holderId()).orElse(null);
        KnownPerson reporter = people.findByDistrictId(e.reportedBy()).orElse(null);
        Optional<LossReport> report = e.reportId() == null ? Optional.empty() : reports.findByIdOptional(e.reportId());
        String phone = withContactPhone ? report.map(r -> r.contactPhone).orElse(null) : null;
        return new Messages.ReportFacts(e, device, holder, reporter, phone, links.report(e.reportId()));
    }
}
