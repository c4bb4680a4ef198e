package org.district.checkin.mdm;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.district.checkin.domain.CheckInSource;
import org.district.checkin.entity.DeviceCommand;
import org.district.checkin.repository.CheckInRepository;

/**
 * The device managers' tables: the devices each lists ({@code mdm_device}), matched to inventory or not, and the record
 * of every sync run ({@code mdm_sync_run}); and the commands that go through a manager. Runs on the connection of the
 * caller's transaction.
 */
@ApplicationScoped
public class MdmRepository {

    private static final String MATCH =
            """
            select id, upper(serial_number), upper(asset_tag), ownership = 'PERSONAL' from device \
            where upper(serial_number) = any(?) or upper(asset_tag) = any(?)""";

    /** Upserts a page of listed devices; answers each with what was stored before (the CTEs see the old rows). */
    private static final String UPSERT =
            """
            with input as (select * from unnest(?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], \
            ?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[]::date[], ?::text[]) \
            as u(pid, serial, tag, device_id, status, last_sync, os_version, os_build, updates_end_on, org_unit)), \
            old as (select m.provider_device_id, m.last_sync_at, m.provider_status, m.device_id from mdm_device m \
            join input i on m.provider = ? and m.provider_device_id = i.pid), \
            up as (insert into mdm_device (provider, provider_device_id, serial_number, asset_tag, device_id, \
            provider_status, last_sync_at, os_version, os_build, updates_end_on, org_unit, first_seen_at, \
            last_listed_at, last_listed_run) select ?, pid, serial, tag, device_id, status, last_sync, os_version, \
            os_build, updates_end_on, org_unit, ?, ?, ? from input \
            on conflict (provider, provider_device_id) do update set serial_number = excluded.serial_number, \
            asset_tag = excluded.asset_tag, device_id = excluded.device_id, \
            provider_status = excluded.provider_status, last_sync_at = excluded.last_sync_at, \
            os_version = excluded.os_version, os_build = excluded.os_build, \
            updates_end_on = excluded.updates_end_on, org_unit = excluded.org_unit, \
            last_listed_at = excluded.last_listed_at, last_listed_run = excluded.last_listed_run, vanished_at = null \
            returning provider_device_id, device_id) \
            select up.provider_device_id, up.device_id, old.last_sync_at, old.provider_status, old.device_id, \
            old.provider_device_id is null from up left join old on old.provider_device_id = up.provider_device_id""";

    @Inject
    AgroalDataSource dataSource;

    /** A listed device as stored, and what was stored of it before this listing. */
    public record Listed(
            String providerDeviceId,
            UUID deviceId,
            Instant previousLastSync,
            String previousStatus,
            UUID previousDeviceId,
            boolean firstSeen) {}

    /** A command sent through a manager: the command, its type, its device, and the manager's id of the device. */
    public record ManagedCommand(UUID commandId, DeviceCommand.Type type, UUID deviceId, String providerDeviceId) {}

    /** A command the manager could not be given: the entries of its device that all sync. */
    public record HeldCommand(UUID commandId, DeviceCommand.Type type, UUID deviceId, List<String> entries) {}

    /** A command sent through one of the manager's entries that waits for the entry to report its end. */
    public record DeliveredCommand(UUID commandId, DeviceCommand.Type type, String nonce, Instant deliveredAt) {}

    /** A device a manager lists that inventory does not know. */
    public record UnknownDevice(
            CheckInSource provider,
            String providerDeviceId,
            String serialNumber,
            String assetTag,
            String status,
            Instant lastSync,
            String site,
            Instant firstSeenAt,
            Instant lastListedAt) {}

    /** One sync run. */
    public record SyncRun(
            long id,
            CheckInSource provider,
            String kind,
            String status,
            Instant startedAt,
            Instant finishedAt,
            Instant since,
            int pages,
            int devicesSeen,
            int checkIns,
            int unknownDevices,
            int vanished,
            int commandsSent,
            int commandsHeld,
            int errors,
            String error) {}

    /**
     * Inventory devices found by serial number and by asset tag (upper case), the serial number inventory knows for
     * each device found (absent when it knows none), and those of them that are personal devices (registered by their
     * owners), not the district's.
     */
    public record Matches(
            Map<String, UUID> bySerial, Map<String, UUID> byTag, Map<UUID, String> serialOf, Set<UUID> personal) {}

    /** The inventory devices with these serial numbers or asset tags (upper case). */
    public Matches match(Collection<String> serials, Collection<String> tags) throws SQLException {
        Map<String, UUID> bySerial = new HashMap<>();
        Map<String, UUID> byTag = new HashMap<>();
        Map<UUID, String> serialOf = new HashMap<>();
        Set<UUID> personal = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(MATCH)) {
            ps.setArray(1, c.createArrayOf("text", serials.toArray()));
            ps.setArray(2, c.createArrayOf("text", tags.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    if (rs.getString(2) != null) {
                        bySerial.putIfAbsent(rs.getString(2), id);
                        serialOf.put(id, rs.getString(2));
                    }
                    byTag.putIfAbsent(rs.getString(3), id);
                    if (rs.getBoolean(4)) {
                        personal.add(id);
                    }
                }
            }
        }
        return new Matches(bySerial, byTag, serialOf, personal);
    }

    /** Stores a page of a manager's devices (no id twice), each with its inventory device or none. */
    public List<Listed> upsert(
            CheckInSource provider, long runId, List<MdmDeviceReport> devices, Map<String, UUID> matched, Instant now)
            throws SQLException {
        List<Listed> listed = new ArrayList<>(devices.size());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(UPSERT)) {
            int n = devices.size();
            Object[][] columns = new Object[10][n];
            for (int i = 0; i < n; i++) {
                MdmDeviceReport d = devices.get(i);
                columns[0][i] = d.providerDeviceId();
                columns[1][i] = d.serialNumber();
                columns[2][i] = d.assetTag();
                columns[3][i] = matched.get(d.providerDeviceId());
                columns[4][i] = d.status();
                columns[5][i] = d.lastSync() == null ? null : d.lastSync().toString();
                columns[6][i] = d.osVersion();
                columns[7][i] = d.osBuild();
                columns[8][i] =
                        d.updatesEndOn() == null ? null : d.updatesEndOn().toString();
                columns[9][i] = d.site();
            }
            for (int i = 0; i < 10; i++) {
                ps.setArray(i + 1, c.createArrayOf(i == 3 ? "uuid" : "text", columns[i]));
            }
            ps.setString(11, provider.name());
            ps.setString(12, provider.name());
            ps.setTimestamp(13, Timestamp.from(now));
            ps.setTimestamp(14, Timestamp.from(now));
            ps.setLong(15, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    listed.add(new Listed(
                            rs.getString(1),
                            rs.getObject(2, UUID.class),
                            instant(rs.getTimestamp(3)),
                            rs.getString(4),
                            rs.getObject(5, UUID.class),
                            rs.getBoolean(6)));
                }
            }
        }
        return listed;
    }

    /**
     * The commands sent through these entries of the manager that wait for their end, by the manager's id of the device.
     * Only the entry a command was sent through can end it: another entry matched to the same device reports another
     * machine's actions.
     */
    public Map<String, List<DeliveredCommand>> deliveredCommands(CheckInSource provider, Collection<String> entries)
            throws SQLException {
        Map<String, List<DeliveredCommand>> sent = new HashMap<>();
        if (entries.isEmpty()) {
            return sent;
        }
        rows(
                        "select c.id, c.sent_via_device_id, c.type, c.nonce, c.delivered_at from device_command c"
                                + " join mdm_device m on m.provider = c.sent_via_provider"
                                + " and m.provider_device_id = c.sent_via_device_id and m.device_id = c.device_id"
                                + " where c.sent_via_provider = ? and c.sent_via_device_id = any(?)"
                                + " and c.status = 'DELIVERED'",
                        rs -> Map.entry(
                                rs.getString(2),
                                new DeliveredCommand(
                                        rs.getObject(1, UUID.class),
                                        DeviceCommand.Type.valueOf(rs.getString(3)),
                                        rs.getString(4),
                                        instant(rs.getTimestamp(5)))),
                        provider.name(),
                        texts(entries))
                .forEach(e ->
                        sent.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return sent;
    }

    /** How long an entry of a manager has not synced before another entry of the same device outweighs it. */
    public static final Duration STALE_ENTRY = Duration.ofDays(7);

    /**
     * The WIPEs a device's agent was handed before this manager, which carries WIPEs, could take them (it did not list
     * the device yet, or its syncs failed) go back to PENDING with a new nonce when the manager lists the device as
     * {@link CheckInRepository#wipeGoesThroughManager} says, for the claim that follows in the same transaction to send
     * them through the manager: the agent, which may be a thief's, can then neither refuse nor confirm them. So does
     * the latest WIPE of a LOST or STOLEN device that its agent refused (or failed) within {@link
     * CheckInRepository#WIPE_WAITS_FOR_MANAGER}, while no other WIPE of it is open: an agent's refusal ends a WIPE,
     * and a thief's agent would refuse; only a WIPE sent during the device's current loss (one sent before it, or
     * during an earlier loss, is not IT's decision about this one). Not a WIPE the manager may no longer take ({@link
     * CheckInRepository#MANAGER_MAY_TAKE_WIPE}).
     * Returns the devices whose WIPE was taken over.
     */
    public List<UUID> takeOverAgentWipes(CheckInSource provider, Instant now) throws SQLException {
        return rows(
                "update device_command c set status = 'PENDING', delivered_at = null, done_at = null,"
                        + " nonce = replace(gen_random_uuid()::text, '-', '') where c.type = 'WIPE'"
                        + " and c.sent_via_provider is null"
                        + " and (c.status = 'DELIVERED' or (c.status in ('REFUSED', 'FAILED') and c.done_at > ?"
                        + " and exists (select 1 from device x where x.id = c.device_id"
                        + " and x.status in ('LOST', 'STOLEN') and x.missing_since <= c.created_at)"
                        + " and c.id = (select l.id from device_command l where l.device_id = c.device_id"
                        + " and l.type = 'WIPE' order by l.created_at desc, l.id desc limit 1)))"
                        + " and " + CheckInRepository.wipeGoesThroughManager("") + " returning c.device_id",
                rs -> rs.getObject(1, UUID.class),
                Timestamp.from(now.minus(CheckInRepository.WIPE_WAITS_FOR_MANAGER)),
                texts(List.of(provider.name())),
                Timestamp.from(now.minus(CheckInRepository.WIPE_WAITS_FOR_MANAGER)),
                Timestamp.from(now.minus(STALE_ENTRY)));
    }

    /**
     * Claims the PENDING commands of these types for the devices this manager lists: they become DELIVERED (sent
     * through the manager) in this transaction, so a command is sent once however many replicas run. A WIPE is claimed
     * only for a district-owned device (it is refused for others when issued; this holds whatever changed since), and,
     * where the device runs the district's agent, only while the manager may still take it ({@link
     * CheckInRepository#MANAGER_MAY_TAKE_WIPE}); without an agent the manager is the only way, and keeps trying.
     * Where two of this manager's listed entries are matched to one device, the command goes through the entry that
     * synced last, and only when every other one has not synced for {@link #STALE_ENTRY} (a re-enrolment whose old
     * entry the manager still lists). While two of them sync (an entry reporting another device's serial number), it
     * could reach the wrong one: nothing is claimed, and the command waits for one entry to go quiet or vanish (a LOCK
     * or LOCATE goes to the device's agent meanwhile, and so does a WIPE: CheckInRepository's delivery holds a WIPE back
     * only for an entry this claim would send it through).
     */
    public List<ManagedCommand> claimCommands(CheckInSource provider, Collection<DeviceCommand.Type> types, Instant now)
            throws SQLException {
        if (types.isEmpty()) {
            return List.of();
        }
        return rows(
                "update device_command c set status = 'DELIVERED',"
                        + " delivered_at = ?, sent_via_provider = m.provider, sent_via_device_id = m.provider_device_id"
                        + " from mdm_device m join device d on d.id = m.device_id"
                        + " where m.provider = ? and m.device_id = c.device_id and m.vanished_at is null"
                        + " and c.type = any(?) and c.status = 'PENDING'"
                        + " and (c.type <> 'WIPE' or (d.ownership = 'DISTRICT' and (d.credential_sha256 is null or "
                        + CheckInRepository.MANAGER_MAY_TAKE_WIPE + ")))"
                        + " and not exists (select 1 from mdm_device o where o.provider = m.provider"
                        + " and o.device_id = m.device_id and o.provider_device_id <> m.provider_device_id"
                        + " and o.vanished_at is null and o.last_sync_at is not null and (m.last_sync_at is null"
                        + " or o.last_sync_at >= m.last_sync_at or o.last_sync_at > ?))"
                        + " returning c.id, c.type, c.device_id, m.provider_device_id",
                rs -> new ManagedCommand(
                        rs.getObject(1, UUID.class),
                        DeviceCommand.Type.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class),
                        rs.getString(4)),
                Timestamp.from(now),
                provider.name(),
                typeNames(types),
                Timestamp.from(now.minus(STALE_ENTRY)));
    }

    /**
     * The commands of these types a sync could not send just now, though the manager lists their device: two of its
     * entries that both sync are matched to it (see {@link #claimCommands}). Read in the claim's transaction, right
     * after it, so IT sees in the run what waits for them to remove the wrong entry.
     */
    public List<HeldCommand> heldCommands(CheckInSource provider, Collection<DeviceCommand.Type> types)
            throws SQLException {
        if (types.isEmpty()) {
            return List.of();
        }
        return rows(
                "select c.id, c.type, c.device_id, array_agg(m.provider_device_id order by m.provider_device_id)"
                        + " from device_command c join device d on d.id = c.device_id"
                        + " join mdm_device m on m.provider = ? and m.device_id = c.device_id and m.vanished_at is null"
                        + " where c.type = any(?) and c.status = 'PENDING'"
                        + " and (c.type <> 'WIPE' or (d.ownership = 'DISTRICT' and (d.credential_sha256 is null or "
                        + CheckInRepository.MANAGER_MAY_TAKE_WIPE + ")))"
                        + " group by c.id, c.type, c.device_id having count(*) > 1 order by c.device_id, c.type",
                rs -> new HeldCommand(
                        rs.getObject(1, UUID.class),
                        DeviceCommand.Type.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class),
                        List.of((String[]) rs.getArray(4).getArray())),
                provider.name(),
                typeNames(types));
    }

    /**
     * The commands sent through an entry of this manager that no longer stands for their device (it vanished from the
     * manager, or now reports another device or none) go back to PENDING with a new nonce: no entry could end them,
     * and the device's agent or the entry that now stands for the device is sent them again. Run before a claim.
     */
    public int releaseOrphaned(CheckInSource provider) throws SQLException {
        return update(
                "update device_command c set status = 'PENDING', delivered_at = null, sent_via_provider = null,"
                        + " sent_via_device_id = null, nonce = replace(gen_random_uuid()::text, '-', '')"
                        + " where c.status = 'DELIVERED' and c.sent_via_provider = ? and not exists (select 1"
                        + " from mdm_device m where m.provider = c.sent_via_provider"
                        + " and m.provider_device_id = c.sent_via_device_id and m.device_id = c.device_id"
                        + " and m.vanished_at is null)",
                provider.name());
    }

    /**
     * Back to PENDING (the manager could not be reached, or answered an error): sent again at the next sync, the failure
     * counted ({@link CheckInRepository#MANAGER_FAILURES_BEFORE_AGENT}; only a WIPE's count is read).
     */
    public void unclaim(Collection<UUID> commandIds) throws SQLException {
        update(
                "update device_command set status = 'PENDING', delivered_at = null, sent_via_provider = null,"
                        + " sent_via_device_id = null, manager_failures = least(manager_failures + 1, 1000)"
                        + " where id = any(?) and status = 'DELIVERED'",
                (Object) uuids(commandIds));
    }

    /**
     * Of these claimed commands, those still sent through a manager (DELIVERED): read right before a chunk is sent,
     * so a command a recovery cancelled after the sync claimed it (earlier chunks can take minutes) is not sent.
     */
    public Set<UUID> stillClaimed(Collection<UUID> commandIds) throws SQLException {
        return new HashSet<>(rows(
                "select id from device_command where id = any(?) and status = 'DELIVERED'",
                rs -> rs.getObject(1, UUID.class),
                (Object) uuids(commandIds)));
    }

    /**
     * The manager refused the command for the device as it was sent: FAILED, as a device's agent would report it, the
     * refusal recorded ({@link CheckInRepository#MANAGER_MAY_TAKE_WIPE}).
     */
    public void failed(UUID commandId, Instant now) throws SQLException {
        update(
                "update device_command set status = 'FAILED', done_at = ?, manager_refused_at = ? where id = ?"
                        + " and status = 'DELIVERED'",
                Timestamp.from(now),
                Timestamp.from(now),
                commandId);
    }

    /**
     * The district disabled the devices of these LOCKs through the manager they were sent through (so a recovery
     * enables them again). A LOCK a recovery cancelled while it was being sent leaves its device to be enabled again at
     * the next sync: the recovery asked for it before the device counted as disabled.
     */
    public void disabledByDistrict(Collection<UUID> lockIds) throws SQLException {
        // The LOCKs locked first: a recovery cancelling one now commits before they are read, or waits for this.
        update(
                "with locks as (select id, status, sent_via_provider, sent_via_device_id from device_command"
                        + " where id = any(?) order by id for update)"
                        + " update mdm_device m set disabled_by_district = true,"
                        + " reenable_requested = (c.status = 'CANCELLED') from locks c"
                        + " where m.provider = c.sent_via_provider and m.provider_device_id = c.sent_via_device_id",
                (Object) uuids(lockIds));
    }

    /** A recovery: the devices the district disabled through a manager are to be enabled again. */
    public void requestReenable(UUID deviceId) throws SQLException {
        update(
                "update mdm_device set reenable_requested = true where device_id = ? and disabled_by_district",
                deviceId);
    }

    /** Devices to enable again: recovered (asked for), and no longer LOST or STOLEN in inventory. */
    public List<String> toReenable(CheckInSource provider) throws SQLException {
        return texts(
                "select m.provider_device_id from mdm_device m join device d on d.id = m.device_id"
                        + " where m.provider = ? and m.reenable_requested and m.disabled_by_district"
                        + " and m.vanished_at is null and d.status not in ('LOST', 'STOLEN')"
                        + " order by m.provider_device_id",
                provider.name());
    }

    public void reenabled(CheckInSource provider, Collection<String> providerDeviceIds) throws SQLException {
        update(
                "update mdm_device set disabled_by_district = false, reenable_requested = false"
                        + " where provider = ? and provider_device_id = any(?)",
                provider.name(),
                texts(providerDeviceIds));
    }

    /** The entries of this manager a command of these types was sent through that waits for its end. */
    public List<String> awaitingCommands(CheckInSource provider, Collection<DeviceCommand.Type> types)
            throws SQLException {
        return texts(
                "select distinct m.provider_device_id from mdm_device m join device_command c"
                        + " on c.sent_via_provider = m.provider and c.sent_via_device_id = m.provider_device_id"
                        + " and c.device_id = m.device_id and c.type = any(?) and c.status = 'DELIVERED'"
                        + " where m.provider = ? and m.vanished_at is null order by m.provider_device_id",
                typeNames(types),
                provider.name());
    }

    /** After a full listing: the devices it did not list are gone from the manager. */
    public int markVanished(CheckInSource provider, long runId, Instant now) throws SQLException {
        return update(
                "update mdm_device set vanished_at = ? where provider = ? and vanished_at is null"
                        + " and last_listed_run is distinct from ?",
                Timestamp.from(now),
                provider.name(),
                runId);
    }

    /** A device the manager no longer has (asked for by its id). */
    public void vanished(CheckInSource provider, String providerDeviceId, Instant now) throws SQLException {
        update(
                "update mdm_device set vanished_at = ? where provider = ? and provider_device_id = ?"
                        + " and vanished_at is null",
                Timestamp.from(now),
                provider.name(),
                providerDeviceId);
    }

    /** Starts a run; runs left RUNNING by a replica that stopped are closed as FAILED first. */
    public long startRun(CheckInSource provider, String kind, Instant since, Instant now) throws SQLException {
        update(
                "update mdm_sync_run set status = 'FAILED', finished_at = ?,"
                        + " error = 'Interrupted: the replica running it stopped.' where provider = ? and status = 'RUNNING'",
                Timestamp.from(now),
                provider.name());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into mdm_sync_run (provider, kind, status,"
                        + " started_at, since) values (?, ?, 'RUNNING', ?, ?) returning id")) {
            ps.setString(1, provider.name());
            ps.setString(2, kind);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, since == null ? null : Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The run's counts so far (while it runs), or its end ({@code status} SUCCEEDED or FAILED, with the time). */
    public void recordRun(long id, MdmSync.Counts counts, String status, Instant finishedAt, String error)
            throws SQLException {
        update(
                "update mdm_sync_run set pages = ?, devices_seen = ?, check_ins = ?, unknown_devices = ?, vanished = ?,"
                        + " commands_sent = ?, commands_held = ?, errors = ?, status = ?, finished_at = ?, error = ?"
                        + " where id = ?",
                counts.pages,
                counts.seen,
                counts.checkIns,
                counts.unknown,
                counts.vanished,
                counts.commands,
                counts.held,
                counts.errors,
                status,
                finishedAt == null ? null : Timestamp.from(finishedAt),
                error,
                id);
    }

    /** When the manager's last good sync started (of the kind, or any when {@code kind} is null); null for none. */
    public Instant lastGoodStart(CheckInSource provider, String kind) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select max(started_at) from mdm_sync_run where provider = ?"
                        + " and status = 'SUCCEEDED' and (?::text is null or kind = ?)")) {
            ps.setString(1, provider.name());
            ps.setString(2, kind);
            ps.setString(3, kind);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return instant(rs.getTimestamp(1));
            }
        }
    }

    /** When the manager's last good sync finished; null for none. */
    public Instant lastGoodFinish(CheckInSource provider) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select finished_at from mdm_sync_run where provider = ?"
                        + " and status = 'SUCCEEDED' order by finished_at desc limit 1")) {
            ps.setString(1, provider.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? instant(rs.getTimestamp(1)) : null;
            }
        }
    }

    /** Sync runs, newest first, of one manager or all, before the run {@code beforeId}; one more than the limit. */
    public List<SyncRun> runs(CheckInSource provider, Long beforeId, int limit) throws SQLException {
        List<SyncRun> runs = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id, provider, kind, status, started_at, finished_at,"
                        + " since, pages, devices_seen, check_ins, unknown_devices, vanished, commands_sent, commands_held,"
                        + " errors, error from mdm_sync_run where (?::text is null or provider = ?) and (?::int8 is null or id < ?)"
                        + " order by id desc limit ?")) {
            String p = provider == null ? null : provider.name();
            ps.setString(1, p);
            ps.setString(2, p);
            ps.setObject(3, beforeId);
            ps.setObject(4, beforeId);
            ps.setInt(5, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new SyncRun(
                            rs.getLong(1),
                            CheckInSource.valueOf(rs.getString(2)),
                            rs.getString(3),
                            rs.getString(4),
                            instant(rs.getTimestamp(5)),
                            instant(rs.getTimestamp(6)),
                            instant(rs.getTimestamp(7)),
                            rs.getInt(8),
                            rs.getInt(9),
                            rs.getInt(10),
                            rs.getInt(11),
                            rs.getInt(12),
                            rs.getInt(13),
                            rs.getInt(14),
                            rs.getInt(15),
                            rs.getString(16)));
                }
            }
        }
        return runs;
    }

    /**
     * Devices the managers list that inventory does not know (and still list), by manager and id, after the position
     * {@code after} ({@code provider|id}); one more than the limit.
     */
    public List<UnknownDevice> unknown(CheckInSource provider, String afterProvider, String afterId, int limit)
            throws SQLException {
        List<UnknownDevice> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select provider, provider_device_id, serial_number,"
                        + " asset_tag, provider_status, last_sync_at, org_unit, first_seen_at, last_listed_at"
                        + " from mdm_device where device_id is null and vanished_at is null"
                        + " and (?::text is null or provider = ?)"
                        + " and (?::text is null or (provider, provider_device_id) > (?, ?))"
                        + " order by provider, provider_device_id limit ?")) {
            String p = provider == null ? null : provider.name();
            ps.setString(1, p);
            ps.setString(2, p);
            ps.setString(3, afterProvider);
            ps.setString(4, afterProvider);
            ps.setString(5, afterId);
            ps.setInt(6, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new UnknownDevice(
                            CheckInSource.valueOf(rs.getString(1)),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            instant(rs.getTimestamp(6)),
                            rs.getString(7),
                            instant(rs.getTimestamp(8)),
                            instant(rs.getTimestamp(9))));
                }
            }
        }
        return rows;
    }

    private List<String> texts(String sql, Object... params) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows a statement answers (a query, or a change that returns rows), each read by {@code row}. */
    private <T> List<T> rows(String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
        }
        return rows;
    }

    private static String[] typeNames(Collection<DeviceCommand.Type> types) {
        return types.stream().map(Enum::name).toArray(String[]::new);
    }

    private int update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof String[] array) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("text", array));
            } else if (p instanceof UUID[] array) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("uuid", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static String[] texts(Collection<String> values) {
        return values.toArray(new String[0]);
    }

    private static UUID[] uuids(Collection<UUID> values) {
        return values.toArray(new UUID[0]);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
