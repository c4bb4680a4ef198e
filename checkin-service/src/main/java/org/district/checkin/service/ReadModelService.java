package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.district.checkin.config.OverdueSettings;
import org.district.checkin.repository.ReadModelRepository;
import org.district.contracts.inventory.DeviceSnapshot;
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
        readModel.upsertDevices(latest.values(), now, s -> {
            Instant clockStart = s.assignedAt() != null ? s.assignedAt() : s.updatedAt() == null ? now : s.updatedAt();
            return clock.dayOf(clockStart).plusDays(overdue.graceDays(s.type()));
        });
    }

    /** Applies person snapshots (any order, duplicates allowed). Names and email are not kept. */
    public void people(List<PersonSnapshot> snapshots) throws SQLException {
        Map<UUID, PersonSnapshot> latest = latest(
                snapshots, s -> s.id() != null && s.districtId() != null, PersonSnapshot::id, PersonSnapshot::version);
        if (!latest.isEmpty()) {
            readModel.upsertPeople(latest.values());
        }
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
