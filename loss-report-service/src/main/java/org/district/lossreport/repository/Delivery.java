package org.district.lossreport.repository;

import java.util.UUID;
import org.district.lossreport.domain.Channel;

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
