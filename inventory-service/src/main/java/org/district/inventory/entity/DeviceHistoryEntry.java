package org.district.inventory.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;

/** One recorded change to a device: who, when, what, and the status before and after. */
@Entity
@Table(name = "device_history")
@AttributeOverride(name = "recordId", column = @Column(name = "device_id", nullable = false))
public class DeviceHistoryEntry extends HistoryEntry {

    @Enumerated(EnumType.STRING)
    public DeviceStatus fromStatus;

    @Enumerated(EnumType.STRING)
    public DeviceStatus toStatus;

    public String reason;

    /** The event that caused the change, when another service's event did. */
    public UUID sourceEventId;
}
