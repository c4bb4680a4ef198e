package org.district.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.district.inventory.domain.AcquisitionType;

/** A district-owned or registered personal device: what it is, how it was acquired, who holds it, where it stands. */
@Entity
@Table(name = "device")
public class Device {

    @Id
    public UUID id;

    @Column(name = "asset_tag", nullable = false)
    public String assetTag;

    @Column(name = "serial_number", nullable = false)
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

    @Column(name = "sensitive_data", nullable = false)
    public boolean sensitiveData;

    /** The person holding the device (for a personal device: its owner). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    public Person assignee;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "acquisition_type")
    public AcquisitionType acquisitionType;

    public String vendor;

    @Column(name = "purchase_order")
    public String purchaseOrder;

    public BigDecimal cost;

    /** Purchase date, or the date a donation was accepted. */
    @Column(name = "acquired_on")
    public LocalDate acquiredOn;

    public String donor;

    @Column(name = "warranty_end")
    public LocalDate warrantyEnd;

    /** What the holder owes for damage or replacement, once written off or damaged. */
    @Column(name = "cost_owed")
    public BigDecimal costOwed;

    public String notes;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
