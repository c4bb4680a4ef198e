package org.district.contracts.lossreport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The device of a report is given up on. Key = device id. inventory-service moves it to WRITTEN_OFF and records the
 * cost owed for its damage or replacement.
 */
public record LossReportWrittenOff(
        UUID reportId, UUID deviceId, BigDecimal costOwed, Instant writtenOffAt, String recordedBy, String note) {

    public static final String TYPE = "LossReportWrittenOff";
    public static final int SCHEMA_VERSION = 1;
}
