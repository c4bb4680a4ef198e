package org.district.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.inventory.PersonKind;

/** A staff member or student who can hold district devices, with their supervisor and AUP acknowledgement. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    public UUID id;

    @Column(name = "district_id", nullable = false)
    public String districtId;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PersonKind kind;

    @Column(nullable = false)
    public String school;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supervisor_id")
    public Person supervisor;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "departed_on")
    public LocalDate departedOn;

    @Column(name = "aup_acknowledged_on")
    public LocalDate aupAcknowledgedOn;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public String displayName() {
        return givenName + " " + familyName;
    }
}
