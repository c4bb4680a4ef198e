package org.district.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.district.contracts.Topics;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.PersonSnapshot;
import org.district.inventory.Device;
import org.district.inventory.Person;
import org.district.support.outbox.Outbox;
import org.district.support.outbox.OutgoingEvent;

/**
 * Publishes the full snapshot of a device or person after each change, through the outbox, in the transaction of the
 * change. Snapshots are keyed by id on compacted topics, so other services can rebuild their read models from them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InventoryEvents {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    public void deviceChanged(Device d, String change) {
        // Flushing first makes the entity's version the one this snapshot describes.
        em.flush();
        DeviceSnapshot snapshot = new DeviceSnapshot(
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
                d.assignee == null ? null : d.assignee.districtId,
                d.assignedAt,
                d.acquisitionType == null ? null : d.acquisitionType.name(),
                d.vendor,
                d.purchaseOrder,
                d.cost,
                d.acquiredOn,
                d.donor,
                d.warrantyEnd,
                d.costOwed,
                d.updatedAt);
        outbox.publish(new OutgoingEvent(
                Topics.DEVICES,
                d.id.toString(),
                "Device",
                d.id.toString(),
                d.version,
                DeviceSnapshot.TYPE,
                DeviceSnapshot.SCHEMA_VERSION,
                snapshot));
    }

    public void personChanged(Person p, String change) {
        em.flush();
        PersonSnapshot snapshot = new PersonSnapshot(
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
                p.updatedAt);
        outbox.publish(new OutgoingEvent(
                Topics.PEOPLE,
                p.id.toString(),
                "Person",
                p.id.toString(),
                p.version,
                PersonSnapshot.TYPE,
                PersonSnapshot.SCHEMA_VERSION,
                snapshot));
    }
}
