package org.district.console.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.district.console.api.Views.LossReport;
import org.district.console.api.Views.LossReportSummary;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** loss-report-service's API, as the signed-in person. */
@RegisterRestClient(configKey = "loss-report")
@RegisterClientHeaders(SignedInToken.class)
@Path("/api/v1/loss-reports")
@Produces(MediaType.APPLICATION_JSON)
public interface LossReportApi {

    @GET
    Page<LossReport> reports(
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("school") String school,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/summary")
    LossReportSummary summary();

    @GET
    @Path("/{id}")
    LossReport report(@PathParam("id") UUID id);
}
