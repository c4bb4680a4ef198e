package org.district.checkin.rest;

import jakarta.ws.rs.QueryParam;
import org.district.checkin.domain.ReturnTaskFilter;
import org.district.checkin.entity.ReturnTask;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the return-task list, as a resource method's {@code @BeanParam}; all optional, ANDed. */
public class ReturnTaskSearch {

    @QueryParam("status")
    @Parameter(
            description =
                    "Only tasks in these states, comma-separated (case-insensitive): OPEN, OVERDUE, RETURNED, CLOSED",
            example = "OPEN,OVERDUE")
    @Schema(type = SchemaType.STRING, maxLength = 200)
    String status;

    @QueryParam("school")
    @Parameter(description = "Only tasks of devices of this school (its code)", example = "LINCOLN-HS")
    @Schema(type = SchemaType.STRING, maxLength = 40)
    String school;

    @QueryParam("dueFrom")
    @Parameter(description = "Due on or after this day", example = "2026-09-01")
    @Schema(type = SchemaType.STRING, format = "date")
    String dueFrom;

    @QueryParam("dueTo")
    @Parameter(description = "Due on or before this day; not before dueFrom", example = "2026-09-30")
    @Schema(type = SchemaType.STRING, format = "date")
    String dueTo;

    @QueryParam("person")
    @Parameter(
            description = "Only the tasks of this person (their inventory id)",
            example = "3f2b6c1e-8d4a-4b7f-9e21-5c6d7a8b9c0d")
    @Schema(type = SchemaType.STRING, format = "uuid")
    String person;

    /** The filter, with every bad parameter named at once. */
    ReturnTaskFilter filter() {
        ParamCheck check = new ParamCheck();
        var statuses = check.get(() -> Params.enumSet("status", status, ReturnTask.Status.class));
        String schoolCode = check.get(() -> Params.text("school", school, 40));
        Params.DateRange due = check.get(() -> Params.dateRange("dueFrom", dueFrom, "dueTo", dueTo));
        var personId = check.get(() -> Params.uuid("person", person));
        check.done();
        return new ReturnTaskFilter(statuses, schoolCode, due.from(), due.to(), personId);
    }
}
