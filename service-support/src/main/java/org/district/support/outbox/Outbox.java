package org.district.support.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.district.contracts.EventEnvelope;
import org.district.contracts.EventHeaders;
import org.district.support.tx.AfterCommit;
import org.district.support.web.Correlation;
import org.hibernate.Session;

/**
 * Records an event in the {@code outbox_event} table inside the caller's transaction, so the event exists if and only
 * if the change that raised it commits. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "insert into outbox_event"
            + " (event_id, topic, record_key, event_type, payload, headers, created_at)"
            + " values (?1, ?2, ?3, ?4, cast(?5 as jsonb), cast(?6 as jsonb), ?7)";

    /** Several events in one statement, numbered (seq) in the order given. */
    private static final String INSERT_ALL = "insert into outbox_event"
            + " (event_id, topic, record_key, event_type, payload, headers, created_at)"
            + " select e.id::uuid, e.topic, e.record_key, e.type, e.payload::jsonb, e.headers::jsonb,"
            + " e.created_at::timestamptz from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[]) with ordinality as e(id, topic, record_key, type, payload, headers, created_at, n)"
            + " order by e.n";

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
        Row row = row(event, Instant.now().truncatedTo(ChronoUnit.MICROS), Correlation.current());
        // Flush the aggregate's changes first, so its row lock is taken before the event gets its sequence number:
        // events of one aggregate are then numbered in commit order.
        em.flush();
        em.createNativeQuery(INSERT)
                .setParameter(1, row.eventId())
                .setParameter(2, event.topic())
                .setParameter(3, event.key())
                .setParameter(4, event.eventType())
                .setParameter(5, row.payload())
                .setParameter(6, row.headers())
                .setParameter(7, row.createdAt())
                .executeUpdate();
        afterCommit.once(Outbox.class, relay::wakeUp);
        return row.eventId();
    }

    /**
     * Adds the events to the current transaction in one statement (one round trip however many), numbered in the
     * order given, and returns their ids: for a batch writer that raises many events at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<OutgoingEvent> events) {
        if (events.size() <= 1) {
            return events.isEmpty() ? List.of() : List.of(publish(events.get(0)));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String correlationId = Correlation.current();
        List<UUID> ids = new ArrayList<>(events.size());
        int size = events.size();
        String[][] columns = new String[7][size];
        for (int i = 0; i < size; i++) {
            OutgoingEvent event = events.get(i);
            Row row = row(event, now, correlationId);
            ids.add(row.eventId());
            columns[0][i] = row.eventId().toString();
            columns[1][i] = event.topic();
            columns[2][i] = event.key();
            columns[3][i] = event.eventType();
            columns[4][i] = row.payload();
            columns[5][i] = row.headers();
            columns[6][i] = now.toString();
        }
        // As in publish: the aggregates' changes first, so their row locks are taken before the events are numbered.
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(INSERT_ALL)) {
                for (int c = 0; c < columns.length; c++) {
                    ps.setArray(c + 1, connection.createArrayOf("text", columns[c]));
                }
                ps.executeUpdate();
            }
        });
        afterCommit.once(Outbox.class, relay::wakeUp);
        return ids;
    }

    /** An outbox row's generated parts: the event id, the envelope and the headers as JSON. */
    private record Row(UUID eventId, String payload, String headers, Instant createdAt) {}

    private Row row(OutgoingEvent event, Instant now, String correlationId) {
        UUID eventId = UUID.randomUUID();
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
            return new Row(eventId, mapper.writeValueAsString(envelope), mapper.writeValueAsString(headers), now);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.eventType() + " cannot be written as JSON", e);
        }
    }
}
