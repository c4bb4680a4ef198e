package org.district.checkin.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.district.support.security.Caller;

/**
 * The pages around signing out of the dashboard. Signing out itself is a POST of the dashboard's "Sign out" form to
 * /sign-out, which the sign-in layer ends (here and at the identity provider) once service-support's SignOutGuard has
 * seen the form's token; any other way to /sign-out (a link, another site's form) is sent to the confirm page, whose
 * button signs out. The identity provider then sends the browser to the signed-out page.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignOutPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String signedInAs, String csrfToken);

        static native TemplateInstance signedOut();
    }

    @Inject
    Caller caller;

    @Inject
    CsrfTokenParameterProvider csrf;

    @GET
    @Path("/confirm-sign-out")
    @Authenticated
    public Response confirm() {
        return Response.ok(Templates.confirm(caller.actor(), csrf.getToken()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
