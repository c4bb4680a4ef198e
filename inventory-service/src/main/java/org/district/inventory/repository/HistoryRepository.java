package org.district.inventory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.inventory.DeviceHistoryEntry;
import org.district.inventory.PersonHistoryEntry;

/** The change histories of devices and people, newest first, keyset-paginated by entry id. */
@ApplicationScoped
public class HistoryRepository {

    @Inject
    EntityManager em;

    public void add(DeviceHistoryEntry entry) {
        em.persist(entry);
    }

    public void add(PersonHistoryEntry entry) {
        em.persist(entry);
    }

    /** The status a device left when it last moved into {@code status}; empty if it never did. */
    public Optional<DeviceStatus> statusBeforeLastEntering(UUID deviceId, DeviceStatus status) {
        return em.createQuery(
                        "select h.fromStatus from DeviceHistoryEntry h where h.deviceId = :device"
                                + " and h.toStatus = :status and h.fromStatus <> :status order by h.id desc",
                        DeviceStatus.class)
                .setParameter("device", deviceId)
                .setParameter("status", status)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public List<DeviceHistoryEntry> forDevice(UUID deviceId, Long beforeId, int limit) {
        var query = em.createQuery(
                "from DeviceHistoryEntry h where h.deviceId = :device" + (beforeId == null ? "" : " and h.id < :before")
                        + " order by h.id desc",
                DeviceHistoryEntry.class);
        query.setParameter("device", deviceId);
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    public List<PersonHistoryEntry> forPerson(UUID personId, Long beforeId, int limit) {
        var query = em.createQuery(
                "from PersonHistoryEntry h where h.personId = :person" + (beforeId == null ? "" : " and h.id < :before")
                        + " order by h.id desc",
                PersonHistoryEntry.class);
        query.setParameter("person", personId);
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }
}
