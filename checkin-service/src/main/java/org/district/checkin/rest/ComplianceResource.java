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
import org.district.support.paging.Cursors;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Roles;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Devices whose latest check-in fails the district's security baseline, with the reasons. */
@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
public class ComplianceResource {

    @Inject
    DeviceService devices;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "Non-compliant devices",
            description = "Each with the reasons its latest check-in fails the baseline (OS version, patch age,"
                    + " antivirus, password protection, disk encryption). Filters school and type; ordered by device"
                    + " id.")
    public PageView<NonCompliantDeviceView> nonCompliant(
            @QueryParam("school") String school, @QueryParam("type") String type, @BeanParam PageParams page) {
        int size = page.size();
        String schoolCode = Params.text("school", school, 40);
        DeviceType deviceType = Params.enumValue("type", type, DeviceType.class);
        return PageView.of(
                devices.nonCompliant(schoolCode, deviceType, page.afterId(), size),
                size,
                NonCompliantDeviceView::of,
                d -> Cursors.encode(d.id));
    }
}
