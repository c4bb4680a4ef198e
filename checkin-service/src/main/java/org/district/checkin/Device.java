package org.district.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;

/**
 * What this service knows about a device: inventory's latest snapshot of it (the read model, written only by the
 * snapshot consumer) and its latest check-in (written only by the check-in writer, in bulk SQL). Read through this
 * entity; never written through it.
 */
@Entity
@Table(name = "device")
public class Device {

    @Id
    public UUID id;

    public long version;

    @Column(name = "asset_tag")
    public String assetTag;

    @Enumerated(EnumType.STRING)
    public DeviceType type;

    public String school;

    @Enumerated(EnumType.STRING)
    public Ownership ownership;

    @Enumerated(EnumType.STRING)
    public DeviceStatus status;

    @Column(name = "sensitive_data")
    public boolean sensitiveData;

    @Column(name = "assignee_id")
    public UUID assigneeId;

    @Column(name = "assignee_district_id")
    public String assigneeDistrictId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The last day the device may go without checking in. */
    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "os_name")
    public String osName;

    @Column(name = "os_version")
    public String osVersion;

    @Column(name = "os_build")
    public String osBuild;

    @Column(name = "last_patch_date")
    public LocalDate lastPatchDate;

    @Column(name = "antivirus_product")
    public String antivirusProduct;

    @Column(name = "antivirus_definitions_date")
    public LocalDate antivirusDefinitionsDate;

    @Column(name = "disk_encrypted")
    public Boolean diskEncrypted;

    @Column(name = "screen_lock")
    public Boolean screenLock;

    public String site;

    @Column(name = "ip_address")
    public String ipAddress;

    public Boolean compliant;

    @Column(name = "compliance_issues")
    public String complianceIssues;

    @Column(name = "lost_seen_at")
    public Instant lostSeenAt;

    /** When and by whom the device's enrolment credential was issued; written only by DeviceCredentials. */
    @Column(name = "credential_issued_at", insertable = false, updatable = false)
    public Instant credentialIssuedAt;

    @Column(name = "credential_issued_by", insertable = false, updatable = false)
    public String credentialIssuedBy;

    /** Whether the device is out of service for good: it may no longer check in or receive commands. */
    public boolean outOfService() {
        return status == DeviceStatus.RETIRED || status == DeviceStatus.WRITTEN_OFF;
    }

    public boolean missing() {
        return status == DeviceStatus.LOST || status == DeviceStatus.STOLEN;
    }
}
