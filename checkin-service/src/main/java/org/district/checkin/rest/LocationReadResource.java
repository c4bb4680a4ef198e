package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.district.checkin.LocationRead;
import org.district.checkin.service.LocationService;
import org.district.support.problem.Params;
import org.district.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The record of who read which device's locations, and when. */
@Path("/api/v1/location-reads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
public class LocationReadResource {

    @Inject
    LocationService locations;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Location reads", description = "Newest first; filter by device.")
    public PageView<Views.LocationReadEntry> reads(
            @QueryParam("device") String device,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        int size = Params.intInRange("limit", limit, 1, DeviceResource.MAX_LIMIT, 50);
        List<LocationRead> rows = locations.reads(Params.uuid("device", device), Cursors.number(cursor), size);
        boolean more = rows.size() > size;
        List<LocationRead> page = more ? rows.subList(0, size) : rows;
        return new PageView<>(
                page.stream().map(Views.LocationReadEntry::of).toList(),
                size,
                more ? Cursors.encode(Long.toString(page.get(page.size() - 1).id)) : null);
    }
}
