package org.district.lossreport.notify;

import java.util.UUID;

/**
 * A message to record for delivery.
 *
 * @param eventId the event that causes it; with recipient and channel it identifies the message, so the same event
 *     never makes two messages to one recipient
 * @param consumer the consumer group (or schedule) that writes it
 * @param recipient an email address, or {@link Recipients#IT_WEBHOOK}
 * @param link the report (or other page) the message points to, if any
 */
public record NotificationDraft(
        UUID eventId,
        String eventType,
        String consumer,
        UUID reportId,
        UUID deviceId,
        String recipient,
        Channel channel,
        Message message,
        String link) {}
