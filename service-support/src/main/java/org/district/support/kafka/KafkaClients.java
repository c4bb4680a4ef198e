package org.district.support.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds plain Kafka clients from Quarkus's {@code kafka.*} configuration, with the settings that make delivery safe:
 * idempotent producer with {@code acks=all}; consumers that commit offsets only after the database commits.
 */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> brokerConfig;

    /** The common client settings (bootstrap servers, security) from configuration. */
    public Map<String, Object> common() {
        Map<String, Object> config = new HashMap<>();
        brokerConfig.forEach((k, v) -> {
            // Quarkus passes every kafka.* property; keep only what clients understand.
            if (!k.startsWith("health") && !k.startsWith("devservices") && !k.startsWith("snappy")) {
                config.put(k, v);
            }
        });
        return config;
    }

    /**
     * A transactional producer for the outbox relay: idempotent, {@code acks=all}, ordered per partition, and a batch
     * becomes visible to {@code read_committed} consumers all at once or not at all, so a partly failed batch can be
     * retried without publishing later events of a key before earlier ones.
     */
    public KafkaProducer<String, String> transactionalProducer(String clientId, String transactionalId) {
        Map<String, Object> config = common();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    /** A consumer in the given group that never commits on its own. */
    public KafkaConsumer<String, String> manualCommitConsumer(String groupId, String clientId, int maxPollRecords) {
        Map<String, Object> config = common();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    /** An admin client; the caller closes it. */
    public Admin admin() {
        Map<String, Object> config = common();
        config.putIfAbsent("request.timeout.ms", 10_000);
        config.putIfAbsent("default.api.timeout.ms", 15_000);
        return Admin.create(config);
    }
}
