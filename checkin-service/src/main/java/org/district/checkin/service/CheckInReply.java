package org.district.checkin.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the device is told after its check-in is stored: commands to carry out, when to check in next, the district
 * power policy, and whether it meets the security baseline. The writer builds it for thousands of check-ins a second
 * and the check-in route sends it as it is, so it is the one answer not copied into a {@code rest/} view.
 */
public record CheckInReply(
        UUID deviceId,
        Instant receivedAt,
        List<Command> commands,
        long nextCheckInSeconds,
        PowerPolicy powerPolicy,
        boolean compliant,
        List<Issue> complianceIssues) {

    /**
     * A command to carry out; confirm it by listing its id and this nonce in {@code completedCommands} of a later
     * check-in (a LOCK also with {@code locked: true}).
     */
    public record Command(UUID id, String type, String message, String nonce) {}

    /** The district power-saving policy. */
    public record PowerPolicy(int displaySleepMinutes, int systemSleepMinutes, String wakeOnLanWindow) {}

    /** A way the device falls short of the baseline. */
    public record Issue(String code, String description) {}
}
