package org.district.support.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;

/** One event read from Kafka: its envelope fields, where it came from, and its payload. */
public final class ConsumedEvent {

    private final String topic;
    private final int partition;
    private final long offset;
    private final String key;
    private final UUID eventId;
    private final String eventType;
    private final int schemaVersion;
    private final Instant occurredAt;
    private final long aggregateVersion;
    private final String correlationId;
    private final JsonNode data;
    private final String rawValue;
    private final ObjectMapper mapper;

    ConsumedEvent(
            String topic,
            int partition,
            long offset,
            String key,
            UUID eventId,
            String eventType,
            int schemaVersion,
            Instant occurredAt,
            long aggregateVersion,
            String correlationId,
            JsonNode data,
            String rawValue,
            ObjectMapper mapper) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.key = key;
        this.eventId = eventId;
        this.eventType = eventType;
        this.schemaVersion = schemaVersion;
        this.occurredAt = occurredAt;
        this.aggregateVersion = aggregateVersion;
        this.correlationId = correlationId;
        this.data = data;
        this.rawValue = rawValue;
        this.mapper = mapper;
    }

    /** The payload as the given record type. */
    public <T> T data(Class<T> type) {
        try {
            // Tolerant reading: a newer producer may add fields this consumer does not know yet.
            return mapper.readerFor(type)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(data);
        } catch (Exception e) {
            throw new UnreadableEventException(
                    "Event " + eventId + " of type " + eventType + " does not match " + type.getSimpleName(), e);
        }
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    public String key() {
        return key;
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public long aggregateVersion() {
        return aggregateVersion;
    }

    public String correlationId() {
        return correlationId;
    }

    public JsonNode rawData() {
        return data;
    }

    String rawValue() {
        return rawValue;
    }

    @Override
    public String toString() {
        return eventType + " " + eventId + " (" + topic + "-" + partition + "@" + offset + ")";
    }
}
