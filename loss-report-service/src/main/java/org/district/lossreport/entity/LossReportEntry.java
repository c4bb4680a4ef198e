package org.district.lossreport.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.district.support.history.ActionEntry;

/**
 * One thing that happened to a report after it was filed: a note, police details, reclassification, closing. Its
 * action is one of REPORTED, NOTE, POLICE_REPORT, RECLASSIFIED, RECOVERED, WRITTEN_OFF.
 */
@Entity
@Table(name = "loss_report_entry")
public class LossReportEntry extends ActionEntry {

    @Column(nullable = false)
    public UUID reportId;

    public String note;
}
