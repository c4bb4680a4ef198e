package org.district.checkin.entity;

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

    public UUID deviceId;

    public Instant seenAt;

    public double latitude;

    public double longitude;

    public Double accuracyMeters;

    public String site;

    public String ipAddress;
}
