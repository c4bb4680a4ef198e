package org.district.checkin.mdm;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * Starts a sync of every enabled device manager every {@code district.mdm.sync.every}. Every replica schedules it; the
 * sync's advisory lock lets one run each manager at a time (the others skip that round). Also publishes, per enabled
 * manager, the time since its last good sync ({@code district_mdm_sync_lag_seconds}).
 */
@ApplicationScoped
public class MdmSyncJob {

    private static final Logger LOG = Logger.getLogger(MdmSyncJob.class);

    @Inject
    Instance<MdmProvider> providers;

    @Inject
    MdmSync sync;

    @Inject
    MdmRepository repository;

    @Inject
    MeterRegistry registry;

    @Inject
    DistrictClock clock;

    void onStart(@Observes StartupEvent event) {
        for (MdmProvider provider : providers) {
            if (provider.enabled()) {
                Gauge.builder("district.mdm.sync.lag", provider, this::lagSeconds)
                        .description(
                                "Seconds since the device manager's last good sync finished (NaN before the first)")
                        .tag("provider", provider.source().name())
                        .baseUnit("seconds")
                        .register(registry);
            }
        }
    }

    @Scheduled(
            every = "${district.mdm.sync.every:15m}",
            delayed = "${district.mdm.sync.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        for (MdmProvider provider : providers) {
            if (!provider.enabled()) {
                continue;
            }
            try {
                sync.run(provider);
            } catch (RuntimeException e) {
                // A failing manager never stops the others, nor anything else this service does.
                LOG.warnf("%s sync failed: %s", provider.source(), e.getMessage());
            }
        }
    }

    private double lagSeconds(MdmProvider provider) {
        try {
            Instant last = repository.lastGoodFinish(provider.source());
            return last == null
                    ? Double.NaN
                    : Math.max(0, Duration.between(last, clock.now()).toMillis() / 1000.0);
        } catch (SQLException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
