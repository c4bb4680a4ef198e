package org.district.lossreport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportStatus;

/**
 * A report that a district device was lost or stolen: what, when and where it was last seen, what happened, how to
 * reach the reporter, and the police report for a theft. OPEN until the device is recovered or written off.
 */
@Entity
@Table(name = "loss_report")
public class LossReport {

    @Id
    public UUID id;

    /** The number people quote, for example LR-2026-000042. */
    @Column(name = "report_number", nullable = false)
    public String reportNumber;

    @Column(name = "device_id", nullable = false)
    public UUID deviceId;

    @Column(name = "asset_tag", nullable = false)
    public String assetTag;

    @Column(name = "serial_number")
    public String serialNumber;

    /** Make, model and type as known when reported, for messages. */
    @Column(name = "device_description")
    public String deviceDescription;

    public String school;

    /** The person holding the device when it was reported, if any. */
    @Column(name = "holder_id")
    public UUID holderId;

    @Column(name = "holder_district_id")
    public String holderDistrictId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LossKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LossReportStatus status;

    /** District id of the person who filed it (the token subject). */
    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    /** That person's id in inventory, when known. */
    @Column(name = "reporter_id")
    public UUID reporterId;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "last_seen_location", nullable = false)
    public String lastSeenLocation;

    @Column(nullable = false)
    public String circumstances;

    /** Personal data: shown only to the reporter, IT and auditors; never put in events. */
    @Column(name = "contact_phone", nullable = false)
    public String contactPhone;

    @Column(name = "police_notified", nullable = false)
    public boolean policeNotified;

    @Column(name = "police_agency")
    public String policeAgency;

    @Column(name = "police_case_number")
    public String policeCaseNumber;

    /** A theft reported without a police case number yet: the reporter is reminded until it is recorded. */
    @Column(name = "police_report_owed", nullable = false)
    public boolean policeReportOwed;

    @Column(name = "police_reminders_sent", nullable = false)
    public int policeRemindersSent;

    @Column(name = "next_police_reminder_at")
    public Instant nextPoliceReminderAt;

    /** What the holder owes for damage or replacement, once written off. */
    @Column(name = "cost_owed")
    public BigDecimal costOwed;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
