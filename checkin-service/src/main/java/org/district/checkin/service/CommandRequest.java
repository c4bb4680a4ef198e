package org.district.checkin.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.district.checkin.entity.DeviceCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * IT issues a command to a device.
 *
 * @param message for LOCK, the text shown on the locked screen; the district's return message when absent
 * @param confirmAssetTag for WIPE, the device's asset tag typed again: IT confirms that this device is to be erased
 */
@Schema(description = "IT issues a command to a device")
public record CommandRequest(
        @Schema(
                        description = "What the device's agent is told to do (WIPE only for district-owned devices)",
                        required = true)
                @NotNull
                DeviceCommand.Type type,
        @Schema(
                        description = "For a LOCK, the text shown on the locked screen; the district's return message"
                                + " when absent. Ignored for other types.",
                        maxLength = 500,
                        example = "This device belongs to the school district. Please return it to any school office.")
                @Size(max = 500)
                String message,
        @Schema(description = "Why it is sent (optional)", maxLength = 500, example = "Reported stolen from room 204")
                @Size(max = 500)
                String reason,
        @Schema(
                        description = "Required for a WIPE: the device's asset tag typed again, confirming that this"
                                + " device is to be erased (a WIPE cannot be undone). Ignored for other types.",
                        maxLength = 64,
                        example = "LHS-004211")
                @Size(max = 64)
                String confirmAssetTag) {

    /** A command without a WIPE's confirmation. */
    public CommandRequest(DeviceCommand.Type type, String message, String reason) {
        this(type, message, reason, null);
    }
}
