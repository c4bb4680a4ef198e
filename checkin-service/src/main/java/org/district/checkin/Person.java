package org.district.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A person as far as offboarding needs to know them, from inventory's person snapshots (no names, no email). */
@Entity
@Table(name = "person_view")
public class Person {

    @Id
    public UUID id;

    public long version;

    @Column(name = "district_id")
    public String districtId;

    public String kind;

    public String school;

    @Column(name = "supervisor_id")
    public UUID supervisorId;

    public boolean active;

    @Column(name = "departed_on")
    public LocalDate departedOn;
}
