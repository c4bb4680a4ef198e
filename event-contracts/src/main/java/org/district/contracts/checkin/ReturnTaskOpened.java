package org.district.contracts.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Offboarding opened a task to return one device by the holder's last working day. Key = device id. */
public record ReturnTaskOpened(
        UUID taskId, UUID deviceId, UUID personId, LocalDate dueOn, boolean sensitiveData, Instant openedAt) {

    public static final String TYPE = "ReturnTaskOpened";
    public static final int SCHEMA_VERSION = 1;
}
