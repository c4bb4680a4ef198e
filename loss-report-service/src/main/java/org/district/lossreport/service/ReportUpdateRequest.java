package org.district.lossreport.service;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.district.contracts.lossreport.LossKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * IT's change to an open report; absent fields stay as they are, at least one must be given.
 *
 * @param kind reclassify (a lost device turned out to be stolen, or the other way round)
 * @param note a note for the report's history
 */
@Schema(
        name = "ReportUpdateRequest",
        description = "IT's change to an open report: absent (or blank) fields stay as they are; at least one must be"
                + " given. A police case number implies policeNotified; the police agency is required once the police"
                + " were notified.")
public record ReportUpdateRequest(
        @Schema(description = "Reclassify the report: LOST or STOLEN") LossKind kind,
        @Schema(
                        description = "Whether the police were notified; cannot be false once the report has a case"
                                + " number",
                        example = "true")
                Boolean policeNotified,
        @Schema(description = "The police agency notified", maxLength = 120, example = "Springfield Police Department")
                @Size(max = 120)
                String policeAgency,
        @Schema(
                        description = "The police case number",
                        maxLength = 60,
                        pattern = "^[A-Za-z0-9][A-Za-z0-9 ._/#-]*$",
                        example = "SPD-2026-01873")
                @Size(max = 60)
                @Pattern(regexp = Patterns.CASE_NUMBER, message = Patterns.CASE_NUMBER_MESSAGE)
                String policeCaseNumber,
        @Schema(
                        description = "A note for the report's history",
                        maxLength = 2000,
                        example = "Parent confirmed the laptop was taken from a car; reclassified as stolen.")
                @Size(max = 2000)
                String note) {}
