package org.district.inventory.entity;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.district.contracts.inventory.PersonalAccess;
import org.district.contracts.inventory.PersonalAccessStatus;

/**
 * A personal device's standing under the district's policy: what its owner asked for, and what the principal of their
 * school (or IT) decided. One per personal device, keyed by the device's id.
 */
@Entity
@Table(name = "personal_device_access")
public class PersonalDeviceAccess {

    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    /** The device (read only here: the id above writes the column). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "device_id", insertable = false, updatable = false)
    public Device device;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    public Person owner;

    /** What the owner will use it for; null only for a device IT registered before the owner asked. */
    public String purpose;

    /** Whether the owner consents to the district locking and locating it when it is reported lost or stolen. */
    @Column(nullable = false)
    public boolean lockAndLocateConsent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PersonalAccessStatus status;

    @Column(nullable = false)
    public Instant requestedAt;

    @Column(nullable = false)
    public String requestedBy;

    /**
     * When the owner asked to renew their approval; null when no renewal awaits a decision. Set while APPROVED, and kept
     * when the approval ends (EXPIRED) before the approvers decided, so their decision still applies.
     */
    public Instant renewalRequestedAt;

    public String decidedBy;

    public Instant decidedAt;

    /** Why it was last refused, removed or ended. */
    public String reason;

    /** The approval's last day; kept after it ends. */
    public LocalDate expiresOn;

    @Version
    public long version;

    @Column(nullable = false)
    public Instant updatedAt;

    /** Whether the approvers have something to decide: a request, or a renewal the owner asked for. */
    /**
     * Records a decision on the standing (an approval, a refusal, a removal): its status and reason from now on, who
     * decided and when. A renewal asked for is answered by it.
     */
    public void decide(PersonalAccessStatus status, String reason, String actor, Instant at) {
        this.status = status;
        this.renewalRequestedAt = null;
        this.reason = reason;
        this.decidedBy = actor;
        this.decidedAt = at;
    }

    public boolean awaitsDecision() {
        return status == PersonalAccessStatus.PENDING || renewalRequestedAt != null;
    }

    /** The standing as a device snapshot carries it. */
    public PersonalAccess snapshot() {
        return new PersonalAccess(status, lockAndLocateConsent, expiresOn);
    }

    /** The fields a step is recorded by in the device's history. */
    public Map<String, Object> trackedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("personalAccess.status", status);
        fields.put("personalAccess.purpose", purpose);
        fields.put("personalAccess.lockAndLocateConsent", lockAndLocateConsent);
        fields.put("personalAccess.expiresOn", expiresOn);
        fields.put("personalAccess.renewalRequested", renewalRequestedAt != null);
        return fields;
    }
}
