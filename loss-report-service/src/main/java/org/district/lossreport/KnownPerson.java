package org.district.lossreport;

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

    @Column(name = "district_id", nullable = false)
    public String districtId;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    public String email;

    @Enumerated(EnumType.STRING)
    public PersonKind kind;

    public String school;

    @Column(name = "supervisor_id")
    public UUID supervisorId;

    public boolean active;

    @Column(name = "departed_on")
    public LocalDate departedOn;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** "Pat Teacher (E1001)". */
    public String displayName() {
        String name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
        return name.isEmpty() ? districtId : name + " (" + districtId + ")";
    }
}
