package org.district.inventory.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.district.inventory.repository.DeviceRepository;
import org.jboss.logging.Logger;

/**
 * Folds the changes the database records to the devices' status counts into the counts, every 15 seconds, so that a
 * count reads a few rows per school and status however many devices changed since the last fold. Every replica
 * schedules it; an advisory lock lets one fold at a time (the others skip that round). The counts are exact without it:
 * it keeps them cheap to read.
 */
@ApplicationScoped
public class StatusCountFolding {

    private static final Logger LOG = Logger.getLogger(StatusCountFolding.class);

    @Inject
    DeviceRepository devices;

    @Scheduled(
            identity = "status-count-folding",
            every = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            fold();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Folding the devices' status count changes failed (%s); retrying at the next round",
                    e.getMessage());
        }
    }

    /** One fold; how many counters changed, or -1 when another replica was folding. */
    @Transactional
    public int fold() {
        return devices.foldStatusCountChanges();
    }
}
