package org.district.checkin.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.district.checkin.config.DistrictClock;
import org.district.checkin.config.OverdueSettings;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.PersonSnapshot;

/**
 * Applies inventory's device and person snapshots to the read models in bulk: one statement per batch, keeping a
 * snapshot only when its version is higher than the one stored, so redelivery and reordering are harmless. Rows are
 * written in id order, the same order the check-in writer locks them in, so the two never deadlock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelUpdates {

    /**
     * A new device is due to check in within the grace period from registration; an assignment restarts that clock
     * (a device handed out today is not overdue because it sat on a shelf). Nothing else moves due_on here.
     */
    private static final String UPSERT_DEVICES = "insert into device (id, version, asset_tag, type, school, ownership,"
            + " status, sensitive_data, assignee_id, assignee_district_id, assigned_at, registered_at, updated_at,"
            + " due_on)"
            + " select * from unnest(?::uuid[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::bool[], ?::uuid[], ?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[],"
            + " ?::text[]::timestamptz[], ?::text[]::date[])"
            + " on conflict (id) do update set version = excluded.version, asset_tag = excluded.asset_tag,"
            + " type = excluded.type, school = excluded.school, ownership = excluded.ownership,"
            + " status = excluded.status, sensitive_data = excluded.sensitive_data,"
            + " assignee_id = excluded.assignee_id, assignee_district_id = excluded.assignee_district_id,"
            + " assigned_at = excluded.assigned_at, updated_at = excluded.updated_at,"
            + " due_on = case when excluded.assigned_at is not null"
            + " and excluded.assigned_at is distinct from device.assigned_at"
            + " then greatest(device.due_on, excluded.due_on) else device.due_on end"
            + " where device.version < excluded.version";

    /** Belt and braces with the recovery event: a device that is no longer missing keeps no location. */
    private static final String PURGE_FOUND = "delete from device_location l using device d"
            + " where l.device_id = d.id and d.id = any(?) and d.status not in ('LOST', 'STOLEN')";

    private static final String CLEAR_LOST_MARKS = "update device set lost_seen_at = null, lost_alerted_at = null"
            + " where id = any(?) and status not in ('LOST', 'STOLEN')"
            + " and (lost_seen_at is not null or lost_alerted_at is not null)";

    /** A device taken back through inventory (or reassigned) no longer needs returning by its former holder. */
    private static final String CLOSE_STALE_TASKS = "update return_task t set status = 'CLOSED', closed_at = ?,"
            + " close_reason = 'The device is no longer assigned to the person.' from device d"
            + " where t.device_id = d.id and d.id = any(?) and t.status in ('OPEN', 'OVERDUE')"
            + " and d.assignee_id is distinct from t.person_id";

    private static final String UPSERT_PEOPLE = "insert into person_view (id, version, district_id, kind, school,"
            + " supervisor_id, active, departed_on, updated_at)"
            + " select * from unnest(?::uuid[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::bool[],"
            + " ?::text[]::date[], ?::text[]::timestamptz[])"
            + " on conflict (id) do update set version = excluded.version, district_id = excluded.district_id,"
            + " kind = excluded.kind, school = excluded.school, supervisor_id = excluded.supervisor_id,"
            + " active = excluded.active, departed_on = excluded.departed_on, updated_at = excluded.updated_at"
            + " where person_view.version < excluded.version";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OverdueSettings overdue;

    @Inject
    DistrictClock clock;

    /** Applies device snapshots (any order, duplicates allowed). */
    public void devices(Collection<DeviceSnapshot> snapshots) throws SQLException {
        Map<UUID, DeviceSnapshot> latest = new TreeMap<>();
        for (DeviceSnapshot s : snapshots) {
            if (s.id() != null && s.type() != null && s.status() != null) {
                latest.merge(s.id(), s, (a, b) -> b.version() > a.version() ? b : a);
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        int n = latest.size();
        Object[] id = new Object[n];
        Object[] version = new Object[n];
        Object[] tag = new Object[n];
        Object[] type = new Object[n];
        Object[] school = new Object[n];
        Object[] ownership = new Object[n];
        Object[] status = new Object[n];
        Object[] sensitive = new Object[n];
        Object[] assignee = new Object[n];
        Object[] assigneeDistrictId = new Object[n];
        Object[] assignedAt = new Object[n];
        Object[] registeredAt = new Object[n];
        Object[] updatedAt = new Object[n];
        Object[] dueOn = new Object[n];
        Instant now = clock.now();
        int i = 0;
        for (DeviceSnapshot s : latest.values()) {
            Instant updated = s.updatedAt() == null ? now : s.updatedAt();
            Instant clockStart = s.assignedAt() != null ? s.assignedAt() : updated;
            id[i] = s.id();
            version[i] = s.version();
            tag[i] = s.assetTag() == null ? s.id().toString() : s.assetTag();
            type[i] = s.type().name();
            school[i] = s.school() == null ? "" : s.school();
            ownership[i] = s.ownership() == null ? "DISTRICT" : s.ownership().name();
            status[i] = s.status().name();
            sensitive[i] = s.sensitiveData();
            assignee[i] = s.assigneeId();
            assigneeDistrictId[i] = s.assigneeDistrictId();
            assignedAt[i] = text(s.assignedAt());
            registeredAt[i] = updated.toString();
            updatedAt[i] = updated.toString();
            dueOn[i] = clock.dayOf(clockStart)
                    .plusDays(overdue.graceDays(s.type()))
                    .toString();
            i++;
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_DEVICES)) {
                int p = 1;
                ps.setArray(p++, c.createArrayOf("uuid", id));
                ps.setArray(p++, c.createArrayOf("int8", version));
                ps.setArray(p++, texts(c, tag));
                ps.setArray(p++, texts(c, type));
                ps.setArray(p++, texts(c, school));
                ps.setArray(p++, texts(c, ownership));
                ps.setArray(p++, texts(c, status));
                ps.setArray(p++, c.createArrayOf("bool", sensitive));
                ps.setArray(p++, c.createArrayOf("uuid", assignee));
                ps.setArray(p++, texts(c, assigneeDistrictId));
                ps.setArray(p++, texts(c, assignedAt));
                ps.setArray(p++, texts(c, registeredAt));
                ps.setArray(p++, texts(c, updatedAt));
                ps.setArray(p, texts(c, dueOn));
                ps.executeUpdate();
            }
            Array ids = c.createArrayOf("uuid", id);
            try (PreparedStatement ps = c.prepareStatement(PURGE_FOUND)) {
                ps.setArray(1, ids);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(CLEAR_LOST_MARKS)) {
                ps.setArray(1, ids);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(CLOSE_STALE_TASKS)) {
                ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                ps.setArray(2, ids);
                ps.executeUpdate();
            }
        }
    }

    /** Applies person snapshots (any order, duplicates allowed). Names and email are not kept. */
    public void people(List<PersonSnapshot> snapshots) throws SQLException {
        Map<UUID, PersonSnapshot> latest = new TreeMap<>();
        for (PersonSnapshot s : snapshots) {
            if (s.id() != null && s.districtId() != null) {
                latest.merge(s.id(), s, (a, b) -> b.version() > a.version() ? b : a);
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        int n = latest.size();
        Object[] id = new Object[n];
        Object[] version = new Object[n];
        Object[] districtId = new Object[n];
        Object[] kind = new Object[n];
        Object[] school = new Object[n];
        Object[] supervisor = new Object[n];
        Object[] active = new Object[n];
        Object[] departedOn = new Object[n];
        Object[] updatedAt = new Object[n];
        int i = 0;
        for (PersonSnapshot s : latest.values()) {
            id[i] = s.id();
            version[i] = s.version();
            districtId[i] = s.districtId();
            kind[i] = s.kind() == null ? null : s.kind().name();
            school[i] = s.school();
            supervisor[i] = s.supervisorId();
            active[i] = s.active();
            departedOn[i] = text(s.departedOn());
            updatedAt[i] = text(s.updatedAt());
            i++;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(UPSERT_PEOPLE)) {
            int p = 1;
            ps.setArray(p++, c.createArrayOf("uuid", id));
            ps.setArray(p++, c.createArrayOf("int8", version));
            ps.setArray(p++, texts(c, districtId));
            ps.setArray(p++, texts(c, kind));
            ps.setArray(p++, texts(c, school));
            ps.setArray(p++, c.createArrayOf("uuid", supervisor));
            ps.setArray(p++, c.createArrayOf("bool", active));
            ps.setArray(p++, texts(c, departedOn));
            ps.setArray(p, texts(c, updatedAt));
            ps.executeUpdate();
        }
    }

    private static Array texts(Connection c, Object[] values) throws SQLException {
        return c.createArrayOf("text", values);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
