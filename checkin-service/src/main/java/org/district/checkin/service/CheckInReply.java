package org.district.checkin.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the device is told after its check-in is stored: commands to carry out, when to check in next, the district
 * power policy, and whether it meets the security baseline. The writer builds it for thousands of check-ins a second
 * and the check-in route sends it as it is, so it is the one answer not copied into a {@code rest/} view.
 */
@Schema(description = "What the device is told after its check-in is stored")
public record CheckInReply(
        @Schema(
                        description = "The device that checked in",
                        required = true,
                        example = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14")
                UUID deviceId,
        @Schema(description = "When the check-in was received", required = true, example = "2026-09-14T13:30:00Z")
                Instant receivedAt,
        @Schema(description = "Commands to carry out (empty when none is pending)", required = true)
                List<Command> commands,
        @Schema(description = "Seconds until the next check-in", required = true, minimum = "0", example = "3600")
                long nextCheckInSeconds,
        @Schema(description = "The district power-saving policy to apply", required = true) PowerPolicy powerPolicy,
        @Schema(
                        description = "Whether the device meets the district's security baseline",
                        required = true,
                        example = "false")
                boolean compliant,
        @Schema(description = "The ways it falls short of the baseline (empty when compliant)", required = true)
                List<Issue> complianceIssues,
        @Schema(
                        description = "Whether the device is reported lost or stolen. While it is, the agent keeps the"
                                + " return message of its last LOCK on the sign-in screen; once it is not, the agent"
                                + " takes the message down",
                        required = true,
                        example = "false")
                boolean reportedMissing) {

    /**
     * A command to carry out; confirm it by listing its id and this nonce in {@code completedCommands} of a later
     * check-in (a LOCK also with {@code locked: true}).
     */
    @Schema(
            name = "CheckInCommand",
            description = "A command to carry out; confirm it by listing its id and nonce in completedCommands of a"
                    + " later check-in (a LOCK also with locked: true)")
    public record Command(
            @Schema(description = "The command's id", required = true, example = "7d2e4b1a-9c3f-4e8d-a561-2b7f0c9e4d38")
                    UUID id,
            @Schema(
                            description = "What to do",
                            required = true,
                            enumeration = {"LOCK", "WIPE", "LOCATE"},
                            example = "LOCK")
                    String type,
            @Schema(
                            description = "For a LOCK, the text to show on the locked screen; null for other types",
                            required = true,
                            nullable = true,
                            example =
                                    "This device belongs to the school district. Please return it to any school office.")
                    String message,
            @Schema(
                            description = "The secret to send back with the command's id when it is dealt with",
                            required = true,
                            example = "4f1c9a7e2b8d4e6f9a3c5b7d1e2f4a6c")
                    String nonce) {}

    /** The district power-saving policy. */
    @Schema(description = "The district power-saving policy")
    public record PowerPolicy(
            @Schema(description = "Minutes of inactivity before the display sleeps", required = true, example = "10")
                    int displaySleepMinutes,
            @Schema(description = "Minutes of inactivity before the system sleeps", required = true, example = "30")
                    int systemSleepMinutes,
            @Schema(
                            description =
                                    "Local time window (HH:MM-HH:MM) in which IT may wake devices over the network",
                            required = true,
                            example = "02:00-04:00")
                    String wakeOnLanWindow) {}

    /** A way the device falls short of the baseline. */
    @Schema(name = "CheckInComplianceIssue", description = "A way the device falls short of the baseline")
    public record Issue(
            @Schema(description = "The issue's code", required = true, example = "PATCHES_TOO_OLD") String code,
            @Schema(
                            description = "What the issue means, in words",
                            required = true,
                            example = "The last operating system patch is older than the district allows.")
                    String description) {}
}
