package org.district.contracts.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A device checked in after its holder's last working day without having been returned. Key = device id. */
public record DeviceSeenAfterDeparture(
        UUID deviceId, UUID personId, LocalDate lastWorkingDay, Instant seenAt, String site, String ipAddress) {

    public static final String TYPE = "DeviceSeenAfterDeparture";
    public static final int SCHEMA_VERSION = 1;
}
