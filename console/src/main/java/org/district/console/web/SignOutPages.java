package org.district.console.web;

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

/**
 * The pages around signing out. Signing out itself is a POST of the header's "Sign out" form to /sign-out, which the
 * sign-in layer ends (here and at the identity provider) once service-support's SignOutGuard has seen the form's token;
 * any other way to /sign-out is sent to the confirm page, whose button signs out.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignOutPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(Chrome chrome);

        static native TemplateInstance signedOut();
    }

    @Inject
    Pages pages;

    @GET
    @Path("/confirm-sign-out")
    @Authenticated
    public Response confirm() {
        return DevicePages.html(Templates.confirm(pages.chrome("")));
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
