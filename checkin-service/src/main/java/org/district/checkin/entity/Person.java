package org.district.checkin.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person as far as offboarding needs to know them, from inventory's person snapshots (no names, no email). */
@Entity
@Table(name = "person_view")
public class Person {

    @Id
    public UUID id;

    public long version;

    public String districtId;

    public String kind;

    public String school;

    public UUID supervisorId;

    public boolean active;

    /** The last working day: when they left, or the day someone still active will leave. */
    public LocalDate departedOn;

    public Instant updatedAt;
}
