package org.district.contracts.lossreport;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification that could not be delivered after its last attempt. Published to
 * {@link org.district.contracts.Topics#NOTIFICATIONS_DEAD_LETTER}, key = report id (or the event id when the message is
 * not about a report), so IT can alert on it and replay it.
 *
 * @param channel {@code EMAIL} or {@code WEBHOOK}
 */
public record NotificationDeadLettered(
        UUID notificationId,
        UUID eventId,
        String eventType,
        UUID reportId,
        UUID deviceId,
        String recipient,
        String channel,
        String subject,
        int attempts,
        String lastError,
        Instant failedAt) {

    public static final String TYPE = "NotificationDeadLettered";
    public static final int SCHEMA_VERSION = 1;
}
