package org.district.checkin.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.district.checkin.compliance.ComplianceEvaluator;
import org.district.checkin.compliance.ComplianceIssue;
import org.district.checkin.config.CheckinSettings;
import org.district.checkin.config.DistrictClock;
import org.district.checkin.config.OverdueSettings;
import org.district.checkin.credential.DeviceCredentials;
import org.district.checkin.service.CheckinEvents;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.support.problem.ProblemException;

/**
 * Writes a batch of check-ins in the caller's transaction with set-based SQL: one locking read of the devices, one
 * update of their latest state, one insert of history rows, and one read-and-mark of their commands, whatever the
 * batch size. Check-ins from unknown or retired devices are refused individually; the others are written.
 */
@ApplicationScoped
public class CheckInBatch {

    /** Locks the batch's devices in id order, so concurrent writers (threads or replicas) never deadlock. */
    private static final String LOCK_DEVICES = "select d.id, d.status, d.type, d.sensitive_data, d.lost_alerted_at,"
            + " d.departure_alerted_at, t.person_id, t.due_on, d.credential_sha256, exists(select 1 from device_command c"
            + " where c.device_id = d.id and c.status in ('PENDING', 'DELIVERED')) as open_commands"
            + " from device d left join lateral (select r.person_id, r.due_on from return_task r"
            + " where r.device_id = d.id and r.status in ('OPEN', 'OVERDUE') order by r.due_on limit 1) t on true"
            + " where d.id = any(?) order by d.id for update of d";

    /**
     * Only unindexed columns change, except due_on (at most once a day) and compliant (when the verdict flips), so the
     * update stays HOT. An older check-in never overwrites a newer one written by another replica.
     */
    private static final String UPDATE_STATE = "update device d set last_seen_at = u.seen_at, os_name = u.os_name,"
            + " os_version = u.os_version, os_build = u.os_build, last_patch_date = u.patch_date,"
            + " antivirus_product = u.av_product, antivirus_definitions_date = u.av_date,"
            + " disk_encrypted = u.encrypted, screen_lock = u.screen_lock, site = u.site, ip_address = u.ip,"
            + " compliant = u.compliant, compliance_issues = u.issues, due_on = greatest(d.due_on, u.due_on),"
            + " lost_seen_at = case when u.missing then u.seen_at else d.lost_seen_at end,"
            + " lost_alerted_at = coalesce(u.lost_alerted_at, d.lost_alerted_at),"
            + " departure_alerted_at = coalesce(u.departure_alerted_at, d.departure_alerted_at)"
            + " from unnest(?::uuid[], ?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[]::date[],"
            + " ?::text[], ?::text[]::date[], ?::bool[], ?::bool[], ?::text[], ?::text[], ?::bool[], ?::text[],"
            + " ?::text[]::date[], ?::bool[], ?::text[]::timestamptz[], ?::text[]::timestamptz[])"
            + " as u(id, seen_at, os_name, os_version, os_build, patch_date, av_product, av_date, encrypted,"
            + " screen_lock, site, ip, compliant, issues, due_on, missing, lost_alerted_at, departure_alerted_at)"
            + " where d.id = u.id and (d.last_seen_at is null or d.last_seen_at <= u.seen_at)";

    private static final String INSERT_HISTORY = "insert into checkin_history (device_id, received_at, os_name,"
            + " os_version, os_build, last_patch_date, antivirus_product, antivirus_definitions_date, disk_encrypted,"
            + " screen_lock, site, ip_address, compliant, compliance_issues)"
            + " select * from unnest(?::uuid[], ?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[]::date[], ?::text[], ?::text[]::date[], ?::bool[], ?::bool[], ?::text[], ?::text[], ?::bool[],"
            + " ?::text[])";

    private static final String INSERT_LOCATIONS = "insert into device_location (device_id, seen_at, latitude,"
            + " longitude, accuracy_meters, site, ip_address) select * from unnest(?::uuid[],"
            + " ?::text[]::timestamptz[], ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::text[])";

    private static final String COMPLETE_COMMANDS = "update device_command c set status = 'DONE', done_at = ?"
            + " from unnest(?::uuid[], ?::uuid[]) as u(id, device_id)"
            + " where c.id = u.id and c.device_id = u.device_id and c.status in ('PENDING', 'DELIVERED')";

    /** Open commands of the batch's devices; those not sent before are marked DELIVERED by the same statement. */
    private static final String DELIVER_COMMANDS = "with sent as (update device_command set status = 'DELIVERED',"
            + " delivered_at = ? where device_id = any(?) and status = 'PENDING' returning id)"
            + " select id, device_id, type, message from device_command"
            + " where device_id = any(?) and status in ('PENDING', 'DELIVERED') order by created_at, id";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ComplianceEvaluator compliance;

    @Inject
    CheckinSettings settings;

    @Inject
    OverdueSettings overdue;

    @Inject
    DistrictClock clock;

    @Inject
    CheckinEvents events;

    /** The result for one check-in: the reply, or the problem that refuses it. */
    record Outcome(CheckInReply reply, ProblemException problem) {}

    private record DeviceRow(
            UUID id,
            DeviceStatus status,
            DeviceType type,
            boolean sensitiveData,
            Instant lostAlertedAt,
            Instant departureAlertedAt,
            UUID departingPersonId,
            LocalDate lastWorkingDay,
            byte[] credentialSha256,
            boolean openCommands) {

        boolean missing() {
            return status == DeviceStatus.LOST || status == DeviceStatus.STOLEN;
        }
    }

    private record Accepted(PendingCheckIn pending, DeviceRow device, List<ComplianceIssue> issues, LocalDate day) {

        boolean keepsLocation() {
            return device.missing() && pending.body().location() != null;
        }
    }

    /** Writes the batch; outcomes are in the batch's order. Runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Outcome> write(List<PendingCheckIn> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Set<UUID> ids = new TreeSet<>();
            batch.forEach(p -> ids.add(p.deviceId()));
            Map<UUID, DeviceRow> devices = lockDevices(c, ids);

            Outcome[] outcomes = new Outcome[batch.size()];
            List<Accepted> accepted = new ArrayList<>(batch.size());
            Map<UUID, Accepted> latest = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                PendingCheckIn p = batch.get(i);
                DeviceRow d = devices.get(p.deviceId());
                if (p.credentialSha256() != null
                        && (d == null || !DeviceCredentials.matches(p.credentialSha256(), d.credentialSha256()))) {
                    // Wrong, replaced or revoked credential (or a device that does not exist): one answer for all.
                    outcomes[i] = new Outcome(null, DeviceCredentials.notAccepted());
                    continue;
                }
                if (d == null) {
                    outcomes[i] = new Outcome(null, unknownDevice(p.deviceId()));
                    continue;
                }
                if (d.status() == DeviceStatus.RETIRED || d.status() == DeviceStatus.WRITTEN_OFF) {
                    outcomes[i] = new Outcome(null, outOfService(p.deviceId(), d.status()));
                    continue;
                }
                LocalDate day = clock.dayOf(p.receivedAt());
                Accepted a = new Accepted(p, d, compliance.evaluate(facts(p.body(), d), day), day);
                accepted.add(a);
                latest.merge(
                        p.deviceId(),
                        a,
                        (x, y) -> y.pending().receivedAt().isBefore(x.pending().receivedAt()) ? x : y);
            }
            if (accepted.isEmpty()) {
                return List.of(outcomes);
            }
            Instant now = clock.now();
            Map<UUID, Instant> lostAlerts = new HashMap<>();
            Map<UUID, Instant> departureAlerts = new HashMap<>();
            for (Accepted a : latest.values()) {
                DeviceRow d = a.device();
                Instant seen = a.pending().receivedAt();
                if (d.missing() && due(d.lostAlertedAt(), seen, settings.lostAlertInterval())) {
                    lostAlerts.put(d.id(), seen);
                }
                if (d.departingPersonId() != null
                        && d.lastWorkingDay().isBefore(a.day())
                        && due(d.departureAlertedAt(), seen, settings.departureAlertInterval())) {
                    departureAlerts.put(d.id(), seen);
                }
            }
            updateState(c, latest.values(), lostAlerts, departureAlerts);
            insertHistory(c, accepted);
            insertLocations(c, accepted);
            completeCommands(c, accepted, now);
            // Most devices have no open command: the batch reads and marks commands only for those that do.
            Set<UUID> withCommands = new TreeSet<>();
            latest.values().stream()
                    .filter(a -> a.device().openCommands())
                    .forEach(a -> withCommands.add(a.device().id()));
            Map<UUID, List<CheckInReply.Command>> commands =
                    withCommands.isEmpty() ? Map.of() : deliverCommands(c, withCommands, now);

            for (Accepted a : latest.values()) {
                UUID id = a.device().id();
                CheckInRequest body = a.pending().body();
                if (lostAlerts.containsKey(id)) {
                    CheckInRequest.Location where = a.keepsLocation() ? body.location() : null;
                    events.lostDeviceSeen(
                            id,
                            a.pending().receivedAt(),
                            body.network().site(),
                            body.network().ipAddress(),
                            where == null ? null : where.latitude(),
                            where == null ? null : where.longitude(),
                            where == null ? null : where.accuracyMeters());
                }
                if (departureAlerts.containsKey(id)) {
                    events.seenAfterDeparture(
                            id,
                            a.device().departingPersonId(),
                            a.device().lastWorkingDay(),
                            a.pending().receivedAt(),
                            body.network().site(),
                            body.network().ipAddress());
                }
            }

            int next = 0;
            for (int i = 0; i < batch.size(); i++) {
                if (outcomes[i] != null) {
                    continue;
                }
                Accepted a = accepted.get(next++);
                outcomes[i] =
                        new Outcome(reply(a, commands.getOrDefault(a.device().id(), List.of())), null);
            }
            return List.of(outcomes);
        }
    }

    private static boolean due(Instant lastAlert, Instant now, java.time.Duration interval) {
        return lastAlert == null || !now.isBefore(lastAlert.plus(interval));
    }

    private ComplianceEvaluator.Facts facts(CheckInRequest body, DeviceRow d) {
        return new ComplianceEvaluator.Facts(
                d.type(),
                d.sensitiveData(),
                body.os().name(),
                body.os().version(),
                body.lastPatchDate(),
                body.antivirus() == null ? null : body.antivirus().product(),
                body.antivirus() == null ? null : body.antivirus().definitionsDate(),
                body.diskEncryption(),
                body.passwordProtection());
    }

    private CheckInReply reply(Accepted a, List<CheckInReply.Command> commands) {
        CheckinSettings.Power power = settings.power();
        return new CheckInReply(
                a.device().id(),
                a.pending().receivedAt(),
                commands,
                settings.nextCheckInInterval().toSeconds(),
                new CheckInReply.PowerPolicy(
                        power.displaySleepMinutes(), power.systemSleepMinutes(), power.wakeOnLanWindow()),
                a.issues().isEmpty(),
                a.issues().stream()
                        .map(i -> new CheckInReply.Issue(i.name(), i.description()))
                        .toList());
    }

    private Map<UUID, DeviceRow> lockDevices(Connection c, Set<UUID> ids) throws SQLException {
        Map<UUID, DeviceRow> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOCK_DEVICES)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    rows.put(
                            id,
                            new DeviceRow(
                                    id,
                                    DeviceStatus.valueOf(rs.getString(2)),
                                    DeviceType.valueOf(rs.getString(3)),
                                    rs.getBoolean(4),
                                    instant(rs.getTimestamp(5)),
                                    instant(rs.getTimestamp(6)),
                                    rs.getObject(7, UUID.class),
                                    rs.getObject(8, LocalDate.class),
                                    rs.getBytes(9),
                                    rs.getBoolean(10)));
                }
            }
        }
        return rows;
    }

    private void updateState(
            Connection c,
            java.util.Collection<Accepted> rows,
            Map<UUID, Instant> lostAlerts,
            Map<UUID, Instant> departureAlerts)
            throws SQLException {
        int n = rows.size();
        Object[] id = new Object[n];
        Object[] seen = new Object[n];
        Object[] osName = new Object[n];
        Object[] osVersion = new Object[n];
        Object[] osBuild = new Object[n];
        Object[] patch = new Object[n];
        Object[] avProduct = new Object[n];
        Object[] avDate = new Object[n];
        Object[] encrypted = new Object[n];
        Object[] lock = new Object[n];
        Object[] site = new Object[n];
        Object[] ip = new Object[n];
        Object[] compliant = new Object[n];
        Object[] issues = new Object[n];
        Object[] dueOn = new Object[n];
        Object[] missing = new Object[n];
        Object[] lostAlert = new Object[n];
        Object[] departureAlert = new Object[n];
        int i = 0;
        for (Accepted a : rows) {
            CheckInRequest b = a.pending().body();
            UUID device = a.device().id();
            id[i] = device;
            seen[i] = a.pending().receivedAt().toString();
            osName[i] = b.os().name();
            osVersion[i] = b.os().version();
            osBuild[i] = b.os().build();
            patch[i] = text(b.lastPatchDate());
            avProduct[i] = b.antivirus() == null ? null : b.antivirus().product();
            avDate[i] = b.antivirus() == null ? null : text(b.antivirus().definitionsDate());
            encrypted[i] = b.diskEncryption();
            lock[i] = b.passwordProtection();
            site[i] = b.network().site();
            ip[i] = b.network().ipAddress().trim();
            compliant[i] = a.issues().isEmpty();
            issues[i] = ComplianceIssue.encode(a.issues());
            dueOn[i] = a.day().plusDays(overdue.graceDays(a.device().type())).toString();
            missing[i] = a.device().missing();
            lostAlert[i] = text(lostAlerts.get(device));
            departureAlert[i] = text(departureAlerts.get(device));
            i++;
        }
        try (PreparedStatement ps = c.prepareStatement(UPDATE_STATE)) {
            int p = 1;
            ps.setArray(p++, c.createArrayOf("uuid", id));
            ps.setArray(p++, texts(c, seen));
            ps.setArray(p++, texts(c, osName));
            ps.setArray(p++, texts(c, osVersion));
            ps.setArray(p++, texts(c, osBuild));
            ps.setArray(p++, texts(c, patch));
            ps.setArray(p++, texts(c, avProduct));
            ps.setArray(p++, texts(c, avDate));
            ps.setArray(p++, c.createArrayOf("bool", encrypted));
            ps.setArray(p++, c.createArrayOf("bool", lock));
            ps.setArray(p++, texts(c, site));
            ps.setArray(p++, texts(c, ip));
            ps.setArray(p++, c.createArrayOf("bool", compliant));
            ps.setArray(p++, texts(c, issues));
            ps.setArray(p++, texts(c, dueOn));
            ps.setArray(p++, c.createArrayOf("bool", missing));
            ps.setArray(p++, texts(c, lostAlert));
            ps.setArray(p, texts(c, departureAlert));
            ps.executeUpdate();
        }
    }

    private void insertHistory(Connection c, List<Accepted> rows) throws SQLException {
        int n = rows.size();
        Object[] id = new Object[n];
        Object[] seen = new Object[n];
        Object[] osName = new Object[n];
        Object[] osVersion = new Object[n];
        Object[] osBuild = new Object[n];
        Object[] patch = new Object[n];
        Object[] avProduct = new Object[n];
        Object[] avDate = new Object[n];
        Object[] encrypted = new Object[n];
        Object[] lock = new Object[n];
        Object[] site = new Object[n];
        Object[] ip = new Object[n];
        Object[] compliant = new Object[n];
        Object[] issues = new Object[n];
        for (int i = 0; i < n; i++) {
            Accepted a = rows.get(i);
            CheckInRequest b = a.pending().body();
            id[i] = a.device().id();
            seen[i] = a.pending().receivedAt().toString();
            osName[i] = b.os().name();
            osVersion[i] = b.os().version();
            osBuild[i] = b.os().build();
            patch[i] = text(b.lastPatchDate());
            avProduct[i] = b.antivirus() == null ? null : b.antivirus().product();
            avDate[i] = b.antivirus() == null ? null : text(b.antivirus().definitionsDate());
            encrypted[i] = b.diskEncryption();
            lock[i] = b.passwordProtection();
            site[i] = b.network().site();
            ip[i] = b.network().ipAddress().trim();
            compliant[i] = a.issues().isEmpty();
            issues[i] = ComplianceIssue.encode(a.issues());
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
            int p = 1;
            ps.setArray(p++, c.createArrayOf("uuid", id));
            ps.setArray(p++, texts(c, seen));
            ps.setArray(p++, texts(c, osName));
            ps.setArray(p++, texts(c, osVersion));
            ps.setArray(p++, texts(c, osBuild));
            ps.setArray(p++, texts(c, patch));
            ps.setArray(p++, texts(c, avProduct));
            ps.setArray(p++, texts(c, avDate));
            ps.setArray(p++, c.createArrayOf("bool", encrypted));
            ps.setArray(p++, c.createArrayOf("bool", lock));
            ps.setArray(p++, texts(c, site));
            ps.setArray(p++, texts(c, ip));
            ps.setArray(p++, c.createArrayOf("bool", compliant));
            ps.setArray(p, texts(c, issues));
            ps.executeUpdate();
        }
    }

    /** Only check-ins of LOST or STOLEN devices get here with a location; every other location was never kept. */
    private void insertLocations(Connection c, List<Accepted> rows) throws SQLException {
        List<Accepted> located = rows.stream().filter(Accepted::keepsLocation).toList();
        if (located.isEmpty()) {
            return;
        }
        int n = located.size();
        Object[] id = new Object[n];
        Object[] seen = new Object[n];
        Object[] lat = new Object[n];
        Object[] lon = new Object[n];
        Object[] accuracy = new Object[n];
        Object[] site = new Object[n];
        Object[] ip = new Object[n];
        for (int i = 0; i < n; i++) {
            Accepted a = located.get(i);
            CheckInRequest b = a.pending().body();
            id[i] = a.device().id();
            seen[i] = a.pending().receivedAt().toString();
            lat[i] = b.location().latitude();
            lon[i] = b.location().longitude();
            accuracy[i] = b.location().accuracyMeters();
            site[i] = b.network().site();
            ip[i] = b.network().ipAddress().trim();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_LOCATIONS)) {
            ps.setArray(1, c.createArrayOf("uuid", id));
            ps.setArray(2, texts(c, seen));
            ps.setArray(3, c.createArrayOf("float8", lat));
            ps.setArray(4, c.createArrayOf("float8", lon));
            ps.setArray(5, c.createArrayOf("float8", accuracy));
            ps.setArray(6, texts(c, site));
            ps.setArray(7, texts(c, ip));
            ps.executeUpdate();
        }
    }

    private void completeCommands(Connection c, List<Accepted> rows, Instant now) throws SQLException {
        List<Object> commandIds = new ArrayList<>();
        List<Object> deviceIds = new ArrayList<>();
        for (Accepted a : rows) {
            List<UUID> done = a.pending().body().completedCommands();
            if (done == null) {
                continue;
            }
            for (UUID id : new LinkedHashSet<>(done)) {
                commandIds.add(id);
                deviceIds.add(a.device().id());
            }
        }
        if (commandIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(COMPLETE_COMMANDS)) {
            ps.setObject(1, now.atOffset(java.time.ZoneOffset.UTC));
            ps.setArray(2, c.createArrayOf("uuid", commandIds.toArray()));
            ps.setArray(3, c.createArrayOf("uuid", deviceIds.toArray()));
            ps.executeUpdate();
        }
    }

    private Map<UUID, List<CheckInReply.Command>> deliverCommands(Connection c, Set<UUID> devices, Instant now)
            throws SQLException {
        Map<UUID, List<CheckInReply.Command>> commands = new HashMap<>();
        Array ids = c.createArrayOf("uuid", devices.toArray());
        try (PreparedStatement ps = c.prepareStatement(DELIVER_COMMANDS)) {
            ps.setObject(1, now.atOffset(java.time.ZoneOffset.UTC));
            ps.setArray(2, ids);
            ps.setArray(3, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    commands.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                            .add(new CheckInReply.Command(
                                    rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return commands;
    }

    private static Array texts(Connection c, Object[] values) throws SQLException {
        return c.createArrayOf("text", values);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static ProblemException unknownDevice(UUID id) {
        return new ProblemException(
                404,
                "unknown-device",
                "Unknown device",
                "Device " + id + " is not registered with the district. Ask IT to register it before it checks in.",
                null,
                null);
    }

    static ProblemException outOfService(UUID id, DeviceStatus status) {
        return ProblemException.conflict(
                "device-out-of-service",
                "Device " + id + " is " + status + " and no longer in service; it may not check in. Return it to IT.");
    }
}
