package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.checkin.entity.ReturnTask;
import org.district.contracts.checkin.ReturnReason;
import org.district.contracts.inventory.DeviceType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device a departing person must return, and how. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A device a departing person must return, and how")
public record ReturnTaskView(
        @Schema(description = "The task's id", required = true, example = "5b8d2f1e-6c3a-4e9b-b7d0-1a4c8e2f6d93")
                UUID id,
        @Schema(description = "The departing person", required = true, example = "9e4b2c7a-1d3f-4b8e-a0c6-7f2d5e9b1a36")
                UUID personId,
        @Schema(description = "The device to return", required = true, example = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14")
                UUID deviceId,
        @Schema(description = "The device's asset tag", required = true, example = "LHS-0042") String assetTag,
        @Schema(description = "The kind of device", required = true) DeviceType deviceType,
        @Schema(description = "The school the device belongs to", required = true, example = "LINCOLN-HS")
                String school,
        @Schema(
                        description = "Whether the device holds sensitive data (then it goes straight to district IT)",
                        required = true,
                        example = "false")
                boolean sensitiveData,
        @Schema(
                        description = "How the device is to be returned, in words for the person",
                        required = true,
                        example = "Hand it to district IT or your school office.")
                String returnTo,
        @Schema(
                        description = "The day it is due back (the person's last working day, or a loaner's due date)",
                        required = true,
                        example = "2026-09-30")
                LocalDate dueOn,
        @Schema(
                        description = "Why it must come back: DEPARTURE (the holder leaves) or LOAN (a loaner's due"
                                + " date)",
                        required = true)
                ReturnReason reason,
        @Schema(description = "Where the task stands", required = true) ReturnTask.Status status,
        @Schema(description = "When the task was opened", required = true, example = "2026-09-14T13:30:00Z")
                Instant openedAt,
        @Schema(
                        description = "When it was last escalated to the supervisor and IT (absent until OVERDUE)",
                        example = "2026-10-01T05:05:00Z")
                Instant escalatedAt,
        @Schema(
                        description = "How many times it was escalated: 1 when it became OVERDUE, one more every few"
                                + " days until it is closed",
                        required = true,
                        minimum = "0",
                        example = "0")
                int escalations,
        @Schema(description = "When IT received the device (absent until RETURNED)", example = "2026-09-29T15:20:00Z")
                Instant returnedAt,
        @Schema(description = "Who received it (role:district id; absent until RETURNED)", example = "IT_ADMIN:E10482")
                String receivedBy,
        @Schema(description = "IT's note on receiving it (absent when none)", example = "Received at the IT desk.")
                String note,
        @Schema(
                        description = "When the task was closed without a return (absent unless CLOSED)",
                        example = "2026-09-20T16:00:00Z")
                Instant closedAt,
        @Schema(
                        description = "Why it was closed (absent unless CLOSED)",
                        example = "The device is no longer assigned to the person.")
                String closeReason) {

    public static ReturnTaskView of(ReturnTask t) {
        return new ReturnTaskView(
                t.id,
                t.personId,
                t.deviceId,
                t.assetTag,
                t.deviceType,
                t.school,
                t.sensitiveData,
                returnTo(t.sensitiveData),
                t.dueOn,
                t.reason,
                t.status,
                t.openedAt,
                t.escalatedAt,
                t.escalations,
                t.returnedAt,
                t.receivedBy,
                t.note,
                t.closedAt,
                t.closeReason);
    }

    /** How a device is to be returned. Devices holding sensitive data go straight to district IT (policy). */
    public static String returnTo(boolean sensitiveData) {
        return sensitiveData
                ? "Hand it directly to district IT: it holds sensitive data and must be sanitized before reuse."
                : "Hand it to district IT or your school office.";
    }
}
