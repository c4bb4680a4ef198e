package org.district.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.district.inventory.service.DeviceService;
import org.district.support.paging.Cursors;
import org.district.support.security.Roles;
import org.district.support.time.DistrictClock;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Loaners: devices assigned until a due date. */
@Path("/api/v1/loans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
public class LoanResource {

    @Inject
    DeviceService devices;

    @Inject
    DistrictClock clock;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listLoans",
            summary = "List loaners",
            description = "IT staff and auditors. Devices assigned with a due date and not yet given back, earliest due"
                    + " first; overdue=true keeps those past their due date (the holder and IT are reminded of them"
                    + " until they come back).")
    @APIResponse(responseCode = "200", description = "The loaners, earliest due first")
    public List<LoanView> list(
            @QueryParam("overdue")
                    @Parameter(
                            description = "true: only loaners past their due date",
                            example = "true",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    String overdue,
            @QueryParam("school")
                    @Parameter(
                            description = "School code, at most 40 characters",
                            example = "LINCOLN-HS",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40))
                    String school,
            @QueryParam("limit")
                    @Parameter(
                            description = "How many loaners at most",
                            example = "50",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "200",
                                            defaultValue = "50"))
                    String limit) {
        ParamCheck check = new ParamCheck();
        Flag overdueFlag = check.get(
                () -> Params.enumValue("overdue", overdue == null ? null : overdue.toUpperCase(), Flag.class));
        String schoolCode = check.get(() -> Params.text("school", school, 40));
        Integer size = check.get(() -> Cursors.limit(limit));
        check.done();
        boolean overdueOnly = overdueFlag == Flag.TRUE;
        LocalDate today = clock.today();
        return devices.loans(overdueOnly, schoolCode, size).stream()
                .map(a -> LoanView.of(a, today))
                .toList();
    }

    /** The values a boolean parameter takes. */
    private enum Flag {
        TRUE,
        FALSE
    }
}
