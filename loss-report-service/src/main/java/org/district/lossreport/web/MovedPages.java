package org.district.lossreport.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.district.lossreport.config.LinkSettings;
import org.district.support.web.ConsoleLinks;
import org.district.support.web.MovedSignOutPages;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The addresses of the pages this service used to show people (the report form, a report's page, signing out), which
 * now live in the IT console. A bookmark, or the link in an older message, is sent on for good (301 Moved
 * Permanently) to the console's page that took its place: the report form to the person's devices, where each device
 * has its "report lost or stolen" button; a report's page to the console's page of that report (which takes IT to the
 * report, the reporter to their reports, the holder and their supervisor to the device). Anyone may follow them: the
 * console asks people to sign in itself. Nothing of the request reaches the new address but a report's id, read as one.
 */
@Path("/")
@PermitAll
public class MovedPages extends MovedSignOutPages {

    @Inject
    LinkSettings links;

    @GET
    @Operation(hidden = true)
    public Response home() {
        return movedTo("/devices");
    }

    @GET
    @Path("/report-loss")
    @Operation(hidden = true)
    public Response reportForm() {
        return movedTo("/devices");
    }

    @GET
    @Path("/reports/{id}")
    @Operation(hidden = true)
    public Response report(@PathParam("id") String id) {
        // The console's page of the report opens for whoever follows the link what they may see of it.
        return reportId(id).map(report -> movedTo("/loss-reports/" + report)).orElseGet(() -> movedTo("/my-reports"));
    }

    private static Optional<UUID> reportId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @Override
    protected ConsoleLinks links() {
        return links;
    }
}
