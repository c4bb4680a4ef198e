package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.district.checkin.entity.DeviceCommand;

/** A command for a device and where it stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandView(
        UUID id,
        UUID deviceId,
        DeviceCommand.Type type,
        String message,
        DeviceCommand.Status status,
        String issuedBy,
        String reason,
        Instant createdAt,
        Instant deliveredAt,
        Instant doneAt,
        Instant cancelledAt,
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
