package org.district.inventory.rest;

import jakarta.ws.rs.QueryParam;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The school filter of the device, people and personal-device lists: the base of their {@code @BeanParam}s. */
abstract class SchoolSearch {

    @QueryParam("school")
    @Parameter(
            description = "School code, at most 40 characters",
            example = "LINCOLN-HS",
            schema = @Schema(type = SchemaType.STRING, maxLength = 40))
    String school;

    /** The school asked for; null when absent, refused (naming the parameter) when too long. */
    String school() {
        return Params.text("school", school, 40);
    }
}
