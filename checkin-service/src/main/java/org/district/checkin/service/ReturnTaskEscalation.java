package org.district.checkin.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Escalates return tasks past their due date. Every replica schedules it; SKIP LOCKED shares the work. */
@ApplicationScoped
public class ReturnTaskEscalation {

    private static final Logger LOG = Logger.getLogger(ReturnTaskEscalation.class);

    @Inject
    ReturnTaskService tasks;

    @Scheduled(
            every = "${district.return-tasks.escalation-every:5m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            tasks.escalateOverdue();
        } catch (RuntimeException e) {
            LOG.warnf("Return task escalation failed (%s); retrying at the next round", e.getMessage());
        }
    }
}
