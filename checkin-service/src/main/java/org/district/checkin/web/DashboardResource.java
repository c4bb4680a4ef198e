package org.district.checkin.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import org.district.support.domain.InvalidException;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.BrowserSession;
import org.district.support.web.Params;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The IT dashboard, rendered on the server (no JavaScript): counts at the top, then overdue devices, non-compliant
 * devices, lost devices seen and open return tasks, each filterable by school. IT_ADMIN may act (receive a returned
 * device); AUDITOR only reads. Browsers without a valid sign-in are sent to the sign-in page.
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView view);
    }

    @Inject
    DashboardService dashboards;

    @Inject
    ReturnTaskService tasks;

    @Inject
    Caller caller;

    @Inject
    BrowserSession session;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    public Response show(
            @QueryParam("school") String school, @CookieParam(BrowserSession.CSRF_COOKIE) String csrfCookie) {
        String schoolCode;
        try {
            schoolCode = Params.text("school", school, 40);
        } catch (InvalidException e) {
            schoolCode = null;
        }
        String csrf = session.csrfToken(csrfCookie);
        DashboardView view = DashboardView.of(
                dashboards.load(schoolCode), schoolCode, caller.actor(), caller.is(Roles.IT_ADMIN), csrf);
        return Response.ok(Templates.dashboard(view))
                .cookie(session.csrfCookie(csrf))
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/return-tasks/{id}/returned")
    @RolesAllowed(Roles.IT_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response returned(
            @PathParam("id") String id,
            @FormParam(BrowserSession.CSRF_FIELD) String csrf,
            @FormParam("school") String school,
            @CookieParam(BrowserSession.CSRF_COOKIE) String csrfCookie) {
        if (!session.csrfMatches(csrfCookie, csrf)) {
            return Response.status(403)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("The form expired; reload the dashboard and try again.")
                    .build();
        }
        tasks.markReturned(Params.pathId("return task", id), "Received at the IT desk.", caller.actor());
        String back = school == null || school.isBlank()
                ? "/dashboard"
                : "/dashboard?school=" + URLEncoder.encode(school.trim(), StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(back)).build();
    }

    /** A browser that is not signed in (or whose sign-in expired) goes to the sign-in page. */
    @ServerExceptionMapper
    public Response signInFirst(UnauthorizedException e) {
        return Response.seeOther(URI.create("/sign-in")).build();
    }

    @ServerExceptionMapper
    public Response signInAgain(AuthenticationFailedException e) {
        return Response.seeOther(URI.create("/sign-in")).build();
    }

    @ServerExceptionMapper
    public Response notForYou(ForbiddenException e) {
        return Response.status(403)
                .type(MediaType.TEXT_PLAIN)
                .entity("The dashboard is for IT staff and auditors.")
                .build();
    }
}
