package org.district.checkin.mdm;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.district.checkin.domain.CheckInSource;
import org.district.checkin.entity.DeviceCommand;
import org.district.checkin.service.CheckInRequest;
import org.district.checkin.service.CheckInWriter;
import org.district.checkin.service.ReportedCheckIn;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * One sync of a device manager, run by one replica at a time (a PostgreSQL session advisory lock per manager, held on
 * its own connection for the run and released when it ends or the connection drops): list the manager's devices page
 * by page (only those that reported since the last good sync, when the manager can, and every device once a
 * {@code full-every}), match each to inventory by serial number or asset tag, store what was listed (unknown devices
 * are kept for IT, never created), write a check-in for each matched device with news (it reported again, its status
 * changed, it was just matched), then send the commands waiting for the devices (of the types the manager carries)
 * through it (holding, and counting for IT, those of a device two syncing entries claim), ask for their state again
 * so the commands follow what the manager reports, and enable again the devices recovered. Every run is recorded in
 * {@code mdm_sync_run}, and nothing it does touches the agents' check-in route.
 */
@ApplicationScoped
public class MdmSync {

    private static final Logger LOG = Logger.getLogger(MdmSync.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MdmRepository repository;

    @Inject
    MdmSettings settings;

    @Inject
    CheckInWriter writer;

    @Inject
    DistrictClock clock;

    /** How a call to {@link #run} ended. */
    public enum Result {
        /** Another replica (or thread) is running this manager's sync. */
        SKIPPED,
        SUCCEEDED,
        FAILED
    }

    /** A run's counts, recorded as it goes. */
    public static final class Counts {
        int pages;
        int seen;
        int checkIns;
        int unknown;
        int vanished;
        int commands;
        int held;
        int errors;
    }

    /** The advisory lock key of a manager's sync: one per manager, apart from every other job's. */
    static long lockKey(CheckInSource provider) {
        return 0x4D444D0000000000L | provider.ordinal();
    }

    /** Runs one sync of the manager, unless another runs it now. */
    public Result run(MdmProvider provider) {
        long key = lockKey(provider.source());
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "select pg_try_advisory_lock(?)", key)) {
                LOG.debugf("%s sync is running elsewhere; skipped", provider.source());
                return Result.SKIPPED;
            }
            try {
                return runLocked(provider);
            } finally {
                advisory(lock, "select pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            LOG.warnf("%s sync not run: the database is unreachable (%s)", provider.source(), e.getMessage());
            return Result.FAILED;
        }
    }

    private static boolean advisory(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private Result runLocked(MdmProvider provider) {
        CheckInSource source = provider.source();
        Instant started = clock.now();
        Instant lastFull = tx(() -> repository.lastGoodStart(source, "FULL"));
        Instant lastGood = tx(() -> repository.lastGoodStart(source, null));
        boolean full = !provider.supportsIncremental()
                || lastFull == null
                || lastGood == null
                || !started.isBefore(lastFull.plus(settings.fullEvery()));
        Instant since = full ? null : lastGood.minus(settings.overlap());
        long runId = tx(() -> repository.startRun(source, full ? "FULL" : "INCREMENTAL", since, started));
        Counts counts = new Counts();
        try {
            String token = null;
            Set<String> tokens = new HashSet<>();
            do {
                // A manager whose listing does not end (a page token given twice, or more pages than any district
                // has devices for) would hold the sync and its lock for ever: the run fails, and the next one starts
                // again.
                if (counts.pages >= MAX_PAGES || (token != null && !tokens.add(token))) {
                    throw new ProviderException(
                            "the listing did not end after " + counts.pages + " pages (a page token came twice, or"
                                    + " more than " + MAX_PAGES + " pages)",
                            false);
                }
                MdmProvider.DevicePage page = provider.list(since, token);
                counts.pages++;
                counts.seen += page.devices().size();
                counts.errors += page.refused();
                store(provider, runId, page.devices(), counts);
                String next = page.nextPageToken();
                tx(() -> {
                    repository.recordRun(runId, counts, "RUNNING", null, null);
                    return null;
                });
                token = next;
            } while (token != null);
            if (full) {
                counts.vanished = tx(() -> repository.markVanished(source, runId, clock.now()));
            }
            commands(provider, runId, counts);
            finish(runId, counts, "SUCCEEDED", null);
            LOG.infof(
                    "%s sync %d (%s): %d devices seen, %d check-ins, %d unknown to inventory, %d vanished, %d errors",
                    source,
                    runId,
                    full ? "full" : "incremental",
                    counts.seen,
                    counts.checkIns,
                    counts.unknown,
                    counts.vanished,
                    counts.errors);
            return Result.SUCCEEDED;
        } catch (ProviderException | RuntimeException e) {
            counts.errors++;
            String why = Untrusted.message(e.getMessage(), 500);
            LOG.warnf("%s sync %d failed after %d pages: %s", source, runId, counts.pages, why);
            finish(runId, counts, "FAILED", why == null ? e.getClass().getSimpleName() : why);
            return Result.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(runId, counts, "FAILED", "Interrupted");
            return Result.FAILED;
        }
    }

    private void finish(long runId, Counts counts, String status, String error) {
        try {
            tx(() -> {
                repository.recordRun(runId, counts, status, clock.now(), error);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("Sync run %d not recorded: %s", runId, e.getMessage());
        }
    }

    /**
     * Stores a page of the manager's devices and writes the check-ins of those matched to inventory that have news.
     * A device is matched by serial number first, then by asset tag (case does not matter); see {@link #matchAll}.
     */
    private void store(MdmProvider provider, long runId, List<MdmDeviceReport> page, Counts counts)
            throws InterruptedException {
        CheckInSource source = provider.source();
        Map<String, MdmDeviceReport> devices = new LinkedHashMap<>();
        page.forEach(d -> devices.put(d.providerDeviceId(), d));
        if (devices.isEmpty()) {
            return;
        }
        List<MdmDeviceReport> list = new ArrayList<>(devices.values());
        Set<String> serials = new HashSet<>();
        Set<String> tags = new HashSet<>();
        for (MdmDeviceReport d : list) {
            if (d.serialNumber() != null) {
                serials.add(d.serialNumber().toUpperCase(Locale.ROOT));
            }
            if (d.assetTag() != null) {
                tags.add(d.assetTag().toUpperCase(Locale.ROOT));
            }
        }
        Instant now = clock.now();
        record Stored(List<MdmRepository.Listed> listed, Map<String, List<MdmRepository.DeliveredCommand>> delivered) {}
        Stored stored = tx(() -> {
            Map<String, UUID> matched =
                    matchAll(list, repository.match(serials, tags), provider.assetTagSetByDistrict());
            List<MdmRepository.Listed> listed = repository.upsert(source, runId, list, matched, now);
            Set<String> acted = new HashSet<>();
            for (MdmRepository.Listed l : listed) {
                if (l.deviceId() != null
                        && !devices.get(l.providerDeviceId()).actions().isEmpty()) {
                    acted.add(l.providerDeviceId());
                }
            }
            return new Stored(listed, repository.deliveredCommands(source, acted));
        });
        List<ReportedCheckIn> checkIns = new ArrayList<>();
        for (MdmRepository.Listed l : stored.listed()) {
            MdmDeviceReport d = devices.get(l.providerDeviceId());
            if (l.deviceId() == null) {
                counts.unknown++;
                continue;
            }
            if (d.lastSync() == null) {
                continue;
            }
            List<CheckInRequest.CompletedCommand> completed =
                    completed(d, stored.delivered().getOrDefault(l.providerDeviceId(), List.of()));
            boolean news = l.firstSeen()
                    || !l.deviceId().equals(l.previousDeviceId())
                    || l.previousLastSync() == null
                    || d.lastSync().isAfter(l.previousLastSync())
                    || !String.valueOf(d.status()).equals(String.valueOf(l.previousStatus()))
                    || !completed.isEmpty();
            if (news) {
                checkIns.add(checkIn(source, l.deviceId(), d, completed, now));
            }
        }
        if (!checkIns.isEmpty()) {
            counts.checkIns += writer.writeReported(checkIns);
        }
    }

    /**
     * Each listed device's inventory device, by provider device id. The serial number decides first, then the asset
     * tag. Where the manager's asset tag is a name the device's own user can set ({@code tagSetByDistrict} false:
     * Intune's is the computer's name), it matches only a device inventory holds no serial number for: a device with
     * a serial number on record is matched by that number or not at all, so a listed device that withholds its serial
     * number (or reports another) and takes the name is left unmatched, listed for IT as unknown. And a tag never
     * matches a device that a listed device's serial number matched, nor one that two tags claim. So no device can
     * take over another's check-ins or receive its LOCK or WIPE by taking its name. And an entry the manager has as its
     * user's own device ({@link MdmDeviceReport#personal()}) matches only a personal device: a computer someone enrolled
     * as theirs, reporting a district laptop's serial number, is listed as unknown.
     */
    static Map<String, UUID> matchAll(
            List<MdmDeviceReport> list, MdmRepository.Matches found, boolean tagSetByDistrict) {
        Map<String, UUID> bySerial = new LinkedHashMap<>();
        Map<String, UUID> byTag = new LinkedHashMap<>();
        for (MdmDeviceReport d : list) {
            String serial = d.serialNumber() == null ? null : d.serialNumber().toUpperCase(Locale.ROOT);
            UUID id = serial == null ? null : found.bySerial().get(serial);
            if (id != null && d.personal() && !found.personal().contains(id)) {
                LOG.warnf(
                        "Device manager entry %s is enrolled as its user's own but reports the serial number of district"
                                + " device %s: not matched (listed as unknown). If it is the district's, mark it"
                                + " corporate in the device manager.",
                        d.providerDeviceId(), id);
                continue;
            }
            if (id != null) {
                bySerial.put(d.providerDeviceId(), id);
                continue;
            }
            UUID named =
                    d.assetTag() == null ? null : found.byTag().get(d.assetTag().toUpperCase(Locale.ROOT));
            if (named != null && d.personal() && !found.personal().contains(named)) {
                continue;
            }
            if (named != null && (tagSetByDistrict || !found.serialOf().containsKey(named))) {
                byTag.put(d.providerDeviceId(), named);
            }
        }
        Map<UUID, Long> claims = new HashMap<>();
        bySerial.values().forEach(id -> claims.merge(id, 1L, Long::sum));
        byTag.values().forEach(id -> claims.merge(id, 1L, Long::sum));
        Set<UUID> serialMatched = new HashSet<>(bySerial.values());
        Map<String, UUID> matched = new LinkedHashMap<>(bySerial);
        byTag.forEach((providerId, id) -> {
            if (!serialMatched.contains(id) && claims.get(id) == 1) {
                matched.put(providerId, id);
            }
        });
        return matched;
    }

    /** The most pages one sync reads: 2,000,000 devices at Google Admin's 200 a page, more at Graph's. */
    static final int MAX_PAGES = 10_000;

    /** How much earlier than our sending a manager's action may say it started (the two clocks differ). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * The commands sent through this entry whose end the manager reports, as the device's agent would confirm them: DONE
     * (a LOCK only while the manager has the device locked) or FAILED. An action the manager started before the command
     * was sent is an earlier one, and ends nothing.
     */
    static List<CheckInRequest.CompletedCommand> completed(
            MdmDeviceReport d, List<MdmRepository.DeliveredCommand> delivered) {
        List<CheckInRequest.CompletedCommand> completed = new ArrayList<>();
        for (MdmRepository.DeliveredCommand c : delivered) {
            MdmDeviceReport.Action action = d.actions().get(c.type());
            if (action == null
                    || (action.startedAt() != null
                            && c.deliveredAt() != null
                            && action.startedAt().isBefore(c.deliveredAt().minus(CLOCK_SKEW)))) {
                continue;
            }
            if (action.state() == MdmDeviceReport.ActionState.DONE
                    && (c.type() != DeviceCommand.Type.LOCK || d.locked())) {
                completed.add(new CheckInRequest.CompletedCommand(c.commandId(), c.nonce(), "DONE"));
            } else if (action.state() == MdmDeviceReport.ActionState.FAILED) {
                completed.add(new CheckInRequest.CompletedCommand(c.commandId(), c.nonce(), "FAILED"));
            }
        }
        return completed.size() > 20 ? completed.subList(0, 20) : completed;
    }

    /** The device's state as a check-in in the agent's terms; what the manager does not know stays absent. */
    static ReportedCheckIn checkIn(
            CheckInSource source,
            UUID deviceId,
            MdmDeviceReport d,
            List<CheckInRequest.CompletedCommand> completed,
            Instant now) {
        Instant seen = d.lastSync().isAfter(now) ? now : d.lastSync();
        CheckInRequest.Antivirus antivirus = d.antivirusProduct() == null
                ? null
                : new CheckInRequest.Antivirus(d.antivirusProduct(), d.antivirusDefinitionsDate());
        CheckInRequest body = new CheckInRequest(
                deviceId,
                new CheckInRequest.Os(d.osName(), d.osVersion(), d.osBuild()),
                d.lastPatchDate(),
                antivirus,
                d.diskEncrypted(),
                d.passwordProtected(),
                new CheckInRequest.Network(d.site(), d.ipAddress()),
                null,
                d.locked(),
                completed.isEmpty() ? null : completed);
        return new ReportedCheckIn(deviceId, source, body, seen, d.updatesEnded());
    }

    /**
     * The commands that go through the manager: the waiting commands of the types it carries are sent (claimed first,
     * so each is sent once), the devices recovered are enabled again, and the devices of both are asked for again, so a
     * command ends (by the same check-in an agent would send) as soon as the manager reports it done or failed. A
     * manager's failure here is counted in the run and tried again at the next sync; it does not undo the listing.
     */
    private void commands(MdmProvider provider, long runId, Counts counts) throws InterruptedException {
        CheckInSource source = provider.source();
        Set<DeviceCommand.Type> types = provider.commandTypes();
        Set<String> ask = new TreeSet<>();
        record Claim(
                List<UUID> wipesTakenOver,
                List<MdmRepository.ManagedCommand> claimed,
                List<MdmRepository.HeldCommand> held) {}
        int released = tx(() -> repository.releaseOrphaned(source));
        if (released > 0) {
            LOG.infof(
                    "%s: %d commands sent through entries that vanished or now report another device are sent again",
                    source, released);
        }
        Claim claim = tx(() -> new Claim(
                types.contains(DeviceCommand.Type.WIPE)
                        ? repository.takeOverAgentWipes(source, clock.now())
                        : List.of(),
                repository.claimCommands(source, types, clock.now()),
                repository.heldCommands(source, types)));
        for (UUID device : claim.wipesTakenOver()) {
            LOG.infof(
                    "%s: the WIPE of device %s, which its agent was handed or refused, is sent through %s instead",
                    source, device, source);
        }
        List<MdmRepository.ManagedCommand> claimed = claim.claimed();
        counts.held = claim.held().size();
        for (MdmRepository.HeldCommand h : claim.held()) {
            LOG.warnf(
                    "%s: the %s %s of device %s not sent: its entries %s both sync; it waits for the device's agent,"
                            + " or for IT to remove the wrong entry from %s",
                    source, h.type(), h.commandId(), h.deviceId(), String.join(", ", h.entries()), source);
        }
        int max = Math.max(1, provider.maxDevicesPerAction());
        Map<DeviceCommand.Type, List<MdmRepository.ManagedCommand>> byType = new EnumMap<>(DeviceCommand.Type.class);
        claimed.forEach(
                c -> byType.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(c));
        for (Map.Entry<DeviceCommand.Type, List<MdmRepository.ManagedCommand>> typed : byType.entrySet()) {
            List<MdmRepository.ManagedCommand> all = typed.getValue();
            for (int from = 0; from < all.size(); from += max) {
                ask.addAll(send(provider, typed.getKey(), all.subList(from, Math.min(all.size(), from + max)), counts));
            }
        }
        List<String> reenable = provider.lockPersists() ? tx(() -> repository.toReenable(source)) : List.of();
        for (int from = 0; from < reenable.size(); from += max) {
            List<String> chunk = reenable.subList(from, Math.min(reenable.size(), from + max));
            try {
                Map<String, String> answers = provider.unlock(chunk);
                List<String> done = chunk.stream()
                        .filter(id -> answers.containsKey(id) && answers.get(id) == null)
                        .toList();
                counts.commands += done.size();
                counts.errors += chunk.size() - done.size();
                tx(() -> {
                    repository.reenabled(source, done);
                    return null;
                });
                ask.addAll(done);
            } catch (ProviderException e) {
                counts.errors++;
                LOG.warnf("%s: devices not enabled again, tried again at the next sync (%s)", source, e.getMessage());
            }
        }
        ask.addAll(tx(() -> repository.awaitingCommands(source, types)));
        List<MdmDeviceReport> again = new ArrayList<>();
        for (String id : ask) {
            try {
                Optional<MdmDeviceReport> device = provider.get(id);
                if (device.isPresent()) {
                    again.add(device.get());
                } else {
                    tx(() -> {
                        repository.vanished(source, id, clock.now());
                        return null;
                    });
                }
            } catch (ProviderException e) {
                counts.errors++;
                LOG.warnf("%s: a device's state not read, read again at the next sync (%s)", source, e.getMessage());
            }
        }
        if (!again.isEmpty()) {
            Counts ignored = new Counts();
            store(provider, runId, again, ignored);
            counts.checkIns += ignored.checkIns;
        }
    }

    /**
     * Sends one chunk of claimed commands of a type; answers the devices the manager took them for. A device the
     * manager refused has its command FAILED. When the manager cannot be reached, or fails part-way through a chunk
     * it is sent device by device, what it answered before stands, and the rest goes back to PENDING with the failure
     * counted: the manager did not take them at this sync, and one that fails for every device (a permission the
     * district's app lacks) hands them all to their agents after the same number of syncs. A command cancelled since
     * the claim (a recovery) is not sent: the window between the check and the send is one statement's.
     */
    private List<String> send(
            MdmProvider provider, DeviceCommand.Type type, List<MdmRepository.ManagedCommand> claimed, Counts counts)
            throws InterruptedException {
        CheckInSource source = provider.source();
        // A recovery may have cancelled some since the claim: those are not sent.
        Set<UUID> live = tx(() -> repository.stillClaimed(
                claimed.stream().map(MdmRepository.ManagedCommand::commandId).toList()));
        List<MdmRepository.ManagedCommand> chunk =
                claimed.stream().filter(c -> live.contains(c.commandId())).toList();
        if (chunk.size() < claimed.size()) {
            LOG.infof(
                    "%s: %d %s commands cancelled since this sync claimed them, not sent",
                    source, claimed.size() - chunk.size(), type);
        }
        if (chunk.isEmpty()) {
            return List.of();
        }
        List<String> ids = chunk.stream()
                .map(MdmRepository.ManagedCommand::providerDeviceId)
                .distinct()
                .sorted()
                .toList();
        Map<String, String> answers;
        ProviderException failure = null;
        try {
            answers = provider.send(type, ids);
        } catch (ProviderException e) {
            failure = e;
            answers = e.answeredBefore();
            counts.errors++;
            LOG.warnf("%s: %s commands not sent, sent again at the next sync (%s)", source, type, e.getMessage());
        }
        List<String> done = new ArrayList<>();
        List<UUID> back = new ArrayList<>();
        List<UUID> taken = new ArrayList<>();
        for (MdmRepository.ManagedCommand c : chunk) {
            boolean answered = answers.containsKey(c.providerDeviceId());
            if (!answered && failure != null) {
                back.add(c.commandId());
                continue;
            }
            String refusal = answered ? answers.get(c.providerDeviceId()) : "no answer for the device";
            if (refusal == null) {
                done.add(c.providerDeviceId());
                taken.add(c.commandId());
                counts.commands++;
            } else {
                counts.errors++;
                LOG.warnf("%s refused the %s %s: %s", source, type, c.commandId(), refusal);
                tx(() -> {
                    repository.failed(c.commandId(), clock.now());
                    return null;
                });
            }
        }
        if (type == DeviceCommand.Type.LOCK && provider.lockPersists() && !taken.isEmpty()) {
            tx(() -> {
                repository.disabledByDistrict(taken);
                return null;
            });
        }
        if (!back.isEmpty()) {
            tx(() -> {
                repository.unclaim(back);
                return null;
            });
        }
        return done;
    }

    private static <T> T tx(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
