package org.district.lossreport.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.Topics;
import org.district.contracts.checkin.DeviceSeenAfterDeparture;
import org.district.contracts.checkin.LostDeviceSeen;
import org.district.contracts.checkin.ReturnTaskOverdue;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReportWrittenOff;
import org.district.contracts.lossreport.LossReported;
import org.district.lossreport.KnownDevice;
import org.district.lossreport.KnownPerson;
import org.district.lossreport.LossReport;
import org.district.lossreport.config.LinkSettings;
import org.district.lossreport.config.LossReportSettings;
import org.district.lossreport.notify.Channel;
import org.district.lossreport.notify.Message;
import org.district.lossreport.notify.Messages;
import org.district.lossreport.notify.NotificationDraft;
import org.district.lossreport.notify.Notifications;
import org.district.lossreport.notify.Recipients;
import org.district.lossreport.notify.SupervisorRoute;
import org.district.lossreport.repository.KnownDeviceRepository;
import org.district.lossreport.repository.KnownPersonRepository;
import org.district.lossreport.repository.LossReportRepository;
import org.district.support.messaging.ConsumedEvent;
import org.district.support.messaging.ConsumerSpec;
import org.district.support.messaging.EventConsumers;
import org.district.support.messaging.EventProcessor;

/**
 * Tells IT (every configured address, and the webhook when there is one) about every loss report, recovery and
 * write-off, lost devices seen on the network, devices used after their holder left, and overdue returns. Consumer
 * group {@value #GROUP}; the notification rows are written in the transaction that records the event as processed.
 */
@ApplicationScoped
public class ItNotifier {

    public static final String GROUP = "it-notifier";

    @Inject
    EventConsumers consumers;

    @Inject
    Notifications notifications;

    @Inject
    Recipients recipients;

    @Inject
    Messages messages;

    @Inject
    ReportFactsLoader facts;

    @Inject
    KnownDeviceRepository devices;

    @Inject
    KnownPersonRepository people;

    @Inject
    LossReportRepository reports;

    @Inject
    LinkSettings links;

    @Inject
    LossReportSettings settings;

    void onStart(@Observes StartupEvent event) {
        if (settings.consumersEnabled()) {
            start();
        }
    }

    /** Starts the group's consumer (also used to restart it after {@link EventConsumers#stopGroup}). */
    public void start() {
        consumers.start(
                ConsumerSpec.of(GROUP, Topics.LOSS_REPORTS, Topics.DEVICE_ALERTS, Topics.RETURN_TASKS),
                EventProcessor.eachOf(this::apply));
    }

    void apply(ConsumedEvent event) {
        if (event.eventType() == null) {
            return;
        }
        switch (event.eventType()) {
            case LossReported.TYPE -> lossReported(event);
            case LossReportRecovered.TYPE -> recovered(event);
            case LossReportWrittenOff.TYPE -> writtenOff(event);
            case LostDeviceSeen.TYPE -> lostDeviceSeen(event);
            case DeviceSeenAfterDeparture.TYPE -> seenAfterDeparture(event);
            case ReturnTaskOverdue.TYPE -> returnOverdue(event);
            default -> {
                // LossReportUpdated is IT's own doing; the other types are for other readers.
            }
        }
    }

    private void lossReported(ConsumedEvent event) {
        LossReported e = event.data(LossReported.class);
        Messages.ReportFacts f = facts.load(e, true);
        SupervisorRoute route = recipients.routeFor(f.holder(), e.school());
        String note = route.found()
                ? "told " + route.who()
                : "nobody else was told: " + route.missing() + ". Please tell the school.";
        toIt(event, e.reportId(), e.deviceId(), messages.lossReportedToIt(f, note), f.link());
    }

    private void recovered(ConsumedEvent event) {
        LossReportRecovered e = event.data(LossReportRecovered.class);
        LossReport r = e.reportId() == null ? null : reports.findById(e.reportId());
        KnownDevice d = e.deviceId() == null ? null : devices.findById(e.deviceId());
        String link = links.report(e.reportId());
        toIt(event, e.reportId(), e.deviceId(), messages.recovered(e, r, d, link), link);
    }

    private void writtenOff(ConsumedEvent event) {
        LossReportWrittenOff e = event.data(LossReportWrittenOff.class);
        LossReport r = e.reportId() == null ? null : reports.findById(e.reportId());
        KnownDevice d = e.deviceId() == null ? null : devices.findById(e.deviceId());
        String link = links.report(e.reportId());
        toIt(event, e.reportId(), e.deviceId(), messages.writtenOff(e, r, d, link), link);
    }

    private void lostDeviceSeen(ConsumedEvent event) {
        LostDeviceSeen e = event.data(LostDeviceSeen.class);
        KnownDevice d = e.deviceId() == null ? null : devices.findById(e.deviceId());
        Optional<LossReport> report = e.deviceId() == null
                ? Optional.empty()
                : reports.openForDevice(e.deviceId()).or(() -> reports.latestForDevice(e.deviceId()));
        String link = report.map(r -> links.report(r.id)).orElse(null);
        UUID reportId = report.map(r -> r.id).orElse(null);
        toIt(event, reportId, e.deviceId(), messages.lostDeviceSeen(e, d, report.orElse(null), link), link);
    }

    private void seenAfterDeparture(ConsumedEvent event) {
        DeviceSeenAfterDeparture e = event.data(DeviceSeenAfterDeparture.class);
        KnownDevice d = e.deviceId() == null ? null : devices.findById(e.deviceId());
        KnownPerson p = people.find(e.personId()).orElse(null);
        toIt(event, null, e.deviceId(), messages.seenAfterDeparture(e, d, p), null);
    }

    private void returnOverdue(ConsumedEvent event) {
        ReturnTaskOverdue e = event.data(ReturnTaskOverdue.class);
        KnownDevice d = e.deviceId() == null ? null : devices.findById(e.deviceId());
        KnownPerson p = people.find(e.personId()).orElse(null);
        toIt(event, null, e.deviceId(), messages.returnTaskOverdue(e, d, p), null);
    }

    private void toIt(ConsumedEvent event, UUID reportId, UUID deviceId, Message message, String link) {
        for (String email : recipients.itEmails()) {
            notifications.add(new NotificationDraft(
                    event.eventId(),
                    event.eventType(),
                    GROUP,
                    reportId,
                    deviceId,
                    email,
                    Channel.EMAIL,
                    message,
                    link));
        }
        if (recipients.itWebhookConfigured()) {
            notifications.add(new NotificationDraft(
                    event.eventId(),
                    event.eventType(),
                    GROUP,
                    reportId,
                    deviceId,
                    Recipients.IT_WEBHOOK,
                    Channel.WEBHOOK,
                    message,
                    link));
        }
    }
}
