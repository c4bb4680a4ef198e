package org.district.lossreport.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The police report of a theft, recorded by the reporter or IT once the police gave a case number. */
@Schema(
        name = "PoliceReportRequest",
        description = "The police report of a theft, recorded by the reporter or IT once the police gave a case"
                + " number. Values are trimmed.")
public record PoliceReportRequest(
        @Schema(
                        description = "The police agency notified",
                        required = true,
                        minLength = 1,
                        maxLength = 120,
                        pattern = "\\S",
                        example = "Springfield Police Department")
                @NotBlank(message = Patterns.REQUIRED)
                @Size(max = 120)
                String policeAgency,
        @Schema(
                        description = "The case number the police gave",
                        required = true,
                        minLength = 1,
                        maxLength = 60,
                        pattern = "^[A-Za-z0-9][A-Za-z0-9 ._/#-]*$",
                        example = "SPD-2026-01873")
                @NotBlank(message = Patterns.REQUIRED)
                @Size(max = 60)
                @Pattern(regexp = Patterns.CASE_NUMBER, message = Patterns.CASE_NUMBER_MESSAGE)
                String policeCaseNumber) {}
