package org.district.checkin.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.checkin.ReturnReason;
import org.district.contracts.inventory.DeviceType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device its holder must hand back: by their last working day when they leave, or by a loaner's due date. */
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

    /** The offboarding that opened it; null for a loaner. */
    public UUID offboardingId;

    @Enumerated(EnumType.STRING)
    public ReturnReason reason;

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

    /** When it was last escalated (IT and the supervisor told it is overdue). */
    public Instant escalatedAt;

    /** How many times it was escalated: 1 when it became overdue, then one more every few days until closed. */
    public int escalations;

    public Instant remindedBeforeAt;

    public Instant remindedDueAt;

    public Instant returnedAt;

    public String receivedBy;

    public String note;

    public Instant closedAt;

    public String closeReason;

    public boolean isOpen() {
        return status == Status.OPEN || status == Status.OVERDUE;
    }
}
