package org.district.support.messaging;

import java.util.List;
import org.district.contracts.Topics;

/**
 * A consumer group a service runs.
 *
 * @param group the Kafka consumer group id; also the name under which processed event ids are remembered
 * @param topics the topics it reads
 * @param deduplicate remember event ids and skip those already processed (turn off only where applying an event twice
 *     is harmless by construction, for example version-checked snapshot upserts)
 * @param threads consumers per replica (each takes a share of the partitions)
 * @param maxPollRecords largest batch handled in one transaction
 */
public record ConsumerSpec(String group, List<String> topics, boolean deduplicate, int threads, int maxPollRecords) {

    public static ConsumerSpec of(String group, String... topics) {
        return new ConsumerSpec(group, List.of(topics), true, 1, 200);
    }

    /**
     * A read model of inventory's compacted snapshot topics (devices and people): its upserts are version-checked, so
     * a snapshot applied twice changes nothing and the group needs no inbox; large polls let a fresh replica absorb a
     * district's snapshots quickly.
     */
    public static ConsumerSpec inventorySnapshots(String group, int maxPollRecords) {
        return new ConsumerSpec(group, List.of(Topics.DEVICES, Topics.PEOPLE), false, 1, maxPollRecords);
    }

    public ConsumerSpec withoutDeduplication() {
        return new ConsumerSpec(group, topics, false, threads, maxPollRecords);
    }

    public ConsumerSpec withThreads(int count) {
        return new ConsumerSpec(group, topics, deduplicate, count, maxPollRecords);
    }

    public ConsumerSpec withMaxPollRecords(int count) {
        return new ConsumerSpec(group, topics, deduplicate, threads, count);
    }
}
