package org.district.inventory.service;

import static org.district.contracts.inventory.DeviceStatus.ASSIGNED;
import static org.district.contracts.inventory.DeviceStatus.IN_REPAIR;
import static org.district.contracts.inventory.DeviceStatus.IN_STOCK;
import static org.district.contracts.inventory.DeviceStatus.LOST;
import static org.district.contracts.inventory.DeviceStatus.QUARANTINED;
import static org.district.contracts.inventory.DeviceStatus.RECOVERED;
import static org.district.contracts.inventory.DeviceStatus.STOLEN;
import static org.district.contracts.inventory.DeviceStatus.WRITTEN_OFF;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.Ownership;
import org.district.inventory.config.InventorySettings;
import org.district.inventory.domain.DeviceFilter;
import org.district.inventory.domain.DeviceLifecycle;
import org.district.inventory.domain.DeviceOrder;
import org.district.inventory.domain.FieldChange;
import org.district.inventory.entity.Assignment;
import org.district.inventory.entity.Device;
import org.district.inventory.entity.DeviceHistoryEntry;
import org.district.inventory.entity.Person;
import org.district.inventory.repository.AssignmentRepository;
import org.district.inventory.repository.DeviceRepository;
import org.district.inventory.repository.PersonRepository;
import org.district.support.domain.ConflictException;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.domain.NotFoundException;
import org.district.support.domain.StaleVersionException;
import org.district.support.time.DistrictClock;

/**
 * The device registry's business rules: registration, updates, assignment and return, and every lifecycle move. Each
 * change is validated, recorded in the device's history and published as a snapshot in the same transaction.
 */
@ApplicationScoped
@Transactional
public class DeviceService {

    /** The reason a colliding asset tag or serial number is given. */
    /** How far ahead a loaner may be due. */
    static final int MAX_LOAN_DAYS = 366;

    private static final String ALREADY_USED = "is already used by another device.";

    @Inject
    DeviceRepository devices;

    @Inject
    PersonRepository people;

    @Inject
    AssignmentRepository assignments;

    @Inject
    History history;

    @Inject
    InventoryEvents events;

    @Inject
    DistrictClock clock;

    @Inject
    InventorySettings settings;

    @Inject
    PersonalAccessSteps personalAccess;

    // ---------------------------------------------------------------- reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public Device get(UUID id) {
        return devices.findByIdOptional(id).orElseThrow(() -> new NotFoundException("device", id.toString()));
    }

    /** The device with its holder, as a view of it needs them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Device> find(UUID id) {
        return devices.findWithAssignee(id);
    }

    /**
     * One page of the search, with one row more than {@code limit} when another page follows; each device comes with
     * its holder. A transaction of its own even for a read: the search tunes its plan for the transaction it runs in.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Device> search(DeviceFilter filter, DeviceOrder order, String afterAssetTag, int limit) {
        return devices.search(
                filter, order, afterAssetTag, limit, settings.search().textMatchCap());
    }

    /** How many devices are in each status, of one school or of all (null), as the database keeps them. */
    public Map<String, Long> countByStatus(String school) {
        return devices.countByStatus(school == null ? null : DeviceRules.code(school));
    }

    /**
     * A page of a device's history (see {@link #get} for whether it exists), newest first, older than the entry
     * {@code beforeId} (from the newest when null), with one entry more than {@code limit} when another page follows.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeviceHistoryEntry> history(UUID deviceId, Long beforeId, int limit) {
        return history.ofDevice(deviceId, beforeId, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Assignment> assignmentsOf(UUID deviceId) {
        get(deviceId);
        return assignments.forDevice(deviceId);
    }

    // ---------------------------------------------------------------- registration and updates

    /** Everything that would stop {@link #register} or {@link #update} from accepting this input, without throwing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FieldViolation> problemsWith(DeviceRequest input, Device existing) {
        Ownership ownership = existing != null ? existing.ownership : input.ownershipOrDefault();
        List<FieldViolation> errors = new ArrayList<>(DeviceRules.check(input, ownership, clock.today()));
        if (existing != null && input.ownership() != null && input.ownership() != existing.ownership) {
            errors.add(new FieldViolation(
                    "ownership", "cannot change after registration (it is " + existing.ownership + ")."));
        }
        String tag = DeviceRules.code(input.assetTag());
        String serial = DeviceRules.code(input.serialNumber());
        devices.findByAssetTag(tag)
                .filter(other -> existing == null || !other.id.equals(existing.id))
                .ifPresent(other -> errors.add(new FieldViolation("assetTag", ALREADY_USED)));
        devices.findBySerialNumber(serial)
                .filter(other -> existing == null || !other.id.equals(existing.id))
                .ifPresent(other -> errors.add(new FieldViolation("serialNumber", ALREADY_USED)));
        if (ownership == Ownership.PERSONAL
                && input.ownerDistrictId() != null
                && !input.ownerDistrictId().isBlank()) {
            Optional<Person> owner = people.findByDistrictId(DeviceRules.code(input.ownerDistrictId()));
            if (owner.isEmpty()) {
                errors.add(new FieldViolation("ownerDistrictId", "names no known person."));
            } else if (existing != null && existing.assignee != null && !existing.assignee.id.equals(owner.get().id)) {
                errors.add(new FieldViolation("ownerDistrictId", "cannot change: a personal device keeps its owner."));
            } else if (existing == null && !owner.get().active) {
                errors.add(new FieldViolation("ownerDistrictId", "names a person who has departed."));
            }
        }
        return errors;
    }

    public Device register(DeviceRequest input, String actor) {
        return register(input, actor, null, false);
    }

    /**
     * Registers the device; a personal one with its standing under the policy opened (PENDING), for the purpose and
     * with the consent its owner gave (none when IT registers it for them).
     */
    Device register(DeviceRequest input, String actor, String purpose, boolean lockAndLocateConsent) {
        List<FieldViolation> errors = problemsWith(input, null);
        if (!errors.isEmpty()) {
            throw conflictOrInvalid(errors);
        }
        Instant now = clock.now();
        Device d = new Device();
        d.id = UUID.randomUUID();
        d.ownership = input.ownershipOrDefault();
        apply(d, input);
        d.createdAt = now;
        d.updatedAt = now;
        if (d.ownership == Ownership.PERSONAL) {
            Person owner = people.findByDistrictId(DeviceRules.code(input.ownerDistrictId()))
                    .orElseThrow();
            d.assignee = owner;
            d.assignedAt = now;
            d.status = ASSIGNED;
        } else {
            d.status = IN_STOCK;
        }
        devices.persist(d);
        if (d.assignee != null) {
            openAssignment(d, d.assignee, actor, now);
        }
        history.device(
                d, actor, "REGISTERED", null, d.status, FieldChange.between(Map.of(), d.trackedFields()), null, null);
        if (d.ownership == Ownership.PERSONAL) {
            personalAccess.open(d, purpose, lockAndLocateConsent, actor);
        }
        events.deviceChanged(d, "CREATED");
        return d;
    }

    public Device update(UUID id, DeviceRequest input, Long expectedVersion, String actor) {
        Device d = lock(id);
        if (expectedVersion != null && expectedVersion != d.version) {
            throw StaleVersionException.of("device", d.version, expectedVersion);
        }
        List<FieldViolation> errors = problemsWith(input, d);
        if (!errors.isEmpty()) {
            throw conflictOrInvalid(errors);
        }
        Map<String, Object> before = d.trackedFields();
        apply(d, input);
        List<FieldChange> changes = FieldChange.between(before, d.trackedFields());
        if (changes.isEmpty()) {
            return d;
        }
        d.updatedAt = clock.now();
        history.device(d, actor, "UPDATED", d.status, d.status, changes, null, null);
        events.deviceChanged(d, "UPDATED");
        return d;
    }

    private void apply(Device d, DeviceRequest in) {
        d.assetTag = DeviceRules.code(in.assetTag());
        d.serialNumber = DeviceRules.code(in.serialNumber());
        d.type = in.type();
        d.make = DeviceRules.text(in.make());
        d.model = DeviceRules.text(in.model());
        d.school = DeviceRules.text(in.school());
        d.sensitiveData = Boolean.TRUE.equals(in.sensitiveData());
        d.warrantyEnd = in.warrantyEnd();
        d.notes = DeviceRules.text(in.notes());
        AcquisitionRequest acq = in.acquisition();
        d.acquisitionType = acq == null ? null : acq.type();
        d.vendor = acq == null ? null : DeviceRules.text(acq.vendor());
        d.purchaseOrder = acq == null ? null : DeviceRules.text(acq.purchaseOrder());
        d.cost = acq == null || acq.cost() == null ? null : acq.cost().setScale(2, java.math.RoundingMode.HALF_UP);
        d.acquiredOn = acq == null ? null : acq.acquiredOn();
        d.donor = acq == null ? null : DeviceRules.text(acq.donor());
    }

    // ---------------------------------------------------------------- assignment

    public Device assign(UUID id, AssignmentRequest request, String actor) {
        LocalDate today = clock.today();
        if (request.dueOn() != null
                && (request.dueOn().isBefore(today) || request.dueOn().isAfter(today.plusDays(MAX_LOAN_DAYS)))) {
            throw InvalidException.of("dueOn", "must be from today to " + MAX_LOAN_DAYS + " days ahead.");
        }
        Device d = lock(id);
        if (d.ownership == Ownership.PERSONAL) {
            throw ConflictException.of(
                    "personal-device", "A personal device stays with its owner and cannot be assigned.");
        }
        Person person = resolvePerson(request);
        if (d.status != IN_STOCK) {
            String hint = d.status == QUARANTINED ? " It must be sanitized first." : "";
            throw ConflictException.of(
                    "not-assignable", "Only IN_STOCK devices can be assigned; this device is " + d.status + "." + hint);
        }
        if (!person.active) {
            throw ConflictException.of(
                    "person-departed",
                    person.displayName() + " (" + person.districtId + ") has departed and cannot be assigned devices.");
        }
        LocalDate ack = person.aupAcknowledgedOn;
        if (!person.aupCurrentOn(clock.today(), settings.aupValidDays())) {
            throw ConflictException.of(
                    "aup-not-acknowledged",
                    person.displayName() + " (" + person.districtId + ") has not acknowledged the Acceptable Use"
                            + " Policy in the last " + settings.aupValidDays() + " days (last acknowledged: "
                            + (ack == null ? "never" : ack) + "). Record a current acknowledgement first.");
        }
        Map<String, Object> before = d.trackedFields();
        Instant now = clock.now();
        d.assignee = person;
        d.assignedAt = now;
        d.assignmentDueOn = request.dueOn();
        d.status = ASSIGNED;
        d.updatedAt = now;
        openAssignment(d, person, actor, now);
        history.device(
                d,
                actor,
                "ASSIGNED",
                IN_STOCK,
                ASSIGNED,
                FieldChange.between(before, d.trackedFields()),
                DeviceRules.text(request.note()),
                null);
        events.deviceChanged(d, "ASSIGNED");
        return d;
    }

    /**
     * Issues the holder of a lost or stolen device a replacement in one step: the replacement is assigned to them (a
     * loaner when {@code dueOn} is given) under the same rules as any assignment, and both devices' histories say so.
     * The lost device stays LOST or STOLEN, and assigned, until its report is closed.
     */
    public Device replace(UUID lostId, ReplacementRequest request, String actor) {
        if (request.deviceId() == null
                && (request.assetTag() == null || request.assetTag().isBlank())) {
            throw InvalidException.of("deviceId", "or assetTag is required.");
        }
        Device lost = lock(lostId);
        if (lost.status != LOST && lost.status != STOLEN) {
            throw ConflictException.of(
                    "not-lost",
                    "Only a LOST or STOLEN device is replaced this way; this device is " + lost.status + ".");
        }
        if (lost.assignee == null) {
            throw ConflictException.of("no-holder", "Nobody held the device when it was lost, so nobody to issue to.");
        }
        UUID replacementId = request.deviceId() != null
                ? request.deviceId()
                : devices.findByAssetTag(DeviceRules.code(request.assetTag()))
                        .map(r -> r.id)
                        .orElseThrow(() -> InvalidException.of("assetTag", "names no known device."));
        if (replacementId.equals(lostId)) {
            throw InvalidException.of(request.deviceId() != null ? "deviceId" : "assetTag", "is the lost device.");
        }
        if (devices.findByIdOptional(replacementId).isEmpty()) {
            throw InvalidException.of("deviceId", "names no known device.");
        }
        String note = DeviceRules.text(request.note());
        Device replacement = assign(
                replacementId,
                new AssignmentRequest(
                        lost.assignee.id, null, join("Replacement for " + lost.assetTag + ".", note), request.dueOn()),
                actor);
        String what = request.dueOn() == null
                ? replacement.assetTag + " was issued as its replacement."
                : replacement.assetTag + " was issued as a loaner, due back on " + request.dueOn() + ".";
        history.device(lost, actor, "REPLACEMENT_ISSUED", lost.status, lost.status, List.of(), join(what, note), null);
        return replacement;
    }

    /** Open assignments with a due date (loaners), by due date; only those past it when {@code overdueOnly}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Assignment> loans(boolean overdueOnly, String school, int limit) {
        return assignments.openLoans(overdueOnly ? clock.today() : null, DeviceRules.text(school), limit);
    }

    /** IT takes a device back from its holder: to stock, or to quarantine when it holds sensitive data. */
    public Device takeBack(UUID id, ReturnRequest request, String actor) {
        Device d = lock(id);
        if (d.ownership == Ownership.PERSONAL) {
            throw ConflictException.of(
                    "personal-device", "A personal device belongs to its owner; retire it to deregister it.");
        }
        if (d.status != ASSIGNED) {
            throw ConflictException.of(
                    "not-assigned", "The device is " + d.status + ", not ASSIGNED, so there is nothing to take back.");
        }
        comeBack(d, actor, "RETURNED", request == null ? null : DeviceRules.text(request.note()), null);
        return d;
    }

    /** Ends the assignment and moves the device to stock or quarantine. */
    void comeBack(Device d, String actor, String action, String reason, UUID sourceEventId) {
        Map<String, Object> before = d.trackedFields();
        DeviceStatus from = d.status;
        DeviceStatus to = DeviceLifecycle.afterComingBack(d.sensitiveData);
        endAssignment(d, actor, action.toLowerCase());
        d.status = to;
        d.updatedAt = clock.now();
        String why =
                to == QUARANTINED ? join(reason, "Holds sensitive data: quarantined until IT sanitizes it.") : reason;
        history.device(d, actor, action, from, to, FieldChange.between(before, d.trackedFields()), why, sourceEventId);
        events.deviceChanged(d, "RETURNED");
    }

    // ---------------------------------------------------------------- lifecycle

    public Device changeStatus(UUID id, StatusChangeRequest change, String actor) {
        Device d = lock(id);
        DeviceStatus to = change.status();
        Optional<ConflictException> refusal = otherOperation(d, to);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        if (change.costOwed() != null && to != WRITTEN_OFF) {
            throw InvalidException.of("costOwed", "is recorded only when writing a device off.");
        }
        if (to == RECOVERED) {
            recover(d, actor, change.reason(), null);
        } else if (to == WRITTEN_OFF) {
            writeOff(d, change.costOwed(), actor, change.reason(), null);
        } else {
            transition(d, to, actor, "STATUS_CHANGED", change.reason(), null);
            if (d.ownership == Ownership.DISTRICT && (to == DeviceStatus.RETIRED) && d.assignee != null) {
                endAssignment(d, actor, "retired");
            }
            if (d.ownership == Ownership.PERSONAL && to == DeviceStatus.RETIRED) {
                personalAccess.endWithDevice(d, actor);
            }
            events.deviceChanged(d, "STATUS_CHANGED");
        }
        return d;
    }

    /**
     * What IT may do with the device now: every move the lifecycle allows, each by the operation that makes it
     * (assignment, return and sanitization have their own; the rest are status changes).
     */
    public List<DeviceMove> moves(UUID id) {
        Device d = find(id).orElseThrow(() -> new NotFoundException("device", id.toString()));
        List<DeviceMove> moves = new ArrayList<>();
        for (DeviceStatus to : DeviceLifecycle.next(d.ownership, d.status)) {
            if (d.ownership == Ownership.DISTRICT && to == ASSIGNED) {
                moves.add(new DeviceMove(DeviceMove.Operation.ASSIGN, to));
            } else if (d.ownership == Ownership.DISTRICT
                    && d.status == ASSIGNED
                    && (to == IN_STOCK || to == QUARANTINED)) {
                if (to == DeviceLifecycle.afterComingBack(d.sensitiveData)) {
                    moves.add(new DeviceMove(DeviceMove.Operation.RETURN, to));
                }
            } else if (d.ownership == Ownership.DISTRICT && d.status == QUARANTINED && to == IN_STOCK) {
                moves.add(new DeviceMove(DeviceMove.Operation.SANITIZE, to));
            } else if (otherOperation(d, to).isEmpty()) {
                moves.add(new DeviceMove(DeviceMove.Operation.CHANGE_STATUS, to));
            }
        }
        return moves;
    }

    /**
     * Why a status change to {@code to} is not how this move is made: a district device is assigned, taken back and
     * sanitized by their own operations, and one that may still hold unsanitized data does not go to stock.
     */
    private Optional<ConflictException> otherOperation(Device d, DeviceStatus to) {
        if (d.ownership != Ownership.DISTRICT) {
            return Optional.empty();
        }
        if (to == ASSIGNED) {
            return Optional.of(ConflictException.of(
                    "use-assignment", "Assign a device with POST /api/v1/devices/{id}/assignment."));
        }
        if (d.status == ASSIGNED && (to == IN_STOCK || to == QUARANTINED)) {
            return Optional.of(
                    ConflictException.of("use-return", "Take a device back with POST /api/v1/devices/{id}/return."));
        }
        if (d.status == QUARANTINED && to == IN_STOCK) {
            return Optional.of(ConflictException.of(
                    "sanitize-first",
                    "A quarantined device returns to stock only after sanitization:"
                            + " POST /api/v1/devices/{id}/sanitization."));
        }
        if (d.status == IN_REPAIR
                && to == IN_STOCK
                && history.statusBeforeLastEntering(d.id, IN_REPAIR).orElse(null) == QUARANTINED) {
            // Repair is not sanitization: a device sent there from quarantine still holds unsanitized data.
            return Optional.of(ConflictException.of(
                    "sanitize-first",
                    "This device went to repair from quarantine and has not been sanitized: move it back to"
                            + " QUARANTINED, then POST /api/v1/devices/{id}/sanitization."));
        }
        if (d.status == RECOVERED && to == IN_STOCK && d.sensitiveData) {
            return Optional.of(ConflictException.of(
                    "sanitize-first", "This device holds sensitive data: it goes to QUARANTINED, then sanitization."));
        }
        return Optional.empty();
    }

    public Device sanitize(UUID id, SanitizationRequest sanitization, String actor) {
        Device d = lock(id);
        if (d.status != QUARANTINED) {
            throw ConflictException.of(
                    "not-quarantined", "Only QUARANTINED devices are sanitized; this device is " + d.status + ".");
        }
        String reason = "Sanitized: " + DeviceRules.text(sanitization.method())
                + (DeviceRules.text(sanitization.note()) == null ? "" : ". " + DeviceRules.text(sanitization.note()));
        transition(d, IN_STOCK, actor, "SANITIZED", reason, null);
        events.deviceChanged(d, "SANITIZED");
        return d;
    }

    /** A lost or stolen device was found: it comes back to the district, through quarantine if it holds sensitive data. */
    void recover(Device d, String actor, String reason, UUID sourceEventId) {
        transition(d, RECOVERED, actor, "RECOVERED", reason, sourceEventId);
        if (d.ownership == Ownership.DISTRICT) {
            if (d.assignee != null) {
                endAssignment(d, actor, "recovered");
            }
            if (d.sensitiveData) {
                transition(
                        d,
                        QUARANTINED,
                        actor,
                        "QUARANTINED",
                        "Holds sensitive data: quarantined until IT sanitizes it.",
                        sourceEventId);
            }
        }
        events.deviceChanged(d, "STATUS_CHANGED");
    }

    void writeOff(Device d, BigDecimal costOwed, String actor, String reason, UUID sourceEventId) {
        Map<String, Object> before = d.trackedFields();
        DeviceStatus from = d.status;
        DeviceLifecycle.check(d.ownership, from, WRITTEN_OFF);
        d.status = WRITTEN_OFF;
        if (costOwed != null) {
            d.costOwed = costOwed.setScale(2, java.math.RoundingMode.HALF_UP);
        }
        if (d.ownership == Ownership.DISTRICT && d.assignee != null) {
            endAssignment(d, actor, "written off");
        }
        d.updatedAt = clock.now();
        history.device(
                d,
                actor,
                "WRITTEN_OFF",
                from,
                WRITTEN_OFF,
                FieldChange.between(before, d.trackedFields()),
                reason,
                sourceEventId);
        events.deviceChanged(d, "STATUS_CHANGED");
    }

    /** Marks the device lost or stolen (from a loss report or by IT). */
    void markMissing(Device d, DeviceStatus to, String actor, String reason, UUID sourceEventId) {
        if (to != LOST && to != STOLEN) {
            throw new IllegalArgumentException(to.toString());
        }
        transition(d, to, actor, to.name(), reason, sourceEventId);
        events.deviceChanged(d, "STATUS_CHANGED");
    }

    /** Validates and applies one status move and records it (the caller publishes the snapshot). */
    void transition(Device d, DeviceStatus to, String actor, String action, String reason, UUID sourceEventId) {
        DeviceStatus from = d.status;
        DeviceLifecycle.check(d.ownership, from, to);
        Map<String, Object> before = d.trackedFields();
        d.status = to;
        d.updatedAt = clock.now();
        history.device(
                d, actor, action, from, to, FieldChange.between(before, d.trackedFields()), reason, sourceEventId);
    }

    // ---------------------------------------------------------------- helpers

    Device lock(UUID id) {
        return devices.findForUpdate(id).orElseThrow(() -> new NotFoundException("device", id.toString()));
    }

    private Person resolvePerson(AssignmentRequest request) {
        if (request.personId() != null) {
            return people.findByIdOptional(request.personId())
                    .orElseThrow(() -> InvalidException.of("personId", "names no known person."));
        }
        if (request.personDistrictId() != null && !request.personDistrictId().isBlank()) {
            return people.findByDistrictId(DeviceRules.code(request.personDistrictId()))
                    .orElseThrow(() -> InvalidException.of("personDistrictId", "names no known person."));
        }
        throw InvalidException.of("personId", "or personDistrictId is required.");
    }

    private void openAssignment(Device d, Person person, String actor, Instant now) {
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.device = d;
        a.person = person;
        a.assignedAt = now;
        a.assignedBy = actor;
        a.dueOn = d.assignmentDueOn;
        assignments.persist(a);
    }

    private void endAssignment(Device d, String actor, String why) {
        assignments.findOpen(d.id).ifPresent(a -> {
            a.endedAt = clock.now();
            a.endedBy = actor;
            a.endReason = why;
        });
        d.assignee = null;
        d.assignedAt = null;
        d.assignmentDueOn = null;
    }

    private static RuntimeException conflictOrInvalid(List<FieldViolation> errors) {
        boolean onlyDuplicates = errors.stream().allMatch(e -> e.message().startsWith(ALREADY_USED));
        if (!onlyDuplicates) {
            return new InvalidException(errors);
        }
        String fields =
                String.join(" and ", errors.stream().map(FieldViolation::field).toList());
        return ConflictException.duplicate(errors, "Another device already has this " + fields + ".");
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        if (b == null || b.isBlank()) {
            return a;
        }
        return a + " " + b;
    }
}
