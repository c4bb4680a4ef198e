package org.district.lossreport.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;

/**
 * What this service knows of one of inventory's devices, from its newest snapshot. Reports are validated and authorized
 * against it, so they are accepted while inventory-service is down. Written only by the read-model consumer.
 */
@Entity
@Table(name = "device_view")
public class KnownDevice {

    @Id
    public UUID id;

    /** Inventory's version of the device; older snapshots never overwrite newer ones. */
    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String assetTag;

    @Column(nullable = false)
    public String serialNumber;

    @Enumerated(EnumType.STRING)
    public DeviceType type;

    public String make;

    public String model;

    public String school;

    @Enumerated(EnumType.STRING)
    public Ownership ownership;

    @Enumerated(EnumType.STRING)
    public DeviceStatus status;

    public boolean sensitiveData;

    public UUID assigneeId;

    public String assigneeDistrictId;

    public Instant updatedAt;

    /** For people: "Dell Latitude 5440 (laptop)". */
    public String description() {
        StringBuilder out = new StringBuilder();
        if (make != null) {
            out.append(make);
        }
        if (model != null) {
            out.append(out.length() > 0 ? " " : "").append(model);
        }
        if (type != null) {
            String kind = type.name().toLowerCase().replace('_', ' ');
            out.append(out.length() > 0 ? " (" + kind + ")" : kind);
        }
        return out.toString();
    }
}
