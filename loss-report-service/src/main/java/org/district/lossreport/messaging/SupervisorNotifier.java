package org.district.lossreport.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.Topics;
import org.district.contracts.checkin.ReturnTaskOpened;
import org.district.contracts.checkin.ReturnTaskOverdue;
import org.district.contracts.lossreport.LossReported;
import org.district.lossreport.KnownDevice;
import org.district.lossreport.KnownPerson;
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
import org.district.support.messaging.ConsumedEvent;
import org.district.support.messaging.ConsumerSpec;
import org.district.support.messaging.EventConsumers;
import org.district.support.messaging.EventProcessor;
import org.jboss.logging.Logger;

/**
 * Tells the people responsible (consumer group {@value #GROUP}): the supervisor of a device's holder about a loss
 * report (for a student, the school's configured contact; when there is neither, IT's message says so), and, for
 * offboarding, the departing person and their supervisor which device to return by when, and the supervisor when the
 * return is overdue.
 */
@ApplicationScoped
public class SupervisorNotifier {

    public static final String GROUP = "supervisor-notifier";
    private static final Logger LOG = Logger.getLogger(SupervisorNotifier.class);

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
    LossReportSettings settings;

    void onStart(@Observes StartupEvent event) {
        if (settings.consumersEnabled()) {
            start();
        }
    }

    /** Starts the group's consumer (also used to restart it after {@link EventConsumers#stopGroup}). */
    public void start() {
        consumers.start(
                ConsumerSpec.of(GROUP, Topics.LOSS_REPORTS, Topics.RETURN_TASKS), EventProcessor.eachOf(this::apply));
    }

    void apply(ConsumedEvent event) {
        if (event.eventType() == null) {
            return;
        }
        switch (event.eventType()) {
            case LossReported.TYPE -> lossReported(event);
            case ReturnTaskOpened.TYPE -> returnTaskOpened(event);
            case ReturnTaskOverdue.TYPE -> returnTaskOverdue(event);
            default -> {
                // Updates, recoveries and write-offs go to IT only.
            }
        }
    }

    private void lossReported(ConsumedEvent event) {
        LossReported e = event.data(LossReported.class);
        Messages.ReportFacts f = facts.load(e, false);
        KnownPerson holder = f.holder() != null ? f.holder() : f.reporter();
        SupervisorRoute route = recipients.routeFor(holder, e.school());
        if (!route.found()) {
            // IT's message for this event carries the same finding, so the report is never left unannounced.
            LOG.infof("Report %s: %s; IT was told instead", e.reportNumber(), route.missing());
            return;
        }
        send(
                event,
                e.reportId(),
                e.deviceId(),
                route.email(),
                messages.lossReportedToSupervisor(f, route.who()),
                f.link());
    }

    private void returnTaskOpened(ConsumedEvent event) {
        ReturnTaskOpened e = event.data(ReturnTaskOpened.class);
        KnownDevice d = e.deviceId() == null ? null : devices.findById(e.deviceId());
        Optional<KnownPerson> person = people.find(e.personId());
        person.filter(p -> p.email != null && !p.email.isBlank())
                .ifPresent(p -> send(event, null, e.deviceId(), p.email, messages.returnTaskOpened(e, d, p), null));
        recipients
                .supervisorOf(person.orElse(null))
                .ifPresent(boss -> send(
                        event,
                        null,
                        e.deviceId(),
                        boss.email,
                        messages.returnTaskOpenedToSupervisor(e, d, person.orElse(null)),
                        null));
    }

    private void returnTaskOverdue(ConsumedEvent event) {
        ReturnTaskOverdue e = event.data(ReturnTaskOverdue.class);
        KnownDevice d = e.deviceId() == null ? null : devices.findById(e.deviceId());
        Optional<KnownPerson> person = people.find(e.personId());
        recipients
                .supervisorOf(person.orElse(null))
                .ifPresent(boss -> send(
                        event,
                        null,
                        e.deviceId(),
                        boss.email,
                        messages.returnTaskOverdue(e, d, person.orElse(null)),
                        null));
    }

    private void send(ConsumedEvent event, UUID reportId, UUID deviceId, String email, Message message, String link) {
        notifications.add(new NotificationDraft(
                event.eventId(), event.eventType(), GROUP, reportId, deviceId, email, Channel.EMAIL, message, link));
    }
}
