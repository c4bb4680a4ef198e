package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.district.checkin.service.DeviceCredentialService;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Enrolment: IT issues, inspects and revokes a device's credential for its agent's check-ins. */
@Path("/api/v1/devices/{id}/credential")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
public class DeviceCredentialResource {

    @Inject
    DeviceCredentialService credentials;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Issue a device credential (enrolment)",
            description = "Creates the credential the device's agent sends as 'Authorization: Device <credential>'."
                    + " The answer is the only copy of the secret (only its SHA-256 is stored); install it on the"
                    + " device. Issuing again replaces the earlier credential, which stops working at once. 404 for"
                    + " an unknown device, 409 for a retired or written-off one.")
    public Response issue(@PathParam("id") String id) {
        DeviceCredentialService.Issued issued = credentials.issue(Params.pathId("device", id), caller.actor());
        return EnrolmentResource.noStore(
                Response.status(Response.Status.CREATED).entity(IssuedDeviceCredentialView.of(issued)));
    }

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "Whether a device has a credential",
            description = "When and by whom it was issued; never the secret or its hash.")
    public DeviceCredentialView status(@PathParam("id") String id) {
        return DeviceCredentialView.of(credentials.status(Params.pathId("device", id)));
    }

    @DELETE
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "Revoke a device credential",
            description = "The device's agent can no longer check in with it (at once, on every replica). 404 when"
                    + " the device has none.")
    public Response revoke(@PathParam("id") String id) {
        credentials.revoke(Params.pathId("device", id), caller.actor());
        return Response.noContent().build();
    }
}
