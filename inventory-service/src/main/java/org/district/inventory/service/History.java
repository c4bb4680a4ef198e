package org.district.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.inventory.domain.FieldChange;
import org.district.inventory.entity.Device;
import org.district.inventory.entity.DeviceHistoryEntry;
import org.district.inventory.entity.HistoryEntry;
import org.district.inventory.entity.Person;
import org.district.inventory.entity.PersonHistoryEntry;
import org.district.inventory.entity.RegistryRecord;
import org.district.inventory.repository.HistoryRepository;
import org.district.support.time.DistrictClock;

/**
 * The change histories of devices and people: records who changed what, when, from and to, in the transaction of the
 * change, and reads them back newest first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class History {

    @Inject
    HistoryRepository repository;

    @Inject
    DistrictClock clock;

    public void device(
            Device device,
            String actor,
            String action,
            DeviceStatus from,
            DeviceStatus to,
            List<FieldChange> changes,
            String reason,
            UUID sourceEventId) {
        DeviceHistoryEntry entry = new DeviceHistoryEntry();
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.reason = reason;
        entry.sourceEventId = sourceEventId;
        add(entry, device, actor, action, changes);
    }

    public void person(Person person, String actor, String action, List<FieldChange> changes) {
        add(new PersonHistoryEntry(), person, actor, action, changes);
    }

    /** Up to {@code limit + 1} entries of a device's history, newest first, older than {@code beforeId} if given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeviceHistoryEntry> ofDevice(UUID deviceId, Long beforeId, int limit) {
        return repository.forDevice(deviceId, beforeId, limit);
    }

    /** Up to {@code limit + 1} entries of a person's history, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonHistoryEntry> ofPerson(UUID personId, int limit, boolean withCharges) {
        return repository.forPerson(personId, null, limit, withCharges ? Set.of() : ChargeService.ACTIONS);
    }

    /** The status a device left when it last moved into {@code status}; empty if it never did. */
    public Optional<DeviceStatus> statusBeforeLastEntering(UUID deviceId, DeviceStatus status) {
        return repository.statusBeforeLastEntering(deviceId, status);
    }

    private void add(
            HistoryEntry entry, RegistryRecord record, String actor, String action, List<FieldChange> changes) {
        entry.recordId = record.id;
        entry.occurredAt = clock.now();
        entry.actor = actor;
        entry.action = action;
        entry.changes = changes == null ? List.of() : changes;
        repository.add(entry);
    }
}
