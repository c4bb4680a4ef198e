package org.district.contracts.lossreport;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification that could not be delivered after its last attempt. Published to
 * {@link org.district.contracts.Topics#NOTIFICATIONS_DEAD_LETTER}, key = report id (or the event id when the message is
 * not about a report), so IT can alert on it and replay it. It names the notification, not its recipient or subject (an
 * address, a person's name): those are read in the notification itself, by those allowed to. Schema version 2: version 1
 * also carried {@code recipient} and {@code subject}, which readers ignore.
 *
 * @param channel {@code EMAIL} or {@code WEBHOOK}
 */
public record NotificationDeadLettered(
        UUID notificationId,
        UUID eventId,
        String eventType,
        UUID reportId,
        UUID deviceId,
        String channel,
        int attempts,
        String lastError,
        Instant failedAt) {

    public static final String TYPE = "NotificationDeadLettered";
    public static final int SCHEMA_VERSION = 2;
}
