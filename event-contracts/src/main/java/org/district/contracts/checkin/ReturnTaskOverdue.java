package org.district.contracts.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A return task is past its due date without the device coming back; IT and the supervisor are told. Raised when the
 * task becomes overdue ({@code escalation} 1, when the holder is told too) and again every few days until it is closed
 * (2, 3, ...).
 *
 * @param reason why the device must come back; null from a producer before loaners (read it as DEPARTURE)
 * @param escalation which escalation this is, from 1; 0 from a producer before repeated escalation (read it as 1)
 */
public record ReturnTaskOverdue(
        UUID taskId,
        UUID deviceId,
        UUID personId,
        LocalDate dueOn,
        Instant escalatedAt,
        ReturnReason reason,
        int escalation) {

    public static final String TYPE = "ReturnTaskOverdue";
    public static final int SCHEMA_VERSION = 1;

    /** The first escalation of a departure's task. */
    public ReturnTaskOverdue(UUID taskId, UUID deviceId, UUID personId, LocalDate dueOn, Instant escalatedAt) {
        this(taskId, deviceId, personId, dueOn, escalatedAt, ReturnReason.DEPARTURE, 1);
    }
}
