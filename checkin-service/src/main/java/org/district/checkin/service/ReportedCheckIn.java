package org.district.checkin.service;

import java.time.Instant;
import java.util.UUID;
import org.district.checkin.domain.CheckInSource;

/**
 * A device's state as a device manager reported it, as a check-in of the device: {@code body} holds the facts in the
 * agent's terms (what the manager does not know is absent: not proven), {@code reportedAt} is when the device last
 * reported to the manager (so a device silent there stays overdue here), and {@code updatesEnded} says its updates
 * have ended (no longer patched).
 */
public record ReportedCheckIn(
        UUID deviceId, CheckInSource source, CheckInRequest body, Instant reportedAt, boolean updatesEnded) {}
