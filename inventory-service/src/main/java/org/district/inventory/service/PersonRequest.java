package org.district.inventory.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.district.contracts.inventory.PersonKind;

/**
 * A person as HR, the student information system or IT records them. Keyed by district id in bulk syncs.
 *
 * @param supervisorDistrictId district id of the person's supervisor (for students: leave empty; the school's contact
 *     is told instead)
 * @param active false once the person has departed; defaults to true
 * @param aupAcknowledgedOn date of the person's last annual Acceptable Use Policy acknowledgement
 */
public record PersonRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE) String districtId,
        @NotBlank @Size(max = 80) String givenName,
        @NotBlank @Size(max = 80) String familyName,
        @Email @Size(max = 254) String email,
        @NotNull PersonKind kind,
        @NotBlank @Size(max = 40) @Pattern(regexp = Patterns.SCHOOL, message = Patterns.SCHOOL_MESSAGE) String school,
        @Size(max = 40) String supervisorDistrictId,
        Boolean active,
        LocalDate departedOn,
        LocalDate aupAcknowledgedOn) {

    public boolean activeOrDefault() {
        return active == null || active;
    }
}
