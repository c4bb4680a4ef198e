package org.district.lossreport.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.district.lossreport.KnownPerson;
import org.district.lossreport.LossReport;
import org.district.lossreport.config.DistrictClock;
import org.district.lossreport.config.LinkSettings;
import org.district.lossreport.config.LossReportSettings;
import org.district.lossreport.notify.Channel;
import org.district.lossreport.notify.Messages;
import org.district.lossreport.notify.NotificationDraft;
import org.district.lossreport.notify.Notifications;
import org.district.lossreport.repository.KnownPersonRepository;
import org.district.lossreport.repository.LossReportRepository;
import org.jboss.logging.Logger;

/**
 * Reminds the reporter of a theft that the police case number is still owed: at once when the report is filed, then
 * on a schedule until the reporter or IT records it or the report closes. One replica sends reminders at a time
 * (advisory lock); each reminder has a deterministic id, so it is recorded once however often the schedule runs.
 */
@ApplicationScoped
public class PoliceReminders {

    private static final Logger LOG = Logger.getLogger(PoliceReminders.class);

    /** Name under which reminders are recorded in the notification table. */
    public static final String CONSUMER = "police-reminder";

    /** The event type of reminders (they are caused by the schedule, not by a Kafka event). */
    public static final String EVENT_TYPE = "PoliceReportReminder";

    private static final long REMINDER_LOCK = 0x706F6C696365L;

    @Inject
    Notifications notifications;

    @Inject
    Messages messages;

    @Inject
    KnownPersonRepository people;

    @Inject
    LossReportRepository reports;

    @Inject
    LinkSettings links;

    @Inject
    LossReportSettings settings;

    @Inject
    DistrictClock clock;

    @Inject
    EntityManager em;

    /** Records the report's next reminder to its reporter and schedules the one after it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remind(LossReport r) {
        int number = r.policeRemindersSent + 1;
        Optional<KnownPerson> reporter = r.reporterId != null ? people.find(r.reporterId) : Optional.empty();
        if (reporter.isEmpty()) {
            reporter = people.findByDistrictId(r.reportedBy);
        }
        Optional<String> email = reporter.map(p -> p.email).filter(e -> e != null && !e.isBlank());
        if (email.isPresent()) {
            String link = links.report(r.id);
            notifications.add(new NotificationDraft(
                    reminderId(r.id, number),
                    EVENT_TYPE,
                    CONSUMER,
                    r.id,
                    r.deviceId,
                    email.get(),
                    Channel.EMAIL,
                    messages.policeReminder(r, number, link),
                    link));
        } else {
            LOG.warnf(
                    "Report %s owes a police case number but reporter %s has no email on record; no reminder sent",
                    r.reportNumber, r.reportedBy);
        }
        r.policeRemindersSent = number;
        r.nextPoliceReminderAt = clock.now().plus(settings.policeReminderEvery());
    }

    @Scheduled(
            every = "${district.lossreport.police-reminder-check:1m}",
            delayed = "${district.lossreport.police-reminder-check:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        int sent = QuarkusTransaction.requiringNew().call(() -> {
            boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, REMINDER_LOCK)
                    .getSingleResult();
            if (!locked) {
                return 0;
            }
            List<LossReport> due = reports.dueForPoliceReminder(Instant.now(), 100);
            due.forEach(this::remind);
            return due.size();
        });
        if (sent > 0) {
            LOG.infof("Sent %d police report reminders", sent);
        }
    }

    static UUID reminderId(UUID reportId, int number) {
        return UUID.nameUUIDFromBytes(("police-reminder:" + reportId + ":" + number).getBytes(StandardCharsets.UTF_8));
    }
}
