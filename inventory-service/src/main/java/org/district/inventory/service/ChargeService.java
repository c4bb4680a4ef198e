package org.district.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.district.contracts.inventory.ChargeStatus;
import org.district.inventory.domain.ChargeFilter;
import org.district.inventory.domain.ChargeTotals;
import org.district.inventory.domain.FieldChange;
import org.district.inventory.entity.Charge;
import org.district.inventory.entity.ChargeEntry;
import org.district.inventory.entity.ChargePayment;
import org.district.inventory.entity.ChargeWaiver;
import org.district.inventory.entity.Device;
import org.district.inventory.entity.Person;
import org.district.inventory.repository.ChargeRepository;
import org.district.inventory.repository.DeviceRepository;
import org.district.inventory.repository.PersonRepository;
import org.district.support.domain.ConflictException;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.domain.NotFoundException;
import org.district.support.time.DistrictClock;

/**
 * Charges: what a person owes for a device they damaged or lost, and the payments and waivers recorded against it.
 * Nothing is ever paid or waived beyond what is outstanding: a payment or waiver locks its charge, so two of them on
 * one charge (from any replica) take their turns. Every change is recorded in the histories of the device and of the
 * person and published as the charge's snapshot, in the transaction of the change.
 */
@ApplicationScoped
@Transactional
public class ChargeService {

    /** History actions of the device and the person. */
    static final String CHARGED = "CHARGE_RECORDED";

    static final String PAYMENT = "CHARGE_PAYMENT_RECORDED";
    static final String WAIVER = "CHARGE_WAIVER_RECORDED";

    /** The history entries a charge writes: what a person owes, for IT's eyes (and the person's own charges view). */
    static final Set<String> ACTIONS = Set.of(CHARGED, PAYMENT, WAIVER);

    @Inject
    ChargeRepository charges;

    @Inject
    PersonRepository people;

    @Inject
    DeviceRepository devices;

    @Inject
    History history;

    @Inject
    InventoryEvents events;

    @Inject
    DistrictClock clock;

    // ---------------------------------------------------------------- reads

    /** The charge with its person and device. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Charge> find(UUID id) {
        return charges.findWithParties(id);
    }

    /** One page of charges, newest first, with one more than {@code limit} when another page follows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Charge> page(ChargeFilter filter, Instant afterAt, UUID afterId, int limit) {
        return charges.page(filter, afterAt, afterId, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChargePayment> payments(UUID chargeId) {
        return charges.payments(chargeId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChargeWaiver> waivers(UUID chargeId) {
        return charges.waivers(chargeId);
    }

    /** The sums of a person's charges. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChargeTotals totalsOf(UUID personId) {
        return charges.totalsOf(personId);
    }

    /**
     * A chunk of an export: the charges after the one recorded at {@code afterAt} with id {@code afterId}, read in a
     * transaction of its own (the file is written after the request's own work has ended), turned into rows there.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <R> List<R> exportChunk(
            ChargeFilter filter, Instant afterAt, UUID afterId, int size, java.util.function.Function<Charge, R> row) {
        return charges.page(filter, afterAt, afterId, size).stream()
                .limit(size)
                .map(row)
                .toList();
    }

    // ---------------------------------------------------------------- changes

    /** IT charges a person for a device: the person and the device must be known (400 naming each that is not). */
    public Charge record(ChargeRequest input, String actor) {
        List<FieldViolation> errors = new ArrayList<>();
        Optional<Person> person = people.findByIdOptional(input.personId());
        if (person.isEmpty()) {
            errors.add(new FieldViolation("personId", "names no known person."));
        }
        Optional<Device> device = devices.findByIdOptional(input.deviceId());
        if (device.isEmpty()) {
            errors.add(new FieldViolation("deviceId", "names no known device."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        Instant now = clock.now();
        Charge c = new Charge();
        c.id = UUID.randomUUID();
        c.person = person.get();
        c.device = device.get();
        c.reason = input.reason();
        c.description = DeviceRules.text(input.description());
        c.amount = money(input.amount());
        c.status = c.statusFromTotals();
        c.createdBy = actor;
        c.createdAt = now;
        c.updatedAt = now;
        charges.persist(c);
        List<FieldChange> changes = List.of(
                new FieldChange("charge", null, c.id.toString()),
                new FieldChange("person", null, c.person.districtId),
                new FieldChange("device", null, c.device.assetTag),
                new FieldChange("reason", null, c.reason.name()),
                new FieldChange("amount", null, text(c.amount)),
                new FieldChange("outstanding", null, text(c.outstanding())),
                new FieldChange("status", null, c.status.name()));
        addToHistories(c, actor, CHARGED, changes, c.description);
        events.chargeChanged(c, "CREATED");
        return c;
    }

    /** IT records a payment: at most what is outstanding (409 otherwise), each receipt reference once per charge. */
    public Charge pay(UUID id, PaymentRequest input, String actor) {
        Charge c = lock(id);
        BigDecimal amount = money(input.amount());
        String reference = DeviceRules.text(input.reference());
        LocalDate today = clock.today();
        List<FieldViolation> errors = new ArrayList<>();
        if (input.paidOn().isAfter(today)) {
            errors.add(new FieldViolation("paidOn", "cannot be in the future."));
        } else if (input.paidOn().isBefore(clock.dayOf(c.createdAt))) {
            errors.add(new FieldViolation(
                    "paidOn", "cannot be before the charge was recorded (" + clock.dayOf(c.createdAt) + ")."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        refuseBeyondOutstanding(c, amount, "paid");
        if (reference != null && charges.hasPaymentReference(c.id, reference)) {
            throw ConflictException.duplicate(
                    "reference", "This charge already has a payment with reference " + reference + ".");
        }
        ChargePayment p = new ChargePayment();
        p.paidOn = input.paidOn();
        p.reference = reference;
        p.note = DeviceRules.text(input.note());
        String why = "Payment of " + text(amount) + " paid on " + p.paidOn
                + (reference == null ? "" : ", reference " + reference) + (p.note == null ? "." : ". " + p.note);
        charges.persistPayment(entry(c, p, amount, actor));
        addToTotal(p, why);
        return c;
    }

    /** IT waives part or all of what is outstanding (409 beyond it). */
    public Charge waive(UUID id, WaiverRequest input, String actor) {
        Charge c = lock(id);
        BigDecimal amount = money(input.amount());
        refuseBeyondOutstanding(c, amount, "waived");
        ChargeWaiver w = new ChargeWaiver();
        w.reason = DeviceRules.text(input.reason());
        charges.persistWaiver(entry(c, w, amount, actor));
        addToTotal(w, "Waiver of " + text(amount) + ": " + w.reason);
        return c;
    }

    // ---------------------------------------------------------------- helpers

    private Charge lock(UUID id) {
        return charges.findForUpdate(id).orElseThrow(() -> new NotFoundException("charge", id.toString()));
    }

    private static void refuseBeyondOutstanding(Charge c, BigDecimal amount, String what) {
        BigDecimal outstanding = c.outstanding();
        if (outstanding.signum() == 0) {
            throw ConflictException.of(
                    "charge-settled",
                    "The charge is " + c.status + ": nothing is outstanding, so nothing more can be " + what + ".");
        }
        if (amount.compareTo(outstanding) > 0) {
            throw ConflictException.onField(
                    "exceeds-outstanding",
                    "amount",
                    "At most " + text(outstanding) + " is outstanding on this charge; " + text(amount) + " cannot be "
                            + what + ".");
        }
    }

    /** Fills in what every payment and waiver records: a new id, its charge and amount, by whom and when. */
    private <E extends ChargeEntry> E entry(Charge c, E entry, BigDecimal amount, String actor) {
        entry.id = UUID.randomUUID();
        entry.charge = c;
        entry.amount = amount;
        entry.recordedBy = actor;
        entry.recordedAt = clock.now();
        return entry;
    }

    /**
     * Adds the entry's amount to its charge's paid total (a payment) or waived total (a waiver) and settles the charge,
     * as of the entry; records the change in the device's and the person's histories ({@code why}) and publishes the
     * charge.
     */
    private void addToTotal(ChargeEntry entry, String why) {
        Charge c = entry.charge;
        boolean paid = entry instanceof ChargePayment;
        String total = paid ? "paid" : "waived";
        BigDecimal totalBefore = paid ? c.paid : c.waived;
        BigDecimal outstandingBefore = c.outstanding();
        ChargeStatus statusBefore = c.status;
        BigDecimal totalAfter = money(totalBefore.add(entry.amount));
        if (paid) {
            c.paid = totalAfter;
        } else {
            c.waived = totalAfter;
        }
        settle(c, entry.recordedAt);
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("charge", c.id.toString(), c.id.toString()));
        changes.add(new FieldChange(total, text(totalBefore), text(totalAfter)));
        changes.add(new FieldChange("outstanding", text(outstandingBefore), text(c.outstanding())));
        if (statusBefore != c.status) {
            changes.add(new FieldChange("status", statusBefore.name(), c.status.name()));
        }
        addToHistories(c, entry.recordedBy, paid ? PAYMENT : WAIVER, changes, why);
        events.chargeChanged(c, paid ? "PAYMENT_RECORDED" : "WAIVER_RECORDED");
    }

    private static void settle(Charge c, Instant now) {
        c.status = c.statusFromTotals();
        c.updatedAt = now;
    }

    /** The entry in the device's history (without a status move) and in the person's. */
    private void addToHistories(Charge c, String actor, String action, List<FieldChange> changes, String reason) {
        history.device(c.device, actor, action, null, null, changes, reason, null);
        history.person(c.person, actor, action, changes);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
