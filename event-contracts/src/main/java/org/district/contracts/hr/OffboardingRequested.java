package org.district.contracts.hr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * HR starts offboarding a departing employee. Published by HR systems to
 * {@link org.district.contracts.Topics#OFFBOARDINGS} (or posted to checkin-service's REST API with the same fields).
 *
 * @param personId the person's id in inventory-service; either this or {@code districtId} is required
 * @param districtId the person's district (HR) id
 */
public record OffboardingRequested(
        UUID personId, String districtId, LocalDate lastWorkingDay, String requestedBy, Instant requestedAt) {

    public static final String TYPE = "OffboardingRequested";
    public static final int SCHEMA_VERSION = 1;
}
