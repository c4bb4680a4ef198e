package org.district.lossreport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.district.lossreport.entity.LossReportEntry;

/** One thing that happened to a loss report, in its history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportEntryView(Instant at, String actor, String action, String note) {

    static ReportEntryView of(LossReportEntry e) {
        return new ReportEntryView(e.occurredAt, e.actor, e.action, e.note);
    }
}
