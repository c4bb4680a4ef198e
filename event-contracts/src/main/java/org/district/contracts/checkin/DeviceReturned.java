package org.district.contracts.checkin;

import java.time.Instant;
import java.util.UUID;

/**
 * IT received a device back from a departing person. Key = device id. inventory-service ends the assignment and moves
 * the device to QUARANTINED (it holds sensitive data) or IN_STOCK.
 */
public record DeviceReturned(
        UUID taskId, UUID deviceId, UUID personId, Instant receivedAt, String receivedBy, String note) {

    public static final String TYPE = "DeviceReturned";
    public static final int SCHEMA_VERSION = 1;
}
