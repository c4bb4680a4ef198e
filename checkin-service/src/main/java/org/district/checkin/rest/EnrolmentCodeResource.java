package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.district.checkin.service.EnrolmentService;
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

/** Enrolment by one-time code: IT creates a device's code, to type into the device's agent. */
@Path("/api/v1/devices/{id}/enrolment-code")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices", description = DeviceResource.TAG)
@PathId(value = DeviceResource.DEVICE_ID, example = DeviceResource.DEVICE_ID_EXAMPLE)
public class EnrolmentCodeResource {

    @Inject
    EnrolmentService enrolments;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "createEnrolmentCode",
            summary = "Create a one-time enrolment code for a device",
            description = "A code to type into the device's agent (device-agent enrol CODE), which exchanges it for"
                    + " the device's credential. Valid once, for district.checkin.credentials.enrolment-code-ttl (8"
                    + " hours unless configured); creating another makes the earlier unused one stop working. The"
                    + " answer is the only copy of the code. 404 for an unknown device, 409 for a retired or"
                    + " written-off one and for a personal device that is not approved. For IT; not idempotent: every"
                    + " call creates a new code.")
    @APIResponse(
            responseCode = "201",
            description = "Created; the answer is the only copy of the code",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EnrolmentCodeView.class)))
    @APIResponse(responseCode = "409", description = DeviceCredentialResource.OUT_OF_SERVICE)
    @SecretAnswer
    public Response createCode(@PathParam("id") String id) {
        EnrolmentService.Created created = enrolments.createCode(Params.pathId("device", id), caller.actor());
        return Response.status(Response.Status.CREATED)
                .entity(EnrolmentCodeView.of(created))
                .build();
    }
}
