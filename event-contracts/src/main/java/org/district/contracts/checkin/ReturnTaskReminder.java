package org.district.contracts.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The holder is reminded to bring a device back: a few days before the due date ({@code DUE_SOON}) and on it
 * ({@code DUE_TODAY}). Each is raised at most once per task. Key = device id.
 */
public record ReturnTaskReminder(
        UUID taskId,
        UUID deviceId,
        UUID personId,
        LocalDate dueOn,
        ReturnReason reason,
        Reminder reminder,
        Instant remindedAt) {

    public static final String TYPE = "ReturnTaskReminder";
    public static final int SCHEMA_VERSION = 1;

    /** Which reminder it is. */
    public enum Reminder {
        /** The due date is a few days away. */
        DUE_SOON,
        /** The due date is today. */
        DUE_TODAY
    }
}
