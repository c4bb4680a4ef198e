package org.district.support.health;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.district.support.kafka.KafkaClients;

/**
 * Probes the Kafka cluster in the background so health checks answer at once from the last result instead of waiting
 * on an unreachable broker.
 */
@ApplicationScoped
public class KafkaBrokerMonitor {

    /** The outcome of the probes so far. */
    public record State(
            boolean reachable, int brokers, Instant unreachableSince, String lastError, Instant checkedAt) {}

    @Inject
    KafkaClients clients;

    @Inject
    HealthSettings settings;

    private ScheduledExecutorService executor;
    private Admin admin;
    private volatile State state;

    void start(@Observes StartupEvent event) {
        // Until the first probe answers, the broker counts as unreachable since startup.
        state = new State(false, 0, Instant.now(), "not probed yet", null);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kafka-broker-monitor");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(
                this::probe, 0, settings.kafkaProbeInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }

    public State state() {
        return state;
    }

    void probe() {
        Instant now = Instant.now();
        try {
            if (admin == null) {
                admin = clients.admin();
            }
            int brokers = admin.describeCluster(new DescribeClusterOptions()
                            .timeoutMs((int) settings.kafkaProbeTimeout().toMillis()))
                    .nodes()
                    .get(settings.kafkaProbeTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)
                    .size();
            state = new State(true, brokers, null, null, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            State previous = state;
            Instant since = previous != null && previous.unreachableSince() != null ? previous.unreachableSince() : now;
            String reason = e.getCause() != null
                    ? e.getCause().getClass().getSimpleName()
                    : e.getClass().getSimpleName();
            state = new State(false, 0, since, reason, now);
        }
    }
}
