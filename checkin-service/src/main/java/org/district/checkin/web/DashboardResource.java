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
import org.district.support.problem.ProblemException;
import org.district.support.problem.ProblemMappers;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.Params;
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
public class DashboardResource {

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
    public Response show(@QueryParam("school") String school) {
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
    public Response returned(@PathParam("id") String id, @FormParam("school") String school) {
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
