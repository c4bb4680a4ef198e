package org.district.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON value of every Kafka record: metadata plus the event's {@code data}.
 *
 * @param eventId unique id of this event; consumers deduplicate on it
 * @param eventType name of the payload type, for example {@code LossReported}
 * @param schemaVersion version of the payload schema, starting at 1
 * @param occurredAt when the change happened
 * @param aggregateType the kind of thing that changed, for example {@code Device}
 * @param aggregateId id of the thing that changed
 * @param aggregateVersion version of the aggregate after the change; snapshot readers keep the highest
 * @param correlationId the request that caused the change, if known
 * @param data the payload
 */
public record EventEnvelope<T>(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        String correlationId,
        T data) {}
