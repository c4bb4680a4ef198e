package org.district.support.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The addresses of the pages around signing out that a service used to show, which now live in the IT console: each
 * is sent on for good (301) to the console's page of the same name. A service whose pages moved extends this with its
 * own {@code @Path("/")} resource, which names the console's address and adds its other moved pages. Anyone may follow
 * them: the console asks people to sign in itself.
 */
@PermitAll
public abstract class MovedSignOutPages {

    /** The console's address, as the service's settings give it. */
    protected abstract ConsoleLinks links();

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

    /** 301 to the console's page at {@code consolePath}. */
    protected Response movedTo(String consolePath) {
        return MovedToConsole.movedTo(links(), consolePath);
    }
}
