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
import org.district.support.problem.ProblemException;
import org.district.support.problem.ProblemMappers;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.time.DistrictClock;
import org.district.support.web.Correlation;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
@Tag(name = "Web form")
public class WebPages {

    private static final Logger LOG = Logger.getLogger(WebPages.class);
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
            summary = "Confirm signing out",
            description = "Where a sign-out that did not come from a page's button is sent; its button signs out.")
    public Response confirmSignOut() {
        return page(200, Templates.signOut(new SignOutPage(header())));
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    @Operation(
            summary = "Signed out",
            description = "Where signing out (POST /sign-out, which also ends the identity provider's session) lands.")
    public Response signedOut() {
        return page(200, Templates.signedOut(new SignedOutPage(PageHeader.anonymous())));
    }

    // ---------------------------------------------------------------- the report form

    @GET
    @Path("/report-loss")
    @Authenticated
    @Operation(summary = "The loss report form")
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
    @Operation(summary = "File a loss report from the form", description = "Redirects to the report's page.")
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
    @Operation(summary = "A report's page", description = "The confirmation after filing, and the link in messages.")
    public Response reportPage(@PathParam("id") String id, @QueryParam("filed") String filed) {
        LossReport r = reports.get(Params.pathId("loss report", id));
        return page(200, Templates.report(reportPage(r, "true".equals(filed), "", "", Map.of())));
    }

    @POST
    @Path("/reports/{id}/police-report")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Add the police case number from the report's page")
    public Response policeReport(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
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
