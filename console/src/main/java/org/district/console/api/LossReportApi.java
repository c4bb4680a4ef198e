package org.district.console.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.district.console.api.Views.LossReport;
import org.district.console.api.Views.LossReportSummary;
import org.district.console.api.Views.NewReport;
import org.district.console.api.Views.PoliceReport;
import org.district.console.api.Views.Recovery;
import org.district.console.api.Views.ReportDetail;
import org.district.console.api.Views.WriteOff;
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

    /** A device's reports of one status (its open report: status OPEN). */
    @GET
    Page<LossReport> reportsOf(@QueryParam("device") UUID device, @QueryParam("status") String status);

    /** Files a report as the signed-in person; the key makes a resubmitted form file it once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    LossReport file(@HeaderParam("Idempotency-Key") String idempotencyKey, NewReport report);

    @POST
    @Path("/{id}/police-report")
    @Consumes(MediaType.APPLICATION_JSON)
    LossReport policeReport(@PathParam("id") UUID id, PoliceReport report);

    @GET
    @Path("/summary")
    LossReportSummary summary();

    @GET
    @Path("/{id}")
    LossReport report(@PathParam("id") UUID id);

    @GET
    @Path("/{id}")
    ReportDetail detail(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/recovery")
    @Consumes(MediaType.APPLICATION_JSON)
    LossReport recover(@PathParam("id") UUID id, Recovery recovery);

    @POST
    @Path("/{id}/write-off")
    @Consumes(MediaType.APPLICATION_JSON)
    LossReport writeOff(@PathParam("id") UUID id, WriteOff writeOff);
}
