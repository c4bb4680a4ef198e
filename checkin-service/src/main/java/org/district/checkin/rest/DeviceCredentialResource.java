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
import org.district.support.openapi.PathId;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.Params;
import org.district.support.web.SecretAnswer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Enrolment: IT issues, inspects and revokes a device's credential for its agent's check-ins. */
@Path("/api/v1/devices/{id}/credential")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices", description = DeviceResource.TAG)
@PathId(value = DeviceResource.DEVICE_ID, example = DeviceResource.DEVICE_ID_EXAMPLE)
public class DeviceCredentialResource {

    /** Why a device may not be given a credential or an enrolment code (409). */
    static final String OUT_OF_SERVICE = "The device is retired or written off and no longer checks in"
            + " (device-out-of-service), or it is a personal device whose principal's approval is not in force"
            + " (personal-device-not-approved)";

    @Inject
    DeviceCredentialService credentials;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "issueDeviceCredential",
            summary = "Issue a device credential (enrolment)",
            description = "Creates the credential the device's agent sends as 'Authorization: Device <credential>'."
                    + " The answer is the only copy of the secret (only its SHA-256 is stored); install it on the"
                    + " device. Issuing again replaces the earlier credential, which stops working at once. 404 for"
                    + " an unknown device, 409 for a retired or written-off one and for a personal device that is"
                    + " not approved. For IT; not idempotent: every call issues a new secret.")
    @APIResponse(
            responseCode = "201",
            description = "Issued; the answer is the only copy of the credential",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IssuedDeviceCredentialView.class)))
    @APIResponse(responseCode = "409", description = DeviceCredentialResource.OUT_OF_SERVICE)
    @SecretAnswer
    public Response issue(@PathParam("id") String id) {
        DeviceCredentialService.Issued issued = credentials.issue(Params.pathId("device", id), caller.actor());
        return Response.status(Response.Status.CREATED)
                .entity(IssuedDeviceCredentialView.of(issued))
                .build();
    }

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "getDeviceCredential",
            summary = "Whether a device has a credential",
            description = "For IT and auditors. Whether the device has a credential, and when and by whom it was"
                    + " issued; never the secret or its hash. 404 for a device this service does not know. Read only.")
    @APIResponse(responseCode = "200", description = "The device's credential status")
    public DeviceCredentialView status(@PathParam("id") String id) {
        return DeviceCredentialView.of(credentials.status(Params.pathId("device", id)));
    }

    @DELETE
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "revokeDeviceCredential",
            summary = "Revoke a device credential",
            description = "For IT. The device's agent can no longer check in with it (at once, on every replica). 404"
                    + " when the device is unknown or has no credential (so revoking twice answers 404 the second"
                    + " time).")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") String id) {
        credentials.revoke(Params.pathId("device", id), caller.actor());
        return Response.noContent().build();
    }
}
