package org.district.inventory.rest;

import jakarta.ws.rs.QueryParam;
import org.district.contracts.inventory.ChargeStatus;
import org.district.inventory.domain.ChargeFilter;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of a charge list or export, as a resource method's {@code @BeanParam}; all optional, ANDed. */
public class ChargeSearch {

    @QueryParam("personId")
    @Parameter(
            description = "The charges of one person (their id)",
            example = ApiExamples.PERSON_ID,
            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    String personId;

    @QueryParam("deviceId")
    @Parameter(
            description = "The charges for one device (its id)",
            example = ApiExamples.DEVICE_ID,
            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    String deviceId;

    @QueryParam("status")
    @Parameter(
            description = "OPEN, PAID, WAIVED or SETTLED (any case)",
            example = "OPEN",
            schema = @Schema(implementation = ChargeStatus.class))
    String status;

    /** The filter the parameters give, with every bad parameter named at once. */
    ChargeFilter filter() {
        ParamCheck check = new ParamCheck();
        ChargeFilter filter = new ChargeFilter(
                check.get(() -> Params.uuid("personId", personId)),
                check.get(() -> Params.uuid("deviceId", deviceId)),
                check.get(() -> Params.enumValue("status", status, ChargeStatus.class)));
        check.done();
        return filter;
    }
}
