package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.district.checkin.config.CheckInSettings;
import org.district.checkin.config.OverdueSettings;
import org.district.checkin.domain.CheckInSource;
import org.district.checkin.domain.ComplianceEvaluator;
import org.district.checkin.domain.ComplianceIssue;
import org.district.checkin.domain.DeviceCredential;
import org.district.checkin.entity.DeviceCommand;
import org.district.checkin.mdm.MdmProvider;
import org.district.checkin.mdm.MdmRepository;
import org.district.checkin.mdm.MdmSettings;
import org.district.checkin.repository.CheckInRepository;
import org.district.checkin.repository.CheckInRepository.LockedDevice;
import org.district.checkin.repository.DeviceStateRepository;
import org.district.contracts.checkin.DeviceCheckInState;
import org.district.contracts.checkin.DeviceCheckInState.Change;
import org.district.contracts.inventory.DeviceStatus;
import org.district.support.domain.ConflictException;
import org.district.support.domain.DomainException;
import org.district.support.domain.NotPermittedException;
import org.district.support.time.DistrictClock;

/**
 * The rules of a batch of check-ins, written in the caller's transaction by {@link CheckInRepository}'s set-based
 * statements: the devices are locked and read once, each check-in is accepted or refused (a credential that does not
 * match or names an unknown device, a retired device), the accepted ones are measured against the baseline, the newest of each device
 * becomes its latest state, missing devices and devices seen after their holder left raise alerts at most once per
 * interval, and each device is told its open commands.
 */
@ApplicationScoped
public class CheckInService {

    @Inject
    CheckInRepository checkIns;

    @Inject
    ComplianceEvaluator compliance;

    @Inject
    CheckInSettings settings;

    @Inject
    OverdueSettings overdue;

    @Inject
    DistrictClock clock;

    @Inject
    CheckInEvents events;

    @Inject
    Instance<MdmProvider> managers;

    @Inject
    MdmSettings mdmSettings;

    /** The result for one check-in: the reply, or the refusal. */
    public record Outcome(CheckInReply reply, DomainException refusal) {}

    /** An accepted check-in, and what it stores (see {@link CheckInRepository.Written}). */
    private record Accepted(
            PendingCheckIn pending, LockedDevice device, List<ComplianceIssue> issues, LocalDate day, int graceDays)
            implements CheckInRepository.Written {

        private CheckInRequest body() {
            return pending.body();
        }

        @Override
        public UUID deviceId() {
            return device.id();
        }

        @Override
        public Instant receivedAt() {
            return pending.receivedAt();
        }

        @Override
        public String osName() {
            return body().os().name();
        }

        @Override
        public String osVersion() {
            return body().os().version();
        }

        @Override
        public String osBuild() {
            return body().os().build();
        }

        @Override
        public LocalDate lastPatchDate() {
            return body().lastPatchDate();
        }

        @Override
        public String antivirusProduct() {
            return body().antivirus() == null ? null : body().antivirus().product();
        }

        @Override
        public LocalDate antivirusDefinitionsDate() {
            return body().antivirus() == null ? null : body().antivirus().definitionsDate();
        }

        @Override
        public Boolean diskEncrypted() {
            return body().diskEncryption();
        }

        @Override
        public Boolean screenLock() {
            return body().passwordProtection();
        }

        @Override
        public String site() {
            return body().network().site();
        }

        @Override
        public String ipAddress() {
            // A device manager may not know the device's address.
            String ip = body().network().ipAddress();
            return ip == null ? null : ip.trim();
        }

        @Override
        public boolean compliant() {
            return issues.isEmpty();
        }

        @Override
        public String complianceIssues() {
            return ComplianceIssue.encode(issues);
        }

        @Override
        public LocalDate dueOn() {
            return day.plusDays(graceDays);
        }

        @Override
        public boolean missing() {
            return device.missing();
        }

        @Override
        public boolean keepsLocation() {
            // Only where the district may locate the device: a personal device's owner may not have consented to it.
            return device.missing() && device.mayLockAndLocate() && body().location() != null;
        }

        @Override
        public Double latitude() {
            return body().location().latitude();
        }

        @Override
        public Double longitude() {
            return body().location().longitude();
        }

        @Override
        public Double accuracyMeters() {
            return body().location().accuracyMeters();
        }

        @Override
        public boolean fromAgent() {
            return pending.fromAgent();
        }

        @Override
        public List<CheckInRepository.Completion> completedCommands() {
            List<CheckInRequest.CompletedCommand> done = body().completedCommands();
            return done == null
                    ? List.of()
                    : done.stream()
                            .map(c -> new CheckInRepository.Completion(
                                    c.id(), c.nonce(), c.result() == null ? "DONE" : c.result()))
                            .toList();
        }

        @Override
        public boolean locked() {
            return Boolean.TRUE.equals(body().locked());
        }

        @Override
        public boolean complianceChanged() {
            return !Boolean.valueOf(compliant()).equals(device.compliant())
                    || !issueSet(device.complianceIssues()).equals(issueSet(complianceIssues()));
        }

        @Override
        public boolean endsOverdue() {
            return device.overdue();
        }

        @Override
        public CheckInSource source() {
            return pending.source();
        }
    }

    /** The codes of a stored issue list, as a set: the order they were listed in is no change. */
    private static Set<String> issueSet(String codes) {
        return codes == null || codes.isBlank() ? Set.of() : new TreeSet<>(List.of(codes.split(",")));
    }

    /** Writes the batch; outcomes are in the batch's order. Runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Outcome> write(List<PendingCheckIn> batch) throws SQLException {
        Set<UUID> ids = new TreeSet<>();
        batch.forEach(p -> ids.add(p.deviceId()));
        Map<UUID, LockedDevice> devices = checkIns.lockDevices(ids);

        Outcome[] outcomes = new Outcome[batch.size()];
        List<Accepted> accepted = new ArrayList<>(batch.size());
        Map<UUID, Accepted> latest = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            PendingCheckIn p = batch.get(i);
            LockedDevice d = devices.get(p.deviceId());
            // A device manager's report names a device matched to the inventory; only an agent presents a credential.
            if (d == null || (p.fromAgent() && !DeviceCredential.matches(p.credentialSha256(), d.credentialSha256()))) {
                // Wrong, replaced or revoked credential (or a device that does not exist): one answer for all.
                outcomes[i] = new Outcome(null, credentialNotAccepted());
                continue;
            }
            if (d.status() == DeviceStatus.RETIRED || d.status() == DeviceStatus.WRITTEN_OFF) {
                outcomes[i] = new Outcome(null, outOfService(p.deviceId(), d.status()));
                continue;
            }
            LocalDate day = clock.dayOf(p.receivedAt());
            Accepted a = new Accepted(p, d, compliance.evaluate(facts(p, d), day), day, overdue.graceDays(d.type()));
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
            LockedDevice d = a.device();
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
        // The check-in state (checkin.device-state.v1) changes only when the verdict differs from the stored one or an
        // overdue device checks in (both known from the locking read) and when a command is reported dealt with: the
        // statements below return just those rows, and their records go into the outbox in one statement at the end.
        List<CheckInRepository.StateChange> changed =
                checkIns.updateState(latest.values(), lostAlerts, departureAlerts);
        checkIns.insertHistory(accepted);
        checkIns.insertLocations(accepted);
        List<CheckInRepository.CompletedCommand> completed = checkIns.completeCommands(accepted, now);
        // A missing device stays locked: while its latest check-in does not say the lock is in force, its LOCK is sent
        // again (an agent that reported it done without locking, refused it or said it failed gains nothing).
        Set<UUID> unlocked = new TreeSet<>();
        Set<UUID> unlockedByAgent = new TreeSet<>();
        latest.values().stream()
                .filter(a -> a.device().missing() && !a.locked())
                .forEach(a -> {
                    unlocked.add(a.deviceId());
                    if (a.pending().fromAgent()) {
                        unlockedByAgent.add(a.deviceId());
                    }
                });
        Set<UUID> relocked = unlocked.isEmpty() ? Set.of() : checkIns.reopenLocks(unlocked, unlockedByAgent);
        // Most devices have no open command: the batch reads and marks commands only for those that do. Commands of a
        // device a device manager reported go through that manager (org.district.checkin.mdm), not in an answer.
        Set<UUID> withCommands = new TreeSet<>();
        latest.values().stream()
                .filter(a -> a.pending().fromAgent())
                .filter(a -> a.device().openCommands() || relocked.contains(a.deviceId()))
                .forEach(a -> withCommands.add(a.device().id()));
        Map<UUID, List<CheckInReply.Command>> commands = withCommands.isEmpty()
                ? Map.of()
                : checkIns.deliverCommands(
                        withCommands,
                        now,
                        wipeCarriers(),
                        now.minus(MdmRepository.STALE_ENTRY),
                        now.minus(mdmSettings.wipeWaitsForSyncWithin()),
                        CheckInReply.Command::new);

        for (Accepted a : latest.values()) {
            raiseAlerts(a, lostAlerts.containsKey(a.deviceId()), departureAlerts.containsKey(a.deviceId()));
        }
        if (!changed.isEmpty() || !completed.isEmpty()) {
            events.deviceStates(stateRecords(changed, completed, now));
        }

        int next = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            Accepted a = accepted.get(next++);
            outcomes[i] = new Outcome(reply(a, commands.getOrDefault(a.deviceId(), List.of())), null);
        }
        return List.of(outcomes);
    }

    /**
     * The check-in state records of a batch, one per change, each device's in version order: the end of its overdue
     * state and its new verdict (the latest-state update raised its version by one for each), then each command it
     * reported (the completion raised it by one for each, after).
     */
    private static List<DeviceCheckInState> stateRecords(
            List<CheckInRepository.StateChange> changed,
            List<CheckInRepository.CompletedCommand> completed,
            Instant now) {
        List<DeviceCheckInState> records = new ArrayList<>();
        for (CheckInRepository.StateChange change : changed) {
            // The state as the latest-state update returned it, at the version it gave (the completions came after).
            DeviceStateRepository.StateRow state = change.state();
            if (change.endsOverdue()) {
                long version = change.complianceChanged() ? state.version() - 1 : state.version();
                records.add(DeviceStateService.state(state, version, Change.OVERDUE_ENDED, now));
            }
            if (change.complianceChanged()) {
                records.add(DeviceStateService.state(state, state.version(), Change.COMPLIANCE_CHANGED, now));
            }
        }
        for (CheckInRepository.CompletedCommand c : completed) {
            DeviceStateRepository.StateRow state = c.state();
            records.add(DeviceStateService.state(
                    state,
                    state.version() - c.of() + c.number(),
                    Change.COMMAND_COMPLETED,
                    new DeviceCheckInState.LastCommand(
                            c.commandId(),
                            DeviceCheckInState.CommandType.valueOf(c.type()),
                            DeviceCheckInState.CommandResult.valueOf(c.status()),
                            c.doneAt()),
                    now));
        }
        return records;
    }

    private void raiseAlerts(Accepted a, boolean lost, boolean departed) {
        CheckInRequest body = a.body();
        if (lost) {
            events.lostDeviceSeen(
                    a.deviceId(),
                    a.receivedAt(),
                    body.network().site(),
                    body.network().ipAddress(),
                    a.keepsLocation() && body.location() != null,
                    // The address the check-in came from places the device too: not for a personal device whose
                    // owner did not consent to the district locating it.
                    a.device().mayLockAndLocate() ? literalAddress(a.pending().observedAddress()) : null);
        }
        if (departed) {
            events.seenAfterDeparture(
                    a.deviceId(),
                    a.device().departingPersonId(),
                    a.device().lastWorkingDay(),
                    a.receivedAt(),
                    body.network().site(),
                    body.network().ipAddress());
        }
    }

    /**
     * The address the request came from when it is a literal one, else none: behind the ingress it was read from a
     * forwarded header, which is text. Checked here, for the rare alert, not on every check-in.
     */
    private static String literalAddress(String observed) {
        return observed != null && CheckInRules.isIpAddress(observed) ? observed : null;
    }

    private static boolean due(Instant lastAlert, Instant now, Duration interval) {
        return lastAlert == null || !now.isBefore(lastAlert.plus(interval));
    }

    private static ComplianceEvaluator.Facts facts(PendingCheckIn p, LockedDevice d) {
        CheckInRequest body = p.body();
        return new ComplianceEvaluator.Facts(
                d.type(),
                d.sensitiveData(),
                body.os().name(),
                body.os().version(),
                body.lastPatchDate(),
                body.antivirus() == null ? null : body.antivirus().product(),
                body.antivirus() == null ? null : body.antivirus().definitionsDate(),
                body.diskEncryption(),
                body.passwordProtection(),
                p.updatesEnded());
    }

    private CheckInReply reply(Accepted a, List<CheckInReply.Command> commands) {
        CheckInSettings.Power power = settings.power();
        return new CheckInReply(
                a.deviceId(),
                a.receivedAt(),
                commands,
                settings.nextCheckInInterval().toSeconds(),
                new CheckInReply.PowerPolicy(
                        power.displaySleepMinutes(), power.systemSleepMinutes(), power.wakeOnLanWindow()),
                a.issues().isEmpty(),
                a.issues().stream()
                        .map(i -> new CheckInReply.Issue(i.name(), i.description()))
                        .toList(),
                a.device().missing());
    }

    /**
     * The refusal of a presented credential that does not match the stored one (wrong, replaced or revoked, or the
     * device does not exist): the device may not check in with it. The route answers it as the security layer answers
     * a malformed credential.
     */
    static NotPermittedException credentialNotAccepted() {
        return new NotPermittedException("The device credential is not valid: it is wrong, or it was replaced or"
                + " revoked. Ask IT to enrol the device again.");
    }

    static ConflictException outOfService(UUID id, DeviceStatus status) {
        return ConflictException.of(
                "device-out-of-service",
                "Device " + id + " is " + status + " and no longer in service; it may not check in. Return it to IT.");
    }

    /** The enabled device managers that carry WIPEs: a WIPE of a device one of them lists is theirs to send. */
    private List<String> wipeCarriers() {
        List<String> carriers = new ArrayList<>(2);
        for (MdmProvider manager : managers) {
            if (manager.enabled() && manager.commandTypes().contains(DeviceCommand.Type.WIPE)) {
                carriers.add(manager.source().name());
            }
        }
        return carriers;
    }
}
