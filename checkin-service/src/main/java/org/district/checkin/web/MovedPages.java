package org.district.checkin.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.district.checkin.config.LinkSettings;
import org.district.support.web.MovedToConsole;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The addresses of the pages this service used to show IT (the dashboard, and the pages around signing out), which now
 * live in the IT console. A bookmark is sent on for good (301 Moved Permanently) to the console's page that took its
 * place: the dashboard to the console's home page, which has its counts and lists. Anyone may follow them: the console
 * asks people to sign in itself. Each address leads to one fixed page of the console, whatever the request carries.
 */
@Path("/")
@PermitAll
public class MovedPages {

    @Inject
    LinkSettings links;

    @GET
    @Path("/dashboard")
    @Operation(hidden = true)
    public Response dashboard() {
        return movedTo("/");
    }

    @GET
    @Path("/confirm-sign-out")
    @Operation(hidden = true)
    public Response confirmSignOut() {
        return movedTo("/confirm-sign-out");
    }

    @GET
    @Path("/signed-out")
    @Operation(hidden = true)
    public Response signedOut() {
        return movedTo("/signed-out");
    }

    private Response movedTo(String consolePath) {
        return MovedToConsole.movedTo(links, consolePath);
    }
}
