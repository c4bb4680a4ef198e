package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.district.checkin.Device;
import org.district.checkin.repository.DeviceRepository;
import org.district.contracts.inventory.DeviceType;
import org.district.support.problem.Params;
import org.district.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Devices whose latest check-in fails the district's security baseline, with the reasons. */
@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
public class ComplianceResource {

    @Inject
    DeviceRepository devices;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "Non-compliant devices",
            description = "Each with the reasons its latest check-in fails the baseline (OS version, patch age,"
                    + " antivirus, password protection, disk encryption). Filters school and type; ordered by device"
                    + " id.")
    public PageView<Views.NonCompliantDevice> nonCompliant(
            @QueryParam("school") String school,
            @QueryParam("type") String type,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        int size = Params.intInRange("limit", limit, 1, DeviceResource.MAX_LIMIT, 50);
        String schoolCode = Params.text("school", school, 40);
        DeviceType deviceType = Params.enumValue("type", type, DeviceType.class);
        UUID after = Cursors.id(cursor);
        List<Device> rows = devices.nonCompliant(schoolCode, deviceType, after, size);
        boolean more = rows.size() > size;
        List<Device> page = more ? rows.subList(0, size) : rows;
        return new PageView<>(
                page.stream().map(Views.NonCompliantDevice::ofDevice).toList(),
                size,
                more ? Cursors.encode(page.get(page.size() - 1).id.toString()) : null);
    }
}
