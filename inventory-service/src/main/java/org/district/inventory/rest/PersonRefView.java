package org.district.inventory.rest;

import java.util.UUID;
import org.district.inventory.entity.Person;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A short reference to a person: enough to recognise them, nothing more. */
@Schema(description = "A short reference to a person: enough to recognise them, nothing more.")
public record PersonRefView(
        @Schema(description = "The person's id", example = "7d2e9c41-0b5a-4f3e-8c6d-2a9b1e4f7c30", required = true)
                UUID id,
        @Schema(description = "The person's district id (upper case)", example = "E10234", required = true)
                String districtId,
        @Schema(description = "Given and family name", example = "Jordan Rivera", required = true) String name) {

    static PersonRefView of(Person p) {
        return p == null ? null : new PersonRefView(p.id, p.districtId, p.displayName());
    }
}
