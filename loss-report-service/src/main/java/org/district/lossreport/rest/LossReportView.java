package org.district.lossreport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportStatus;
import org.district.lossreport.entity.LossReport;
import org.district.lossreport.entity.LossReportEntry;

/**
 * A loss report as the API shows it. The reporter's contact phone is shown only to the reporter, IT and auditors; the
 * report's history only to IT and auditors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LossReportView(
        UUID id,
        String reportNumber,
        LossReportStatus status,
        LossKind kind,
        ReportedDeviceView device,
        String reportedBy,
        String holderDistrictId,
        Instant reportedAt,
        Instant lastSeenAt,
        String lastSeenLocation,
        String circumstances,
        String contactPhone,
        PoliceReportView police,
        BigDecimal costOwed,
        Instant closedAt,
        String closedBy,
        long version,
        Instant updatedAt,
        List<ReportEntryView> history) {

    static LossReportView of(LossReport r, boolean withPhone, List<LossReportEntry> history) {
        return new LossReportView(
                r.id,
                r.reportNumber,
                r.status,
                r.kind,
                new ReportedDeviceView(r.deviceId, r.assetTag, r.serialNumber, r.deviceDescription, r.school),
                r.reportedBy,
                r.holderDistrictId,
                r.reportedAt,
                r.lastSeenAt,
                r.lastSeenLocation,
                r.circumstances,
                withPhone ? r.contactPhone : null,
                new PoliceReportView(r.policeNotified, r.policeAgency, r.policeCaseNumber, r.policeReportOwed),
                r.costOwed,
                r.closedAt,
                r.closedBy,
                r.version,
                r.updatedAt,
                history == null
                        ? null
                        : history.stream().map(ReportEntryView::of).toList());
    }
}
