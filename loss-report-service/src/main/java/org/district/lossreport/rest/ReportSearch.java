package org.district.lossreport.rest;

import jakarta.ws.rs.QueryParam;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportStatus;
import org.district.lossreport.service.ReportQuery;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the loss-report list, as a resource method's {@code @BeanParam}; all optional, ANDed. */
public class ReportSearch {

    @QueryParam("status")
    @Parameter(description = "Only reports in this state (case-insensitive)", example = "OPEN")
    @Schema(
            type = SchemaType.STRING,
            enumeration = {"OPEN", "RECOVERED", "WRITTEN_OFF"})
    String status;

    @QueryParam("kind")
    @Parameter(description = "Only lost, or only stolen, devices (case-insensitive)", example = "STOLEN")
    @Schema(
            type = SchemaType.STRING,
            enumeration = {"LOST", "STOLEN"})
    String kind;

    @QueryParam("school")
    @Parameter(description = "Only reports of devices of this school (its code)", example = "LINCOLN-HS")
    @Schema(type = SchemaType.STRING, maxLength = 40)
    String school;

    @QueryParam("from")
    @Parameter(description = "Reported on or after this day (the district's zone)", example = "2026-09-01")
    @Schema(type = SchemaType.STRING, format = "date")
    String from;

    @QueryParam("to")
    @Parameter(
            description = "Reported on or before this day (the district's zone); not before from",
            example = "2026-09-30")
    @Schema(type = SchemaType.STRING, format = "date")
    String to;

    @QueryParam("device")
    @Parameter(
            description = "Only the reports of this device (its inventory id)",
            example = "3f2b6c1e-8d4a-4b7f-9e21-5c6d7a8b9c0d")
    @Schema(type = SchemaType.STRING, format = "uuid")
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
