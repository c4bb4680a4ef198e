package org.district.lossreport.entity;

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
    @Column(nullable = false)
    public String reportNumber;

    @Column(nullable = false)
    public UUID deviceId;

    @Column(nullable = false)
    public String assetTag;

    public String serialNumber;

    /** Make, model and type as known when reported, for messages. */
    public String deviceDescription;

    public String school;

    /** The person holding the device when it was reported, if any. */
    public UUID holderId;

    public String holderDistrictId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LossKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LossReportStatus status;

    /** District id of the person who filed it (the token subject). */
    @Column(nullable = false)
    public String reportedBy;

    /** That person's id in inventory, when known. */
    public UUID reporterId;

    @Column(nullable = false)
    public Instant reportedAt;

    @Column(nullable = false)
    public Instant lastSeenAt;

    @Column(nullable = false)
    public String lastSeenLocation;

    @Column(nullable = false)
    public String circumstances;

    /** Personal data: shown only to the reporter, IT and auditors; never put in events. */
    @Column(nullable = false)
    public String contactPhone;

    @Column(nullable = false)
    public boolean policeNotified;

    public String policeAgency;

    public String policeCaseNumber;

    /** A theft reported without a police case number yet: the reporter is reminded until it is recorded. */
    @Column(nullable = false)
    public boolean policeReportOwed;

    @Column(nullable = false)
    public int policeRemindersSent;

    public Instant nextPoliceReminderAt;

    /** What the holder owes for damage or replacement, once written off. */
    public BigDecimal costOwed;

    public Instant closedAt;

    public String closedBy;

    @Version
    public long version;

    @Column(nullable = false)
    public Instant updatedAt;
}
