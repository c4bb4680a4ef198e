package org.district.support.outbox;

/**
 * An event to publish through the outbox.
 *
 * @param topic the Kafka topic
 * @param key the record key (ordering and compaction are per key)
 * @param aggregateType the kind of thing that changed, for example {@code Device}
 * @param aggregateId the id of the thing that changed
 * @param aggregateVersion its version after the change (snapshot readers keep the highest)
 * @param eventType the payload type
 * @param schemaVersion the payload schema version
 * @param data the payload record
 */
public record OutgoingEvent(
        String topic,
        String key,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        String eventType,
        int schemaVersion,
        Object data) {}
