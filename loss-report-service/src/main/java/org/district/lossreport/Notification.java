package org.district.lossreport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.district.lossreport.notify.Channel;
import org.district.lossreport.notify.DeliveryStatus;

/**
 * One message to one recipient through one channel, caused by one event. Written in the transaction that consumes the
 * event; sent afterwards by the delivery worker, which records every attempt.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The consumer group (or schedule) that wrote it. */
    @Column(nullable = false)
    public String consumer;

    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "device_id")
    public UUID deviceId;

    /** An email address, or the name of a configured webhook (its URL is a secret and is not stored here). */
    @Column(nullable = false)
    public String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    public String link;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claim_token")
    public UUID claimToken;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "failed_at")
    public Instant failedAt;
}
