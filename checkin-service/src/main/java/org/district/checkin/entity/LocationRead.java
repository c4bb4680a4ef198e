package org.district.checkin.entity;

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

    public UUID deviceId;

    public String readBy;

    public Instant readAt;

    public int locationsReturned;

    public String correlationId;
}
