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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pages around signing out of the dashboard. Signing out itself is a POST of the dashboard's "Sign out" form to
 * /sign-out, which the sign-in layer ends (here and at the identity provider) once service-support's SignOutGuard has
 * seen the form's token; any other way to /sign-out (a link, another site's form) is sent to the confirm page, whose
 * button signs out. The identity provider then sends the browser to the signed-out page.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages", description = DashboardResource.TAG)
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
    @Operation(
            operationId = "showSignOutConfirmation",
            summary = "Confirm signing out",
            description = "For anyone signed in to the pages. Where a sign-out that did not come from the dashboard's"
                    + " own form is sent: a page whose button (a form with the CSRF token, posted to /sign-out) signs"
                    + " out here and at the identity provider. Never cached.")
    @APIResponse(
            responseCode = "200",
            description = "The confirmation page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response confirm() {
        return Response.ok(Templates.confirm(caller.actor(), csrf.getToken()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    @Operation(
            operationId = "showSignedOut",
            summary = "Signed out",
            description = "Open to anyone: where the identity provider sends the browser after signing out, with a"
                    + " link to sign in again.")
    @APIResponse(
            responseCode = "200",
            description = "The signed-out page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
