package org.district.checkin.ingest;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A validated check-in waiting for the writer, and the future its request waits on. */
record PendingCheckIn(UUID deviceId, CheckInRequest body, Instant receivedAt, CompletableFuture<CheckInReply> reply) {}
