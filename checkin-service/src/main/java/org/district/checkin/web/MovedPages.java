package org.district.checkin.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.district.checkin.config.LinkSettings;
import org.district.support.web.ConsoleLinks;
import org.district.support.web.MovedSignOutPages;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The addresses of the pages this service used to show IT (the dashboard, and the pages around signing out), which now
 * live in the IT console. A bookmark is sent on for good (301 Moved Permanently) to the console's page that took its
 * place: the dashboard to the console's home page, which has its counts and lists. Anyone may follow them: the console
 * asks people to sign in itself. Each address leads to one fixed page of the console, whatever the request carries.
 */
@Path("/")
@PermitAll
public class MovedPages extends MovedSignOutPages {

    @Inject
    LinkSettings links;

    @GET
    @Path("/dashboard")
    @Operation(hidden = true)
    public Response dashboard() {
        return movedTo("/");
    }

    @Override
    protected ConsoleLinks links() {
        return links;
    }
}
