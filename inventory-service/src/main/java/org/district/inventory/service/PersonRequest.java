package org.district.inventory.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.district.contracts.inventory.PersonKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person as HR, the student information system or IT records them. Keyed by district id in bulk syncs.
 *
 * @param supervisorDistrictId district id of the person's supervisor (for students: leave empty; the school's contact
 *     is told instead)
 * @param active false once the person has departed; defaults to true
 * @param aupAcknowledgedOn date of the person's last annual Acceptable Use Policy acknowledgement
 */
@Schema(
        description = "A person as HR, the student information system or IT records them. Keyed by district id in bulk"
                + " syncs.",
        example = "{\"districtId\": \"E10234\", \"givenName\": \"Jordan\", \"familyName\": \"Rivera\","
                + " \"email\": \"jrivera@district.example\", \"kind\": \"EMPLOYEE\", \"school\": \"LINCOLN-HS\","
                + " \"active\": true, \"aupAcknowledgedOn\": \"2025-08-18\"}")
public record PersonRequest(
        @NotBlank
                @Size(max = 40)
                @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE)
                @Schema(
                        description = "District id (employee or student number), unique; stored upper case; cannot"
                                + " change",
                        pattern = "^[A-Za-z0-9][A-Za-z0-9._/-]*$",
                        example = "E10234")
                String districtId,
        @NotBlank @Size(max = 80) @Schema(description = "Given name", example = "Jordan") String givenName,
        @NotBlank @Size(max = 80) @Schema(description = "Family name", example = "Rivera") String familyName,
        @Email
                @Size(max = 254)
                @Schema(
                        description = "District email; stored lower case",
                        format = "email",
                        example = "jrivera@district.example")
                String email,
        @NotNull @Schema(description = "EMPLOYEE or STUDENT", example = "EMPLOYEE") PersonKind kind,
        @NotBlank
                @Size(max = 40)
                @Pattern(regexp = Patterns.SCHOOL, message = Patterns.SCHOOL_MESSAGE)
                @Schema(
                        description = "School code",
                        pattern = "^[A-Za-z0-9][A-Za-z0-9 ._'&-]*$",
                        example = "LINCOLN-HS")
                String school,
        @Size(max = 40)
                @Schema(
                        description = "District id of the person's supervisor, a known person other than themself (for"
                                + " students: leave empty; the school's contact is told instead)",
                        example = "E10007")
                String supervisorDistrictId,
        @Schema(description = "False once the person has departed", example = "true", defaultValue = "true")
                Boolean active,
        @Schema(
                        description = "The person's last working day: with active=false when they left (today when"
                                + " absent); with active=true the day they will leave (at most 366 days ahead)."
                                + " Either opens return tasks for the devices they hold, due on that day",
                        example = "2026-06-05")
                LocalDate departedOn,
        @Schema(
                        description =
                                "Date of the person's last annual Acceptable Use Policy acknowledgement; not in the"
                                        + " future",
                        example = "2025-08-18")
                LocalDate aupAcknowledgedOn) {

    public boolean activeOrDefault() {
        return active == null || active;
    }
}
