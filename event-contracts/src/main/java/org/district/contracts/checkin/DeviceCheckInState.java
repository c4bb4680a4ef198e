package org.district.contracts.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A device's check-in state after a change, published to {@link org.district.contracts.Topics#DEVICE_STATE}. Key =
 * device id; the topic is compacted, so the latest record of a device is its full state and a new reader rebuilds from
 * the start of the topic, keeping for each device the record with the highest {@code version}. Raised only when the
 * state changes (never for a check-in that changes nothing), so {@code dueBy} and {@code lastCheckInAt} are as of
 * {@code changedAt}. Carries no personal data: no holder, no network address, no location.
 *
 * @param version the device's state version, starting at 1 and raised by every change; equals the envelope's
 *     {@code aggregateVersion}
 * @param change what changed
 * @param compliant the last compliance verdict; null when the device has none yet
 * @param issues the codes of the compliance issues of that verdict (empty when compliant or never evaluated)
 * @param overdue whether the device is overdue for check-in
 * @param overdueSince the first day the device was overdue; null when it is not
 * @param dueBy the last day the device may go without checking in, as of {@code changedAt}
 * @param lastCheckInAt when the device last checked in, as of {@code changedAt}; null before its first check-in
 * @param lastCommand the last command the device reported dealt with; null when none
 * @param changedAt when the change happened
 */
public record DeviceCheckInState(
        UUID deviceId,
        long version,
        Change change,
        Boolean compliant,
        List<String> issues,
        boolean overdue,
        LocalDate overdueSince,
        LocalDate dueBy,
        Instant lastCheckInAt,
        LastCommand lastCommand,
        Instant changedAt) {

    public static final String TYPE = "DeviceCheckInState";
    public static final int SCHEMA_VERSION = 1;

    /** What changed. New values may be added (schema version 1 still); readers skip values they do not know. */
    public enum Change {
        /** The compliance verdict or its set of issues differs from the previous one. */
        COMPLIANCE_CHANGED,
        /** The device passed its due-by day without checking in. */
        OVERDUE_STARTED,
        /** An overdue device checked in, or left the devices that can be overdue (retired, lost, with IT...). */
        OVERDUE_ENDED,
        /** The device reported a command dealt with (done, refused or failed). */
        COMMAND_COMPLETED
    }

    /** A command for the device's agent. */
    public enum CommandType {
        LOCK,
        WIPE,
        LOCATE
    }

    /** How the device reported a command. */
    public enum CommandResult {
        DONE,
        REFUSED,
        FAILED
    }

    /**
     * The last command the device reported dealt with.
     *
     * @param completedAt when checkin-service recorded the device's report
     */
    public record LastCommand(UUID commandId, CommandType type, CommandResult status, Instant completedAt) {}
}
