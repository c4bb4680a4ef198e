package org.district.lossreport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing that happened to a report after it was filed: a note, police details, reclassification, closing. */
@Entity
@Table(name = "loss_report_entry")
public class LossReportEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    /** REPORTED, NOTE, POLICE_REPORT, RECLASSIFIED, RECOVERED, WRITTEN_OFF. */
    @Column(nullable = false)
    public String action;

    public String note;
}
