package org.district.support.readmodel;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;

/**
 * What a service keeps of one of inventory's devices from its newest snapshot ({@link DeviceSnapshot}): the columns
 * every such read model has. Each service's entity adds its own; only the service's snapshot consumer writes them.
 */
@MappedSuperclass
public abstract class DeviceReadModel {

    @Id
    public UUID id;

    /** Inventory's version of the device; older snapshots never overwrite newer ones. */
    public long version;

    public String assetTag;

    /** Inventory's serial number; a device manager's devices are matched to inventory by it (or by the asset tag). */
    public String serialNumber;

    @Enumerated(EnumType.STRING)
    public DeviceType type;

    public String school;

    /** A PERSONAL device is never wiped. */
    @Enumerated(EnumType.STRING)
    public Ownership ownership;

    @Enumerated(EnumType.STRING)
    public DeviceStatus status;

    /** A device holding sensitive data must report disk encryption to be compliant. */
    public boolean sensitiveData;

    /** The holder, by id and by district id. */
    public UUID assigneeId;

    public String assigneeDistrictId;

    public Instant updatedAt;

    /**
     * Sets the columns above but {@code updatedAt} as the snapshot has them (for work that needs the device's identity
     * only).
     */
    protected void copy(DeviceSnapshot s) {
        id = s.id();
        version = s.version();
        assetTag = s.assetTag();
        serialNumber = s.serialNumber();
        type = s.type();
        school = s.school();
        ownership = s.ownership();
        status = s.status();
        sensitiveData = s.sensitiveData();
        assigneeId = s.assigneeId();
        assigneeDistrictId = s.assigneeDistrictId();
    }
}
