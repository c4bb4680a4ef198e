package org.district.lossreport.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.district.lossreport.config.LossReportSettings;
import org.district.lossreport.entity.LossReport;
import org.district.lossreport.notify.NotificationRoutes;
import org.district.lossreport.repository.LossReportRepository;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * Reminds the reporter of a theft that the police case number is still owed: at once when the report is filed, then
 * on a schedule until the reporter or IT records it or the report closes. One replica sends reminders at a time
 * (advisory lock); each reminder has a deterministic id, so it is recorded once however often the schedule runs.
 */
@ApplicationScoped
public class PoliceReminders {

    private static final Logger LOG = Logger.getLogger(PoliceReminders.class);

    @Inject
    NotificationRoutes notifications;

    @Inject
    LossReportRepository reports;

    @Inject
    LossReportSettings settings;

    @Inject
    DistrictClock clock;

    /** Records the report's next reminder to its reporter and schedules the one after it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remind(LossReport r) {
        int number = r.policeRemindersSent + 1;
        if (!notifications.remindOfPoliceReport(r, number)) {
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
            if (!reports.tryLockPoliceReminders()) {
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
}
