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
import org.district.lossreport.service.ReportQuery;
import org.district.lossreport.service.ReportRequest;
import org.district.lossreport.service.ReportUpdateRequest;
import org.district.lossreport.service.Submission;
import org.district.lossreport.service.WriteOffRequest;
import org.district.support.limits.RateLimited;
import org.district.support.openapi.Paged;
import org.district.support.openapi.PathId;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Roles;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Loss and theft reports over HTTP. Staff report the devices they hold, supervisors also those of their people, IT any
 * device; each reads the reports they are entitled to (others answer 404, as if they did not exist). IT moves reports
 * through their lifecycle.
 */
@Path("/api/v1/loss-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Loss reports",
        description = "Loss and theft reports of district devices: staff, supervisors and IT file them, IT moves them"
                + " through their lifecycle (OPEN, then RECOVERED or WRITTEN_OFF), auditors read them.")
@PathId(value = "The report's id (a UUID; anything else answers 404)", example = "8d2f4b7a-5c1e-4f3a-b6d9-0e7c1a2b3c4d")
public class LossReportResource {

    @Inject
    LossReportService reports;

    @Inject
    ReportAccess access;

    /** The rate limit of each person's new reports (district.rate-limit.reports). */
    public static final String REPORTS = "reports";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.IT_ADMIN})
    @RateLimited(REPORTS)
    @Operation(
            operationId = "reportLoss",
            summary = "Report a device lost or stolen",
            description = "Staff report the devices they hold, supervisors also those of the people they supervise, IT"
                    + " any device. Name the device by asset tag or serial number. A theft must say whether the police"
                    + " were notified; without a case number the report owes one and the reporter is reminded. Send an"
                    + " Idempotency-Key to make retries safe: the same key and body return the first answer (201 again,"
                    + " with Idempotent-Replayed: true), the same key with another body is refused (422). 404 for a"
                    + " device that is not yours to report; 409 naming the open report when the device already has"
                    + " one. Each caller may file a limited number of reports per minute (429 beyond it).")
    @APIResponse(
            responseCode = "201",
            description = "The report was filed (or, for a retry with the same Idempotency-Key and body, the report"
                    + " the first attempt filed)",
            headers = {
                @Header(
                        name = "Location",
                        description = "The report's address",
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        format = "uri-reference",
                                        example = "/api/v1/loss-reports/8d2f4b7a-5c1e-4f3a-b6d9-0e7c1a2b3c4d")),
                @Header(
                        name = "Idempotent-Replayed",
                        description = "Present (true) only when this answers a retry of an earlier request with the"
                                + " same Idempotency-Key",
                        schema = @Schema(type = SchemaType.STRING, enumeration = "true", example = "true"))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LossReportView.class)))
    @APIResponse(
            responseCode = "404",
            description = "The asset tag or serial number names no device the caller may report (unknown, or not"
                    + " theirs); the field is named in errors[]")
    @APIResponse(
            responseCode = "409",
            description = "The device already has an open report (named in the detail), or it is in a state that"
                    + " cannot be reported lost or stolen")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used for a different report")
    @APIResponse(
            responseCode = "429",
            description = "The caller filed too many reports in a short time; nothing was saved")
    @RequestBody(required = true)
    public Response report(
            @Parameter(
                            name = Idempotency.HEADER,
                            in = ParameterIn.HEADER,
                            description = "Makes retries safe: any unique value per report, for example a UUID; 1 to"
                                    + " 128 visible ASCII characters. Remembered for 7"
                                    + " days.",
                            example = "c1a7e3b2-4d5f-4a6b-8c9d-0e1f2a3b4c5d",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            minLength = 1,
                                            maxLength = 128,
                                            pattern = "^[!-~]+$"))
                    @HeaderParam(Idempotency.HEADER)
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
            operationId = "listLossReports",
            summary = "List reports",
            description = "Newest first. IT and auditors see every report; staff see the reports they filed or whose"
                    + " device they hold; supervisors also those of the people they supervise. Filters are optional"
                    + " and combine; dates are in the district's time zone and inclusive; device narrows to one"
                    + " device's reports. Paged: pass nextCursor back as cursor for the next page (absent on the last"
                    + " page). The contact phone is shown only on the caller's own reports (all of them for IT and"
                    + " auditors); the history is not listed.")
    @Paged(
            name = "LossReportPage",
            description = "One page of loss reports, newest first.",
            cursorExample = "MTc3MjQ4MzkwMC4wfDhkMmY0YjdhLTVjMWUtNGYzYS1iNmQ5LTBlN2MxYTJiM2M0ZA")
    @APIResponse(
            responseCode = "200",
            description = "One page of reports, newest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = LossReportView.class)))
    public PageView<LossReportView> list(@BeanParam ReportSearch search, @BeanParam PageParams page) {
        ParamCheck check = new ParamCheck();
        ReportQuery query = check.get(search::query);
        int size = page.size(check);
        return reports.search(query, page.cursor(), size).map(r -> view(r, null));
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "getLossReportSummary",
            summary = "Open reports",
            description = "For IT and auditors: how many reports are open: in all, lost, stolen, and thefts still"
                    + " owing a police case number.")
    @APIResponse(responseCode = "200", description = "The counts of open reports")
    public LossReportSummaryView summary() {
        long[] counts = reports.openCounts();
        return new LossReportSummaryView(counts[0], counts[1], counts[2], counts[3]);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "getLossReport",
            summary = "Read a report",
            description = "Anyone who may see the report: IT and auditors any (and they also see its history), staff"
                    + " the reports they filed or whose device they hold, supervisors also those of the people they"
                    + " supervise. A report the caller may not see answers 404, as if it did not exist. The contact"
                    + " phone is shown only to the reporter, IT and auditors.")
    @APIResponse(responseCode = "200", description = "The report")
    public LossReportView get(@PathParam("id") String id) {
        LossReport r = reports.get(Params.pathId("loss report", id));
        return view(r, access.seesEverything() ? reports.entries(r.id) : null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "updateLossReport",
            summary = "Change an open report",
            description = "IT only. Reclassify it (kind), add police details or a note; absent fields stay as they"
                    + " are, at least one must be given. A police case number stops the reminders; reclassifying a"
                    + " lost device as stolen without a case number starts them. Each change publishes"
                    + " LossReportUpdated. Takes application/json or application/merge-patch+json.")
    @APIResponse(responseCode = "200", description = "The report as changed")
    @APIResponse(
            responseCode = "409",
            description = "The report is already closed (RECOVERED or WRITTEN_OFF) and can no longer change")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ReportUpdateRequest.class)),
                @Content(
                        mediaType = "application/merge-patch+json",
                        schema = @Schema(implementation = ReportUpdateRequest.class))
            })
    public LossReportView update(@PathParam("id") String id, ReportUpdateRequest update) {
        return view(reports.update(Params.pathId("loss report", id), update), null);
    }

    @POST
    @Path("/{id}/police-report")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.IT_ADMIN})
    @Operation(
            operationId = "recordPoliceReport",
            summary = "Record the police report",
            description = "The reporter or IT records the police agency and case number of an open report; the"
                    + " reminders stop and LossReportUpdated is published. Others who may read the report (the holder,"
                    + " a supervisor) are refused with 403; those who may not see it get 404. Recording it again"
                    + " replaces the agency and case number.")
    @APIResponse(responseCode = "200", description = "The report with its police report")
    @APIResponse(
            responseCode = "403",
            description = "The caller may see the report but is neither its reporter nor IT, or the caller's roles do"
                    + " not admit this operation")
    @APIResponse(
            responseCode = "409",
            description = "The report is already closed (RECOVERED or WRITTEN_OFF) and can no longer change")
    @RequestBody(required = true)
    public LossReportView policeReport(@PathParam("id") String id, PoliceReportRequest report) {
        return view(reports.recordPoliceReport(Params.pathId("loss report", id), report), null);
    }

    @POST
    @Path("/{id}/recovery")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "recoverLossReport",
            summary = "Close a report: the device was found",
            description = "IT only. Closes an open report as RECOVERED and publishes LossReportRecovered; inventory"
                    + " moves the device to RECOVERED (then QUARANTINED when it holds sensitive data). The body is"
                    + " optional: without recoveredAt the device was found now. Not idempotent: a second call answers"
                    + " 409.")
    @APIResponse(responseCode = "200", description = "The report, now RECOVERED")
    @APIResponse(
            responseCode = "409",
            description = "The report is already closed (RECOVERED or WRITTEN_OFF) and can no longer change")
    @RequestBody(required = false)
    public LossReportView recover(@PathParam("id") String id, RecoveryRequest recovery) {
        return view(reports.recover(Params.pathId("loss report", id), recovery), null);
    }

    @POST
    @Path("/{id}/write-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "writeOffLossReport",
            summary = "Close a report: the device is written off",
            description = "IT only. Closes an open report as WRITTEN_OFF, records the cost owed for damage or"
                    + " replacement and publishes LossReportWrittenOff. Not idempotent: a second call answers 409.")
    @APIResponse(responseCode = "200", description = "The report, now WRITTEN_OFF, with the cost owed")
    @APIResponse(
            responseCode = "409",
            description = "The report is already closed (RECOVERED or WRITTEN_OFF) and can no longer change")
    @RequestBody(required = true)
    public LossReportView writeOff(@PathParam("id") String id, WriteOffRequest writeOff) {
        return view(reports.writeOff(Params.pathId("loss report", id), writeOff), null);
    }

    private LossReportView view(LossReport r, List<LossReportEntry> history) {
        return LossReportView.of(r, access.seesContactPhone(r), history);
    }
}
