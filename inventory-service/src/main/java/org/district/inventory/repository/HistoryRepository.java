package org.district.inventory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.inventory.entity.DeviceHistoryEntry;
import org.district.inventory.entity.HistoryEntry;
import org.district.inventory.entity.PersonHistoryEntry;

/** The change histories of devices and people, newest first, keyset-paginated by entry id. */
@ApplicationScoped
public class HistoryRepository {

    @Inject
    EntityManager em;

    public void add(HistoryEntry entry) {
        em.persist(entry);
    }

    /** The status a device left when it last moved into {@code status}; empty if it never did. */
    public Optional<DeviceStatus> statusBeforeLastEntering(UUID deviceId, DeviceStatus status) {
        return em.createQuery(
                        "select h.fromStatus from DeviceHistoryEntry h where h.recordId = :device"
                                + " and h.toStatus = :status and h.fromStatus <> :status order by h.id desc",
                        DeviceStatus.class)
                .setParameter("device", deviceId)
                .setParameter("status", status)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Up to {@code limit + 1} entries of the device's history older than {@code beforeId} (all when null). */
    public List<DeviceHistoryEntry> forDevice(UUID deviceId, Long beforeId, int limit) {
        return page(DeviceHistoryEntry.class, deviceId, beforeId, limit);
    }

    /**
     * Up to {@code limit + 1} entries of the person's history older than {@code beforeId} (all when null), leaving out
     * the entries of these actions (none when empty).
     */
    public List<PersonHistoryEntry> forPerson(UUID personId, Long beforeId, int limit, Set<String> leftOut) {
        return page(PersonHistoryEntry.class, personId, beforeId, limit, leftOut);
    }

    private <E extends HistoryEntry> List<E> page(Class<E> type, UUID recordId, Long beforeId, int limit) {
        return page(type, recordId, beforeId, limit, Set.of());
    }

    private <E extends HistoryEntry> List<E> page(
            Class<E> type, UUID recordId, Long beforeId, int limit, Set<String> leftOut) {
        TypedQuery<E> query = em.createQuery(
                "from " + type.getSimpleName() + " h where h.recordId = :record"
                        + (beforeId == null ? "" : " and h.id < :before")
                        + (leftOut.isEmpty() ? "" : " and h.action not in :leftOut") + " order by h.id desc",
                type);
        query.setParameter("record", recordId);
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        if (!leftOut.isEmpty()) {
            query.setParameter("leftOut", leftOut);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }
}
