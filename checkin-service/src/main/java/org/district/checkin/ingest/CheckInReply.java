package org.district.checkin.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the device is told after its check-in is stored: commands to carry out, when to check in next, the district
 * power policy, and whether it meets the security baseline.
 */
public record CheckInReply(
        UUID deviceId,
        Instant receivedAt,
        List<Command> commands,
        long nextCheckInSeconds,
        PowerPolicy powerPolicy,
        boolean compliant,
        List<Issue> complianceIssues) {

    /** A command to carry out; confirm it by listing its id in {@code completedCommands} of a later check-in. */
    public record Command(UUID id, String type, String message) {}

    /** The district power-saving policy. */
    public record PowerPolicy(int displaySleepMinutes, int systemSleepMinutes, String wakeOnLanWindow) {}

    /** A way the device falls short of the baseline. */
    public record Issue(String code, String description) {}
}
