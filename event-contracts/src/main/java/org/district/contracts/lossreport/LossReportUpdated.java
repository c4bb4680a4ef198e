package org.district.contracts.lossreport;

import java.time.Instant;
import java.util.UUID;

/**
 * IT changed an open report: added the police case number, a note, or reclassified it (a lost device turned out to be
 * stolen). Key = device id. A change of {@code kind} moves the device between LOST and STOLEN.
 */
public record LossReportUpdated(
        UUID reportId,
        UUID deviceId,
        LossKind kind,
        boolean policeNotified,
        String policeAgency,
        String policeCaseNumber,
        boolean policeReportOwed,
        String note,
        String updatedBy,
        Instant updatedAt) {

    public static final String TYPE = "LossReportUpdated";
    public static final int SCHEMA_VERSION = 1;
}
