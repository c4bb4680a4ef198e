package org.district.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.district.inventory.domain.AcquisitionType;

/** A district-owned or registered personal device: what it is, how it was acquired, who holds it, where it stands. */
@Entity
@Table(name = "device")
public class Device extends RegistryRecord {

    @Column(nullable = false)
    public String assetTag;

    @Column(nullable = false)
    public String serialNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeviceType type;

    @Column(nullable = false)
    public String make;

    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public String school;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Ownership ownership;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeviceStatus status;

    @Column(nullable = false)
    public boolean sensitiveData;

    /** The person holding the device (for a personal device: its owner). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    public Person assignee;

    public Instant assignedAt;

    /** When the holder must give the device back (a loaner); null for an assignment without an end. */
    public LocalDate assignmentDueOn;

    @Enumerated(EnumType.STRING)
    public AcquisitionType acquisitionType;

    public String vendor;

    public String purchaseOrder;

    public BigDecimal cost;

    /** Purchase date, or the date a donation was accepted. */
    public LocalDate acquiredOn;

    public String donor;

    public LocalDate warrantyEnd;

    /** What the holder owes for damage or replacement, once written off or damaged. */
    public BigDecimal costOwed;

    public String notes;

    /** The district id of the person holding the device, or null. */
    public String assigneeDistrictId() {
        return assignee == null ? null : assignee.districtId;
    }

    /** The fields a change to the device is recorded by, by name, in the order its history lists them. */
    public Map<String, Object> trackedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("assetTag", assetTag);
        fields.put("serialNumber", serialNumber);
        fields.put("type", type);
        fields.put("make", make);
        fields.put("model", model);
        fields.put("school", school);
        fields.put("ownership", ownership);
        fields.put("status", status);
        fields.put("sensitiveData", sensitiveData);
        fields.put("assignee", assigneeDistrictId());
        fields.put("assignmentDueOn", assignmentDueOn);
        fields.put("acquisitionType", acquisitionType);
        fields.put("vendor", vendor);
        fields.put("purchaseOrder", purchaseOrder);
        fields.put("cost", cost);
        fields.put("acquiredOn", acquiredOn);
        fields.put("donor", donor);
        fields.put("warrantyEnd", warrantyEnd);
        fields.put("costOwed", costOwed);
        fields.put("notes", notes);
        return fields;
    }
}
