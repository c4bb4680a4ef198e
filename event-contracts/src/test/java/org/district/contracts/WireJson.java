package org.district.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Events as the services put them on the wire, for the contract tests.
 *
 * <p>The services write events with the ObjectMapper Quarkus builds (service-support's {@code Outbox} injects it):
 * Jackson's Java time module, dates and durations as ISO-8601 text rather than numbers, UTC, nulls written
 * ({@code quarkus.jackson.*} is left at its defaults), plus service-support's {@code JsonLimits} reading rules (unknown
 * properties, numbers for enums and nulls for primitives refused). {@link #MAPPER} is that configuration.
 * {@link #envelope} and {@link #headers} build what {@code Outbox.publish} builds for an event. The relay then sends
 * the envelope as PostgreSQL's text of the {@code jsonb} it was stored in: the same JSON values, with the properties
 * in another order.
 */
final class WireJson {

    /** The services' ObjectMapper, as far as it shapes event JSON. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .defaultTimeZone(TimeZone.getTimeZone("UTC"))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private WireJson() {}

    /** The envelope the outbox wraps {@code data} in: a new event id, now (to the microsecond) as occurredAt. */
    static EventEnvelope<Object> envelope(
            Object data, String aggregateType, String aggregateId, long aggregateVersion, String correlationId) {
        return new EventEnvelope<>(
                UUID.randomUUID(),
                typeOf(data.getClass()),
                schemaVersionOf(data.getClass()),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                aggregateType,
                aggregateId,
                aggregateVersion,
                correlationId,
                data);
    }

    /** The Kafka headers the outbox sets for an envelope: correlation-id only when there is one. */
    static Map<String, String> headers(EventEnvelope<?> envelope) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.EVENT_ID, envelope.eventId().toString());
        headers.put(EventHeaders.EVENT_TYPE, envelope.eventType());
        headers.put(EventHeaders.SCHEMA_VERSION, Integer.toString(envelope.schemaVersion()));
        headers.put(EventHeaders.OCCURRED_AT, envelope.occurredAt().toString());
        headers.put(EventHeaders.AGGREGATE_TYPE, envelope.aggregateType());
        if (envelope.correlationId() != null) {
            headers.put(EventHeaders.CORRELATION_ID, envelope.correlationId());
        }
        return headers;
    }

    /** The value as JSON text, as the services write it. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The {@code TYPE} constant of an event record: the event type its envelope and headers name. */
    static String typeOf(Class<?> record) {
        return (String) constant(record, "TYPE");
    }

    /** The {@code SCHEMA_VERSION} constant of an event record. */
    static int schemaVersionOf(Class<?> record) {
        return (Integer) constant(record, "SCHEMA_VERSION");
    }

    private static Object constant(Class<?> record, String name) {
        try {
            return record.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(record.getName() + " has no public constant " + name, e);
        }
    }
}
