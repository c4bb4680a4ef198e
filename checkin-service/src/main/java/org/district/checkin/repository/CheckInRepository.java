package org.district.checkin.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.district.checkin.domain.CheckInSource;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;

/**
 * The check-in writer's statements, set-based so that a batch costs the same round trips whatever its size: one
 * locking read of the devices, one update of their latest state, one insert of history rows, and (only when the batch
 * needs them) one insert of locations, one completion and one read-and-mark of commands. Each runs on the connection of
 * the caller's transaction.
 */
@ApplicationScoped
public class CheckInRepository {

    /**
     * Whether the district may lock and locate the device {@code d}: its own, or a personal device while approved and
     * with its owner's consent (docs/personal-devices.md). The same rule as commands are issued by.
     */
    static final String MAY_LOCK_AND_LOCATE = "d.ownership = 'DISTRICT' or (d.personal_access = 'APPROVED'"
            + " and d.access_removed_at is null and d.lock_and_locate_consent)";

    /** Locks the batch's devices in id order, so concurrent writers (threads or replicas) never deadlock. */
    private static final String LOCK_DEVICES =
            """
            select d.id, d.status, d.type, d.sensitive_data, d.lost_alerted_at, \
            d.departure_alerted_at, t.person_id, t.due_on, d.credential_sha256, exists(select 1 from device_command c \
            where c.device_id = d.id and c.status in ('PENDING', 'DELIVERED')) as open_commands, \
            d.compliant, d.compliance_issues, d.overdue_since is not null as overdue, \
            (%s) as may_lock_and_locate \
            from device d left join lateral (select r.person_id, r.due_on from return_task r \
            where r.device_id = d.id and r.status in ('OPEN', 'OVERDUE') and r.reason = 'DEPARTURE' \
            order by r.due_on limit 1) t on true \
            where d.id = any(?) order by d.id for update of d"""
                    .formatted(MAY_LOCK_AND_LOCATE);

    /**
     * Only unindexed columns change, except due_on (at most once a day), compliant and noncompliant_since (when the
     * verdict flips: the first non-compliant check-in starts the clock a personal device's grace period is counted on,
     * a compliant one clears it) and overdue_since (when an overdue device checks in), so the update stays HOT. An
     * older check-in never overwrites a newer one written by another replica. The device's check-in state version goes
     * up by the changes the writer found against the locking read (a new verdict, the end of the overdue state); only
     * the rows of those come back.
     */
    private static final String UPDATE_STATE =
            """
            with w as (update device d set last_seen_at = u.seen_at, os_name = u.os_name, \
            os_version = u.os_version, os_build = u.os_build, last_patch_date = u.patch_date, \
            antivirus_product = u.av_product, antivirus_definitions_date = u.av_date, \
            disk_encrypted = u.encrypted, screen_lock = u.screen_lock, site = u.site, ip_address = u.ip, \
            compliant = u.compliant, compliance_issues = u.issues, due_on = greatest(d.due_on, u.due_on), \
            noncompliant_since = case when u.compliant then null else coalesce(d.noncompliant_since, u.seen_at) end, \
            lost_seen_at = case when u.missing then u.seen_at else d.lost_seen_at end, \
            lost_alerted_at = coalesce(u.lost_alerted_at, d.lost_alerted_at), \
            departure_alerted_at = coalesce(u.departure_alerted_at, d.departure_alerted_at), \
            overdue_since = case when u.ends_overdue then null else d.overdue_since end, \
            state_version = d.state_version + u.compliance_changed::int + u.ends_overdue::int \
            from unnest(?::uuid[], ?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[]::date[], \
            ?::text[], ?::text[]::date[], ?::bool[], ?::bool[], ?::text[], ?::text[], ?::bool[], ?::text[], \
            ?::text[]::date[], ?::bool[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::bool[], ?::bool[]) \
            as u(id, seen_at, os_name, os_version, os_build, patch_date, av_product, av_date, encrypted, \
            screen_lock, site, ip, compliant, issues, due_on, missing, lost_alerted_at, departure_alerted_at, \
            compliance_changed, ends_overdue) \
            where d.id = u.id and (d.last_seen_at is null or d.last_seen_at <= u.seen_at) \
            returning u.compliance_changed, u.ends_overdue, """
                    + " " + DeviceStateRepository.STATE_COLUMNS
                    + ") select * from w where w.compliance_changed or w.ends_overdue";

    /**
     * {@link #UPDATE_STATE} for a batch in which an overdue device checks in: the devices whose overdue state ends are
     * taken from the overdue tally in the same statement. Other batches do not touch the tally.
     */
    private static final String UPDATE_STATE_ENDING_OVERDUE = UPDATE_STATE.replace(
            ") select * from w where",
            "), " + OverdueTallyRepository.tallied("w where w.ends_overdue", "-") + " select * from w where");

    private static final String INSERT_HISTORY =
            """
            insert into checkin_history (device_id, received_at, os_name, \
            os_version, os_build, last_patch_date, antivirus_product, antivirus_definitions_date, disk_encrypted, \
            screen_lock, site, ip_address, compliant, compliance_issues, source) \
            select * from unnest(?::uuid[], ?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[], \
            ?::text[]::date[], ?::text[], ?::text[]::date[], ?::bool[], ?::bool[], ?::text[], ?::text[], ?::bool[], \
            ?::text[], ?::text[])""";

    private static final String INSERT_LOCATIONS =
            """
            insert into device_location (device_id, seen_at, latitude, \
            longitude, accuracy_meters, site, ip_address) select * from unnest(?::uuid[], \
            ?::text[]::timestamptz[], ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::text[])""";

    /**
     * A delivered command ends as its own device reports it with the nonce it was sent: DONE (a LOCK only when the same
     * check-in also says the lock is in force), REFUSED or FAILED. A command sent through a device manager ends only by
     * that manager's report (org.district.checkin.mdm hands in only the commands sent through the reporting entry),
     * never by what the device's agent says of it.
     */
    private static final String COMPLETE_COMMANDS =
            """
            with done as (update device_command c set status = u.result, done_at = ? \
            from unnest(?::uuid[], ?::uuid[], ?::text[], ?::bool[], ?::text[], ?::bool[]) \
            as u(id, device_id, nonce, locked, result, from_agent) \
            where c.id = u.id and c.device_id = u.device_id and c.nonce = u.nonce and c.status = 'DELIVERED' \
            and (c.type <> 'LOCK' or u.locked or u.result <> 'DONE') \
            and (not u.from_agent or c.sent_via_provider is null) \
            returning c.id, c.device_id, c.type, c.status, c.done_at), \
            ranked as (select done.*, row_number() over (partition by done.device_id order by done.id) as n, \
            count(*) over (partition by done.device_id) as k from done), \
            dev as (update device d set state_version = d.state_version + r.k, last_command_id = r.id, \
            last_command_type = r.type, last_command_status = r.status, last_command_done_at = r.done_at \
            from ranked r where d.id = r.device_id and r.n = r.k returning """
                    + " " + DeviceStateRepository.STATE_COLUMNS
                    + ") select r.id, r.type, r.status, r.done_at, r.n, r.k, dev.* from ranked r"
                    + " join dev on dev.id = r.device_id order by dev.id, r.n";

    /**
     * Sends a missing device's LOCK again when its check-in does not say the lock is in force: its latest LOCK, if done
     * (not cancelled by a recovery, and no other LOCK open), becomes PENDING with a new nonce. So does one its agent
     * reported REFUSED or FAILED: a thief's agent cannot end the lock by saying no. (A device manager's FAILED stays:
     * the manager, not the device, refused it, and IT sees why in the sync.) Only where the district may still lock the
     * device: not a personal device whose approval ended or whose owner did not consent.
     */
    private static final String REOPEN_LOCKS =
            """
            update device_command c set status = 'PENDING', done_at = null, delivered_at = null, \
            sent_via_provider = null, sent_via_device_id = null, nonce = replace(gen_random_uuid()::text, '-', '') \
            where c.device_id = any(?) and c.type = 'LOCK' \
            and (c.status = 'DONE' or (c.status in ('REFUSED', 'FAILED') and c.device_id = any(?))) \
            and exists (select 1 from device d where d.id = c.device_id and (%s)) \
            and c.id = (select l.id from device_command l where l.device_id = c.device_id and l.type = 'LOCK' \
            order by l.created_at desc, l.id desc limit 1) \
            returning c.device_id"""
                    .formatted(MAY_LOCK_AND_LOCATE);

    /** How recently a device must have reported to a manager that carries WIPEs for its WIPE to be that manager's. */
    public static final Duration WIPE_WAITS_FOR_MANAGER = Duration.ofDays(1);

    /**
     * How many times a manager may fail to be sent a WIPE (an error or no answer, not a refusal) before the WIPE is
     * left to the device's agent: a manager whose listing works but whose WIPE action keeps failing would otherwise
     * hold it back for as long as the device reports to it.
     */
    public static final int MANAGER_FAILURES_BEFORE_AGENT = 3;

    /**
     * Whether the WIPE {@code c} (a device_command) is a manager's to send rather than the device's agent's: one of the
     * managers named (a text array, the first parameter) lists the district device through an entry not vanished from
     * it, that reported to it after the second parameter, and that its sync would send the WIPE through (no other live
     * entry of the device that synced as lately, or after the third parameter: the sync's own rule in {@code
     * MdmRepository.claimCommands}), and that manager may still take the WIPE ({@link #MANAGER_MAY_TAKE_WIPE}); {@code
     * more} adds a condition on that entry, {@code m}. An agent's REFUSED ends a WIPE, and a stolen laptop's agent is
     * the thief's.
     */
    public static String wipeGoesThroughManager(String more) {
        return """
                exists (select 1 from mdm_device m join device d on d.id = m.device_id \
                where m.device_id = c.device_id and m.vanished_at is null and d.ownership = 'DISTRICT' \
                and m.provider = any(?) and m.last_sync_at > ? \
                and not exists (select 1 from mdm_device o where o.provider = m.provider \
                and o.device_id = m.device_id and o.provider_device_id <> m.provider_device_id \
                and o.vanished_at is null and o.last_sync_at is not null \
                and (o.last_sync_at >= m.last_sync_at or o.last_sync_at > ?)) \
                and %s%s)"""
                .formatted(MANAGER_MAY_TAKE_WIPE, more);
    }

    /**
     * Whether the manager of entry {@code m} may still be sent the WIPE {@code c}: it has not failed to take it {@link
     * #MANAGER_FAILURES_BEFORE_AGENT} times (an error or no answer), and has not refused a WIPE of the device as it was
     * sent since the day before this one was sent (its refusal is for the device, not the moment; a failure the device
     * reported later is not one). Otherwise the WIPE is the agent's: neither held back from it nor taken over from it,
     * and not claimed by the manager's sync where the device has an agent (where it has none, the sync keeps trying:
     * the manager is the only way).
     */
    public static final String MANAGER_MAY_TAKE_WIPE = "c.manager_failures < " + MANAGER_FAILURES_BEFORE_AGENT
            + " and not exists (select 1 from device_command f where f.device_id = c.device_id and f.type = 'WIPE'"
            + " and f.sent_via_provider = m.provider and f.manager_refused_at > c.created_at - interval '1 day')";

    /**
     * The condition, for {@link #wipeGoesThroughManager}, that a sync of the entry's manager succeeded after a moment
     * (a parameter): while its syncs fail, the manager carries nothing.
     */
    public static final String MANAGER_SYNCED =
            " and exists (select 1 from mdm_sync_run r where r.provider = m.provider and r.status = 'SUCCEEDED'"
                    + " and r.finished_at > ?)";

    /**
     * Open commands of the batch's devices for their agents; those not sent before are marked DELIVERED by the same
     * statement. A command a device manager carries is not the agent's: it is neither shown to it nor ended by it. Nor
     * is a WIPE not sent yet of a district device that a manager carrying WIPEs lists (one of the providers named, not
     * vanished from it) through an entry that reported to that manager within {@link
     * #WIPE_WAITS_FOR_MANAGER} and that the manager's sync would send it through (no other live entry of
     * the device that synced as lately, or after {@code staleEntry}: the sync's own rule), while that manager's syncs
     * succeed (one since {@code managerSynced}) and it may still take the WIPE ({@link #MANAGER_MAY_TAKE_WIPE}): it
     * waits for that sync, for an agent may answer a WIPE REFUSED, which
     * ends it, and a stolen laptop's agent is the thief's. A device that stopped reporting to its manager (its
     * management removed), that two entries claim, or whose manager the syncs cannot reach, is handed its WIPE by its
     * agent, the only way left to reach it.
     */
    private static final String DELIVER_COMMANDS =
            """
            with sent as (update device_command c set status = 'DELIVERED', \
            delivered_at = ? where c.device_id = any(?) and c.status = 'PENDING' \
            and not (c.type = 'WIPE' and %s) returning c.id) \
            select id, device_id, type, message, nonce from device_command \
            where device_id = any(?) and ((status = 'DELIVERED' and sent_via_provider is null) \
            or id in (select id from sent)) \
            order by created_at, id"""
                    .formatted(wipeGoesThroughManager(MANAGER_SYNCED));

    @Inject
    AgroalDataSource dataSource;

    /** A device of the batch as the locking read found it, with its open return task and credential hash. */
    public record LockedDevice(
            UUID id,
            DeviceStatus status,
            DeviceType type,
            boolean sensitiveData,
            Instant lostAlertedAt,
            Instant departureAlertedAt,
            UUID departingPersonId,
            LocalDate lastWorkingDay,
            byte[] credentialSha256,
            boolean openCommands,
            Boolean compliant,
            String complianceIssues,
            boolean overdue,
            boolean mayLockAndLocate) {

        public boolean missing() {
            return status == DeviceStatus.LOST || status == DeviceStatus.STOLEN;
        }
    }

    /** One accepted check-in, as its rows are written: its history row, and the device's latest state. */
    public interface Written {

        UUID deviceId();

        Instant receivedAt();

        String osName();

        String osVersion();

        String osBuild();

        LocalDate lastPatchDate();

        String antivirusProduct();

        LocalDate antivirusDefinitionsDate();

        Boolean diskEncrypted();

        Boolean screenLock();

        String site();

        /** The address as reported, trimmed. */
        String ipAddress();

        boolean compliant();

        /** The compliance issue codes, comma-separated; null for none. */
        String complianceIssues();

        /** The day the device is next due to check in, counted from this check-in. */
        LocalDate dueOn();

        /** Whether the device is LOST or STOLEN, so that its sighting is recorded. */
        boolean missing();

        /** Whether the check-in's location is kept (only while the device is missing). */
        boolean keepsLocation();

        Double latitude();

        Double longitude();

        Double accuracyMeters();

        /** The commands the device reports done, each with the nonce it was sent; empty for none. */
        List<Completion> completedCommands();

        /** Whether the check-in is the device's agent's (not a device manager's report of the device). */
        boolean fromAgent();

        /** Whether the device says the district's lock is in force on it now. */
        boolean locked();

        /** Whether the verdict (compliant, or the set of issues) differs from the device's stored one. */
        boolean complianceChanged();

        /** Whether the device was marked overdue: this check-in ends that (its due-by day is today or later). */
        boolean endsOverdue();

        /** Where the check-in came from: the device's agent, or a device manager reporting the device's state. */
        CheckInSource source();
    }

    /** A device whose check-in state the latest-state update changed, and how; its state after the update. */
    public record StateChange(boolean complianceChanged, boolean endsOverdue, DeviceStateRepository.StateRow state) {}

    /** A command a device reported dealt with: which of its {@code of} reports in the batch, and the state after all. */
    public record CompletedCommand(
            UUID commandId,
            String type,
            String status,
            Instant doneAt,
            int number,
            int of,
            DeviceStateRepository.StateRow state) {}

    /** A command a device reports dealt with, the nonce it gives for it, and the result (DONE, REFUSED, FAILED). */
    public record Completion(UUID id, String nonce, String result) {}

    /** Builds what a device is told of an open command. */
    @FunctionalInterface
    public interface CommandReader<C> {
        C read(UUID id, String type, String message, String nonce);
    }

    /** Locks the devices (in id order) and reads them; devices that do not exist are missing from the map. */
    public Map<UUID, LockedDevice> lockDevices(Set<UUID> ids) throws SQLException {
        Map<UUID, LockedDevice> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(LOCK_DEVICES)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    rows.put(
                            id,
                            new LockedDevice(
                                    id,
                                    DeviceStatus.valueOf(rs.getString(2)),
                                    DeviceType.valueOf(rs.getString(3)),
                                    rs.getBoolean(4),
                                    instant(rs.getTimestamp(5)),
                                    instant(rs.getTimestamp(6)),
                                    rs.getObject(7, UUID.class),
                                    rs.getObject(8, LocalDate.class),
                                    rs.getBytes(9),
                                    rs.getBoolean(10),
                                    rs.getObject(11, Boolean.class),
                                    rs.getString(12),
                                    rs.getBoolean(13),
                                    rs.getBoolean(14)));
                }
            }
        }
        return rows;
    }

    /**
     * Writes each device's latest state from its newest check-in of the batch, with the alerts raised for it now
     * (absent from the maps: no alert, the stored time stays).
     */
    public List<StateChange> updateState(
            Collection<? extends Written> latest, Map<UUID, Instant> lostAlerts, Map<UUID, Instant> departureAlerts)
            throws SQLException {
        List<StateChange> changes = new ArrayList<>();
        boolean endingOverdue = latest.stream().anyMatch(Written::endsOverdue);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(endingOverdue ? UPDATE_STATE_ENDING_OVERDUE : UPDATE_STATE)) {
            checkInColumns(new ColumnBinder<Written>(c, ps, latest))
                    .text(Written::dueOn)
                    .next("bool", Written::missing)
                    .text(w -> lostAlerts.get(w.deviceId()))
                    .text(w -> departureAlerts.get(w.deviceId()))
                    .next("bool", Written::complianceChanged)
                    .next("bool", Written::endsOverdue);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new StateChange(rs.getBoolean(1), rs.getBoolean(2), DeviceStateRepository.read(rs, 3)));
                }
            }
        }
        return changes;
    }

    /** Adds every check-in of the batch to the history. */
    public void insertHistory(List<? extends Written> accepted) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
            checkInColumns(new ColumnBinder<Written>(c, ps, accepted)).text(Written::source);
            ps.executeUpdate();
        }
    }

    /** The columns the history row and the latest state share, in the order both statements take them. */
    private static ColumnBinder<Written> checkInColumns(ColumnBinder<Written> columns) throws SQLException {
        return columns.next("uuid", Written::deviceId)
                .text(Written::receivedAt)
                .text(Written::osName)
                .text(Written::osVersion)
                .text(Written::osBuild)
                .text(Written::lastPatchDate)
                .text(Written::antivirusProduct)
                .text(Written::antivirusDefinitionsDate)
                .next("bool", Written::diskEncrypted)
                .next("bool", Written::screenLock)
                .text(Written::site)
                .text(Written::ipAddress)
                .next("bool", Written::compliant)
                .text(Written::complianceIssues);
    }

    /** Only check-ins of LOST or STOLEN devices keep their location; every other location was never kept. */
    public void insertLocations(List<? extends Written> accepted) throws SQLException {
        List<Written> located = new ArrayList<>();
        for (Written w : accepted) {
            if (w.keepsLocation()) {
                located.add(w);
            }
        }
        if (located.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT_LOCATIONS)) {
            new ColumnBinder<Written>(c, ps, located)
                    .next("uuid", Written::deviceId)
                    .text(Written::receivedAt)
                    .next("float8", Written::latitude)
                    .next("float8", Written::longitude)
                    .next("float8", Written::accuracyMeters)
                    .text(Written::site)
                    .text(Written::ipAddress);
            ps.executeUpdate();
        }
    }

    /**
     * Marks DONE the delivered commands the check-ins report done with their nonce (each at most once per check-in; a
     * LOCK only with the lock in force), REFUSED or FAILED; in the same statement each device's last command becomes
     * the last of them and its state version goes up by their number. The commands reported, with the states after.
     */
    public List<CompletedCommand> completeCommands(List<? extends Written> accepted, Instant now) throws SQLException {
        List<Object> commandIds = new ArrayList<>();
        List<Object> deviceIds = new ArrayList<>();
        List<Object> nonces = new ArrayList<>();
        List<Object> locked = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        List<Object> fromAgents = new ArrayList<>();
        for (Written w : accepted) {
            for (Completion command : new LinkedHashSet<>(w.completedCommands())) {
                commandIds.add(command.id());
                deviceIds.add(w.deviceId());
                nonces.add(command.nonce());
                locked.add(w.locked());
                results.add(command.result());
                fromAgents.add(w.fromAgent());
            }
        }
        if (commandIds.isEmpty()) {
            return List.of();
        }
        List<CompletedCommand> completed = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(COMPLETE_COMMANDS)) {
            ps.setObject(1, now.atOffset(ZoneOffset.UTC));
            ps.setArray(2, c.createArrayOf("uuid", commandIds.toArray()));
            ps.setArray(3, c.createArrayOf("uuid", deviceIds.toArray()));
            ps.setArray(4, c.createArrayOf("text", nonces.toArray()));
            ps.setArray(5, c.createArrayOf("bool", locked.toArray()));
            ps.setArray(6, c.createArrayOf("text", results.toArray()));
            ps.setArray(7, c.createArrayOf("bool", fromAgents.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    completed.add(new CompletedCommand(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            instant(rs.getTimestamp(4)),
                            rs.getInt(5),
                            rs.getInt(6),
                            DeviceStateRepository.read(rs, 7)));
                }
            }
        }
        return completed;
    }

    /**
     * Sends the LOCK of these missing devices again where it was done, and where their own agent (one of
     * {@code fromAgents}) refused it or reported it failed; the devices whose LOCK was reopened.
     */
    public Set<UUID> reopenLocks(Set<UUID> devices, Set<UUID> fromAgents) throws SQLException {
        Set<UUID> reopened = new java.util.TreeSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(REOPEN_LOCKS)) {
            ps.setArray(1, c.createArrayOf("uuid", devices.toArray()));
            ps.setArray(2, c.createArrayOf("uuid", fromAgents.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reopened.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return reopened;
    }

    /**
     * The open commands of the devices for their agents, oldest first, marking DELIVERED those not sent before; a WIPE
     * that one of the {@code wipeCarriers} (device managers, by name) would send waits for it, by the managers' rule
     * that an entry not synced since {@code staleEntry} no longer stands in another's way, while a sync of that manager
     * succeeded after {@code managerSynced}.
     */
    public <C> Map<UUID, List<C>> deliverCommands(
            Set<UUID> devices,
            Instant now,
            Collection<String> wipeCarriers,
            Instant staleEntry,
            Instant managerSynced,
            CommandReader<C> reader)
            throws SQLException {
        Map<UUID, List<C>> commands = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(DELIVER_COMMANDS)) {
            Array ids = c.createArrayOf("uuid", devices.toArray());
            ps.setObject(1, now.atOffset(ZoneOffset.UTC));
            ps.setArray(2, ids);
            ps.setArray(3, c.createArrayOf("text", wipeCarriers.toArray()));
            ps.setObject(4, now.minus(WIPE_WAITS_FOR_MANAGER).atOffset(ZoneOffset.UTC));
            ps.setObject(5, staleEntry.atOffset(ZoneOffset.UTC));
            ps.setObject(6, managerSynced.atOffset(ZoneOffset.UTC));
            ps.setArray(7, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    commands.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                            .add(reader.read(
                                    rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return commands;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
