package org.district.lossreport.rest;

import jakarta.ws.rs.QueryParam;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportStatus;
import org.district.lossreport.service.ReportQuery;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the loss-report list, as a resource method's {@code @BeanParam}; all optional, ANDed. */
public class ReportSearch {

    @QueryParam("status")
    @Parameter(description = "The report's status, for example OPEN")
    String status;

    @QueryParam("kind")
    @Parameter(description = "LOST or STOLEN")
    String kind;

    @QueryParam("school")
    @Parameter(description = "The device's school code, at most 40 characters")
    String school;

    @QueryParam("from")
    @Parameter(description = "Reported on or after this district day (YYYY-MM-DD)")
    String from;

    @QueryParam("to")
    @Parameter(description = "Reported on or before this district day (YYYY-MM-DD), not before from")
    String to;

    @QueryParam("device")
    @Parameter(description = "One device's reports: its id")
    String device;

    /** The query, with every bad parameter named at once. */
    ReportQuery query() {
        ParamCheck check = new ParamCheck();
        LossReportStatus reportStatus = check.get(() -> Params.enumValue("status", status, LossReportStatus.class));
        LossKind lossKind = check.get(() -> Params.enumValue("kind", kind, LossKind.class));
        String schoolCode = check.get(() -> Params.text("school", school, 40));
        Params.DateRange reported = check.get(() -> Params.dateRange("from", from, "to", to));
        var deviceId = check.get(() -> Params.uuid("device", device));
        check.done();
        return new ReportQuery(reportStatus, lossKind, schoolCode, reported.from(), reported.to(), deviceId);
    }
}
