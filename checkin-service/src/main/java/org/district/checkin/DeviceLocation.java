package org.district.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Where a LOST or STOLEN device said it was. Stored only while it is missing; purged when it is found. */
@Entity
@Table(name = "device_location")
public class DeviceLocation {

    @Id
    public Long id;

    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "seen_at")
    public Instant seenAt;

    public double latitude;

    public double longitude;

    @Column(name = "accuracy_meters")
    public Double accuracyMeters;

    public String site;

    @Column(name = "ip_address")
    public String ipAddress;
}
