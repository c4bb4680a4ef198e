package org.district.lossreport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.district.lossreport.domain.Channel;
import org.district.lossreport.domain.DeliveryStatus;
import org.district.lossreport.entity.Notification;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery as IT sees it: to whom, how, where it stands, how often it was tried and why it last failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "NotificationView",
        description = "One notification delivery: to whom, how, where it stands, how often it was tried and why it last"
                + " failed. Absent fields have no value.")
public record NotificationView(
        @Schema(description = "The delivery's id", required = true, example = "0b8e6f3c-2d4a-4e9b-8c7d-5a1f2e3d4c5b")
                UUID id,
        @Schema(
                        description = "The id of the event (or reminder) that caused it",
                        required = true,
                        example = "6a4c2e8f-9b1d-4f7a-a3c5-e2d4f6a8b0c1")
                UUID eventId,
        @Schema(description = "The type of that event", required = true, example = "LossReported") String eventType,
        @Schema(
                        description = "Who recorded it: it-notifier, supervisor-notifier or police-reminder",
                        required = true,
                        example = "it-notifier")
                String consumer,
        @Schema(
                        description = "The loss report it is about; absent when none",
                        example = "8d2f4b7a-5c1e-4f3a-b6d9-0e7c1a2b3c4d")
                UUID reportId,
        @Schema(
                        description = "The device it is about; absent when none",
                        example = "3f6c2a9e-1b7d-4c2e-9a51-7d0e8b4f2c16")
                UUID deviceId,
        @Schema(
                        description = "An email address, or the name of a webhook (it-webhook)",
                        required = true,
                        example = "it-help@district.example")
                String recipient,
        @Schema(description = "EMAIL or WEBHOOK", required = true) Channel channel,
        @Schema(
                        description = "The message's subject line",
                        required = true,
                        example = "[LR-2026-000042] STOLEN: Dell Latitude 5440 (laptop) (LINCOLN-HS)")
                String subject,
        @Schema(description = "PENDING, RETRYING, SENT or FAILED", required = true) DeliveryStatus status,
        @Schema(description = "Delivery attempts so far", required = true, minimum = "0", example = "1") int attempts,
        @Schema(
                        description = "Why the last attempt failed; absent when none failed or it was sent since",
                        example = "SMTP 451: temporary local problem, try later")
                String lastError,
        @Schema(description = "When it was recorded", required = true, example = "2026-03-02T20:45:01Z")
                Instant createdAt,
        @Schema(
                        description = "When the next attempt is due; only while PENDING or RETRYING",
                        example = "2026-03-02T20:46:01Z")
                Instant nextAttemptAt,
        @Schema(description = "When it was sent; only once SENT", example = "2026-03-02T20:45:03Z") Instant sentAt,
        @Schema(description = "When it was given up; only once FAILED", example = "2026-03-03T08:45:03Z")
                Instant failedAt) {

    static NotificationView of(Notification n) {
        boolean waiting = n.status == DeliveryStatus.PENDING || n.status == DeliveryStatus.RETRYING;
        return new NotificationView(
                n.id,
                n.eventId,
                n.eventType,
                n.consumer,
                n.reportId,
                n.deviceId,
                n.recipient,
                n.channel,
                n.subject,
                n.status,
                n.attempts,
                n.lastError,
                n.createdAt,
                waiting ? n.nextAttemptAt : null,
                n.sentAt,
                n.failedAt);
    }
}
