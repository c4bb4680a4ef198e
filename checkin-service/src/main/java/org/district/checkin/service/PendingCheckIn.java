package org.district.checkin.service;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.district.checkin.domain.CheckInSource;

/**
 * A validated check-in waiting for the writer, and the future its request waits on. {@code credentialSha256} is the
 * hash of the device credential the request presented, checked by the writer against the stored one (an agent's
 * check-in); a device manager's report of the device ({@code source} other than AGENT) carries none, and says whether
 * the device's updates have ended ({@code updatesEnded}: it is no longer patched). {@code observedAddress} is the
 * network address the agent's request came from as this service saw it (the ingress's forwarded address behind the
 * ingress), never the device's word; null for a device manager's report.
 */
record PendingCheckIn(
        UUID deviceId,
        byte[] credentialSha256,
        CheckInRequest body,
        Instant receivedAt,
        CompletableFuture<CheckInReply> reply,
        CheckInSource source,
        boolean updatesEnded,
        String observedAddress) {

    /** An agent's check-in. */
    PendingCheckIn(
            UUID deviceId,
            byte[] credentialSha256,
            CheckInRequest body,
            Instant receivedAt,
            CompletableFuture<CheckInReply> reply,
            String observedAddress) {
        this(deviceId, credentialSha256, body, receivedAt, reply, CheckInSource.AGENT, false, observedAddress);
    }

    boolean fromAgent() {
        return source == CheckInSource.AGENT;
    }
}
