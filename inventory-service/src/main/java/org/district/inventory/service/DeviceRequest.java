package org.district.inventory.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;

/**
 * A device as IT registers or updates it. District devices record their acquisition; personal devices name their
 * owner instead. Ownership cannot change after registration.
 *
 * @param sensitiveData whether the device holds sensitive data (student records, HR files): such a device must be
 *     encrypted and goes through quarantine and sanitization whenever it comes back
 * @param ownerDistrictId for a PERSONAL device, the district id of the person who owns it
 */
public record DeviceRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE) String assetTag,
        @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE) String serialNumber,
        @NotNull DeviceType type,
        @NotBlank @Size(max = 80) String make,
        @NotBlank @Size(max = 120) String model,
        @NotBlank @Size(max = 40) @Pattern(regexp = Patterns.SCHOOL, message = Patterns.SCHOOL_MESSAGE) String school,
        Ownership ownership,
        @NotNull Boolean sensitiveData,
        @Valid AcquisitionRequest acquisition,
        LocalDate warrantyEnd,
        @Size(max = 2000) String notes,
        @Size(max = 40) String ownerDistrictId) {

    public Ownership ownershipOrDefault() {
        return ownership == null ? Ownership.DISTRICT : ownership;
    }
}
