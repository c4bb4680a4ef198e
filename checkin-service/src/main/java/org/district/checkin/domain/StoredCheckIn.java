package org.district.checkin.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One check-in as the history keeps it: what the device (or a device manager for it) reported, how it measured against
 * the baseline, and where it came from.
 */
public record StoredCheckIn(
        Instant receivedAt,
        String osName,
        String osVersion,
        String osBuild,
        LocalDate lastPatchDate,
        String antivirusProduct,
        LocalDate antivirusDefinitionsDate,
        Boolean diskEncrypted,
        Boolean screenLock,
        String site,
        String ipAddress,
        boolean compliant,
        String complianceIssues,
        CheckInSource source) {}
