package org.district.checkin.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Raises the overdue transitions of the devices' check-in state (checkin.device-state.v1). Every replica schedules it;
 * SKIP LOCKED shares the rows and each transition is raised once.
 */
@ApplicationScoped
public class OverdueStateJob {

    private static final Logger LOG = Logger.getLogger(OverdueStateJob.class);

    @Inject
    DeviceStateService states;

    @Scheduled(
            every = "${district.overdue.state-every:5m}",
            delayed = "${district.overdue.state-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            states.updateOverdue();
        } catch (RuntimeException e) {
            LOG.warnf("Overdue state update failed (%s); retrying at the next round", e.getMessage());
        }
    }
}
