package org.district.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.inventory.domain.FieldChange;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One recorded change to a device: who, when, what, and the status before and after. */
@Entity
@Table(name = "device_history")
public class DeviceHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public DeviceStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public DeviceStatus toStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<FieldChange> changes;

    public String reason;

    @Column(name = "source_event_id")
    public UUID sourceEventId;
}
