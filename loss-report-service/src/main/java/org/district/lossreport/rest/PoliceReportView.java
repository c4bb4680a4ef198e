package org.district.lossreport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the police report of a loss report stands.
 *
 * @param reportOwed a theft without a police case number yet; the reporter is reminded until it is recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PoliceReportView", description = "Where the police report of a loss report stands.")
public record PoliceReportView(
        @Schema(description = "Whether the police were notified", required = true, example = "true") boolean notified,
        @Schema(description = "The police agency notified; absent when none", example = "Springfield Police Department")
                String agency,
        @Schema(description = "The police case number; absent until recorded", example = "SPD-2026-01873")
                String caseNumber,
        @Schema(
                        description = "A theft without a police case number yet: the reporter is reminded until it is"
                                + " recorded",
                        required = true,
                        example = "false")
                boolean reportOwed) {}
