package org.district.lossreport.service;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.district.contracts.lossreport.LossKind;

/**
 * IT's change to an open report; absent fields stay as they are, at least one must be given.
 *
 * @param kind reclassify (a lost device turned out to be stolen, or the other way round)
 * @param note a note for the report's history
 */
public record ReportUpdateRequest(
        LossKind kind,
        Boolean policeNotified,
        @Size(max = 120) String policeAgency,
        @Size(max = 60) @Pattern(regexp = Patterns.CASE_NUMBER, message = Patterns.CASE_NUMBER_MESSAGE)
                String policeCaseNumber,
        @Size(max = 2000) String note) {}
