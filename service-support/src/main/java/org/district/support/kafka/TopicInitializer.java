package org.district.support.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.district.contracts.Topics;
import org.jboss.logging.Logger;

/**
 * Creates the system's topics with their partitions and cleanup policy if they are missing. Runs in the background
 * and retries, because a service must start (and accept work into its outbox) while the broker is down.
 */
@ApplicationScoped
public class TopicInitializer {

    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    @Inject
    KafkaClients clients;

    @Inject
    KafkaSettings settings;

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean stopping;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        if (!settings.createTopics()) {
            done.countDown();
            return;
        }
        thread = new Thread(this::createUntilDone, "topic-initializer");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Waits until the topics exist (or creation is turned off); true if they do. */
    public boolean awaitTopics(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void createUntilDone() {
        long backoff = 500;
        while (!stopping) {
            try (Admin admin = clients.admin()) {
                Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
                List<NewTopic> missing = Topics.ALL.stream()
                        .filter(spec -> !existing.contains(spec.name()))
                        .map(this::newTopic)
                        .toList();
                if (!missing.isEmpty()) {
                    admin.createTopics(missing).values().forEach((name, future) -> {
                        try {
                            future.get(15, TimeUnit.SECONDS);
                            LOG.infof("Created topic %s", name);
                        } catch (Exception e) {
                            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                                throw new IllegalStateException("Could not create topic " + name, e);
                            }
                        }
                    });
                }
                done.countDown();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("Kafka topics not ready yet (%s); retrying in %d ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private NewTopic newTopic(Topics.TopicSpec spec) {
        Map<String, String> config = new HashMap<>();
        config.put(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInsyncReplicas()));
        return new NewTopic(spec.name(), spec.partitions(), settings.replicationFactor()).configs(config);
    }
}
