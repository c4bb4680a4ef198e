package org.district.support.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The consumer-side inbox: records event ids in the caller's transaction and tells which events are new. Because the
 * record commits together with the event's effect, an event redelivered after a crash or rebalance is recognised and
 * skipped, so each effect happens exactly once.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** Records the events' ids for this consumer and returns those not seen before (first occurrence of each). */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<ConsumedEvent> firstTime(String consumer, List<ConsumedEvent> events) {
        Map<UUID, ConsumedEvent> unique = new LinkedHashMap<>();
        for (ConsumedEvent event : events) {
            unique.putIfAbsent(event.eventId(), event);
        }
        if (unique.isEmpty()) {
            return List.of();
        }
        List<Object> inserted = em.createNativeQuery("insert into processed_event (consumer, event_id)"
                        + " select ?1, unnest(cast(?2 as uuid[])) on conflict do nothing returning event_id")
                .setParameter(1, consumer)
                .setParameter(2, unique.keySet().toArray(new UUID[0]))
                .getResultList();
        Set<UUID> fresh = new HashSet<>();
        for (Object id : inserted) {
            fresh.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
        }
        List<ConsumedEvent> result = new ArrayList<>(fresh.size());
        for (ConsumedEvent event : unique.values()) {
            if (fresh.contains(event.eventId())) {
                result.add(event);
            }
        }
        return result;
    }

    /** Whether this consumer has processed the event. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean seen(String consumer, UUID eventId) {
        return !em.createNativeQuery("select 1 from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .getResultList()
                .isEmpty();
    }
}
