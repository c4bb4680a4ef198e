package org.district.contracts.checkin;

import java.time.Instant;
import java.util.UUID;

/**
 * A device reported lost or stolen checked in. Key = device id. It says where on the network the device was seen and
 * whether it reported a location, never the location itself: coordinates are personal data that stay in checkin-service,
 * readable by IT only (each read recorded), and purged when the device is recovered. The site and IP address are what
 * the device reported (a thief's agent may say anything); {@code observedAddress} is the address checkin-service saw the
 * check-in come from (null for a device manager's report, and in records written before it was added). Schema version
 * 2; version 1 carried latitude, longitude and accuracyMeters, which readers ignore.
 */
public record LostDeviceSeen(
        UUID deviceId, Instant seenAt, String site, String ipAddress, boolean located, String observedAddress) {

    public static final String TYPE = "LostDeviceSeen";
    public static final int SCHEMA_VERSION = 2;
}
