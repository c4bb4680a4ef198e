package org.district.checkin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.inventory.PersonalAccessStatus;
import org.district.support.readmodel.DeviceReadModel;

/**
 * What this service knows about a device: inventory's latest snapshot of it (the read model, written only by the
 * snapshot consumer) and its latest check-in (written only by the check-in writer, in bulk SQL). Read through this
 * entity; never written through it.
 */
@Entity
@Table(name = "device")
public class Device extends DeviceReadModel {

    public Instant assignedAt;

    public Instant registeredAt;

    /** The last day the device may go without checking in. */
    public LocalDate dueOn;

    public Instant lastSeenAt;

    public String osName;

    public String osVersion;

    public String osBuild;

    public LocalDate lastPatchDate;

    public String antivirusProduct;

    public LocalDate antivirusDefinitionsDate;

    public Boolean diskEncrypted;

    public Boolean screenLock;

    public String site;

    public String ipAddress;

    public Boolean compliant;

    public String complianceIssues;

    public Instant lostSeenAt;

    /** Since when the device's check-ins have been non-compliant without interruption; null while compliant. */
    public Instant noncompliantSince;

    /** A personal device's standing under the district's policy, from inventory; null for a district device. */
    @Enumerated(EnumType.STRING)
    public PersonalAccessStatus personalAccess;

    /** Whether a personal device's owner consented, at approval, to the district locking and locating it. */
    public boolean lockAndLocateConsent;

    /** When the personal device's current approval began (as this service learnt it). */
    public Instant personalApprovedAt;

    /** When this service removed the personal device's access under its current approval; null if it has not. */
    public Instant accessRemovedAt;

    /** When and by whom the device's enrolment credential was issued; written only by DeviceCredentialService. */
    @Column(insertable = false, updatable = false)
    public Instant credentialIssuedAt;

    @Column(insertable = false, updatable = false)
    public String credentialIssuedBy;

    /** Whether the device is out of service for good: it may no longer check in or receive commands. */
    public boolean outOfService() {
        return status == DeviceStatus.RETIRED || status == DeviceStatus.WRITTEN_OFF;
    }

    public boolean missing() {
        return status == DeviceStatus.LOST || status == DeviceStatus.STOLEN;
    }

    public boolean personal() {
        return ownership == Ownership.PERSONAL;
    }

    /**
     * Whether a personal device's access is in force: approved, and not removed by this service since (a removal
     * holds until inventory records it and the device is approved again). Always false for a district device.
     */
    public boolean personalAccessInForce() {
        return personal() && personalAccess == PersonalAccessStatus.APPROVED && accessRemovedAt == null;
    }

    /** The device as a snapshot describes it, for work that needs its identity only (not a managed entity). */
    public static Device of(DeviceSnapshot s) {
        Device d = new Device();
        d.copy(s);
        d.assignedAt = s.assignedAt();
        return d;
    }
}
