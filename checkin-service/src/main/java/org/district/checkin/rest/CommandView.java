package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.district.checkin.entity.DeviceCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A command for a device and where it stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A command for a device (LOCK, WIPE, LOCATE) and where it stands")
public record CommandView(
        @Schema(description = "The command's id", required = true, example = "7d2e4b1a-9c3f-4e8d-a561-2b7f0c9e4d38")
                UUID id,
        @Schema(description = "The device it is for", required = true, example = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14")
                UUID deviceId,
        @Schema(description = "What the device's agent is told to do", required = true) DeviceCommand.Type type,
        @Schema(
                        description = "For a LOCK, the text shown on the locked screen (absent for other types)",
                        example = "This device belongs to the school district. Please return it to any school office.")
                String message,
        @Schema(description = "Where the command stands", required = true) DeviceCommand.Status status,
        @Schema(
                        description = "Who issued it: the person (role:district id) or the loss report that queued it",
                        required = true,
                        example = "IT_ADMIN:E10482")
                String issuedBy,
        @Schema(description = "Why it was issued (absent when not given)", example = "Reported stolen from room 204")
                String reason,
        @Schema(description = "When it was issued", required = true, example = "2026-09-14T13:30:00Z")
                Instant createdAt,
        @Schema(
                        description = "When it was sent to the device in a check-in answer (absent until then)",
                        example = "2026-09-14T14:02:11Z")
                Instant deliveredAt,
        @Schema(
                        description = "When the device reported it done, refused or failed (absent until then)",
                        example = "2026-09-14T15:01:47Z")
                Instant doneAt,
        @Schema(description = "When it was cancelled (absent unless CANCELLED)", example = "2026-09-14T13:45:00Z")
                Instant cancelledAt,
        @Schema(
                        description = "Who cancelled it: a person, or the device's recovery (absent unless CANCELLED)",
                        example = "IT_ADMIN:E10482")
                String cancelledBy) {

    static CommandView of(DeviceCommand c) {
        return new CommandView(
                c.id,
                c.deviceId,
                c.type,
                c.message,
                c.status,
                c.issuedBy,
                c.reason,
                c.createdAt,
                c.deliveredAt,
                c.doneAt,
                c.cancelledAt,
                c.cancelledBy);
    }
}
