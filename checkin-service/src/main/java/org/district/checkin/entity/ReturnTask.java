package org.district.checkin.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.inventory.DeviceType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device a departing person must hand back by their last working day. */
@Entity
@Table(name = "return_task")
public class ReturnTask {

    /** Where the task stands. */
    @Schema(
            name = "ReturnTaskStatus",
            description = "Where a return task stands: OPEN, OVERDUE (past due, escalated), RETURNED or CLOSED")
    public enum Status {
        /** Waiting for the device, not yet due. */
        OPEN,
        /** Past its due date; IT and the supervisor were told. */
        OVERDUE,
        /** IT received the device. */
        RETURNED,
        /** No longer needed: the device was taken back through inventory or left the person otherwise. */
        CLOSED
    }

    @Id
    public UUID id;

    public UUID offboardingId;

    public UUID personId;

    public UUID deviceId;

    public String assetTag;

    @Enumerated(EnumType.STRING)
    public DeviceType deviceType;

    public String school;

    public boolean sensitiveData;

    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Instant openedAt;

    public Instant escalatedAt;

    public Instant returnedAt;

    public String receivedBy;

    public String note;

    public Instant closedAt;

    public String closeReason;

    public boolean isOpen() {
        return status == Status.OPEN || status == Status.OVERDUE;
    }
}
