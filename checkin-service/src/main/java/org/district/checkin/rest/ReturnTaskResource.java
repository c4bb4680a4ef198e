package org.district.checkin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.district.checkin.ReturnTask;
import org.district.checkin.repository.ReturnTaskFilter;
import org.district.checkin.service.ReturnTaskService;
import org.district.support.problem.Params;
import org.district.support.problem.ProblemException;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Devices departing people must return: the list for IT and HR, and IT receiving a device. */
@Path("/api/v1/return-tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Return on departure")
public class ReturnTaskResource {

    @Inject
    ReturnTaskService tasks;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR, Roles.AUDITOR})
    @Operation(
            summary = "Return tasks",
            description = "Filters: status (comma-separated OPEN, OVERDUE, RETURNED, CLOSED), school, due date range"
                    + " (dueFrom, dueTo, inclusive), person. Ordered by due date.")
    public PageView<Views.Task> search(
            @QueryParam("status") String status,
            @QueryParam("school") String school,
            @QueryParam("dueFrom") String dueFrom,
            @QueryParam("dueTo") String dueTo,
            @QueryParam("person") String person,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        int size = Params.intInRange("limit", limit, 1, DeviceResource.MAX_LIMIT, 50);
        LocalDate from = Params.date("dueFrom", dueFrom);
        LocalDate to = Params.date("dueTo", dueTo);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalidField("dueTo", "must not be before dueFrom.");
        }
        ReturnTaskFilter filter = new ReturnTaskFilter(
                statuses(status), Params.text("school", school, 40), from, to, Params.uuid("person", person));
        Cursors.DateAndId after = Cursors.dateAndId(cursor);
        List<ReturnTask> rows =
                tasks.search(filter, after == null ? null : after.date(), after == null ? null : after.id(), size);
        boolean more = rows.size() > size;
        List<ReturnTask> page = more ? rows.subList(0, size) : rows;
        ReturnTask last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new PageView<>(
                page.stream().map(Views.Task::ofTask).toList(),
                size,
                more ? Cursors.encode(last.dueOn, last.id) : null);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR, Roles.AUDITOR})
    @Operation(summary = "A return task")
    public Views.Task get(@PathParam("id") String id) {
        return Views.Task.ofTask(tasks.get(Params.pathId("return task", id)));
    }

    @POST
    @Path("/{id}/returned")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            summary = "IT received the device",
            description = "The task becomes RETURNED and inventory moves the device to QUARANTINED (sensitive data) or"
                    + " IN_STOCK. Receiving it again changes nothing.")
    public Views.Task returned(@PathParam("id") String id, @Valid Requests.ReturnedRequest request) {
        return Views.Task.ofTask(tasks.markReturned(
                Params.pathId("return task", id), request == null ? null : request.note(), caller.actor()));
    }

    private static Set<ReturnTask.Status> statuses(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Set<ReturnTask.Status> set = EnumSet.noneOf(ReturnTask.Status.class);
        for (String part : raw.split(",")) {
            if (!part.isBlank()) {
                set.add(Params.enumValue("status", part, ReturnTask.Status.class));
            }
        }
        return set;
    }
}
