package org.district.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.district.inventory.Device;
import org.district.inventory.domain.AcquisitionType;

/**
 * A device as the API shows it. IT staff and auditors see every field; the device's holder sees what identifies the
 * device and its status, without acquisition, cost, notes or history of other people.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceView(
        UUID id,
        String assetTag,
        String serialNumber,
        DeviceType type,
        String make,
        String model,
        String school,
        Ownership ownership,
        DeviceStatus status,
        Boolean sensitiveData,
        PersonRef assignee,
        Instant assignedAt,
        Acquisition acquisition,
        LocalDate warrantyEnd,
        BigDecimal costOwed,
        String notes,
        Long version,
        Instant createdAt,
        Instant updatedAt) {

    /** How the district acquired the device. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Acquisition(
            AcquisitionType type,
            String vendor,
            String purchaseOrder,
            BigDecimal cost,
            LocalDate acquiredOn,
            String donor) {}

    static DeviceView full(Device d) {
        return new DeviceView(
                d.id,
                d.assetTag,
                d.serialNumber,
                d.type,
                d.make,
                d.model,
                d.school,
                d.ownership,
                d.status,
                d.sensitiveData,
                PersonRef.of(d.assignee),
                d.assignedAt,
                d.acquisitionType == null
                        ? null
                        : new Acquisition(d.acquisitionType, d.vendor, d.purchaseOrder, d.cost, d.acquiredOn, d.donor),
                d.warrantyEnd,
                d.costOwed,
                d.notes,
                d.version,
                d.createdAt,
                d.updatedAt);
    }

    /** What the holder of a device sees of it. */
    static DeviceView forHolder(Device d) {
        return new DeviceView(
                d.id,
                d.assetTag,
                d.serialNumber,
                d.type,
                d.make,
                d.model,
                d.school,
                d.ownership,
                d.status,
                null,
                null,
                d.assignedAt,
                null,
                d.warrantyEnd,
                d.costOwed,
                null,
                null,
                null,
                null);
    }
}
