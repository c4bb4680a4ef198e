package org.district.inventory.rest;

import jakarta.ws.rs.QueryParam;
import org.district.contracts.inventory.PersonKind;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of a people list or export, as a resource method's {@code @BeanParam}; all optional, ANDed. */
public class PersonSearch extends SchoolSearch {

    /** The filters, parsed. */
    record Filter(String school, PersonKind kind, Boolean active) {}

    @QueryParam("kind")
    @Parameter(
            description = "EMPLOYEE or STUDENT (any case)",
            example = "EMPLOYEE",
            schema = @Schema(implementation = PersonKind.class))
    String kind;

    @QueryParam("active")
    @Parameter(
            description = "true for current people only, false for those who have left (also 1/0, yes/no); absent for"
                    + " everyone",
            example = "true",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String active;

    /** The filters; a bad one is added to {@code check} (and given as null). */
    Filter filter(ParamCheck check) {
        return new Filter(
                check.get(this::school),
                check.get(() -> Params.enumValue("kind", kind, PersonKind.class)),
                check.get(() -> Requests.optionalFlag("active", active)));
    }
}
