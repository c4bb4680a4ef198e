package org.district.checkin.rest;

import jakarta.ws.rs.QueryParam;
import org.district.checkin.domain.ReturnTaskFilter;
import org.district.checkin.entity.ReturnTask;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the return-task list, as a resource method's {@code @BeanParam}; all optional, ANDed. */
public class ReturnTaskSearch {

    @QueryParam("status")
    @Parameter(description = "One status or several, comma-separated: OPEN, OVERDUE, RETURNED, CLOSED")
    String status;

    @QueryParam("school")
    @Parameter(description = "School code, at most 40 characters")
    String school;

    @QueryParam("dueFrom")
    @Parameter(description = "Due on or after this day (YYYY-MM-DD)")
    String dueFrom;

    @QueryParam("dueTo")
    @Parameter(description = "Due on or before this day (YYYY-MM-DD), not before dueFrom")
    String dueTo;

    @QueryParam("person")
    @Parameter(description = "The person id whose devices are due back")
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
