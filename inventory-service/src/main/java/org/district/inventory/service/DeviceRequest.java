package org.district.inventory.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A device as IT registers or updates it. District devices record their acquisition; personal devices name their
 * owner instead. Ownership cannot change after registration.
 *
 * @param sensitiveData whether the device holds sensitive data (student records, HR files): such a device must be
 *     encrypted and goes through quarantine and sanitization whenever it comes back
 * @param ownerDistrictId for a PERSONAL device, the district id of the person who owns it
 */
@Schema(
        description = "A device as IT registers or updates it. District devices record their acquisition; personal"
                + " devices name their owner instead. Ownership cannot change after registration.",
        example = "{\"assetTag\": \"LHS-0042\", \"serialNumber\": \"5CG3281QXZ\", \"type\": \"LAPTOP\","
                + " \"make\": \"Dell\", \"model\": \"Latitude 3440\", \"school\": \"LINCOLN-HS\","
                + " \"ownership\": \"DISTRICT\", \"sensitiveData\": true, \"acquisition\": {\"type\": \"PURCHASED\","
                + " \"vendor\": \"CDW Government\", \"purchaseOrder\": \"PO-2025-00117\", \"cost\": 649.00,"
                + " \"acquiredOn\": \"2025-08-15\"}, \"warrantyEnd\": \"2028-08-15\","
                + " \"notes\": \"Spare charger kept in the library.\"}")
public record DeviceRequest(
        @NotBlank
                @Size(max = 40)
                @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE)
                @Schema(
                        description = "Asset tag, unique; stored upper case",
                        pattern = "^[A-Za-z0-9][A-Za-z0-9._/-]*$",
                        example = "LHS-0042")
                String assetTag,
        @NotBlank
                @Size(max = 64)
                @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE)
                @Schema(
                        description = "Manufacturer serial number, unique; stored upper case",
                        pattern = "^[A-Za-z0-9][A-Za-z0-9._/-]*$",
                        example = "5CG3281QXZ")
                String serialNumber,
        @NotNull @Schema(description = "Kind of device", example = "LAPTOP") DeviceType type,
        @NotBlank @Size(max = 80) @Schema(description = "Manufacturer", example = "Dell") String make,
        @NotBlank @Size(max = 120) @Schema(description = "Model", example = "Latitude 3440") String model,
        @NotBlank
                @Size(max = 40)
                @Pattern(regexp = Patterns.SCHOOL, message = Patterns.SCHOOL_MESSAGE)
                @Schema(
                        description = "School code",
                        pattern = "^[A-Za-z0-9][A-Za-z0-9 ._'&-]*$",
                        example = "LINCOLN-HS")
                String school,
        @Schema(
                        description = "DISTRICT (the default) or PERSONAL; cannot change after registration",
                        example = "DISTRICT",
                        defaultValue = "DISTRICT")
                Ownership ownership,
        @NotNull
                @Schema(
                        description =
                                "Whether it holds sensitive data (student records, HR files): such a device must be"
                                        + " encrypted and goes through quarantine and sanitization whenever it comes back",
                        example = "true")
                Boolean sensitiveData,
        @Valid
                @Schema(
                        description = "How the district acquired it: required for a DISTRICT device, refused for a"
                                + " PERSONAL one")
                AcquisitionRequest acquisition,
        @Schema(
                        description = "Last day of the warranty: not before the acquisition date, at most 15 years from"
                                + " today",
                        example = "2028-08-15")
                LocalDate warrantyEnd,
        @Size(max = 2000) @Schema(description = "IT's notes", example = "Spare charger kept in the library.")
                String notes,
        @Size(max = 40)
                @Schema(
                        description =
                                "For a PERSONAL device (required there, refused otherwise): the district id of its"
                                        + " owner, an active person; cannot change",
                        example = "E10234")
                String ownerDistrictId) {

    public Ownership ownershipOrDefault() {
        return ownership == null ? Ownership.DISTRICT : ownership;
    }
}
