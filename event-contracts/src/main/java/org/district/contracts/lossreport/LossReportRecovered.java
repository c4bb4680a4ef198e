package org.district.contracts.lossreport;

import java.time.Instant;
import java.util.UUID;

/**
 * The device of a report was found. Key = device id. inventory-service moves it to RECOVERED, and on to QUARANTINED
 * when it holds sensitive data; checkin-service purges its stored locations and cancels pending commands.
 */
public record LossReportRecovered(UUID reportId, UUID deviceId, Instant recoveredAt, String recordedBy, String note) {

    public static final String TYPE = "LossReportRecovered";
    public static final int SCHEMA_VERSION = 1;
}
