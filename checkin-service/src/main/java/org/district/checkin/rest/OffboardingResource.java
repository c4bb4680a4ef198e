package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.district.checkin.service.OffboardingRequest;
import org.district.checkin.service.OffboardingService;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HR starts return on departure for a person (HR systems may publish the same request to Kafka instead). */
@Path("/api/v1/offboardings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Return on departure", description = ReturnTaskResource.TAG)
public class OffboardingResource {

    @Inject
    OffboardingService offboardings;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HR, Roles.IT_ADMIN})
    @Operation(
            operationId = "offboardPerson",
            summary = "Offboard a person",
            description = "Person id or district id, and the last working day. Opens one return task per district"
                    + " device assigned to the person, due on that day; the person and their supervisor are told which"
                    + " devices to return and how. Repeating the request opens nothing twice (a new last working day"
                    + " moves the due date of open tasks that were not escalated). For HR and IT. A person id or"
                    + " district id the district does not know, or two naming different people, is refused (400).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OffboardingRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Recorded; the person's open return tasks (tasksOpened of them new)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OffboardingView.class)))
    public Response offboard(@Valid @NotNull OffboardingRequest request) {
        OffboardingService.Result result = offboardings.offboard(request, caller.actor(), "REST");
        OffboardingView body = new OffboardingView(
                result.offboarding().id,
                result.offboarding().personId,
                result.offboarding().lastWorkingDay,
                result.opened(),
                result.openTasks().stream().map(ReturnTaskView::of).toList());
        return Response.status(201).entity(body).build();
    }
}
