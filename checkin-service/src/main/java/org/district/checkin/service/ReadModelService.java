package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.district.checkin.config.OverdueSettings;
import org.district.checkin.entity.Device;
import org.district.checkin.entity.Person;
import org.district.checkin.repository.DeviceStateRepository;
import org.district.checkin.repository.PersonRepository;
import org.district.checkin.repository.ReadModelRepository;
import org.district.contracts.checkin.ReturnReason;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.inventory.PersonSnapshot;
import org.district.support.time.DistrictClock;

/**
 * Applies inventory's device and person snapshots to the read models in bulk: of each batch, only the highest version
 * of each device or person counts, and it is stored only when higher than the one stored, so redelivery and reordering
 * are harmless. Rows are written in id order, the same order the check-in writer locks them in, so the two never
 * deadlock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelService {

    @Inject
    ReadModelRepository readModel;

    @Inject
    OverdueSettings overdue;

    @Inject
    DistrictClock clock;

    @Inject
    DeviceStateService deviceStates;

    @Inject
    ReturnTaskService tasks;

    @Inject
    OffboardingService offboardings;

    @Inject
    PersonRepository people;

    @Inject
    PersonalDeviceAccess personalDevices;

    /**
     * Applies device snapshots (any order, duplicates allowed). A new device is due to check in within its type's grace
     * period from registration; an assignment restarts that clock from the day of the assignment.
     */
    public void devices(Collection<DeviceSnapshot> snapshots) throws SQLException {
        Map<UUID, DeviceSnapshot> latest = latest(
                snapshots,
                s -> s.id() != null && s.type() != null && s.status() != null,
                DeviceSnapshot::id,
                DeviceSnapshot::version);
        if (latest.isEmpty()) {
            return;
        }
        Instant now = clock.now();
        // Devices the batch shows missing at some point (the highest such version of each), though its latest
        // snapshot may already show them found.
        Map<UUID, Long> missingInBatch = snapshots.stream()
                .filter(s -> s.id() != null && (s.status() == DeviceStatus.LOST || s.status() == DeviceStatus.STOLEN))
                .collect(Collectors.toMap(DeviceSnapshot::id, DeviceSnapshot::version, Math::max));
        List<DeviceStateRepository.StateRow> verdicts =
                readModel.upsertDevices(latest.values(), missingInBatch, now, s -> {
                    Instant clockStart =
                            s.assignedAt() != null ? s.assignedAt() : s.updatedAt() == null ? now : s.updatedAt();
                    return clock.dayOf(clockStart).plusDays(overdue.graceDays(s.type()));
                });
        // The devices' check-in state (checkin.device-state.v1): a verdict the snapshot changed, and the end of the
        // overdue state of devices it moved out of the overdue list (retired, lost, with IT, assigned anew).
        deviceStates.complianceChanged(verdicts);
        deviceStates.endOverdue(latest.keySet());
        // Personal devices: an approval inventory ended (REMOVED, EXPIRED) removes the device's access here too, once;
        // a device that may not be locked or located keeps no LOCK or LOCATE.
        personalDevices.snapshotsApplied(latest.values());
        List<DeviceSnapshot> held = latest.values().stream()
                .filter(s -> s.status() == DeviceStatus.ASSIGNED
                        && s.ownership() == Ownership.DISTRICT
                        && s.assigneeId() != null)
                .toList();
        if (held.isEmpty()) {
            return;
        }
        // A loaner: its due date opens a return task of its own.
        for (DeviceSnapshot s : held) {
            if (s.assignmentDueOn() != null) {
                tasks.open(null, ReturnReason.LOAN, s.assigneeId(), Device.of(s), s.assignmentDueOn(), now);
            }
        }
        // A device assigned to someone already known to be leaving is due back on their last working day too.
        for (Person leaving :
                people.departing(held.stream().map(DeviceSnapshot::assigneeId).toList())) {
            offboardings.departed(leaving.id, departureDay(leaving.departedOn, leaving.updatedAt));
        }
    }

    /** Applies person snapshots (any order, duplicates allowed). Names and email are not kept. */
    public void people(List<PersonSnapshot> snapshots) throws SQLException {
        Map<UUID, PersonSnapshot> latest = latest(
                snapshots, s -> s.id() != null && s.districtId() != null, PersonSnapshot::id, PersonSnapshot::version);
        if (latest.isEmpty()) {
            return;
        }
        readModel.upsertPeople(latest.values());
        // One departure path: a person set inactive or given a leaving date in inventory opens the same return tasks an
        // offboarding request does.
        for (PersonSnapshot s : latest.values()) {
            if (!s.active() || s.departedOn() != null) {
                offboardings.departed(s.id(), departureDay(s.departedOn(), s.updatedAt()));
            }
        }
    }

    /** The last working day of a departure: the one given, else the day the person was set inactive. */
    private LocalDate departureDay(LocalDate departedOn, Instant updatedAt) {
        return departedOn != null ? departedOn : clock.dayOf(updatedAt == null ? clock.now() : updatedAt);
    }

    /** The highest version of each usable snapshot, in id order. */
    private static <S> Map<UUID, S> latest(
            Collection<S> snapshots, Predicate<S> usable, Function<S, UUID> id, ToLongFunction<S> version) {
        Map<UUID, S> latest = new TreeMap<>();
        for (S s : snapshots) {
            if (usable.test(s)) {
                latest.merge(id.apply(s), s, (a, b) -> version.applyAsLong(b) > version.applyAsLong(a) ? b : a);
            }
        }
        return latest;
    }
}
