package org.district.lossreport.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
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
import java.util.UUID;
import java.util.regex.Pattern;
import org.district.contracts.lossreport.LossKind;
import org.district.lossreport.entity.KnownDevice;
import org.district.lossreport.entity.LossReport;
import org.district.lossreport.service.LossReportService;
import org.district.lossreport.service.PoliceReportRequest;
import org.district.lossreport.service.ReportAccess;
import org.district.lossreport.service.Submission;
import org.district.support.domain.FieldViolation;
import org.district.support.problem.ProblemException;
import org.district.support.problem.ProblemMappers;
import org.district.support.security.Roles;
import org.district.support.time.DistrictClock;
import org.district.support.web.BrowserSession;
import org.district.support.web.Correlation;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The server-rendered pages a person uses from a phone: sign in with a token, report a lost or stolen device, see the
 * confirmation and the report, add the police case number. Works without JavaScript. The form goes through the same
 * service method as the REST API, so the rules are identical; every error is shown as a page, never as a stack trace.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Web form")
public class WebPages {

    private static final Logger LOG = Logger.getLogger(WebPages.class);
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final Pattern SAFE_NEXT = Pattern.compile("/[A-Za-z0-9/_?=&.-]{0,200}");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int MAX_TOKEN = 8192;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(SignInPage v);

        static native TemplateInstance reportForm(FormPage v);

        static native TemplateInstance report(ReportPage v);

        static native TemplateInstance error(ErrorPage v);
    }

    @Inject
    BrowserSession session;

    @Inject
    LossReportService reports;

    @Inject
    ReportAccess access;

    @Inject
    DistrictClock clock;

    @Inject
    JWTParser parser;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(hidden = true)
    public Response home() {
        return redirect("/report-loss");
    }

    // ---------------------------------------------------------------- signing in and out

    @GET
    @Path("/sign-in")
    @Operation(summary = "The sign-in page", description = "Paste a token to sign in to the web form.")
    public Response signInPage(@QueryParam("next") String next) {
        String csrf = csrfToken();
        return page(
                200, Templates.signIn(new SignInPage(header(csrf), safeNext(next), null)), session.csrfCookie(csrf));
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign in with a token", description = "Stores the token in an HttpOnly, SameSite cookie.")
    public Response signIn(MultivaluedMap<String, String> form) {
        String csrf = csrfToken();
        String next = safeNext(form.getFirst("next"));
        if (!csrfMatches(form)) {
            return expiredForm();
        }
        String token =
                form.getFirst("token") == null ? "" : form.getFirst("token").trim();
        if (token.startsWith("Bearer ")) {
            token = token.substring("Bearer ".length()).trim();
        }
        String error = null;
        long expires = 0;
        if (token.isEmpty()) {
            error = "Paste your sign-in token.";
        } else if (token.length() > MAX_TOKEN) {
            error = "This is not a sign-in token: it is far too long.";
        } else {
            try {
                expires = parser.parse(token).getExpirationTime();
            } catch (ParseException e) {
                error = "This token is not valid here, or it has expired. Ask IT for a new one.";
            }
        }
        if (error != null) {
            return page(400, Templates.signIn(new SignInPage(header(csrf), next, error)), session.csrfCookie(csrf));
        }
        int maxAge = (int)
                Math.max(60, Math.min(Integer.MAX_VALUE, expires - Instant.now().getEpochSecond()));
        return Response.seeOther(URI.create(next))
                .cookie(session.tokenCookie(token, maxAge), session.csrfCookie(csrf))
                .build();
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out", description = "Clears the sign-in cookie.")
    public Response signOut(MultivaluedMap<String, String> form) {
        if (!csrfMatches(form)) {
            return expiredForm();
        }
        return Response.seeOther(URI.create("/sign-in"))
                .cookie(session.clearToken())
                .build();
    }

    // ---------------------------------------------------------------- the report form

    @GET
    @Path("/report-loss")
    @Operation(summary = "The loss report form")
    public Response reportForm() {
        Response refused = refuseUnlessReporter("/report-loss");
        if (refused != null) {
            return refused;
        }
        String csrf = csrfToken();
        ReportForm form = new ReportForm();
        form.idempotencyKey = UUID.randomUUID().toString();
        List<DeviceChoice> devices = devices();
        devices.stream().filter(DeviceChoice::reportable).findFirst().ifPresent(d -> form.device = d.assetTag());
        return page(200, Templates.reportForm(formPage(csrf, form, devices, Map.of(), null)), session.csrfCookie(csrf));
    }

    @POST
    @Path("/report-loss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "File a loss report from the form", description = "Redirects to the report's page.")
    public Response submit(MultivaluedMap<String, String> fields) {
        Response refused = refuseUnlessReporter("/report-loss");
        if (refused != null) {
            return refused;
        }
        String csrf = csrfToken();
        if (!csrfMatches(fields)) {
            return expiredForm();
        }
        ReportForm form = ReportForm.from(fields);
        if (form.idempotencyKey.isBlank()) {
            form.idempotencyKey = UUID.randomUUID().toString();
        }
        ReportForm.Parsed parsed = form.toRequest(clock.zone());
        List<FieldViolation> errors = new ArrayList<>(parsed.errors());
        errors.addAll(reports.problemsWith(parsed.request()));
        if (!errors.isEmpty()) {
            return page(400, Templates.reportForm(formPage(csrf, form, devices(), byField(errors), null)), null);
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
            return page(
                    problem.status(), Templates.reportForm(formPage(csrf, form, devices(), byField, general)), null);
        }
    }

    // ---------------------------------------------------------------- a report's page

    @GET
    @Path("/reports/{id}")
    @Operation(summary = "A report's page", description = "The confirmation after filing, and the link in messages.")
    public Response reportPage(@PathParam("id") String id, @QueryParam("filed") String filed) {
        Response refused = refuseUnlessSignedIn("/reports/" + safeId(id));
        if (refused != null) {
            return refused;
        }
        String csrf = csrfToken();
        LossReport r = reports.get(Params.pathId("loss report", id));
        return page(
                200,
                Templates.report(reportPage(csrf, r, "true".equals(filed), "", "", Map.of())),
                session.csrfCookie(csrf));
    }

    @POST
    @Path("/reports/{id}/police-report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Add the police case number from the report's page")
    public Response policeReport(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Response refused = refuseUnlessSignedIn("/reports/" + safeId(id));
        if (refused != null) {
            return refused;
        }
        String csrf = csrfToken();
        if (!csrfMatches(fields)) {
            return expiredForm();
        }
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
            return page(
                    400,
                    Templates.report(reportPage(csrf, r, false, agency, caseNumber, byField(problem.errors()))),
                    null);
        }
    }

    // ---------------------------------------------------------------- errors as pages

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return errorPage(e.status(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return redirectToSignIn("/report-loss");
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return redirectToSignIn("/report-loss");
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

    private Response refuseUnlessSignedIn(String back) {
        if (session.subject().isEmpty()) {
            return redirectToSignIn(back);
        }
        return null;
    }

    private Response refuseUnlessReporter(String back) {
        Response refused = refuseUnlessSignedIn(back);
        if (refused != null) {
            return refused;
        }
        if (!session.is(Roles.STAFF) && !session.is(Roles.SUPERVISOR) && !session.is(Roles.IT_ADMIN)) {
            return errorPage(403, "Not allowed", "Your role does not allow reporting devices. Ask IT for help.");
        }
        return null;
    }

    private Response redirectToSignIn(String back) {
        Response.ResponseBuilder answer = Response.seeOther(URI.create("/sign-in?next=" + back));
        if (headers.getCookies().containsKey(BrowserSession.TOKEN_COOKIE)) {
            answer.cookie(session.clearToken());
        }
        return answer.build();
    }

    private Response expiredForm() {
        String csrf = csrfToken();
        return page(
                403,
                Templates.error(new ErrorPage(
                        header(csrf),
                        403,
                        "The form has expired",
                        "This form was not sent from this site or is too old. Open it again and send it once more.",
                        Correlation.current())),
                session.csrfCookie(csrf));
    }

    private Response errorPage(int status, String title, String message) {
        String csrf = csrfToken();
        return page(
                status,
                Templates.error(new ErrorPage(header(csrf), status, title, message, Correlation.current())),
                session.csrfCookie(csrf));
    }

    private PageHeader header(String csrf) {
        return new PageHeader(session.subject().orElse(null), csrf);
    }

    /** This browser's CSRF token: the one its cookie holds, or a new one to set with the page. */
    private String csrfToken() {
        return session.csrfToken(cookie(BrowserSession.CSRF_COOKIE));
    }

    /** The value of a cookie the browser sent; null when it sent none. */
    private String cookie(String name) {
        Cookie cookie = headers.getCookies().get(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Whether a form repeated this browser's CSRF token. */
    private boolean csrfMatches(MultivaluedMap<String, String> form) {
        return session.csrfMatches(cookie(BrowserSession.CSRF_COOKIE), form.getFirst(BrowserSession.CSRF_FIELD));
    }

    private FormPage formPage(
            String csrf, ReportForm form, List<DeviceChoice> devices, Map<String, String> errors, String general) {
        String max = MINUTES.format(LocalDateTime.ofInstant(clock.now(), clock.zone()));
        return new FormPage(
                header(csrf), form, devices, errors, general, clock.zone().toString(), max);
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
            String csrf, LossReport r, boolean filed, String agency, String caseNumber, Map<String, String> errors) {
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
                header(csrf),
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

    private static String safeNext(String next) {
        if (next == null || !SAFE_NEXT.matcher(next).matches() || next.startsWith("//")) {
            return "/report-loss";
        }
        return next;
    }

    private static String safeId(String id) {
        return id != null && id.matches("[0-9a-fA-F-]{1,36}") ? id : "";
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

    private static Response page(int status, TemplateInstance template, NewCookie cookie) {
        Response.ResponseBuilder answer = Response.status(status).type(HTML).entity(template.render());
        answer.header("Cache-Control", "no-store");
        answer.header("X-Frame-Options", "DENY");
        answer.header("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; form-action 'self'");
        if (cookie != null) {
            answer.cookie(cookie);
        }
        return answer.build();
    }
}
