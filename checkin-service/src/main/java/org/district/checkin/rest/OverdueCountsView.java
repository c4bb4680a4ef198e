package org.district.checkin.rest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts of overdue devices per school, with their total. */
@Schema(description = "Counts of overdue devices per school, with their total")
public record OverdueCountsView(
        @Schema(description = "The district day counted (America/Chicago)", required = true, example = "2026-09-14")
                LocalDate asOf,
        @Schema(description = "Overdue devices in all schools listed", required = true, minimum = "0", example = "37")
                long total,
        @Schema(description = "Each school with overdue devices, in school order", required = true)
                List<SchoolCountView> schools) {}
