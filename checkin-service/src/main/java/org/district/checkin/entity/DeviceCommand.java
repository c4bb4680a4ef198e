package org.district.checkin.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An instruction for a device's agent (lock, wipe, locate), delivered in its next check-in response. */
@Entity
@Table(name = "device_command")
public class DeviceCommand {

    /** What the agent is told to do. */
    @Schema(
            name = "CommandType",
            description = "What the agent is told to do: LOCK, WIPE (district devices only) or LOCATE")
    public enum Type {
        /** Lock the device and show the district's return message. */
        LOCK,
        /** Erase the device (district devices only). */
        WIPE,
        /** Report the device's location with each check-in. */
        LOCATE
    }

    /** Where the command stands. */
    @Schema(
            name = "CommandStatus",
            description = "Where a command stands: PENDING, DELIVERED (sent in a check-in answer), DONE, REFUSED,"
                    + " FAILED or CANCELLED")
    public enum Status {
        PENDING,
        DELIVERED,
        /** The device carried it out (a LOCK: and says the lock is in force). */
        DONE,
        /** The device would not carry it out (a WIPE its installation does not allow). */
        REFUSED,
        /** The device tried and failed. */
        FAILED,
        CANCELLED
    }

    @Id
    public UUID id;

    public UUID deviceId;

    @Enumerated(EnumType.STRING)
    public Type type;

    public String message;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String issuedBy;

    public String reason;

    public Instant createdAt;

    public Instant deliveredAt;

    public Instant doneAt;

    public Instant cancelledAt;

    public String cancelledBy;
}
