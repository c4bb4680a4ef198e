package org.district.inventory.service;

import static org.district.contracts.inventory.PersonalAccessStatus.APPROVED;
import static org.district.contracts.inventory.PersonalAccessStatus.EXPIRED;
import static org.district.contracts.inventory.PersonalAccessStatus.PENDING;
import static org.district.contracts.inventory.PersonalAccessStatus.REFUSED;
import static org.district.contracts.inventory.PersonalAccessStatus.REMOVED;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.checkin.PersonalDeviceAccessRemoved;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.inventory.PersonalDeviceStep;
import org.district.inventory.config.InventorySettings;
import org.district.inventory.config.PersonalDevicePolicy;
import org.district.inventory.domain.PersonalDeviceFilter;
import org.district.inventory.entity.Device;
import org.district.inventory.entity.Person;
import org.district.inventory.entity.PersonalDeviceAccess;
import org.district.inventory.repository.DeviceRepository;
import org.district.inventory.repository.PersonRepository;
import org.district.inventory.repository.PersonalDeviceAccessRepository;
import org.district.support.domain.ConflictException;
import org.district.support.domain.InvalidException;
import org.district.support.domain.NotFoundException;
import org.district.support.text.OneLine;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * The district's policy on personal devices: a staff member registers their own device and asks for access, an
 * approver of their school (or IT) approves it until the end of the school year or refuses it, the owner renews it,
 * IT or a violation found by checkin-service removes it, and approvals whose last day has passed expire. Every step is
 * validated, recorded in the device's history and published (the device's snapshot and the step's announcement) in
 * the same transaction, after the device's row is locked, so concurrent steps of one device take their turns.
 */
@ApplicationScoped
@Transactional
public class PersonalDeviceService {

    /** How many days before an approval's last day its owner may ask to renew it. */
    public static final int RENEWAL_WINDOW_DAYS = 30;

    /** The history actor of steps the check-in service's events drive. */
    static final String CHECKIN = "checkin-service";

    /** How many approvals one transaction of the expiry ends at most. */
    static final int EXPIRY_BATCH = 100;

    private static final Logger LOG = Logger.getLogger(PersonalDeviceService.class);

    /** Letters and digits of generated asset tags, without those read alike (0/O, 1/I). */
    private static final char[] TAG_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DeviceService devices;

    @Inject
    DeviceRepository deviceRows;

    @Inject
    PersonRepository people;

    @Inject
    PersonService personRules;

    @Inject
    PersonalDeviceAccessRepository accesses;

    @Inject
    PersonalAccessSteps steps;

    @Inject
    PersonalDevicePolicy policy;

    @Inject
    InventorySettings settings;

    @Inject
    DistrictClock clock;

    // ---------------------------------------------------------------- reads

    /** The standing of the personal device {@code deviceId}, with its device and owner. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PersonalDeviceAccess> find(UUID deviceId) {
        return accesses.findWithParties(deviceId);
    }

    /** One page of standings, newest request first, with one row more than {@code limit} when another page follows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonalDeviceAccess> page(PersonalDeviceFilter filter, Instant afterAt, UUID afterId, int limit) {
        if (filter.reachesNothing()) {
            return List.of();
        }
        return accesses.page(filter, afterAt, afterId, limit);
    }

    /** The first day the owner may ask to renew an approval that ends on {@code expiresOn}. */
    public static LocalDate renewableFrom(LocalDate expiresOn) {
        return expiresOn == null ? null : expiresOn.minusDays(RENEWAL_WINDOW_DAYS);
    }

    // ---------------------------------------------------------------- steps

    /**
     * The owner registers their device and asks for access: a PERSONAL device owned by them at their school, with an
     * asset tag of its own ({@code P-} and eight letters or digits), access PENDING, and the school's approvers asked.
     */
    public PersonalDeviceAccess request(PersonalDeviceRequest in, String ownerDistrictId, String actor) {
        Person owner = people.findByDistrictId(DeviceRules.code(ownerDistrictId))
                .orElseThrow(() -> ConflictException.of(
                        "no-person-record",
                        "The registry holds no person record with your district id (" + ownerDistrictId + "), so a"
                                + " device cannot be registered as yours. Ask HR or IT to add your record, then try"
                                + " again."));
        if (!owner.active) {
            throw ConflictException.of(
                    "person-departed",
                    "Your person record says you have left the district; a departed person cannot register a"
                            + " personal device.");
        }
        DeviceRequest device = new DeviceRequest(
                newAssetTag(),
                in.serialNumber(),
                in.type(),
                in.make(),
                in.model(),
                owner.school,
                Ownership.PERSONAL,
                false,
                null,
                null,
                null,
                owner.districtId);
        Device d = devices.register(device, actor, line(in.purpose()), Boolean.TRUE.equals(in.lockAndLocateConsent()));
        return reloaded(d.id);
    }

    /**
     * An approver (or IT) decides on a request, or on a renewal the owner asked for. Approval needs the owner's
     * Acceptable Use Policy acknowledgement to be current, and runs until the end of the school year (a renewal: the
     * end of the school year after the running approval's).
     */
    public PersonalDeviceAccess decide(UUID deviceId, PersonalDeviceDecisionRequest in, String actor) {
        String reason = line(in.reason());
        if (in.decision() == PersonalDeviceDecisionRequest.Decision.REFUSE && reason == null) {
            throw InvalidException.of("reason", "is required to refuse: the owner is told why.");
        }
        Device d = devices.lock(deviceId);
        PersonalDeviceAccess a = lockAccess(d);
        if (!a.awaitsDecision()) {
            throw ConflictException.of(
                    "nothing-to-decide",
                    "Access is " + a.status + " and no renewal was asked for: only a PENDING request or a renewal the"
                            + " owner asked for is decided.");
        }
        refuseIfDeregistered(d);
        Map<String, Object> before = a.trackedFields();
        Instant now = clock.now();
        boolean renewal = a.status != PENDING;
        if (in.decision() == PersonalDeviceDecisionRequest.Decision.APPROVE) {
            Person owner = a.owner;
            if (!owner.active) {
                throw ConflictException.of(
                        "person-departed",
                        owner.displayName() + " (" + owner.districtId + ") has left the district; their device cannot"
                                + " be approved.");
            }
            if (!personRules.aupCurrent(owner)) {
                LocalDate ack = owner.aupAcknowledgedOn;
                throw ConflictException.of(
                        "aup-not-acknowledged",
                        owner.displayName() + " (" + owner.districtId + ") has not acknowledged the Acceptable Use"
                                + " Policy in the last " + settings.aupValidDays() + " days (last acknowledged: "
                                + (ack == null ? "never" : ack) + "). The owner must acknowledge it before the device"
                                + " can be approved; the request stays PENDING.");
            }
            LocalDate today = clock.today();
            LocalDate from = a.status == APPROVED && a.expiresOn != null && !a.expiresOn.isBefore(today)
                    ? a.expiresOn.plusDays(1)
                    : today;
            a.expiresOn = policy.schoolYearEndOnOrAfter(from);
            a.decide(APPROVED, null, actor, now);
            steps.record(
                    d,
                    a,
                    before,
                    PersonalAccessSteps.APPROVED,
                    PersonalDeviceStep.APPROVED,
                    join((renewal ? "Renewed" : "Approved") + " until " + a.expiresOn + ".", reason),
                    actor,
                    actor,
                    null);
        } else {
            // A renewal refused while the approval still runs leaves it in force until its end.
            a.decide(a.status == APPROVED ? APPROVED : REFUSED, reason, actor, now);
            steps.record(
                    d, a, before, PersonalAccessSteps.REFUSED, PersonalDeviceStep.REFUSED, reason, actor, actor, null);
        }
        return reloaded(deviceId);
    }

    /**
     * The owner asks again: to renew an approval from {@value #RENEWAL_WINDOW_DAYS} days before its last day (it stays
     * in force until then), or after a refusal, an expiry or a removal (access PENDING again).
     */
    public PersonalDeviceAccess renew(UUID deviceId, PersonalDeviceRenewalRequest in, String actor) {
        String purpose = in == null ? null : line(in.purpose());
        Device d = devices.lock(deviceId);
        PersonalDeviceAccess a = lockAccess(d);
        refuseIfDeregistered(d);
        if (a.status == PENDING) {
            throw ConflictException.of("already-pending", "The request already awaits a decision.");
        }
        if (a.renewalRequestedAt != null) {
            throw ConflictException.of(
                    "renewal-pending",
                    "A renewal was already asked for on " + clock.dayOf(a.renewalRequestedAt)
                            + " and awaits a decision.");
        }
        Map<String, Object> before = a.trackedFields();
        Instant now = clock.now();
        if (a.status == APPROVED) {
            LocalDate from = renewableFrom(a.expiresOn);
            if (clock.today().isBefore(from)) {
                throw ConflictException.of(
                        "renewal-too-early",
                        "The approval runs until " + a.expiresOn + "; its renewal can be asked for from " + from + ".");
            }
            a.renewalRequestedAt = now;
        } else {
            a.status = PENDING;
            a.requestedAt = now;
            a.requestedBy = actor;
            a.decidedBy = null;
            a.decidedAt = null;
            a.reason = null;
        }
        if (purpose != null) {
            a.purpose = purpose;
        }
        steps.record(
                d,
                a,
                before,
                PersonalAccessSteps.RENEWAL_REQUESTED,
                PersonalDeviceStep.RENEWAL_REQUESTED,
                a.purpose,
                actor,
                actor,
                null);
        return reloaded(deviceId);
    }

    /** IT removes a device's access (approved, or asked for), with the reason the owner and the approvers are told. */
    public PersonalDeviceAccess remove(UUID deviceId, PersonalDeviceRemovalRequest in, String actor) {
        String reason = line(in.reason());
        if (reason == null) {
            throw InvalidException.of("reason", "is required: the owner and the approvers are told why.");
        }
        Device d = devices.lock(deviceId);
        PersonalDeviceAccess a = lockAccess(d);
        if (a.status != APPROVED && a.status != PENDING) {
            throw ConflictException.of(
                    "no-access-to-remove",
                    "Access is " + a.status + ": only an APPROVED or PENDING device's access is removed.");
        }
        removeAccess(d, a, reason, actor, actor, null);
        return reloaded(deviceId);
    }

    /**
     * checkin-service revoked a personal device's credential and announced it. An approved device it found
     * non-compliant past the grace period loses its approval here too (unless approved again since); an expiry it saw
     * first is applied as the expiry would; a removal or expiry made here (its echo) changes nothing.
     */
    public void accessRemovedByCheckin(PersonalDeviceAccessRemoved event, UUID eventId) {
        if (event.deviceId() == null || event.reason() == null) {
            LOG.warnf("Event %s names no device or no reason; ignored", eventId);
            return;
        }
        Optional<Device> device = deviceRows.findForUpdate(event.deviceId());
        Optional<PersonalDeviceAccess> access = device.flatMap(d -> accesses.findForUpdate(d.id));
        if (access.isEmpty()) {
            LOG.warnf(
                    "Event %s names device %s, which is not a registered personal device; ignored",
                    eventId, event.deviceId());
            return;
        }
        Device d = device.get();
        PersonalDeviceAccess a = access.get();
        if (a.status == EXPIRED || a.status == REMOVED) {
            return;
        }
        switch (event.reason()) {
            case NON_COMPLIANT -> {
                // A removal found before the device's latest approval was about an earlier one: that approval stands.
                boolean stale = a.decidedAt != null
                        && event.removedAt() != null
                        && event.removedAt().isBefore(a.decidedAt);
                if (a.status == APPROVED && !stale) {
                    removeAccess(
                            d,
                            a,
                            nonCompliance(event.complianceIssues()),
                            CHECKIN,
                            PersonalAccessSteps.SYSTEM,
                            eventId);
                    return;
                }
            }
            case APPROVAL_EXPIRED -> {
                if (a.status == APPROVED && a.expiresOn != null && a.expiresOn.isBefore(clock.today())) {
                    expire(d, a, CHECKIN, eventId);
                    return;
                }
            }
            case POLICY_VIOLATION -> {
                // checkin-service's echo of a removal made here: a later request or approval is not undone by it.
            }
        }
        if (a.status == APPROVED) {
            LOG.infof(
                    "Device %s: check-in revoked its credential (%s, %s) but its access is %s since %s; left as it is"
                            + " (event %s)",
                    d.assetTag, event.reason(), event.removedAt(), a.status, a.decidedAt, eventId);
        }
    }

    /**
     * Ends every approval whose last day has passed (district time): EXPIRED, the owner told to renew. Each batch is a
     * transaction of its own that claims its devices with {@code FOR UPDATE SKIP LOCKED}, so replicas running it at the
     * same time share the work and none ends an approval twice. Returns how many it ended.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int expireDue() {
        LocalDate today = clock.today();
        int total = 0;
        for (int round = 0; round < 10_000; round++) {
            Batch batch = QuarkusTransaction.requiringNew().call(() -> expireBatch(today));
            total += batch.ended();
            if (batch.claimed() < EXPIRY_BATCH) {
                break;
            }
        }
        return total;
    }

    /** What one batch of the expiry claimed and ended. */
    private record Batch(int claimed, int ended) {}

    private Batch expireBatch(LocalDate today) {
        List<UUID> claimed = accesses.claimExpired(today, EXPIRY_BATCH);
        int ended = 0;
        for (UUID id : claimed) {
            Device d = deviceRows.findById(id);
            PersonalDeviceAccess a = accesses.findForUpdate(id).orElse(null);
            if (d != null && a != null && a.status == APPROVED && a.expiresOn.isBefore(today)) {
                expire(d, a, PersonalAccessSteps.SYSTEM, null);
                ended++;
            }
        }
        return new Batch(claimed.size(), ended);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The standing after a step, with its device and owner, read in the step's own transaction: the caller shows it
     * after the transaction ended, and a read of its own could find what the request read before the step.
     */
    private PersonalDeviceAccess reloaded(UUID deviceId) {
        return accesses.findWithParties(deviceId)
                .orElseThrow(() -> new NotFoundException("personal device", deviceId.toString()));
    }

    private void expire(Device d, PersonalDeviceAccess a, String actor, UUID sourceEventId) {
        Map<String, Object> before = a.trackedFields();
        String reason = "The approval ended on " + a.expiresOn + ", the end of the school year."
                + (a.renewalRequestedAt != null
                        ? " The renewal asked for on " + clock.dayOf(a.renewalRequestedAt)
                                + " still awaits the approvers' decision."
                        : " The owner may ask to renew it.");
        // A renewal asked for and not decided yet stays asked: the approvers' approval restores access.
        a.status = EXPIRED;
        a.reason = reason;
        steps.record(
                d,
                a,
                before,
                PersonalAccessSteps.EXPIRED,
                PersonalDeviceStep.EXPIRED,
                reason,
                actor,
                PersonalAccessSteps.SYSTEM,
                sourceEventId);
    }

    private void removeAccess(
            Device d, PersonalDeviceAccess a, String reason, String actor, String announcedActor, UUID sourceEventId) {
        Map<String, Object> before = a.trackedFields();
        a.decide(REMOVED, reason, actor, clock.now());
        steps.record(
                d,
                a,
                before,
                PersonalAccessSteps.REMOVED,
                PersonalDeviceStep.ACCESS_REMOVED,
                reason,
                actor,
                announcedActor,
                sourceEventId);
    }

    /** The standing of the locked device, locked in turn; a district device has none (404). */
    private PersonalDeviceAccess lockAccess(Device d) {
        return accesses.findForUpdate(d.id)
                .orElseThrow(() -> new NotFoundException("personal device", d.id.toString()));
    }

    private static void refuseIfDeregistered(Device d) {
        if (d.status == DeviceStatus.RETIRED) {
            throw ConflictException.of(
                    "device-deregistered", "The device was deregistered (RETIRED); it has no access to decide on.");
        }
    }

    /** The reason of a removal for non-compliance, naming the failed rules in words (bounded whatever was sent). */
    static String nonCompliance(List<String> issues) {
        String base = "Not compliant with the district's baseline past the grace period";
        if (issues == null || issues.isEmpty()) {
            return base + "; its credential was revoked.";
        }
        List<String> named = new ArrayList<>();
        for (String issue : issues) {
            if (issue == null) {
                continue;
            }
            String words = issue.replaceAll("[^A-Za-z0-9_ ]", "")
                    .replace('_', ' ')
                    .trim()
                    .toLowerCase(Locale.ROOT);
            if (!words.isEmpty() && !named.contains(words)) {
                named.add(words.length() > 60 ? words.substring(0, 60) : words);
            }
            if (named.size() == 6) {
                break;
            }
        }
        if (named.isEmpty()) {
            return base + "; its credential was revoked.";
        }
        long more = issues.stream().filter(i -> i != null && !i.isBlank()).count() - named.size();
        return base + ": " + String.join(", ", named) + (more > 0 ? " and " + more + " more" : "") + ".";
    }

    /** A generated asset tag no device has yet. */
    private String newAssetTag() {
        for (int attempt = 0; attempt < 10; attempt++) {
            char[] code = new char[8];
            for (int i = 0; i < code.length; i++) {
                code[i] = TAG_ALPHABET[RANDOM.nextInt(TAG_ALPHABET.length)];
            }
            String tag = "P-" + new String(code);
            if (deviceRows.findByAssetTag(tag).isEmpty()) {
                return tag;
            }
        }
        throw new IllegalStateException("No free asset tag found in 10 attempts");
    }

    /** Text kept on one line, trimmed; null when blank. */
    private static String line(String text) {
        return DeviceRules.text(OneLine.of(text));
    }

    private static String join(String a, String b) {
        return b == null ? a : a + " " + b;
    }
}
