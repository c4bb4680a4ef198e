package org.district.support.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.district.contracts.EventEnvelope;
import org.district.contracts.EventHeaders;
import org.district.support.tx.AfterCommit;
import org.district.support.web.Correlation;

/**
 * Records an event in the {@code outbox_event} table inside the caller's transaction, so the event exists if and only
 * if the change that raised it commits. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "insert into outbox_event"
            + " (event_id, topic, record_key, event_type, payload, headers, created_at)"
            + " values (?1, ?2, ?3, ?4, cast(?5 as jsonb), cast(?6 as jsonb), ?7)";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    /** Adds the event to the current transaction and returns its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(OutgoingEvent event) {
        UUID eventId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String correlationId = Correlation.current();
        EventEnvelope<Object> envelope = new EventEnvelope<>(
                eventId,
                event.eventType(),
                event.schemaVersion(),
                now,
                event.aggregateType(),
                event.aggregateId(),
                event.aggregateVersion(),
                correlationId,
                event.data());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.EVENT_ID, eventId.toString());
        headers.put(EventHeaders.EVENT_TYPE, event.eventType());
        headers.put(EventHeaders.SCHEMA_VERSION, Integer.toString(event.schemaVersion()));
        headers.put(EventHeaders.OCCURRED_AT, now.toString());
        headers.put(EventHeaders.AGGREGATE_TYPE, event.aggregateType());
        if (correlationId != null) {
            headers.put(EventHeaders.CORRELATION_ID, correlationId);
        }
        try {
            // Flush the aggregate's changes first, so its row lock is taken before the event gets its sequence
            // number: events of one aggregate are then numbered in commit order.
            em.flush();
            em.createNativeQuery(INSERT)
                    .setParameter(1, eventId)
                    .setParameter(2, event.topic())
                    .setParameter(3, event.key())
                    .setParameter(4, event.eventType())
                    .setParameter(5, mapper.writeValueAsString(envelope))
                    .setParameter(6, mapper.writeValueAsString(headers))
                    .setParameter(7, now)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.eventType() + " cannot be written as JSON", e);
        }
        afterCommit.once(Outbox.class, relay::wakeUp);
        return eventId;
    }
}
