package org.district.contracts.checkin;

import java.time.Instant;
import java.util.UUID;

/**
 * A device reported lost or stolen checked in. Key = device id. The location is present only because the device is
 * lost or stolen; it is personal data and only IT may read it.
 */
public record LostDeviceSeen(
        UUID deviceId,
        Instant seenAt,
        String site,
        String ipAddress,
        Double latitude,
        Double longitude,
        Double accuracyMeters) {

    public static final String TYPE = "LostDeviceSeen";
    public static final int SCHEMA_VERSION = 1;
}
