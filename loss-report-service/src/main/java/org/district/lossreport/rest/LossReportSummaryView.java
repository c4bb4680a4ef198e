package org.district.lossreport.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many reports are open: in all, lost, stolen, and thefts still owing a police case number. */
@Schema(
        name = "LossReportSummaryView",
        description = "How many reports are open: in all, lost, stolen, and thefts still owing a police case number.")
public record LossReportSummaryView(
        @Schema(description = "Open reports in all", required = true, minimum = "0", example = "12") long open,
        @Schema(description = "Open reports of lost devices", required = true, minimum = "0", example = "9")
                long openLost,
        @Schema(description = "Open reports of stolen devices", required = true, minimum = "0", example = "3")
                long openStolen,
        @Schema(
                        description = "Open thefts still owing a police case number",
                        required = true,
                        minimum = "0",
                        example = "1")
                long policeReportOwed) {}
