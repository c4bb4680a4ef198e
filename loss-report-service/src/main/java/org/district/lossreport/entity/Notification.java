package org.district.lossreport.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.district.lossreport.domain.Channel;
import org.district.lossreport.domain.DeliveryStatus;

/**
 * One message to one recipient through one channel, caused by one event. Written in the transaction that consumes the
 * event; sent afterwards by the delivery worker, which records every attempt.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String eventType;

    /** The consumer group (or schedule) that wrote it. */
    @Column(nullable = false)
    public String consumer;

    public UUID reportId;

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

    @Column(nullable = false)
    public Instant nextAttemptAt;

    public UUID claimToken;

    public String lastError;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    public Instant sentAt;

    public Instant failedAt;
}
