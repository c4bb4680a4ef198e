package org.district.checkin.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Raises the overdue transitions of the devices' check-in state (checkin.device-state.v1). Every replica schedules it;
 * SKIP LOCKED shares the rows and each transition is raised once. Once a day one replica also makes the number of
 * devices marked overdue again from the devices.
 */
@ApplicationScoped
public class OverdueStateJob {

    private static final Logger LOG = Logger.getLogger(OverdueStateJob.class);

    /** How often the number of devices marked overdue is made again from the devices. */
    static final Duration RECOUNT_EVERY = Duration.ofDays(1);

    @Inject
    DeviceStateService states;

    @Scheduled(
            every = "${district.overdue.state-every:5m}",
            delayed = "${district.overdue.state-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            states.updateOverdue();
            if (states.recountOverdue(RECOUNT_EVERY)) {
                LOG.infof("Devices marked overdue counted again: %d", states.overdueMarked());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Overdue state update failed (%s); retrying at the next round", e.getMessage());
        }
    }
}
