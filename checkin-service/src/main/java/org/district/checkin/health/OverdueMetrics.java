package org.district.checkin.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.district.checkin.config.DistrictClock;
import org.district.checkin.config.OverdueSettings;
import org.district.checkin.repository.DeviceRepository;
import org.district.checkin.repository.OverdueFilter;
import org.jboss.logging.Logger;

/**
 * Publishes the number of devices overdue for check-in as the gauge {@code district.checkin.overdue.devices}, so
 * monitoring can alert on it. Counted on a schedule (each replica reports the same district-wide number), not on every
 * scrape, because the count reads the overdue index.
 */
@ApplicationScoped
public class OverdueMetrics {

    private static final Logger LOG = Logger.getLogger(OverdueMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    DeviceRepository devices;

    @Inject
    OverdueSettings overdue;

    @Inject
    DistrictClock clock;

    private final AtomicLong overdueDevices = new AtomicLong(-1);

    void register(@Observes StartupEvent event) {
        Gauge.builder("district.checkin.overdue.devices", overdueDevices, AtomicLong::get)
                .description("Devices overdue for check-in (-1 until first counted)")
                .register(registry);
    }

    @Scheduled(every = "${district.overdue.metric-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refresh() {
        try {
            OverdueFilter all = new OverdueFilter(null, null, null, null, EnumSet.copyOf(overdue.trackedStatuses()));
            overdueDevices.set(devices.overdueCounts(all, clock.today()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum());
        } catch (RuntimeException e) {
            LOG.debugf("Could not count overdue devices: %s", e.getMessage());
        }
    }

    /** The last count, or -1 before the first. */
    public long current() {
        return overdueDevices.get();
    }
}
