package org.district.checkin.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.district.checkin.service.EnrolmentRequest;
import org.district.checkin.service.EnrolmentService;
import org.district.support.web.SecretAnswer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Enrolment by one-time code: the device's agent exchanges the code IT created for the device's credential. */
@Path("/api/v1/enrolments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices", description = DeviceResource.TAG)
public class EnrolmentResource {

    /** The rate limit of code exchanges, per network address (the caller has no identity yet). */
    static final String LIMIT = "enrolments";

    /** The endpoint where a code is exchanged: each call is counted against the caller's network. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface CodeExchange {}

    @Inject
    EnrolmentService enrolments;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(
            operationId = "enrolDevice",
            summary = "Enrol a device with its one-time code",
            description = "For the device's agent, which has no credential yet: exchanges the code for the device's"
                    + " credential (sent as 'Authorization: Device <credential>' from then on), which replaces any"
                    + " earlier one. 400 for a code that is not one, 409 enrolment-code-used or"
                    + " enrolment-code-expired, 429 beyond the rate limit of the caller's network address. Open to"
                    + " anyone (no credential): the code is the proof. A code works once, so repeating the request"
                    + " answers 409.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EnrolmentRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Enrolled; the answer is the only copy of the device's credential",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IssuedDeviceCredentialView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The code was already used (enrolment-code-used) or has expired (enrolment-code-expired):"
                    + " ask IT for a new one; or the device was retired or written off meanwhile"
                    + " (device-out-of-service), or it is a personal device whose principal's approval is not (or no"
                    + " longer) in force (personal-device-not-approved)")
    @APIResponse(
            responseCode = "429",
            description = "Too many enrolment attempts from this network address; try again after Retry-After")
    @SecretAnswer
    @CodeExchange
    public Response enrol(@Valid @NotNull EnrolmentRequest request) {
        // The caller's network was counted before the body was read (EnrolmentLimitFilter).
        return Response.status(Response.Status.CREATED)
                .entity(IssuedDeviceCredentialView.forDevice(enrolments.enrol(request.code())))
                .build();
    }
}
