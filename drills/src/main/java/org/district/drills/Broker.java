package org.district.drills;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.district.contracts.EventHeaders;
import org.district.testing.TestKafka;

/**
 * The drill's own view of the bench broker: every record of a topic from its beginning (no consumer group, so nothing
 * of the services' is touched), and the services' consumer groups (lag, state, reset to the earliest offsets).
 */
final class Broker implements AutoCloseable {

    private final Admin admin;

    Broker() {
        Properties props = TestKafka.admin(Stack.BOOTSTRAP);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        admin = Admin.create(props);
    }

    /** Every record of the topic, from the first offset to the end as of now (committed records only). */
    static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = TestKafka.admin(Stack.BOOTSTRAP);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 120 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** How many records of the topic carry each event id. */
    static Map<String, Integer> recordsPerEventId(String topic) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, String> r : readAll(topic)) {
            String id = header(r, EventHeaders.EVENT_ID);
            counts.merge(id == null ? "(none)" : id, 1, Integer::sum);
        }
        return counts;
    }

    /** The consumer groups on the broker. */
    Set<String> groups() throws Exception {
        return admin.listGroups().all().get(20, TimeUnit.SECONDS).stream()
                .map(GroupListing::groupId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(20, TimeUnit.SECONDS)
                .forEach((tp, om) -> {
                    if (om != null) {
                        offsets.put(tp, om);
                    }
                });
        return offsets;
    }

    /** Offsets of every partition of the given topics: latest or earliest. */
    Map<TopicPartition, Long> offsets(Collection<String> topics, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        var descriptions = admin.describeTopics(topics).allTopicNames().get(20, TimeUnit.SECONDS);
        descriptions.forEach(
                (name, d) -> d.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), spec)));
        Map<TopicPartition, Long> out = new HashMap<>();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                admin.listOffsets(request).all().get(20, TimeUnit.SECONDS);
        result.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /**
     * Records the group has not consumed yet: on every partition of every topic it has committed on, the committed
     * records between its committed offset and the end. Counted by reading them, because a transactional producer's
     * commit markers also take offsets: a group that consumed everything still commits the offset of the last marker,
     * one short of the end. Records of a transaction still open (not readable yet) count as not consumed.
     */
    long lag(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        Set<String> topics =
                committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        if (topics.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> from = new HashMap<>();
        Map<TopicPartition, Long> end = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> e :
                offsets(topics, OffsetSpec.latest()).entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            long start = c == null ? 0 : c.offset();
            if (e.getValue() > start) {
                from.put(e.getKey(), start);
                end.put(e.getKey(), e.getValue());
            }
        }
        if (from.isEmpty()) {
            return 0;
        }
        KafkaConsumer<String, String> c = lagReader();
        c.assign(from.keySet());
        from.forEach(c::seek);
        long records = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!reached(c, end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    records++;
                }
            }
        }
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            records += Math.max(0, e.getValue() - c.position(e.getKey()));
        }
        return records;
    }

    private KafkaConsumer<String, String> lagReader;

    private KafkaConsumer<String, String> lagReader() {
        if (lagReader == null) {
            Properties props = TestKafka.admin(Stack.BOOTSTRAP);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            lagReader = new KafkaConsumer<>(props);
        }
        return lagReader;
    }

    /** Lag of every group, by group. */
    Map<String, Long> lags() throws Exception {
        Map<String, Long> out = new TreeMap<>();
        for (String g : groups()) {
            out.put(g, lag(g));
        }
        return out;
    }

    String state(String group) throws Exception {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group))
                .all()
                .get(20, TimeUnit.SECONDS)
                .get(group);
        GroupState state = d.groupState();
        return state == null ? "UNKNOWN" : state.name();
    }

    /**
     * Moves the group back to the earliest offset of every partition of every topic it has committed on, so it reads
     * everything again. The group must have no members (the services are stopped). Returns the records it will re-read.
     */
    long resetToEarliest(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        Set<String> topics =
                committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        if (topics.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> earliest = offsets(topics, OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = offsets(topics, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
        long replay = 0;
        for (Map.Entry<TopicPartition, Long> e : earliest.entrySet()) {
            reset.put(e.getKey(), new OffsetAndMetadata(e.getValue()));
            replay += latest.get(e.getKey()) - e.getValue();
        }
        admin.alterConsumerGroupOffsets(group, reset).all().get(20, TimeUnit.SECONDS);
        return replay;
    }

    @Override
    public void close() {
        if (lagReader != null) {
            lagReader.close(Duration.ofSeconds(5));
        }
        admin.close(Duration.ofSeconds(5));
    }
}
