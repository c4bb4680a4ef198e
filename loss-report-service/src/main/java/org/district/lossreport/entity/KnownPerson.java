package org.district.lossreport.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.inventory.PersonKind;

/**
 * What this service knows of one of inventory's people, from their newest snapshot: enough to decide who may report
 * and read what, and whom to tell. Written only by the read-model consumer.
 */
@Entity
@Table(name = "person_view")
public class KnownPerson {

    @Id
    public UUID id;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String districtId;

    public String givenName;

    public String familyName;

    public String email;

    @Enumerated(EnumType.STRING)
    public PersonKind kind;

    public String school;

    public UUID supervisorId;

    public boolean active;

    public LocalDate departedOn;

    public Instant updatedAt;

    /** Whether they have left the district by {@code today}: set inactive, or past their last working day. */
    public boolean leftBy(LocalDate today) {
        return !active || (departedOn != null && departedOn.isBefore(today));
    }

    /** "Pat Teacher (E1001)". */
    public String displayName() {
        String name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
        return name.isEmpty() ? districtId : name + " (" + districtId + ")";
    }
}
