package org.district.checkin.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.district.checkin.config.PersonalDeviceSettings;
import org.district.checkin.domain.ComplianceIssue;
import org.district.checkin.repository.PersonalDeviceRepository;
import org.district.checkin.repository.PersonalDeviceRepository.Removed;
import org.district.contracts.checkin.PersonalDeviceAccessRemoved.Reason;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.inventory.PersonalAccess;
import org.district.contracts.inventory.PersonalAccessStatus;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * The end of a personal device's access (docs/personal-devices.md), by one path whoever ends it: its credential is
 * revoked and {@code PersonalDeviceAccessRemoved} is raised through the outbox, in the transaction that marks the
 * device's row removed ({@code access_removed_at}), which only a row not marked yet can be. So each removal is made
 * and raised once, across replicas and paths:
 *
 * <ul>
 *   <li>inventory ended it: a snapshot shows an approved device REMOVED (IT's decision: {@code POLICY_VIOLATION}) or
 *       EXPIRED ({@code APPROVAL_EXPIRED}), in the read model's transaction, unless this service removed it first;
 *   <li>this service ends it: the violation job finds an approved device non-compliant without interruption for longer
 *       than the grace period ({@code NON_COMPLIANT}, with its issues); inventory then records it REMOVED, and that
 *       snapshot raises nothing more.
 * </ul>
 *
 * A new approval clears the mark (the read model). Nothing a device sends takes part but its check-ins' verdicts,
 * which the service evaluates itself.
 */
@ApplicationScoped
public class PersonalDeviceAccess {

    private static final Logger LOG = Logger.getLogger(PersonalDeviceAccess.class);

    /** Devices removed per transaction of the violation job. */
    static final int CHUNK = 100;

    /** Who cancels the LOCK and LOCATE of a personal device that may not have them. */
    static final String POLICY = "system:personal-device-policy";

    @Inject
    PersonalDeviceRepository repository;

    @Inject
    DeviceCredentialService credentials;

    @Inject
    CheckInEvents events;

    @Inject
    PersonalDeviceSettings settings;

    @Inject
    DistrictClock clock;

    /**
     * After the read model applied these snapshots (the latest of each device), in its transaction: the removals
     * inventory made (REMOVED, EXPIRED) of devices this service saw approved and has not removed itself, and the
     * cancellation of LOCK and LOCATE commands of personal devices that may not have them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void snapshotsApplied(Collection<DeviceSnapshot> snapshots) throws SQLException {
        Set<UUID> personal = new TreeSet<>();
        Set<UUID> ended = new TreeSet<>();
        for (DeviceSnapshot s : snapshots) {
            if (s.ownership() != Ownership.PERSONAL) {
                continue;
            }
            personal.add(s.id());
            PersonalAccess access = s.personalAccess();
            PersonalAccessStatus status = access == null ? null : access.status();
            if (status == PersonalAccessStatus.REMOVED || status == PersonalAccessStatus.EXPIRED) {
                ended.add(s.id());
            }
        }
        Instant now = clock.now();
        if (!ended.isEmpty()) {
            for (Removed removed : repository.markEndedByInventory(ended, now)) {
                Reason reason = PersonalAccessStatus.EXPIRED.name().equals(removed.personalAccess())
                        ? Reason.APPROVAL_EXPIRED
                        : Reason.POLICY_VIOLATION;
                remove(removed, reason, List.of(), now);
            }
        }
        if (!personal.isEmpty()) {
            // As the rows stand now (the snapshot applied, any removal marked): district devices are never touched.
            int cancelled = repository.cancelLockAndLocate(personal, now, POLICY);
            if (cancelled > 0) {
                LOG.infof(
                        "%d open LOCK or LOCATE commands of personal devices without the owner's consent or approval"
                                + " were cancelled",
                        cancelled);
            }
        }
    }

    /**
     * The violation job: removes the access of every approved personal device non-compliant without interruption for
     * longer than the grace period, a chunk per transaction. Every replica may run it at once: a claim marks only rows
     * not marked yet and waits for a row another transaction holds, so each removal is raised once. Returns how many
     * devices lost their access.
     */
    public int removeViolations() {
        Duration grace = Duration.ofDays(Math.max(0, settings.violationGraceDays()));
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.now();
                List<Removed> claimed = repository.claimViolations(now.minus(grace), now, CHUNK);
                for (Removed removed : claimed) {
                    remove(removed, Reason.NON_COMPLIANT, issues(removed.complianceIssues()), now);
                }
                return claimed.size();
            });
            total += n;
        } while (n == CHUNK);
        if (total > 0) {
            LOG.infof(
                    "%d personal devices lost their access: non-compliant for longer than %d days",
                    total, grace.toDays());
        }
        return total;
    }

    /** A marked device's access removed: its credential revoked, the event raised, in the caller's transaction. */
    private void remove(Removed removed, Reason reason, List<String> issues, Instant now) {
        boolean revoked = credentials.revokeOnAccessRemoved(removed.deviceId(), reason.name());
        events.personalDeviceAccessRemoved(removed, reason, issues, now);
        LOG.infof(
                "Personal device %s lost its access (%s)%s",
                removed.deviceId(), reason, revoked ? "; its credential was revoked" : "");
    }

    /** The issue codes of a stored verdict, only those the evaluator gives (never text of the device's). */
    static List<String> issues(String codes) {
        return ComplianceIssue.decode(codes).stream().map(Enum::name).toList();
    }
}
