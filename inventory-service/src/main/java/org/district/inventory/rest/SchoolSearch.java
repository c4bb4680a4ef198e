package org.district.inventory.rest;

import jakarta.ws.rs.QueryParam;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The school filter every list of the inventory takes: the base of each list's {@code @BeanParam}. */
abstract class SchoolSearch {

    @QueryParam("school")
    @Parameter(
            description = "School code (any case), at most 40 characters",
            example = "LINCOLN-HS",
            schema = @Schema(type = SchemaType.STRING, maxLength = 40))
    String school;

    /** The school asked for; null when absent, refused (naming the parameter) when too long. */
    String school() {
        return Params.text("school", school, 40);
    }
}
