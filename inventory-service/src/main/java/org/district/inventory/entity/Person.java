package org.district.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.district.contracts.inventory.PersonKind;

/** A staff member or student who can hold district devices, with their supervisor and AUP acknowledgement. */
@Entity
@Table(name = "person")
public class Person extends RegistryRecord {

    @Column(nullable = false)
    public String districtId;

    @Column(nullable = false)
    public String givenName;

    @Column(nullable = false)
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

    public LocalDate departedOn;

    public LocalDate aupAcknowledgedOn;

    public String displayName() {
        return givenName + " " + familyName;
    }

    /** Whether the last AUP acknowledgement is recent enough, on {@code today}, for a device to be assigned. */
    public boolean aupCurrentOn(LocalDate today, int validDays) {
        return aupAcknowledgedOn != null && !aupAcknowledgedOn.isBefore(today.minusDays(validDays));
    }

    /** The district id of the person's supervisor, or null. */
    public String supervisorDistrictId() {
        return supervisor == null ? null : supervisor.districtId;
    }

    /** The fields a change to the person record is recorded by, by name, in the order its history lists them. */
    public Map<String, Object> trackedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("districtId", districtId);
        fields.put("givenName", givenName);
        fields.put("familyName", familyName);
        fields.put("email", email);
        fields.put("kind", kind);
        fields.put("school", school);
        fields.put("supervisor", supervisorDistrictId());
        fields.put("active", active);
        fields.put("departedOn", departedOn);
        fields.put("aupAcknowledgedOn", aupAcknowledgedOn);
        return fields;
    }
}
