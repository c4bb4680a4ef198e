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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A device as the API shows it. IT staff and auditors see every field; the device's holder sees what identifies the
 * device and its status, without acquisition, cost, notes or history of other people.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "A device. IT staff and auditors see every field; the holder sees what identifies the device and"
                + " its status (no holder, acquisition, notes, sensitivity, version or record times); a supervisor sees"
                + " the holder's view naming the holder. Fields without a value are omitted.")
public record DeviceView(
        @Schema(description = "The device's id", example = "3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21", required = true)
                UUID id,
        @Schema(description = "Asset tag, upper case", example = "LHS-0042", required = true) String assetTag,
        @Schema(description = "Manufacturer serial number, upper case", example = "5CG3281QXZ", required = true)
                String serialNumber,
        @Schema(description = "Kind of device", example = "LAPTOP", required = true) DeviceType type,
        @Schema(description = "Manufacturer", example = "Dell", required = true) String make,
        @Schema(description = "Model", example = "Latitude 3440", required = true) String model,
        @Schema(description = "School code", example = "LINCOLN-HS", required = true) String school,
        @Schema(description = "DISTRICT or PERSONAL", example = "DISTRICT", required = true) Ownership ownership,
        @Schema(description = "Lifecycle status", example = "ASSIGNED", required = true) DeviceStatus status,
        @Schema(
                        description = "Whether it holds sensitive data (student records, HR files); IT and auditors"
                                + " only",
                        example = "true")
                Boolean sensitiveData,
        @Schema(description = "Who holds it; omitted when nobody does (shown to IT, auditors and supervisors)")
                PersonRefView assignee,
        @Schema(
                        description = "Since when the holder has it; omitted when nobody does",
                        example = "2025-08-20T14:05:00Z")
                Instant assignedAt,
        @Schema(
                        description = "When the holder must give it back (a loaner); omitted for an assignment"
                                + " without an end",
                        example = "2026-12-18")
                LocalDate assignmentDueOn,
        @Schema(description = "How the district acquired it; omitted for a personal device (IT and auditors only)")
                AcquisitionView acquisition,
        @Schema(description = "Last day of the warranty", example = "2028-08-15") LocalDate warrantyEnd,
        @Schema(
                        description = "What the holder owes for it in US dollars, recorded when it was written off",
                        example = "250.00")
                BigDecimal costOwed,
        @Schema(description = "IT's notes (IT and auditors only)", example = "Spare charger kept in the library.")
                String notes,
        @Schema(description = "Record version, as in the ETag (IT and auditors only)", example = "3") Long version,
        @Schema(description = "When it was registered (IT and auditors only)", example = "2025-08-15T15:30:00Z")
                Instant createdAt,
        @Schema(description = "When it last changed (IT and auditors only)", example = "2025-08-20T14:05:00Z")
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
                holder.assignmentDueOn(),
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
                d.assignmentDueOn,
                everything ? AcquisitionView.of(d) : null,
                d.warrantyEnd,
                d.costOwed,
                everything ? d.notes : null,
                everything ? d.version : null,
                everything ? d.createdAt : null,
                everything ? d.updatedAt : null);
    }
}
