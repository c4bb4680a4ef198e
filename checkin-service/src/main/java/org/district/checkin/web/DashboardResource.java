package org.district.checkin.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.district.checkin.service.DashboardService;
import org.district.checkin.service.ReturnTaskService;
import org.district.support.domain.DomainException;
import org.district.support.domain.InvalidException;
import org.district.support.openapi.ApiContract;
import org.district.support.problem.ProblemException;
import org.district.support.problem.ProblemMappers;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The IT dashboard, rendered on the server (no JavaScript): counts at the top, then overdue devices, non-compliant
 * devices, lost devices seen and open return tasks, each filterable by school. IT_ADMIN may act (receive a returned
 * device); AUDITOR only reads. People sign in through the district's identity provider: the session of the code flow is
 * the only sign-in taken here (not a bearer token, not a device credential), a browser without one is sent to the
 * provider's login page, and anyone else signed in gets a page saying the dashboard is not for them. Every form carries
 * the CSRF token (quarkus-rest-csrf checks it before a post reaches this class). A browser without a session, or whose
 * session ended, is sent to the login page by service-support's PageSignIn.
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages", description = DashboardResource.TAG)
public class DashboardResource {

    /** The description of the Pages tag, the same on every class that carries it. */
    static final String TAG = "The IT dashboard and the pages around signing out: HTML for browsers, signed in through"
            + " the district's identity provider";

    /** The dashboard's form that receives a returned device: its CSRF token and the school the page shows. */
    @Schema(name = "ReturnedForm", description = "The dashboard's form that receives a returned device")
    static final class ReturnedForm {
        @Schema(
                name = "csrf-token",
                description = "The CSRF token of the dashboard page the form is on",
                required = true,
                example = "Zk3v9QpL2xR7tYb1Nc8WdA")
        public String csrfToken;

        @Schema(
                description = "The school the dashboard shows, to go back to after the form (optional)",
                example = "LINCOLN-HS")
        public String school;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView view);

        static native TemplateInstance refused(String title, String detail, String signedInAs, String csrfToken);
    }

    @Inject
    DashboardService dashboards;

    @Inject
    ReturnTaskService tasks;

    @Inject
    Caller caller;

    @Inject
    CsrfTokenParameterProvider csrf;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    // A school it does not know, or a hint it cannot read, is ignored: the page shows what it can.
    @Extension(name = ApiContract.LENIENT_PARAMETERS, value = "true")
    @Operation(
            operationId = "showDashboard",
            summary = "The IT dashboard",
            description = "For IT staff and auditors, in a browser session. Counts at the top, then overdue devices,"
                    + " non-compliant devices, lost devices seen and open return tasks, of one school or of all."
                    + " IT_ADMIN also gets the buttons to receive returned devices; AUDITOR only reads. Anyone else"
                    + " signed in gets a page saying the dashboard is not for them (403). Never cached.")
    @APIResponse(
            responseCode = "200",
            description = "The dashboard page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "403",
            description = "Signed in, but neither IT staff nor an auditor: a page saying so",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response show(
            @Parameter(
                            description = "Only this school (its code); a value longer than 40 characters is ignored"
                                    + " and all schools are shown",
                            schema = @Schema(type = SchemaType.STRING),
                            example = "LINCOLN-HS")
                    @QueryParam("school")
                    String school) {
        String schoolCode;
        try {
            schoolCode = Params.text("school", school, 40);
        } catch (InvalidException e) {
            schoolCode = null;
        }
        DashboardView view =
                DashboardView.of(dashboards.load(schoolCode), schoolCode, caller.actor(), caller.is(Roles.IT_ADMIN));
        // Never kept by the browser: after signing out, the back button asks again and gets the sign-in page.
        return Response.ok(Templates.dashboard(view))
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/return-tasks/{id}/returned")
    @RolesAllowed(Roles.IT_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(
            operationId = "receiveReturnedDeviceFromDashboard",
            summary = "IT received a device (dashboard form)",
            description = "For IT staff, from the dashboard's form (with its CSRF token). The return task becomes"
                    + " RETURNED, noted \"Received at the IT desk.\", and the browser is sent back to the dashboard"
                    + " (of the school it showed). Receiving it again changes nothing. Refusals are pages that say"
                    + " what happened.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema = @Schema(implementation = ReturnedForm.class)))
    @APIResponse(
            responseCode = "303",
            description = "Received; back to the dashboard",
            headers =
                    @Header(
                            name = "Location",
                            description = "The dashboard, of the school the form named",
                            schema = @Schema(type = SchemaType.STRING, example = "/dashboard?school=LINCOLN-HS")))
    @APIResponse(
            responseCode = "400",
            description = "The form's CSRF token is missing or not this browser's (a page left open too long): a page"
                    + " saying the form expired; nothing was changed",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "403",
            description = "Signed in, but not IT staff: a page saying so",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "404",
            description = "No such return task: a page saying so",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "409",
            description = "The task was closed meanwhile; there is nothing to receive: a page saying so",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response returned(
            @Parameter(
                            description = "The return task's id (a UUID; anything else is answered 404)",
                            example = "5b8d2f1e-6c3a-4e9b-b7d0-1a4c8e2f6d93")
                    @PathParam("id")
                    String id,
            @FormParam("school") String school) {
        tasks.markReturned(Params.pathId("return task", id), "Received at the IT desk.", caller.actor());
        String back = school == null || school.isBlank()
                ? "/dashboard"
                : "/dashboard?school=" + URLEncoder.encode(school.trim(), StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(back)).build();
    }

    /** Signed in, but neither IT staff nor an auditor. */
    @ServerExceptionMapper
    public Response notForYou(ForbiddenException e) {
        return page(
                        403,
                        "Not for your role",
                        "The IT dashboard is for IT staff and auditors. If you need it, ask district IT for the role.")
                .build();
    }

    /** A form that could not be carried out (a task closed meanwhile, an id that names nothing): said in words. */
    @ServerExceptionMapper
    public Response refused(DomainException e) {
        ProblemException problem = ProblemMappers.problemFor(e);
        Response.ResponseBuilder page = page(problem.status(), problem.title(), problem.getMessage());
        problem.headers().forEach(page::header);
        return page.build();
    }

    private Response.ResponseBuilder page(int status, String title, String detail) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.refused(title, detail, caller.actor(), csrfTokenIfAny()));
    }

    /**
     * The page's CSRF token, when this request has one. A refusal for the role comes before the CSRF filter runs, so
     * such a page has none; its sign-out form works without (signing out is ended by the sign-in layer, which checks
     * the form's Origin, before any form is read).
     */
    private String csrfTokenIfAny() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException none) {
            return null;
        }
    }
}
