package org.district.inventory.service;

import org.district.contracts.inventory.DeviceStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A move the lifecycle allows a device now, and the operation that makes it: {@code ASSIGN} (to a person),
 * {@code RETURN} (taking it back from its holder), {@code SANITIZE} (out of quarantine) or {@code CHANGE_STATUS}.
 *
 * @param status the status the device will have after the move
 */
@Schema(
        description = "A move the lifecycle allows a device now, and the operation that makes it.",
        example = "{\"operation\": \"ASSIGN\", \"status\": \"ASSIGNED\"}")
public record DeviceMove(
        @Schema(
                        description = "The operation that makes the move: ASSIGN (POST .../assignment), RETURN"
                                + " (POST .../return), SANITIZE (POST .../sanitization) or CHANGE_STATUS"
                                + " (POST .../status)",
                        example = "ASSIGN",
                        required = true)
                Operation operation,
        @Schema(description = "The status the device will have after the move", example = "ASSIGNED", required = true)
                DeviceStatus status) {

    @Schema(name = "DeviceMoveOperation", description = "The operation that makes a device move.")
    public enum Operation {
        ASSIGN,
        RETURN,
        SANITIZE,
        CHANGE_STATUS
    }
}
