package org.district.support.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service uses the Kafka cluster beyond the client settings under {@code kafka.*}. */
@ConfigMapping(prefix = "district.kafka")
public interface KafkaSettings {

    /**
     * Create the system's topics at startup if they are missing. Turn off where topics are managed elsewhere (for
     * example by Strimzi KafkaTopic resources).
     */
    @WithDefault("true")
    boolean createTopics();

    /** Replication factor for topics this service creates. 1 on a single local broker, 3 in production. */
    @WithDefault("1")
    short replicationFactor();

    /**
     * Prefix of every Kafka consumer group id this process joins (the inbox keeps the plain group name). Lets a second
     * deployment share a cluster without taking the first one's partitions.
     */
    java.util.Optional<String> groupPrefix();

    /** {@code min.insync.replicas} for topics this service creates. */
    @WithDefault("1")
    int minInsyncReplicas();
}
