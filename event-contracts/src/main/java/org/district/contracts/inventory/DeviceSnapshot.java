package org.district.contracts.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The full state of a device after a change, published to {@link org.district.contracts.Topics#DEVICES}.
 *
 * @param change what changed, for example {@code CREATED}, {@code UPDATED}, {@code ASSIGNED}, {@code RETURNED},
 *     {@code STATUS_CHANGED}
 * @param assigneeId the person the device is assigned to (or, for a personal device, its owner); null if none
 * @param assigneeDistrictId that person's district id (canonical form), so readers can match it to a token subject
 * @param assignmentDueOn when the holder must give the device back (a loaner); null for an assignment without an end
 * @param personalAccess a personal device's standing under the district's policy (approval, consent, expiry); null for
 *     a district device
 */
public record DeviceSnapshot(
        UUID id,
        long version,
        String change,
        String assetTag,
        String serialNumber,
        DeviceType type,
        String make,
        String model,
        String school,
        Ownership ownership,
        DeviceStatus status,
        boolean sensitiveData,
        UUID assigneeId,
        String assigneeDistrictId,
        Instant assignedAt,
        String acquisitionType,
        String vendor,
        String purchaseOrder,
        BigDecimal cost,
        LocalDate acquiredOn,
        String donor,
        LocalDate warrantyEnd,
        BigDecimal costOwed,
        Instant updatedAt,
        LocalDate assignmentDueOn,
        PersonalAccess personalAccess) {

    public static final String TYPE = "DeviceSnapshot";
    public static final int SCHEMA_VERSION = 1;
}
