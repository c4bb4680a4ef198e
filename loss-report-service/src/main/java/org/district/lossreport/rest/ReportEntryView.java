package org.district.lossreport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.district.lossreport.entity.LossReportEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing that happened to a loss report, in its history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReportEntryView", description = "One thing that happened to a loss report, in its history.")
public record ReportEntryView(
        @Schema(description = "When it happened", required = true, example = "2026-03-02T20:45:00Z") Instant at,
        @Schema(description = "Who did it: their role and district id", required = true, example = "IT_ADMIN:E1001")
                String actor,
        @Schema(
                        description = "What happened: REPORTED, RECLASSIFIED, POLICE_REPORT, NOTE, RECOVERED or"
                                + " WRITTEN_OFF",
                        required = true,
                        example = "REPORTED")
                String action,
        @Schema(description = "Details or the note given; absent when none", example = "LOST to STOLEN") String note) {

    static ReportEntryView of(LossReportEntry e) {
        return new ReportEntryView(e.occurredAt, e.actor, e.action, e.note);
    }
}
