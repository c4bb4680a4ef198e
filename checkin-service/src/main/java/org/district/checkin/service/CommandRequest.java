package org.district.checkin.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.district.checkin.entity.DeviceCommand;

/**
 * IT issues a command to a device.
 *
 * @param message for LOCK, the text shown on the locked screen; the district's return message when absent
 */
public record CommandRequest(
        @NotNull DeviceCommand.Type type, @Size(max = 500) String message, @Size(max = 500) String reason) {}
