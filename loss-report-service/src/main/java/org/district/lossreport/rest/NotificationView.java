package org.district.lossreport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.district.lossreport.domain.Channel;
import org.district.lossreport.domain.DeliveryStatus;
import org.district.lossreport.entity.Notification;

/** One delivery as IT sees it: to whom, how, where it stands, how often it was tried and why it last failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(
        UUID id,
        UUID eventId,
        String eventType,
        String consumer,
        UUID reportId,
        UUID deviceId,
        String recipient,
        Channel channel,
        String subject,
        DeliveryStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
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
