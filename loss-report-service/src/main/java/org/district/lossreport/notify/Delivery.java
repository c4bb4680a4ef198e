package org.district.lossreport.notify;

import java.util.UUID;

/** A claimed notification on its way out: what to send, to whom, and the claim that lets its worker record the outcome. */
public record Delivery(
        UUID id,
        UUID eventId,
        String eventType,
        UUID reportId,
        UUID deviceId,
        String recipient,
        Channel channel,
        String subject,
        String body,
        String link,
        int attempt,
        UUID claimToken) {}
