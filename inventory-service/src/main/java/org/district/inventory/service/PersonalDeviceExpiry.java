package org.district.inventory.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Ends the approvals of personal devices whose last day has passed, every
 * {@code district.personal-devices.expiry-every} (an hour unless configured, so an approval ends early on the day after
 * its last). Every replica schedules it; the expiry claims its rows with SKIP LOCKED, so they share the work.
 */
@ApplicationScoped
public class PersonalDeviceExpiry {

    private static final Logger LOG = Logger.getLogger(PersonalDeviceExpiry.class);

    @Inject
    PersonalDeviceService personalDevices;

    @Scheduled(
            identity = "personal-device-expiry",
            every = "${district.personal-devices.expiry-every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            int ended = personalDevices.expireDue();
            if (ended > 0) {
                LOG.infof("Ended %d personal device approvals whose last day had passed", ended);
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Ending the personal device approvals that ran out failed (%s); retrying at the next round",
                    e.getMessage());
        }
    }
}
