package org.district.inventory.rest;

import jakarta.ws.rs.QueryParam;
import org.district.contracts.inventory.PersonalAccessStatus;
import org.district.inventory.domain.PersonalDeviceFilter;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the list of personal devices, as a resource method's {@code @BeanParam}; all optional, ANDed. */
public class PersonalDeviceSearch extends SchoolSearch {

    @QueryParam("status")
    @Parameter(
            description = "One access status or several, comma-separated (PENDING,APPROVED), any case",
            style = ParameterStyle.FORM,
            explode = Explode.FALSE,
            example = "[\"PENDING\"]",
            schema = @Schema(type = SchemaType.ARRAY, implementation = PersonalAccessStatus.class))
    String status;

    @QueryParam("awaitingDecision")
    @Parameter(
            description = "true: only the requests and renewals the approvers have to decide (the approvers' queue);"
                    + " false: only the others; absent for all",
            example = "true",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String awaitingDecision;

    /** The filter the parameters give (before the caller's reach narrows it), with every bad parameter named at once. */
    PersonalDeviceFilter filter() {
        ParamCheck check = new ParamCheck();
        PersonalDeviceFilter filter = new PersonalDeviceFilter(
                check.get(() -> Params.enumSet("status", status, PersonalAccessStatus.class)),
                check.get(this::school),
                check.get(() -> Requests.optionalFlag("awaitingDecision", awaitingDecision)),
                false,
                null,
                null);
        check.done();
        return filter;
    }
}
