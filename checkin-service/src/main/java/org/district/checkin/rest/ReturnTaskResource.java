package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.district.checkin.domain.ReturnTaskFilter;
import org.district.checkin.service.ReturnTaskService;
import org.district.checkin.service.ReturnedRequest;
import org.district.support.openapi.Paged;
import org.district.support.openapi.PathId;
import org.district.support.paging.Cursors;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Devices departing people must return: the list for IT and HR, and IT receiving a device. */
@Path("/api/v1/return-tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Return on departure", description = ReturnTaskResource.TAG)
@PathId(value = ReturnTaskResource.TASK_ID, example = ReturnTaskResource.TASK_ID_EXAMPLE)
public class ReturnTaskResource {

    /** The description of the Return on departure tag, the same on every resource that carries it. */
    static final String TAG = "Devices departing people must return: HR offboarding a person, the return tasks it"
            + " opens, and IT receiving the devices";

    static final String TASK_ID = "The return task's id (a UUID; anything else is answered 404)";
    static final String TASK_ID_EXAMPLE = "5b8d2f1e-6c3a-4e9b-b7d0-1a4c8e2f6d93";

    @Inject
    ReturnTaskService tasks;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR, Roles.AUDITOR})
    @Operation(
            operationId = "listReturnTasks",
            summary = "Return tasks",
            description = "For IT, HR and auditors. Filters: status (comma-separated OPEN, OVERDUE, RETURNED, CLOSED),"
                    + " school, due date range (dueFrom, dueTo, inclusive), person; they combine with AND. Ordered by"
                    + " due date, paged with limit and cursor. Read only.")
    @Paged(
            name = "ReturnTaskPage",
            description = "One page of return tasks, in due-date order",
            cursorExample = "MjAyNi0wOS0wN3wzZjljMWU1Mi03YTRiLTRkMmUtOWI2MS0wYzhhNWU3ZDJmMTQ")
    @APIResponse(
            responseCode = "200",
            description = "One page of return tasks",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ReturnTaskView.class)))
    public PageView<ReturnTaskView> search(@BeanParam ReturnTaskSearch search, @BeanParam PageParams page) {
        ParamCheck check = new ParamCheck();
        ReturnTaskFilter filter = check.get(search::filter);
        int size = page.size(check);
        Cursors.Position after = page.after(2);
        return PageView.of(
                tasks.search(filter, after == null ? null : after.date(0), after == null ? null : after.id(1), size),
                size,
                ReturnTaskView::of,
                t -> Cursors.encode(t.dueOn, t.id));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR, Roles.AUDITOR})
    @Operation(
            operationId = "getReturnTask",
            summary = "A return task",
            description = "For IT, HR and auditors. The task, with how the device is to be returned and where it"
                    + " stands. Read only.")
    @APIResponse(responseCode = "200", description = "The return task")
    public ReturnTaskView get(@PathParam("id") String id) {
        return ReturnTaskView.of(tasks.get(Params.pathId("return task", id)));
    }

    @POST
    @Path("/{id}/returned")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "receiveReturnedDevice",
            summary = "IT received the device",
            description = "For IT. The task becomes RETURNED and inventory moves the device to QUARANTINED (sensitive"
                    + " data) or IN_STOCK. Idempotent: receiving it again changes nothing (the note is kept) and"
                    + " answers the task as it is. The body (a note) is optional. A CLOSED task cannot be received"
                    + " (409).")
    @RequestBody(required = false)
    @APIResponse(responseCode = "200", description = "The task, now RETURNED")
    @APIResponse(
            responseCode = "409",
            description = "The task was closed (the device left the person otherwise); there is nothing to receive"
                    + " (task-closed)")
    public ReturnTaskView returned(@PathParam("id") String id, @Valid ReturnedRequest request) {
        return ReturnTaskView.of(tasks.markReturned(
                Params.pathId("return task", id), request == null ? null : request.note(), caller.actor()));
    }
}
