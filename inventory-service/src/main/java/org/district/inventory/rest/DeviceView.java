package org.district.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.district.inventory.entity.Device;

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
        PersonRefView assignee,
        Instant assignedAt,
        AcquisitionView acquisition,
        LocalDate warrantyEnd,
        BigDecimal costOwed,
        String notes,
        Long version,
        Instant createdAt,
        Instant updatedAt) {

    /** Everything about the device, as IT staff and auditors see it. */
    static DeviceView full(Device d) {
        return of(d, true);
    }

    /** What the holder of a device sees of it. */
    static DeviceView forHolder(Device d) {
        return of(d, false);
    }

    /** What a supervisor sees of their own and their team's devices: the holder's view, naming the holder. */
    static DeviceView forSupervisor(Device d) {
        DeviceView holder = of(d, false);
        return new DeviceView(
                holder.id(),
                holder.assetTag(),
                holder.serialNumber(),
                holder.type(),
                holder.make(),
                holder.model(),
                holder.school(),
                holder.ownership(),
                holder.status(),
                null,
                PersonRefView.of(d.assignee),
                holder.assignedAt(),
                null,
                holder.warrantyEnd(),
                holder.costOwed(),
                null,
                null,
                null,
                null);
    }

    /** The device as IT and auditors see it ({@code everything}), or as its holder does. */
    static DeviceView of(Device d, boolean everything) {
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
                everything ? d.sensitiveData : null,
                everything ? PersonRefView.of(d.assignee) : null,
                d.assignedAt,
                everything ? AcquisitionView.of(d) : null,
                d.warrantyEnd,
                d.costOwed,
                everything ? d.notes : null,
                everything ? d.version : null,
                everything ? d.createdAt : null,
                everything ? d.updatedAt : null);
    }
}
