package org.district.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.inventory.DeviceType;

/** A device a departing person must hand back by their last working day. */
@Entity
@Table(name = "return_task")
public class ReturnTask {

    /** Where the task stands. */
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

    @Column(name = "offboarding_id")
    public UUID offboardingId;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "asset_tag")
    public String assetTag;

    @Enumerated(EnumType.STRING)
    @Column(name = "device_type")
    public DeviceType deviceType;

    public String school;

    @Column(name = "sensitive_data")
    public boolean sensitiveData;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "returned_at")
    public Instant returnedAt;

    @Column(name = "received_by")
    public String receivedBy;

    public String note;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    public boolean isOpen() {
        return status == Status.OPEN || status == Status.OVERDUE;
    }
}
