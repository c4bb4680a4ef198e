package org.district.lossreport.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The police report of a theft, recorded by the reporter or IT once the police gave a case number. */
public record PoliceReportRequest(
        @NotBlank(message = Patterns.REQUIRED) @Size(max = 120) String policeAgency,
        @NotBlank(message = Patterns.REQUIRED)
                @Size(max = 60)
                @Pattern(regexp = Patterns.CASE_NUMBER, message = Patterns.CASE_NUMBER_MESSAGE)
                String policeCaseNumber) {}
