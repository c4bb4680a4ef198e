package org.district.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.district.inventory.service.AssignmentRequest;
import org.district.inventory.service.DeviceMove;
import org.district.inventory.service.DeviceService;
import org.district.inventory.service.ReplacementRequest;
import org.district.inventory.service.ReturnRequest;
import org.district.inventory.service.SanitizationRequest;
import org.district.inventory.service.StatusChangeRequest;
import org.district.support.openapi.PathId;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A device's lifecycle over HTTP: the moves it allows now, who held it, and the moves themselves (assignment,
 * replacement, return, a change of status, sanitization). Every move is IT staff's; the rules live in {@link
 * DeviceService}, which records each move in the device's history and publishes it.
 */
@Path("/api/v1/devices/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.IT_ADMIN)
@Tag(name = "Devices")
@PathId(value = "The device's id", example = ApiExamples.DEVICE_ID)
public class DeviceLifecycleResource {

    @Inject
    DeviceService devices;

    @Inject
    Caller caller;

    @GET
    @Path("/moves")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listDeviceMoves",
            summary = "What may be done with a device now",
            description = "IT staff and auditors. Each status the lifecycle lets the device move to now, with the"
                    + " operation that makes the move: ASSIGN (POST .../assignment), RETURN (POST .../return), SANITIZE"
                    + " (POST .../sanitization) or CHANGE_STATUS (POST .../status). Empty for a retired device.")
    @APIResponse(responseCode = "200", description = "The moves allowed now (possibly none)")
    public List<DeviceMove> moves(@PathParam("id") String id) {
        return devices.moves(device(id));
    }

    @GET
    @Path("/assignments")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listDeviceAssignments",
            summary = "Who held a device, and when",
            description = "IT staff and auditors. Every assignment period of the device, the current one included"
                    + " (without an end).")
    @APIResponse(responseCode = "200", description = "The assignment periods (possibly none)")
    public List<AssignmentView> assignments(@PathParam("id") String id) {
        return devices.assignmentsOf(device(id)).stream()
                .map(AssignmentView::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/assignment")
    @Operation(
            operationId = "assignDevice",
            summary = "Assign a device to a person",
            description = "IT staff. Only IN_STOCK district devices; the person (by personId or personDistrictId)"
                    + " must be active and have acknowledged the Acceptable Use Policy within the last 365 days (409"
                    + " otherwise). The device becomes ASSIGNED. With dueOn it is a loaner: listed under GET"
                    + " /api/v1/loans, and its holder is reminded before and on the due date and IT after it. Not"
                    + " idempotent: assigning it again answers 409.")
    @APIResponse(responseCode = "200", description = "The device, now ASSIGNED")
    @APIResponse(
            responseCode = "409",
            description = "The device is personal or not IN_STOCK (for example quarantined, so it must be sanitized"
                    + " first), or the person has departed or has no current Acceptable Use Policy acknowledgement")
    public DeviceView assign(@PathParam("id") String id, @Valid @NotNull AssignmentRequest request) {
        return DeviceView.full(devices.assign(device(id), request, caller.actor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/replacement")
    @Operation(
            operationId = "issueReplacement",
            summary = "Issue a replacement for a lost or stolen device",
            description = "IT staff. In one step, the person who held the LOST or STOLEN device {id} is assigned the"
                    + " replacement device (by deviceId or assetTag), under the same rules as any assignment; with"
                    + " dueOn it is a loaner. Both devices' histories record it. The lost device stays as it is"
                    + " until its report is closed. Not idempotent: the replacement is then ASSIGNED, so a second"
                    + " call answers 409.")
    @APIResponse(responseCode = "200", description = "The replacement device, now ASSIGNED to the lost device's holder")
    @APIResponse(
            responseCode = "409",
            description = "The device is not LOST or STOLEN or had no holder, or the replacement cannot be assigned"
                    + " (not IN_STOCK, personal, or the holder has departed or has no current Acceptable Use Policy"
                    + " acknowledgement)")
    public DeviceView issueReplacement(
            @PathParam("id")
                    @Parameter(
                            description = "The lost or stolen device's id",
                            example = ApiExamples.DEVICE_ID,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    String id,
            @Valid @NotNull ReplacementRequest request) {
        return DeviceView.full(devices.replace(device(id), request, caller.actor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/return")
    @Operation(
            operationId = "returnDevice",
            summary = "Take a device back from its holder",
            description = "IT staff. The assignment ends and the device goes to IN_STOCK, or to QUARANTINED when it"
                    + " holds sensitive data. The body (a note) is optional. Not idempotent: a device no longer"
                    + " assigned answers 409.")
    @APIResponse(responseCode = "200", description = "The device, now IN_STOCK or QUARANTINED")
    @APIResponse(responseCode = "409", description = "The device is personal (retire it instead) or is not ASSIGNED")
    public DeviceView takeBack(
            @PathParam("id") String id,
            @RequestBody(
                            required = false,
                            description = "Optional: a note for the device's history",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ReturnRequest.class)))
                    @Valid
                    ReturnRequest request) {
        return DeviceView.full(devices.takeBack(device(id), request, caller.actor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/status")
    @Operation(
            operationId = "changeDeviceStatus",
            summary = "Move a device to another status",
            description = "IT staff. Repair, retirement, or a manual loss, recovery or write-off record (costOwed only"
                    + " with WRITTEN_OFF). A recovered device holding sensitive data goes on to QUARANTINED. Illegal"
                    + " moves answer 409 naming the allowed ones; assignment, return and sanitization have their own"
                    + " operations (409 pointing to them).")
    @APIResponse(responseCode = "200", description = "The device in its new status")
    @APIResponse(
            responseCode = "409",
            description = "The lifecycle does not allow this move now (the device is already in that status, the"
                    + " move is illegal, or it is made by assignment, return or sanitization instead)")
    public DeviceView changeStatus(@PathParam("id") String id, @Valid @NotNull StatusChangeRequest change) {
        return DeviceView.full(devices.changeStatus(device(id), change, caller.actor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/sanitization")
    @Operation(
            operationId = "sanitizeDevice",
            summary = "Record that a quarantined device was sanitized",
            description = "IT staff. QUARANTINED to IN_STOCK, recording how the data was sanitized. Not idempotent: a"
                    + " device no longer quarantined answers 409.")
    @APIResponse(responseCode = "200", description = "The device, now IN_STOCK")
    @APIResponse(responseCode = "409", description = "The device is not QUARANTINED")
    public DeviceView sanitize(@PathParam("id") String id, @Valid @NotNull SanitizationRequest sanitization) {
        return DeviceView.full(devices.sanitize(device(id), sanitization, caller.actor()));
    }

    private static UUID device(String id) {
        return Params.pathId("device", id);
    }
}
