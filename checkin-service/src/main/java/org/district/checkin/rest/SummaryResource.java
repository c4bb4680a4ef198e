package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.district.checkin.service.DashboardService;
import org.district.support.security.Roles;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The counts of IT's start page, from check-ins. */
@Path("/api/v1/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Summary")
public class SummaryResource {

    @Inject
    DashboardService dashboard;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "What needs attention",
            description = "Counts of devices overdue for check-in, not compliant, lost and seen lately, and of open and"
                    + " overdue return tasks, of one school or of all; overdue and not compliant by school.")
    public SummaryView summary(@QueryParam("school") String school) {
        return SummaryView.of(dashboard.summary(Params.text("school", school, 40)));
    }
}
