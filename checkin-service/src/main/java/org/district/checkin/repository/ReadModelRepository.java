package org.district.checkin.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.inventory.PersonSnapshot;
import org.district.contracts.inventory.PersonalAccess;

/**
 * The device and person read models, written in bulk from inventory's snapshots: one statement per batch, keeping a
 * snapshot only when its version is higher than the one stored, so redelivery and reordering are harmless. Runs on the
 * connection of the caller's transaction.
 */
@ApplicationScoped
public class ReadModelRepository {

    /**
     * A new device is due to check in within the grace period from registration; an assignment restarts that clock
     * (a device handed out today is not overdue because it sat on a shelf). Nothing else moves due_on here. A snapshot
     * of the stored version is taken again only to fill in a serial number stored before the read model kept them (a
     * rebuild of the read model fills them all). A personal device's standing is kept as the snapshot gives it; when
     * it becomes APPROVED (from any other standing) its approval begins (personal_approved_at, the snapshot's time) and
     * an earlier removal by this service (access_removed_at) no longer holds. The SET expressions read the stored row
     * as it was before this statement.
     */
    private static final String UPSERT_DEVICES =
            """
            insert into device (id, version, asset_tag, type, school, ownership, \
            status, sensitive_data, assignee_id, assignee_district_id, assigned_at, registered_at, updated_at, \
            due_on, serial_number, personal_access, lock_and_locate_consent, personal_approved_at) \
            select * from unnest(?::uuid[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], \
            ?::bool[], ?::uuid[], ?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], \
            ?::text[]::timestamptz[], ?::text[]::date[], ?::text[], ?::text[], ?::bool[], ?::text[]::timestamptz[]) \
            order by 1 \
            on conflict (id) do update set version = excluded.version, asset_tag = excluded.asset_tag, \
            serial_number = excluded.serial_number, \
            type = excluded.type, school = excluded.school, ownership = excluded.ownership, \
            status = excluded.status, sensitive_data = excluded.sensitive_data, \
            assignee_id = excluded.assignee_id, assignee_district_id = excluded.assignee_district_id, \
            assigned_at = excluded.assigned_at, updated_at = excluded.updated_at, \
            due_on = case when excluded.assigned_at is not null \
            and excluded.assigned_at is distinct from device.assigned_at \
            then greatest(device.due_on, excluded.due_on) else device.due_on end, \
            personal_access = excluded.personal_access, \
            lock_and_locate_consent = excluded.lock_and_locate_consent, \
            personal_approved_at = case when excluded.personal_access = 'APPROVED' \
            and device.personal_access is distinct from 'APPROVED' \
            then excluded.personal_approved_at else device.personal_approved_at end, \
            access_removed_at = case when excluded.personal_access = 'APPROVED' \
            and device.personal_access is distinct from 'APPROVED' \
            then null else device.access_removed_at end \
            where device.version < excluded.version \
            or (device.version = excluded.version and device.serial_number is null \
            and excluded.serial_number is not null)""";

    /**
     * A device holding sensitive data that has never checked in is non-compliant (nothing shows its disk is
     * encrypted) until its first check-in is evaluated; one in service that holds none has no verdict yet. Devices out
     * of service (retired, written off) have none either. A new verdict is a change of the device's check-in state:
     * its version goes up and the changed rows come back.
     */
    private static final String UNSEEN_VERDICT =
            """
            update device d set \
            compliant = case when sensitive_data and status not in ('RETIRED', 'WRITTEN_OFF') then false end, \
            compliance_issues = case when sensitive_data and status not in ('RETIRED', 'WRITTEN_OFF') \
            then 'NEVER_CHECKED_IN' end, state_version = state_version + 1 \
            where id = any(?) and last_seen_at is null \
            and compliant is distinct from \
            (case when sensitive_data and status not in ('RETIRED', 'WRITTEN_OFF') then false end) \
            returning """
                    + " " + DeviceStateRepository.STATE_COLUMNS;

    /** Belt and braces with the recovery event: a device that is no longer missing keeps no location. */
    private static final String PURGE_FOUND =
            """
            delete from device_location l using device d \
            where l.device_id = d.id and d.id = any(?) and d.status not in ('LOST', 'STOLEN')""";

    /**
     * The condition on device {@code d} that it was missing and is found ({@link #CANCEL_FOUND_COMMANDS}); its
     * parameter is the batch's newly missing devices.
     */
    private static final String FOUND = "(d.missing_since is not null or d.id = any(?))"
            + " and d.status not in ('LOST', 'STOLEN', 'WRITTEN_OFF', 'RETIRED')";

    /**
     * A device that was missing and is now anything but LOST, STOLEN, WRITTEN_OFF or RETIRED was found, whichever way:
     * a report closed as recovered, or IT's own move in inventory (which publishes no recovery event), even months
     * after a write-off (a written-off device that is deregistered, RETIRED, was not found). "Was missing": its current
     * loss is marked ({@link #MISSING_SINCE}, read before that statement moves it), or a snapshot of this batch newer
     * than the one stored showed it LOST or STOLEN ({@link #NEWLY_MISSING}: the batch keeps only each device's latest,
     * so a loss and its end read together would leave no mark; a redelivered old one says nothing new). Its open
     * commands are cancelled, as the recovery event cancels them, so that a LOCK or WIPE queued while it was missing
     * never reaches a device back in the district's hands: every command a loss report queued, and those IT issued up
     * to the snapshot's time; one IT issued after that (a WIPE to sanitize it, sent before this snapshot was read
     * here) stays. A written-off device keeps them: the district gave it up, and a WIPE still protects its data should
     * it connect.
     */
    private static final String CANCEL_FOUND_COMMANDS =
            """
            update device_command c set status = 'CANCELLED', cancelled_at = ?, cancelled_by = 'recovery:inventory' \
            from device d where c.device_id = d.id and d.id = any(?) and c.status in ('PENDING', 'DELIVERED') \
            and\s"""
                    + FOUND
                    + " and (c.created_at <= d.updated_at or c.issued_by like 'loss-report:%')";

    /**
     * The same devices: a device manager that disabled one for the district enables it again at its next sync. Runs
     * after {@link #CANCEL_FOUND_COMMANDS}, whose locks on the commands order it after a sync's record of a disable
     * it was sending ({@code MdmRepository.disabledByDistrict}).
     */
    private static final String REENABLE_FOUND =
            """
            update mdm_device m set reenable_requested = true from device d \
            where m.device_id = d.id and d.id = any(?) and m.disabled_by_district and not m.reenable_requested \
            and\s"""
                    + FOUND;

    /**
     * Of the devices and versions given (each device's highest LOST or STOLEN snapshot in a batch), those whose
     * snapshot is newer than the one stored: read before the batch is written.
     */
    private static final String NEWLY_MISSING =
            """
            select b.id from unnest(?::uuid[], ?::int8[]) as b(id, version) \
            where not exists (select 1 from device d where d.id = b.id and d.version >= b.version)""";

    /**
     * When the device's current loss began: set from the snapshot's time when it becomes LOST or STOLEN (kept from one
     * to the other, and through a write-off, so that finding it later still ends the loss; set by a write-off whose
     * loss came in the same batch), cleared when it is anything else, whichever way it was found (a report closed as
     * recovered, or IT's move in inventory).
     */
    private static final String MISSING_SINCE =
            """
            update device set missing_since = \
            case when status in ('LOST', 'STOLEN', 'WRITTEN_OFF') then updated_at end \
            where id = any(?) and ((missing_since is null \
            and (status in ('LOST', 'STOLEN') or (status = 'WRITTEN_OFF' and id = any(?)))) \
            or (missing_since is not null and status not in ('LOST', 'STOLEN', 'WRITTEN_OFF')))""";

    private static final String CLEAR_LOST_MARKS =
            """
            update device set lost_seen_at = null, lost_alerted_at = null \
            where id = any(?) and status not in ('LOST', 'STOLEN') \
            and (lost_seen_at is not null or lost_alerted_at is not null)""";

    /** A device taken back through inventory (or reassigned) no longer needs returning by its former holder. */
    private static final String CLOSE_STALE_TASKS =
            """
            update return_task t set status = 'CLOSED', closed_at = ?, \
            close_reason = 'The device is no longer assigned to the person.' from device d \
            where t.device_id = d.id and d.id = any(?) and t.status in ('OPEN', 'OVERDUE') \
            and d.assignee_id is distinct from t.person_id""";

    private static final String UPSERT_PEOPLE =
            """
            insert into person_view (id, version, district_id, kind, school, \
            supervisor_id, active, departed_on, updated_at) \
            select * from unnest(?::uuid[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::bool[], \
            ?::text[]::date[], ?::text[]::timestamptz[]) \
            on conflict (id) do update set version = excluded.version, district_id = excluded.district_id, \
            kind = excluded.kind, school = excluded.school, supervisor_id = excluded.supervisor_id, \
            active = excluded.active, departed_on = excluded.departed_on, updated_at = excluded.updated_at \
            where person_view.version < excluded.version""";

    @Inject
    AgroalDataSource dataSource;

    /**
     * Upserts the snapshots (one per device, in the database's id order, {@code order by 1}: the order the check-in
     * writer locks devices in, so the two never deadlock; Java's UUID order differs, it compares signed), then purges
     * the locations and lost marks of devices no longer missing, cancels the open commands of those found (and has
     * their device managers enable them again), and closes the return tasks of devices no longer with the person.
     * {@code missingInBatch}: the devices a snapshot of the batch showed LOST or STOLEN, each with the highest such
     * version. A snapshot without an update time counts as updated {@code now};
     * {@code dueOn} gives the due date a new or newly assigned device starts from. Returns the check-in states of the
     * devices whose compliance verdict this changed (a device never seen that holds sensitive data, or no longer).
     */
    public List<DeviceStateRepository.StateRow> upsertDevices(
            Collection<DeviceSnapshot> snapshots,
            Map<UUID, Long> missingInBatch,
            Instant now,
            Function<DeviceSnapshot, LocalDate> dueOn)
            throws SQLException {
        List<DeviceStateRepository.StateRow> verdicts = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<UUID> newlyMissing = new ArrayList<>();
            if (!missingInBatch.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(NEWLY_MISSING)) {
                    ps.setArray(
                            1, c.createArrayOf("uuid", missingInBatch.keySet().toArray()));
                    ps.setArray(
                            2, c.createArrayOf("int8", missingInBatch.values().toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            newlyMissing.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(UPSERT_DEVICES)) {
                new ColumnBinder<DeviceSnapshot>(c, ps, snapshots)
                        .next("uuid", DeviceSnapshot::id)
                        .next("int8", DeviceSnapshot::version)
                        .text(s -> s.assetTag() == null ? s.id() : s.assetTag())
                        .text(DeviceSnapshot::type)
                        .text(s -> s.school() == null ? "" : s.school())
                        .text(s -> s.ownership() == null ? "DISTRICT" : s.ownership())
                        .text(DeviceSnapshot::status)
                        .next("bool", DeviceSnapshot::sensitiveData)
                        .next("uuid", DeviceSnapshot::assigneeId)
                        .text(DeviceSnapshot::assigneeDistrictId)
                        .text(DeviceSnapshot::assignedAt)
                        .text(s -> s.updatedAt() == null ? now : s.updatedAt())
                        .text(s -> s.updatedAt() == null ? now : s.updatedAt())
                        .text(dueOn)
                        .text(DeviceSnapshot::serialNumber)
                        .text(s -> personalAccess(s) == null
                                ? null
                                : personalAccess(s).status())
                        .next(
                                "bool",
                                s -> personalAccess(s) != null
                                        && personalAccess(s).lockAndLocateConsent())
                        .text(s ->
                                personalAccess(s) != null && personalAccess(s).approved()
                                        ? (s.updatedAt() == null ? now : s.updatedAt())
                                        : null);
                ps.executeUpdate();
            }
            Array ids = c.createArrayOf(
                    "uuid", snapshots.stream().map(DeviceSnapshot::id).toArray());
            try (PreparedStatement ps = c.prepareStatement(UNSEEN_VERDICT)) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        verdicts.add(DeviceStateRepository.read(rs, 1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(PURGE_FOUND)) {
                ps.setArray(1, ids);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(CLEAR_LOST_MARKS)) {
                ps.setArray(1, ids);
                ps.executeUpdate();
            }
            Array wereMissing = c.createArrayOf("uuid", newlyMissing.toArray());
            try (PreparedStatement ps = c.prepareStatement(CANCEL_FOUND_COMMANDS)) {
                ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                ps.setArray(2, ids);
                ps.setArray(3, wereMissing);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(REENABLE_FOUND)) {
                ps.setArray(1, ids);
                ps.setArray(2, wereMissing);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(MISSING_SINCE)) {
                ps.setArray(1, ids);
                ps.setArray(2, wereMissing);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(CLOSE_STALE_TASKS)) {
                ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                ps.setArray(2, ids);
                ps.executeUpdate();
            }
        }
        return verdicts;
    }

    /** A personal device's standing; null for a district device, whatever its snapshot says. */
    private static PersonalAccess personalAccess(DeviceSnapshot s) {
        return s.ownership() == Ownership.PERSONAL ? s.personalAccess() : null;
    }

    /** Upserts the snapshots (one per person). Names and email are not kept. */
    public void upsertPeople(Collection<PersonSnapshot> snapshots) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(UPSERT_PEOPLE)) {
            new ColumnBinder<PersonSnapshot>(c, ps, snapshots)
                    .next("uuid", PersonSnapshot::id)
                    .next("int8", PersonSnapshot::version)
                    .text(PersonSnapshot::districtId)
                    .text(PersonSnapshot::kind)
                    .text(PersonSnapshot::school)
                    .next("uuid", PersonSnapshot::supervisorId)
                    .next("bool", PersonSnapshot::active)
                    .text(PersonSnapshot::departedOn)
                    .text(PersonSnapshot::updatedAt);
            ps.executeUpdate();
        }
    }
}
