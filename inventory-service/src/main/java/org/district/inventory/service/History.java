package org.district.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.inventory.Device;
import org.district.inventory.DeviceHistoryEntry;
import org.district.inventory.Person;
import org.district.inventory.PersonHistoryEntry;
import org.district.inventory.config.DistrictClock;
import org.district.inventory.domain.FieldChange;
import org.district.inventory.repository.HistoryRepository;

/** Records who changed what, when, from and to, in the transaction of the change. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class History {

    @Inject
    HistoryRepository repository;

    @Inject
    DistrictClock clock;

    public void device(
            Device device,
            String actor,
            String action,
            DeviceStatus from,
            DeviceStatus to,
            List<FieldChange> changes,
            String reason,
            UUID sourceEventId) {
        DeviceHistoryEntry entry = new DeviceHistoryEntry();
        entry.deviceId = device.id;
        entry.occurredAt = clock.now();
        entry.actor = actor;
        entry.action = action;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.changes = changes == null ? List.of() : changes;
        entry.reason = reason;
        entry.sourceEventId = sourceEventId;
        repository.add(entry);
    }

    public void person(Person person, String actor, String action, List<FieldChange> changes) {
        PersonHistoryEntry entry = new PersonHistoryEntry();
        entry.personId = person.id;
        entry.occurredAt = clock.now();
        entry.actor = actor;
        entry.action = action;
        entry.changes = changes == null ? List.of() : changes;
        repository.add(entry);
    }

    /** The fields of a device that history tracks, by name, for before/after comparison. */
    public static Map<String, Object> fieldsOf(Device d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("assetTag", d.assetTag);
        fields.put("serialNumber", d.serialNumber);
        fields.put("type", d.type);
        fields.put("make", d.make);
        fields.put("model", d.model);
        fields.put("school", d.school);
        fields.put("ownership", d.ownership);
        fields.put("status", d.status);
        fields.put("sensitiveData", d.sensitiveData);
        fields.put("assignee", d.assignee == null ? null : d.assignee.districtId);
        fields.put("acquisitionType", d.acquisitionType);
        fields.put("vendor", d.vendor);
        fields.put("purchaseOrder", d.purchaseOrder);
        fields.put("cost", d.cost);
        fields.put("acquiredOn", d.acquiredOn);
        fields.put("donor", d.donor);
        fields.put("warrantyEnd", d.warrantyEnd);
        fields.put("costOwed", d.costOwed);
        fields.put("notes", d.notes);
        return fields;
    }

    /** The fields of a person that history tracks. */
    public static Map<String, Object> fieldsOf(Person p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("districtId", p.districtId);
        fields.put("givenName", p.givenName);
        fields.put("familyName", p.familyName);
        fields.put("email", p.email);
        fields.put("kind", p.kind);
        fields.put("school", p.school);
        fields.put("supervisor", p.supervisor == null ? null : p.supervisor.districtId);
        fields.put("active", p.active);
        fields.put("departedOn", p.departedOn);
        fields.put("aupAcknowledgedOn", p.aupAcknowledgedOn);
        return fields;
    }
}
