package org.district.lossreport.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.district.contracts.lossreport.LossKind;
import org.district.lossreport.entity.KnownDevice;
import org.district.lossreport.entity.LossReport;
import org.district.lossreport.rest.LossReportResource;
import org.district.lossreport.service.LossReportService;
import org.district.lossreport.service.PoliceReportRequest;
import org.district.lossreport.service.ReportAccess;
import org.district.lossreport.service.Submission;
import org.district.support.domain.FieldViolation;
import org.district.support.limits.RateLimits;
import org.district.support.openapi.ApiContract;
import org.district.support.problem.ProblemException;
import org.district.support.problem.ProblemMappers;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.time.DistrictClock;
import org.district.support.web.Correlation;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The server-rendered pages a person uses from a phone: report a lost or stolen device, see the confirmation and the
 * report, add the police case number, sign out. Works without JavaScript. Signing in is the district's identity
 * provider's (the code flow of the "web" tenant sends a person without a session to its sign-in page and back); every
 * form carries the CSRF token (quarkus-rest-csrf checks it before the form is read). The form goes through the same
 * service method as the REST API, so the rules are identical; every error is shown as a page, never as a stack trace.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(
        name = "Web form",
        description = "The server-rendered pages a person uses from a phone, signed in through the district's identity"
                + " provider: report a lost or stolen device, see the report, add the police case number, sign out."
                + " Every answer is an HTML page (never stored: Cache-Control no-store), errors included.")
public class WebPages {

    private static final Logger LOG = Logger.getLogger(WebPages.class);
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The problem details that service-support answers on the pages' form posts before a page could be rendered. */
    private static final String PROBLEM_JSON = "application/problem+json";

    private static final String CROSS_ORIGIN_EXAMPLE = "{\"type\": \"urn:district:problem:cross-origin-request\","
            + " \"title\": \"Forbidden\", \"status\": 403, \"detail\": \"Changes are accepted only from this"
            + " service's own pages. Reload the page and try again.\", \"instance\": \"/report-loss\","
            + " \"correlationId\": \"5f0c2a9e-8b1d-4c3a-a7e2-61d94b0f3c25\"}";

    private static final String TOO_LARGE_EXAMPLE = "{\"type\": \"urn:district:problem:payload-too-large\","
            + " \"title\": \"Request body too large\", \"status\": 413, \"detail\": \"The request body is 2097152"
            + " bytes; at most 1048576 bytes are accepted here.\", \"instance\": \"/report-loss\","
            + " \"correlationId\": \"5f0c2a9e-8b1d-4c3a-a7e2-61d94b0f3c25\"}";

    private static final String UNSUPPORTED_EXAMPLE = "{\"type\": \"urn:district:problem:unsupported-media-type\","
            + " \"title\": \"Unsupported Media Type\", \"status\": 415, \"detail\": \"The request body's content"
            + " type is not one this address takes: JSON for the API, the page's own form for a page, CSV for an"
            + " import (the API document names each).\", \"instance\": \"/report-loss\","
            + " \"correlationId\": \"5f0c2a9e-8b1d-4c3a-a7e2-61d94b0f3c25\"}";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reportForm(FormPage v);

        static native TemplateInstance report(ReportPage v);

        static native TemplateInstance error(ErrorPage v);

        static native TemplateInstance signOut(SignOutPage v);

        static native TemplateInstance signedOut(SignedOutPage v);
    }

    @Inject
    Caller caller;

    @Inject
    FormTokens tokens;

    @Inject
    LossReportService reports;

    @Inject
    ReportAccess access;

    @Inject
    DistrictClock clock;

    @Inject
    RateLimits limits;

    @Context
    HttpServerRequest request;

    @GET
    @PermitAll
    @Operation(hidden = true)
    public Response home() {
        return redirect("/report-loss");
    }

    // ---------------------------------------------------------------- signing out

    @GET
    @Path("/confirm-sign-out")
    @Authenticated
    @Operation(
            operationId = "confirmSignOut",
            summary = "Confirm signing out",
            description = "For anyone signed in. Where a sign-out that did not come from a page's button is sent; the"
                    + " page's button signs out (POST /sign-out).")
    @APIResponse(
            responseCode = "200",
            description = "The page asking to confirm signing out",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response confirmSignOut() {
        return page(200, Templates.signOut(new SignOutPage(header())));
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    @Operation(
            operationId = "showSignedOut",
            summary = "Signed out",
            description = "Open to anyone, no sign-in needed. Where signing out (POST /sign-out, which also ends the"
                    + " identity provider's session) lands.")
    @APIResponse(
            responseCode = "200",
            description = "The signed-out page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response signedOut() {
        return page(200, Templates.signedOut(new SignedOutPage(PageHeader.anonymous())));
    }

    // ---------------------------------------------------------------- the report form

    @GET
    @Path("/report-loss")
    @Authenticated
    @Operation(
            operationId = "showReportForm",
            summary = "The loss report form",
            description = "For staff, supervisors and IT signed in to the pages; others (auditors, HR) get a page"
                    + " saying they may not report devices. Lists the caller's devices (those with an open report"
                    + " cannot be chosen) and carries a new idempotency key and the CSRF token.")
    @APIResponse(
            responseCode = "200",
            description = "The empty report form",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "403",
            description = "The caller's role does not allow reporting devices",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response reportForm() {
        Response refused = refuseUnlessReporter();
        if (refused != null) {
            return refused;
        }
        ReportForm form = new ReportForm();
        form.idempotencyKey = UUID.randomUUID().toString();
        List<DeviceChoice> devices = devices();
        devices.stream().filter(DeviceChoice::reportable).findFirst().ifPresent(d -> form.device = d.assetTag());
        return page(200, Templates.reportForm(formPage(form, devices, Map.of(), null)));
    }

    @POST
    @Path("/report-loss")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(
            operationId = "submitReportForm",
            summary = "File a loss report from the form",
            description = "For staff, supervisors and IT signed in to the pages; the same rules as the API's"
                    + " reportLoss (and the same per-person rate limit). Filed, it redirects to the report's page;"
                    + " sending the same form again (same idempotencyKey) redirects to the same report. Any refusal"
                    + " shows the form again with what was typed and what is wrong, nothing saved. A form without this"
                    + " browser's CSRF token is refused (403).")
    @APIResponse(
            responseCode = "303",
            description = "Filed: to the report's page, which confirms it",
            headers =
                    @Header(
                            name = "Location",
                            description = "The report's page",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            format = "uri-reference",
                                            example = "/reports/8d2f4b7a-5c1e-4f3a-b6d9-0e7c1a2b3c4d?filed=true")))
    @APIResponse(
            responseCode = "400",
            description = "The form again, with every field that is missing or wrong marked",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "403",
            description =
                    "The caller's role does not allow reporting devices, or the form did not carry this browser's CSRF token (nothing saved)",
            content = {
                @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem"), example = CROSS_ORIGIN_EXAMPLE)
            })
    @APIResponse(
            responseCode = "404",
            description = "The form again: the asset tag or serial number names no device of the caller's",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "409",
            description = "The form again: the device already has an open report, or cannot be reported in its state",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "422",
            description = "The form again: this form was already sent as another report; open a new form",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "429",
            description = "Too many reports in a short time; nothing was saved",
            headers = {
                @Header(
                        name = "Retry-After",
                        description = "Seconds to wait before sending another report",
                        schema = @Schema(type = SchemaType.INTEGER, minimum = "0", example = "10"))
            },
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "413",
            description = "The form is larger than the service accepts (problem details, before any page is rendered)",
            content =
                    @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem"), example = TOO_LARGE_EXAMPLE))
    @APIResponse(
            responseCode = "415",
            description = "The body is not a form (application/x-www-form-urlencoded); problem details",
            content =
                    @Content(
                            mediaType = PROBLEM_JSON,
                            schema = @Schema(ref = "Problem"),
                            example = UNSUPPORTED_EXAMPLE))
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema = @Schema(implementation = ReportLossFormFields.class)))
    public Response submit(MultivaluedMap<String, String> fields) {
        Response refused = refuseUnlessReporter();
        if (refused != null) {
            return refused;
        }
        OptionalLong wait = limits.take(LossReportResource.REPORTS, caller.subject());
        if (wait.isPresent()) {
            return Response.fromResponse(errorPage(
                            429,
                            "Too many reports",
                            "You have sent many reports in a short time. Nothing was saved. Try again in "
                                    + wait.getAsLong() + " seconds, or call IT."))
                    .header("Retry-After", wait.getAsLong())
                    .build();
        }
        ReportForm form = ReportForm.from(fields);
        if (form.idempotencyKey.isBlank()) {
            form.idempotencyKey = UUID.randomUUID().toString();
        }
        ReportForm.Parsed parsed = form.toRequest(clock.zone());
        List<FieldViolation> errors = new ArrayList<>(parsed.errors());
        errors.addAll(reports.problemsWith(parsed.request()));
        if (!errors.isEmpty()) {
            return page(400, Templates.reportForm(formPage(form, devices(), byField(errors), null)));
        }
        try {
            Submission s = reports.report(parsed.request(), form.idempotencyKey);
            return redirect("/reports/" + s.report().id + "?filed=true");
        } catch (RuntimeException e) {
            ProblemException problem = ProblemMappers.classify(e);
            if (problem == null || problem.status() >= 500) {
                throw e;
            }
            String general = problem.getMessage();
            if (problem.status() == 422) {
                general = "This form was already sent as another report. Open a new form to report another device.";
            }
            Map<String, String> byField = byField(problem.errors());
            return page(problem.status(), Templates.reportForm(formPage(form, devices(), byField, general)));
        }
    }

    // ---------------------------------------------------------------- a report's page

    @GET
    @Path("/reports/{id}")
    @Authenticated
    // A school it does not know, or a hint it cannot read, is ignored: the page shows what it can.
    @Extension(name = ApiContract.LENIENT_PARAMETERS, value = "true")
    @Operation(
            operationId = "showReportPage",
            summary = "A report's page",
            description = "The confirmation after filing, and the link in messages. For anyone signed in who may see"
                    + " the report (as for the API's getLossReport); others get a not-found page. While a theft owes"
                    + " its police case number, the reporter and IT see the form to add it.")
    @APIResponse(
            responseCode = "200",
            description = "The report's page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "404",
            description = "No such report, or none the caller may see",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response reportPage(
            @Parameter(
                            description = "The report's id (a UUID; anything else shows the not-found page)",
                            example = "8d2f4b7a-5c1e-4f3a-b6d9-0e7c1a2b3c4d",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(
                            description = "true right after filing: the page confirms the report was filed; any other"
                                    + " value is ignored",
                            example = "true",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("filed")
                    String filed) {
        LossReport r = reports.get(Params.pathId("loss report", id));
        return page(200, Templates.report(reportPage(r, "true".equals(filed), "", "", Map.of())));
    }

    @POST
    @Path("/reports/{id}/police-report")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(
            operationId = "submitPoliceReportForm",
            summary = "Add the police case number from the report's page",
            description = "For the reporter and IT, signed in to the pages; the same rules as the API's"
                    + " recordPoliceReport. Recorded, it redirects to the report's page; refused for a field, the"
                    + " report's page shows the form again with what is wrong. A form without this browser's CSRF token"
                    + " is refused (403).")
    @APIResponse(
            responseCode = "303",
            description = "Recorded: back to the report's page",
            headers =
                    @Header(
                            name = "Location",
                            description = "The report's page",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            format = "uri-reference",
                                            example = "/reports/8d2f4b7a-5c1e-4f3a-b6d9-0e7c1a2b3c4d")))
    @APIResponse(
            responseCode = "400",
            description = "The report's page again, with the police form's missing or wrong fields marked",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "403",
            description =
                    "The caller may see the report but is neither its reporter nor IT, or the form did not carry this browser's CSRF token (nothing saved)",
            content = {
                @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem"), example = CROSS_ORIGIN_EXAMPLE)
            })
    @APIResponse(
            responseCode = "404",
            description = "No such report, or none the caller may see",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "409",
            description = "The report is closed and can no longer change",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "413",
            description = "The form is larger than the service accepts (problem details, before any page is rendered)",
            content =
                    @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem"), example = TOO_LARGE_EXAMPLE))
    @APIResponse(
            responseCode = "415",
            description = "The body is not a form (application/x-www-form-urlencoded); problem details",
            content =
                    @Content(
                            mediaType = PROBLEM_JSON,
                            schema = @Schema(ref = "Problem"),
                            example = UNSUPPORTED_EXAMPLE))
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema = @Schema(implementation = PoliceReportFormFields.class)))
    public Response policeReport(
            @Parameter(
                            description = "The report's id (a UUID; anything else shows the not-found page)",
                            example = "8d2f4b7a-5c1e-4f3a-b6d9-0e7c1a2b3c4d",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            MultivaluedMap<String, String> fields) {
        UUID reportId = Params.pathId("loss report", id);
        String agency = limited(fields.getFirst("policeAgency"));
        String caseNumber = limited(fields.getFirst("policeCaseNumber"));
        try {
            reports.recordPoliceReport(reportId, new PoliceReportRequest(agency, caseNumber));
            return redirect("/reports/" + reportId);
        } catch (RuntimeException e) {
            ProblemException problem = ProblemMappers.classify(e);
            if (problem == null || problem.status() != 400) {
                throw e;
            }
            LossReport r = reports.get(reportId);
            return page(400, Templates.report(reportPage(r, false, agency, caseNumber, byField(problem.errors()))));
        }
    }

    // ---------------------------------------------------------------- errors as pages

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return errorPage(e.status(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        ProblemException known = ProblemMappers.classify(e);
        if (known != null) {
            return problem(known);
        }
        if (e instanceof jakarta.ws.rs.WebApplicationException web
                && web.getResponse() != null
                && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return errorPage(
                    status, "Request not accepted", "This page could not handle the request (" + status + ").");
        }
        LOG.errorf(e, "Unexpected failure on a web page");
        return errorPage(
                500,
                "Something went wrong",
                "Something went wrong on our side and nothing was saved. Try again, or tell IT and quote the id"
                        + " below.");
    }

    // ---------------------------------------------------------------- helpers

    /** Staff, supervisors and IT report devices; others (auditors, HR) get a page saying so. */
    private Response refuseUnlessReporter() {
        if (!caller.is(Roles.STAFF) && !caller.is(Roles.SUPERVISOR) && !caller.is(Roles.IT_ADMIN)) {
            return errorPage(403, "Not allowed", "Your role does not allow reporting devices. Ask IT for help.");
        }
        return null;
    }

    private Response errorPage(int status, String title, String message) {
        return page(status, Templates.error(new ErrorPage(header(), status, title, message, Correlation.current())));
    }

    private PageHeader header() {
        return new PageHeader(caller.subject(), tokens.current(request));
    }

    private FormPage formPage(ReportForm form, List<DeviceChoice> devices, Map<String, String> errors, String general) {
        String max = MINUTES.format(LocalDateTime.ofInstant(clock.now(), clock.zone()));
        return new FormPage(
                header(), form, devices, errors, general, clock.zone().toString(), max);
    }

    private List<DeviceChoice> devices() {
        List<DeviceChoice> choices = new ArrayList<>();
        for (KnownDevice d : reports.devicesOfCaller()) {
            String open = reports.openReportOf(d.id).map(r -> r.reportNumber).orElse(null);
            choices.add(new DeviceChoice(d.assetTag, d.description(), String.valueOf(d.status), open));
        }
        return choices;
    }

    private ReportPage reportPage(
            LossReport r, boolean filed, String agency, String caseNumber, Map<String, String> errors) {
        String police;
        if (r.policeCaseNumber != null) {
            police = "Notified (" + r.policeAgency + "), case number " + r.policeCaseNumber;
        } else if (r.policeNotified) {
            police = "Notified (" + r.policeAgency + "); case number still owed";
        } else if (r.kind == LossKind.STOLEN) {
            police = "Not notified yet: please report the theft to the police";
        } else {
            police = "Not needed for a lost device";
        }
        return new ReportPage(
                header(),
                r.id.toString(),
                r.reportNumber,
                r.status.name(),
                r.kind.name(),
                r.assetTag,
                r.deviceDescription,
                r.school,
                r.reportedBy,
                shown(r.reportedAt),
                shown(r.lastSeenAt),
                r.lastSeenLocation,
                r.circumstances,
                police,
                r.policeReportOwed,
                r.policeReportOwed && access.mayRecordPoliceReport(r),
                filed,
                agency == null ? "" : agency,
                caseNumber == null ? "" : caseNumber,
                errors);
    }

    private String shown(Instant instant) {
        return instant == null
                ? ""
                : SHOWN.format(instant.truncatedTo(ChronoUnit.MINUTES).atZone(clock.zone())) + " (" + clock.zone()
                        + ")";
    }

    private static Map<String, String> byField(List<FieldViolation> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        for (FieldViolation v : errors) {
            map.merge(v.field(), v.message(), (a, b) -> a + " " + b);
        }
        return map;
    }

    private static String limited(String value) {
        if (value == null) {
            return null;
        }
        return value.length() > ReportForm.MAX_FIELD ? value.substring(0, ReportForm.MAX_FIELD) : value;
    }

    private static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /**
     * A page. Never stored by the browser or a proxy: after signing out, the back button asks the service again and
     * gets the sign-in page, not a copy of what was shown. The security headers come from PageProtection.
     */
    private static Response page(int status, TemplateInstance template) {
        return Response.status(status)
                .type(HTML)
                .header("Cache-Control", "no-store")
                .entity(template.render())
                .build();
    }
}
