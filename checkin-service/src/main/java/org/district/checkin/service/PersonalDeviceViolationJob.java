package org.district.checkin.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Removes the access of approved personal devices non-compliant for longer than the grace period
 * ({@link PersonalDeviceAccess#removeViolations}). Every replica schedules it; each removal is made and raised once.
 */
@ApplicationScoped
public class PersonalDeviceViolationJob {

    private static final Logger LOG = Logger.getLogger(PersonalDeviceViolationJob.class);

    @Inject
    PersonalDeviceAccess access;

    @Scheduled(
            every = "${district.personal-devices.violation-check-every:1h}",
            delayed = "${district.personal-devices.violation-check-delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            access.removeViolations();
        } catch (RuntimeException e) {
            LOG.warnf("Personal device violation check failed (%s); retrying at the next round", e.getMessage());
        }
    }
}
