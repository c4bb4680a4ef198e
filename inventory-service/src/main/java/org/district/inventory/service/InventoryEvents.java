package org.district.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.district.contracts.Topics;
import org.district.contracts.inventory.ChargeSnapshot;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.inventory.PersonSnapshot;
import org.district.contracts.inventory.PersonalAccess;
import org.district.contracts.inventory.PersonalDeviceDecision;
import org.district.contracts.inventory.PersonalDeviceStep;
import org.district.inventory.entity.Charge;
import org.district.inventory.entity.Device;
import org.district.inventory.entity.Person;
import org.district.inventory.entity.PersonalDeviceAccess;
import org.district.inventory.entity.RegistryRecord;
import org.district.support.outbox.Outbox;
import org.district.support.outbox.OutgoingEvent;

/**
 * Publishes the full snapshot of a device or person after each change, through the outbox, in the transaction of the
 * change. Snapshots are keyed by id on compacted topics, so other services can rebuild their read models from them. A
 * personal device's snapshot carries its standing under the policy; each step of its approval is also announced on
 * {@link Topics#PERSONAL_DEVICES} for the notifier.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InventoryEvents {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    public void deviceChanged(Device d, String change) {
        publish(
                Topics.DEVICES,
                "Device",
                DeviceSnapshot.TYPE,
                DeviceSnapshot.SCHEMA_VERSION,
                d,
                () -> new DeviceSnapshot(
                        d.id,
                        d.version,
                        change,
                        d.assetTag,
                        d.serialNumber,
                        d.type,
                        d.make,
                        d.model,
                        d.school,
                        d.ownership,
                        d.status,
                        d.sensitiveData,
                        d.assignee == null ? null : d.assignee.id,
                        d.assigneeDistrictId(),
                        d.assignedAt,
                        d.acquisitionType == null ? null : d.acquisitionType.name(),
                        d.vendor,
                        d.purchaseOrder,
                        d.cost,
                        d.acquiredOn,
                        d.donor,
                        d.warrantyEnd,
                        d.costOwed,
                        d.updatedAt,
                        d.assignmentDueOn,
                        personalAccessOf(d)));
    }

    /** A personal device's standing, as its snapshot carries it; null for a district device. */
    private PersonalAccess personalAccessOf(Device d) {
        if (d.ownership != Ownership.PERSONAL) {
            return null;
        }
        PersonalDeviceAccess access = em.find(PersonalDeviceAccess.class, d.id);
        return access == null ? null : access.snapshot();
    }

    /**
     * A step of a personal device's approval, for the notifier to tell the owner and the approvers. Keyed by the
     * device, so one device's steps stay in order; numbered by the device's version after the step.
     */
    public void personalDeviceStep(
            Device d,
            PersonalDeviceAccess access,
            PersonalDeviceStep step,
            String reason,
            LocalDate expiresOn,
            List<String> approverDistrictIds,
            String actor,
            Instant occurredAt) {
        publish(
                Topics.PERSONAL_DEVICES,
                "Device",
                PersonalDeviceDecision.TYPE,
                PersonalDeviceDecision.SCHEMA_VERSION,
                d,
                () -> new PersonalDeviceDecision(
                        UUID.randomUUID(),
                        d.id,
                        d.assetTag,
                        d.type + ", " + d.make + " " + d.model,
                        d.school,
                        access.owner.id,
                        access.owner.districtId,
                        step,
                        reason,
                        expiresOn,
                        List.copyOf(approverDistrictIds),
                        actor,
                        occurredAt));
    }

    public void personChanged(Person p, String change) {
        publish(
                Topics.PEOPLE,
                "Person",
                PersonSnapshot.TYPE,
                PersonSnapshot.SCHEMA_VERSION,
                p,
                () -> new PersonSnapshot(
                        p.id,
                        p.version,
                        change,
                        p.districtId,
                        p.givenName,
                        p.familyName,
                        p.email,
                        p.kind,
                        p.school,
                        p.supervisor == null ? null : p.supervisor.id,
                        p.active,
                        p.departedOn,
                        p.aupAcknowledgedOn,
                        p.updatedAt));
    }

    /** A charge's snapshot with its totals; it names the person and the device by id only. */
    public void chargeChanged(Charge c, String change) {
        publish(
                Topics.CHARGES,
                "Charge",
                ChargeSnapshot.TYPE,
                ChargeSnapshot.SCHEMA_VERSION,
                c,
                () -> new ChargeSnapshot(
                        c.id,
                        c.version,
                        change,
                        c.person.id,
                        c.device.id,
                        c.reason,
                        c.amount,
                        c.paid,
                        c.waived,
                        c.outstanding(),
                        c.status,
                        c.createdAt,
                        c.updatedAt));
    }

    /** Snapshots are keyed by the record's id, so a compacted topic keeps the latest of each. */
    private void publish(
            String topic,
            String aggregateType,
            String type,
            int schemaVersion,
            RegistryRecord record,
            Supplier<Object> snapshot) {
        // Flushing first makes the record's version the one its snapshot describes.
        em.flush();
        String id = record.id.toString();
        outbox.publish(
                new OutgoingEvent(topic, id, aggregateType, id, record.version, type, schemaVersion, snapshot.get()));
    }
}
