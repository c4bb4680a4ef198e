package org.district.inventory.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.contracts.inventory.PersonKind;
import org.district.inventory.entity.Person;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * A person record as IT and HR see it.
 *
 * @param aupCurrent whether the last AUP acknowledgement is recent enough for a device to be assigned
 */
@Schema(description = "A person record as IT and HR see it. Every field is present; those without a value are null.")
public record PersonView(
        @Schema(description = "The person's id", example = "7d2e9c41-0b5a-4f3e-8c6d-2a9b1e4f7c30", required = true)
                UUID id,
        @Schema(
                        description = "District id (employee or student number), upper case",
                        example = "E10234",
                        required = true)
                String districtId,
        @Schema(description = "Given name", example = "Jordan", required = true) String givenName,
        @Schema(description = "Family name", example = "Rivera", required = true) String familyName,
        @Schema(
                        description = "District email, lower case",
                        example = "jrivera@district.example",
                        format = "email",
                        nullable = true,
                        required = true)
                String email,
        @Schema(description = "EMPLOYEE or STUDENT", example = "EMPLOYEE", required = true) PersonKind kind,
        @Schema(description = "School code", example = "LINCOLN-HS", required = true) String school,
        @Schema(
                        description = "The person's supervisor: id, district id and name; null when none",
                        type = SchemaType.OBJECT,
                        nullable = true,
                        required = true,
                        requiredProperties = {"id", "districtId", "name"},
                        properties = {
                            @SchemaProperty(
                                    name = "id",
                                    description = "The supervisor's id",
                                    type = SchemaType.STRING,
                                    format = "uuid",
                                    example = "2b8e4f10-6c3d-4a7b-9e25-8f1a0c3d5e67"),
                            @SchemaProperty(
                                    name = "districtId",
                                    description = "The supervisor's district id",
                                    type = SchemaType.STRING,
                                    example = "E10007"),
                            @SchemaProperty(
                                    name = "name",
                                    description = "Given and family name",
                                    type = SchemaType.STRING,
                                    example = "Morgan Lee")
                        })
                PersonRefView supervisor,
        @Schema(description = "False once the person has departed", example = "true", required = true) boolean active,
        @Schema(
                        description = "The person's last working day: when they left, or the day someone still"
                                + " active will leave; null while no departure is known",
                        example = "2026-06-05",
                        nullable = true,
                        required = true)
                LocalDate departedOn,
        @Schema(
                        description = "Date of the last Acceptable Use Policy acknowledgement",
                        example = "2025-08-18",
                        nullable = true,
                        required = true)
                LocalDate aupAcknowledgedOn,
        @Schema(
                        description = "Whether the last acknowledgement is recent enough (within 365 days unless"
                                + " configured) for a device to be assigned",
                        example = "true",
                        required = true)
                boolean aupCurrent,
        @Schema(description = "Record version, as in the ETag", example = "4", required = true) long version,
        @Schema(description = "When the record was created", example = "2025-07-01T11:00:00Z", required = true)
                Instant createdAt,
        @Schema(description = "When it last changed", example = "2025-08-18T13:42:00Z", required = true)
                Instant updatedAt) {

    static PersonView of(Person p, boolean aupCurrent) {
        return new PersonView(
                p.id,
                p.districtId,
                p.givenName,
                p.familyName,
                p.email,
                p.kind,
                p.school,
                PersonRefView.of(p.supervisor),
                p.active,
                p.departedOn,
                p.aupAcknowledgedOn,
                aupCurrent,
                p.version,
                p.createdAt,
                p.updatedAt);
    }
}
