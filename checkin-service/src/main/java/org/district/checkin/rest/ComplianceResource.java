package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.district.checkin.service.DeviceService;
import org.district.contracts.inventory.DeviceType;
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

/** Devices whose latest check-in fails the district's security baseline, with the reasons. */
@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance", description = "Devices whose latest check-in fails the district's security baseline")
public class ComplianceResource {

    @Inject
    DeviceService devices;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listNonCompliantDevices",
            summary = "Non-compliant devices",
            description = "For IT and auditors. Each device with the reasons its latest check-in fails the baseline (OS"
                    + " version, patch age, antivirus, password protection, disk encryption). Filters school and type"
                    + " combine with AND; ordered by device id, paged with limit and cursor. Read only.")
    @Paged(
            name = "NonCompliantDevicePage",
            description = "One page of non-compliant devices, in device id order",
            cursorExample = "MjAyNi0wOS0wN3wzZjljMWU1Mi03YTRiLTRkMmUtOWI2MS0wYzhhNWU3ZDJmMTQ")
    @APIResponse(
            responseCode = "200",
            description = "One page of non-compliant devices",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = NonCompliantDeviceView.class)))
    public PageView<NonCompliantDeviceView> nonCompliant(
            @Parameter(
                            description = "Only devices of this school (its code, at most 40 characters)",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40),
                            example = "LINCOLN-HS")
                    @QueryParam("school")
                    String school,
            @Parameter(
                            description = "Only devices of this type (case does not matter)",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "LAPTOP",
                                                "CHROMEBOOK",
                                                "DESKTOP",
                                                "TABLET",
                                                "MESSAGING_DEVICE",
                                                "SMARTPHONE",
                                                "OTHER"
                                            }),
                            example = "LAPTOP")
                    @QueryParam("type")
                    String type,
            @BeanParam PageParams page) {
        ParamCheck check = new ParamCheck();
        String schoolCode = check.get(() -> Params.text("school", school, 40));
        DeviceType deviceType = check.get(() -> Params.enumValue("type", type, DeviceType.class));
        int size = page.size(check);
        return PageView.of(
                devices.nonCompliant(schoolCode, deviceType, page.afterId(), size),
                size,
                NonCompliantDeviceView::of,
                d -> Cursors.encode(d.id));
    }
}
