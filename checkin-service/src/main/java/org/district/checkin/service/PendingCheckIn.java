package org.district.checkin.service;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A validated check-in waiting for the writer, and the future its request waits on. {@code credentialSha256} is the
 * hash of the device credential the request presented, checked by the writer against the stored one.
 */
record PendingCheckIn(
        UUID deviceId,
        byte[] credentialSha256,
        CheckInRequest body,
        Instant receivedAt,
        CompletableFuture<CheckInReply> reply) {}
