package org.district.checkin.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.district.checkin.service.DeviceStateService;
import org.district.support.metrics.Meters;
import org.jboss.logging.Logger;

/**
 * Publishes the number of devices overdue for check-in as the gauge {@code district.checkin.overdue.devices}, so
 * monitoring can alert on it: the devices the overdue job has marked (their published check-in state), read from the
 * tally the marking keeps on a schedule (each replica reports the same district-wide number).
 */
@ApplicationScoped
public class OverdueMetrics {

    private static final Logger LOG = Logger.getLogger(OverdueMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    DeviceStateService states;

    private final AtomicLong overdueDevices = new AtomicLong(-1);

    void register(@Observes StartupEvent event) {
        Meters.gauge(
                registry,
                "district.checkin.overdue.devices",
                "Devices overdue for check-in (-1 until first counted)",
                overdueDevices,
                AtomicLong::get);
    }

    @Scheduled(every = "${district.overdue.metric-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            overdueDevices.set(states.overdueMarked());
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Could not count overdue devices: %s", e.getMessage());
        }
    }

    /** The last count, or -1 before the first. */
    public long current() {
        return overdueDevices.get();
    }
}
