package org.district.contracts.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A return task passed its due date without the device coming back; IT and the supervisor were told. */
public record ReturnTaskOverdue(UUID taskId, UUID deviceId, UUID personId, LocalDate dueOn, Instant escalatedAt) {

    public static final String TYPE = "ReturnTaskOverdue";
    public static final int SCHEMA_VERSION = 1;
}
