package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.district.checkin.service.LocationService;
import org.district.support.openapi.Paged;
import org.district.support.paging.Cursors;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Roles;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The record of who read which device's locations, and when. */
@Path("/api/v1/location-reads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices", description = DeviceResource.TAG)
public class LocationReadResource {

    @Inject
    LocationService locations;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listLocationReads",
            summary = "Location reads",
            description = "For IT and auditors. The record of who read which missing device's locations, and when;"
                    + " newest first, optionally of one device, paged with limit and cursor. Read only.")
    @Paged(
            name = "LocationReadPage",
            description = "One page of recorded location reads, newest first",
            cursorExample = "MTI4Nw")
    @APIResponse(
            responseCode = "200",
            description = "One page of location reads",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = LocationReadView.class)))
    public PageView<LocationReadView> reads(
            @Parameter(
                            description = "Only reads of this device (its id, a UUID)",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"),
                            example = DeviceResource.DEVICE_ID_EXAMPLE)
                    @QueryParam("device")
                    String device,
            @BeanParam PageParams page) {
        ParamCheck check = new ParamCheck();
        UUID deviceId = check.get(() -> Params.uuid("device", device));
        int size = page.size(check);
        return PageView.of(
                locations.reads(deviceId, page.afterNumber(), size),
                size,
                LocationReadView::of,
                r -> Cursors.encode(r.id));
    }
}
