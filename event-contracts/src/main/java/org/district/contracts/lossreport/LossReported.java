package org.district.contracts.lossreport;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff member reported a device lost or stolen. Published to {@link org.district.contracts.Topics#LOSS_REPORTS},
 * key = device id. inventory-service moves the device to LOST or STOLEN; the notifiers tell IT and the supervisor.
 *
 * <p>The reporter's contact phone is deliberately not in the event: only the report's own service holds it.
 *
 * @param reportNumber the number people quote, for example {@code LR-2026-000042}
 * @param reportedBy district id of the person who filed the report
 * @param holderId the person the device was assigned to when it was reported, if any
 * @param policeReportOwed true for a theft reported without a police case number yet
 */
public record LossReported(
        UUID reportId,
        String reportNumber,
        UUID deviceId,
        String assetTag,
        LossKind kind,
        String reportedBy,
        UUID holderId,
        String school,
        Instant lastSeenAt,
        String lastSeenLocation,
        String circumstances,
        boolean policeNotified,
        String policeAgency,
        String policeCaseNumber,
        boolean policeReportOwed,
        Instant reportedAt) {

    public static final String TYPE = "LossReported";
    public static final int SCHEMA_VERSION = 1;
}
