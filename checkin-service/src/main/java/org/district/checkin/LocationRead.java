package org.district.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One read of a device's locations: who, when, which device. Auditors review them. */
@Entity
@Table(name = "location_read")
public class LocationRead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "read_by")
    public String readBy;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "locations_returned")
    public int locationsReturned;

    @Column(name = "correlation_id")
    public String correlationId;
}
