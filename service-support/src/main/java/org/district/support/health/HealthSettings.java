package org.district.support.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the health checks watch the Kafka cluster. */
@ConfigMapping(prefix = "district.health")
public interface HealthSettings {

    /** How often the broker is probed in the background. */
    @WithDefault("5s")
    Duration kafkaProbeInterval();

    /** How long one probe may wait for the cluster to answer. */
    @WithDefault("3s")
    Duration kafkaProbeTimeout();

    /**
     * How long the broker may be unreachable before readiness fails; meanwhile changes still commit and their events
     * wait in the outbox.
     */
    @WithDefault("PT2M")
    Duration kafkaReadinessGrace();
}
