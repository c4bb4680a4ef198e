package org.district.contracts.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A task was opened to return one device by its due date: the holder's last working day, or a loaner's due date. Key =
 * device id.
 *
 * @param reason why the device must come back; null from a producer before loaners (read it as DEPARTURE)
 */
public record ReturnTaskOpened(
        UUID taskId,
        UUID deviceId,
        UUID personId,
        LocalDate dueOn,
        boolean sensitiveData,
        Instant openedAt,
        ReturnReason reason) {

    public static final String TYPE = "ReturnTaskOpened";
    public static final int SCHEMA_VERSION = 1;

    /** A task opened by a departure. */
    public ReturnTaskOpened(
            UUID taskId, UUID deviceId, UUID personId, LocalDate dueOn, boolean sensitiveData, Instant openedAt) {
        this(taskId, deviceId, personId, dueOn, sensitiveData, openedAt, ReturnReason.DEPARTURE);
    }
}
