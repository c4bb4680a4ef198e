package org.district.lossreport.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.district.lossreport.entity.LossReport;
import org.district.lossreport.entity.LossReportEntry;
import org.district.lossreport.service.Idempotency;
import org.district.lossreport.service.LossReportService;
import org.district.lossreport.service.PoliceReportRequest;
import org.district.lossreport.service.RecoveryRequest;
import org.district.lossreport.service.ReportAccess;
import org.district.lossreport.service.ReportRequest;
import org.district.lossreport.service.ReportUpdateRequest;
import org.district.lossreport.service.Submission;
import org.district.lossreport.service.WriteOffRequest;
import org.district.support.limits.RateLimited;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Roles;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Loss and theft reports over HTTP. Staff report the devices they hold, supervisors also those of their people, IT any
 * device; each reads the reports they are entitled to (others answer 404, as if they did not exist). IT moves reports
 * through their lifecycle.
 */
@Path("/api/v1/loss-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loss reports")
public class LossReportResource {

    @Inject
    LossReportService reports;

    @Inject
    ReportAccess access;

    /** The rate limit of each person's new reports (district.rate-limit.reports), by the API and the web form. */
    public static final String REPORTS = "reports";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.IT_ADMIN})
    @RateLimited(REPORTS)
    @Operation(
            summary = "Report a device lost or stolen",
            description = "Name the device by asset tag or serial number. A theft must say whether the police were"
                    + " notified; without a case number the report owes one and the reporter is reminded. Send an"
                    + " Idempotency-Key to make retries safe: the same key and body return the first answer, the same"
                    + " key with another body is refused (422). 404 for a device that is not yours to report; 409"
                    + " naming the open report when the device already has one.")
    public Response report(
            @Parameter(description = "Any unique value per report, for example a UUID") @HeaderParam(Idempotency.HEADER)
                    String idempotencyKey,
            ReportRequest request) {
        Submission submission = reports.report(request, idempotencyKey);
        LossReport r = submission.report();
        Response.ResponseBuilder answer = Response.created(URI.create("/api/v1/loss-reports/" + r.id))
                .type(MediaType.APPLICATION_JSON)
                .entity(view(r, null));
        if (submission.replayed()) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "List reports",
            description = "Newest first. IT and auditors see every report; staff see the reports they filed or whose"
                    + " device they hold; supervisors also those of the people they supervise. Dates are in the"
                    + " district's time zone and inclusive; device narrows to one device's reports.")
    public PageView<LossReportView> list(@BeanParam ReportSearch search, @BeanParam PageParams page) {
        int size = page.size();
        return reports.search(search.query(), page.cursor(), size).map(r -> view(r, null));
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "Open reports",
            description = "How many reports are open: in all, lost, stolen, and thefts still owing a police case"
                    + " number.")
    public LossReportSummaryView summary() {
        long[] counts = reports.openCounts();
        return new LossReportSummaryView(counts[0], counts[1], counts[2], counts[3]);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Read a report", description = "IT and auditors also see its history.")
    public LossReportView get(@PathParam("id") String id) {
        LossReport r = reports.get(Params.pathId("loss report", id));
        return view(r, access.seesEverything() ? reports.entries(r.id) : null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Change an open report",
            description = "Reclassify it (kind), add police details or a note; absent fields stay as they are. Each"
                    + " change publishes LossReportUpdated.")
    public LossReportView update(@PathParam("id") String id, ReportUpdateRequest update) {
        return view(reports.update(Params.pathId("loss report", id), update), null);
    }

    @POST
    @Path("/{id}/police-report")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.IT_ADMIN})
    @Operation(
            summary = "Record the police report",
            description = "The reporter or IT records the police agency and case number; reminders stop.")
    public LossReportView policeReport(@PathParam("id") String id, PoliceReportRequest report) {
        return view(reports.recordPoliceReport(Params.pathId("loss report", id), report), null);
    }

    @POST
    @Path("/{id}/recovery")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Close a report: the device was found",
            description = "Publishes LossReportRecovered; inventory moves the device to RECOVERED (then QUARANTINED"
                    + " when it holds sensitive data).")
    public LossReportView recover(@PathParam("id") String id, RecoveryRequest recovery) {
        return view(reports.recover(Params.pathId("loss report", id), recovery), null);
    }

    @POST
    @Path("/{id}/write-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Close a report: the device is written off",
            description = "Records the cost owed for damage or replacement and publishes LossReportWrittenOff.")
    public LossReportView writeOff(@PathParam("id") String id, WriteOffRequest writeOff) {
        return view(reports.writeOff(Params.pathId("loss report", id), writeOff), null);
    }

    private LossReportView view(LossReport r, List<LossReportEntry> history) {
        return LossReportView.of(r, access.seesContactPhone(r), history);
    }
}
