package org.district.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.district.contracts.inventory.PersonalAccessStatus;
import org.district.contracts.inventory.PersonalDeviceStep;
import org.district.inventory.config.PersonalDevicePolicy;
import org.district.inventory.domain.FieldChange;
import org.district.inventory.entity.Device;
import org.district.inventory.entity.PersonalDeviceAccess;
import org.district.inventory.repository.PersonalDeviceAccessRepository;
import org.district.support.time.DistrictClock;

/**
 * Records each step of a personal device's standing, in the transaction of the step: the device's history entry, the
 * device's snapshot (which carries the standing) and the step's announcement for the notifier. The device registry
 * opens a standing for every personal device it registers and ends it when the device is deregistered.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PersonalAccessSteps {

    /** What a history entry of each step is named (see HistoryEntryView). */
    static final String REQUESTED = "PERSONAL_ACCESS_REQUESTED";

    static final String RENEWAL_REQUESTED = "PERSONAL_ACCESS_RENEWAL_REQUESTED";
    static final String APPROVED = "PERSONAL_ACCESS_APPROVED";
    static final String REFUSED = "PERSONAL_ACCESS_REFUSED";
    static final String EXPIRED = "PERSONAL_ACCESS_EXPIRED";
    static final String REMOVED = "PERSONAL_ACCESS_REMOVED";

    /** What the snapshot of a device whose standing changed says changed. */
    static final String SNAPSHOT_CHANGE = "PERSONAL_ACCESS_CHANGED";

    /** The actor of steps nobody took by hand (an expiry, a violation found), as the announcement names it. */
    static final String SYSTEM = "system";

    @Inject
    PersonalDeviceAccessRepository accesses;

    @Inject
    History history;

    @Inject
    InventoryEvents events;

    @Inject
    PersonalDevicePolicy policy;

    @Inject
    DistrictClock clock;

    /**
     * Opens the standing of a personal device just registered (the caller publishes its snapshot afterwards): PENDING,
     * asked for by {@code actor}, and the school's approvers are asked to decide.
     */
    void open(Device d, String purpose, boolean consent, String actor) {
        Instant now = clock.now();
        PersonalDeviceAccess a = new PersonalDeviceAccess();
        a.deviceId = d.id;
        a.device = d;
        a.owner = d.assignee;
        a.purpose = purpose;
        a.lockAndLocateConsent = consent;
        a.status = PersonalAccessStatus.PENDING;
        a.requestedAt = now;
        a.requestedBy = actor;
        a.updatedAt = now;
        accesses.persist(a);
        String reason = purpose != null ? purpose : "Registered by IT; the owner's access awaits a decision.";
        history.device(
                d,
                actor,
                REQUESTED,
                d.status,
                d.status,
                FieldChange.between(Map.of(), a.trackedFields()),
                reason,
                null);
        events.personalDeviceStep(
                d, a, PersonalDeviceStep.REQUESTED, purpose, null, policy.approversOf(d.school), actor, now);
    }

    /**
     * Records a step already applied to {@code a} ({@code before} holds its fields before it): the device's history,
     * its snapshot and the step's announcement.
     */
    void record(
            Device d,
            PersonalDeviceAccess a,
            Map<String, Object> before,
            String action,
            PersonalDeviceStep step,
            String reason,
            String actor,
            String announcedActor,
            UUID sourceEventId) {
        Instant now = clock.now();
        a.updatedAt = now;
        // The device's version orders its snapshots: a change of its standing is a change of the device.
        d.updatedAt = now;
        history.device(
                d,
                actor,
                action,
                d.status,
                d.status,
                FieldChange.between(before, a.trackedFields()),
                reason,
                sourceEventId);
        events.deviceChanged(d, SNAPSHOT_CHANGE);
        events.personalDeviceStep(
                d,
                a,
                step,
                reason,
                step == PersonalDeviceStep.APPROVED || step == PersonalDeviceStep.EXPIRED ? a.expiresOn : null,
                policy.approversOf(d.school),
                announcedActor,
                now);
    }

    /**
     * A personal device deregistered (RETIRED) keeps no access: a request or an approval still open is removed. The
     * caller publishes the device's snapshot afterwards.
     */
    void endWithDevice(Device d, String actor) {
        PersonalDeviceAccess a = accesses.findForUpdate(d.id).orElse(null);
        if (a == null || (a.status != PersonalAccessStatus.PENDING && a.status != PersonalAccessStatus.APPROVED)) {
            return;
        }
        Map<String, Object> before = a.trackedFields();
        Instant now = clock.now();
        String reason = "The device was deregistered.";
        a.decide(PersonalAccessStatus.REMOVED, reason, actor, now);
        a.updatedAt = now;
        history.device(
                d, actor, REMOVED, d.status, d.status, FieldChange.between(before, a.trackedFields()), reason, null);
        events.personalDeviceStep(
                d, a, PersonalDeviceStep.ACCESS_REMOVED, reason, null, policy.approversOf(d.school), actor, now);
    }
}
