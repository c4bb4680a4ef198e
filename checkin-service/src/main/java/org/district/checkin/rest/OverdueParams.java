package org.district.checkin.rest;

import jakarta.ws.rs.QueryParam;
import org.district.checkin.domain.OverdueFilter;
import org.district.checkin.service.DeviceService;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the overdue list, its counts and its export; they combine with AND. */
public class OverdueParams {

    @QueryParam("school")
    @Parameter(description = "Only devices of this school (its code)", example = "LINCOLN-HS")
    @Schema(type = SchemaType.STRING, maxLength = 40)
    String school;

    @QueryParam("type")
    @Parameter(description = "Only devices of this type (case-insensitive)", example = "LAPTOP")
    @Schema(
            type = SchemaType.STRING,
            enumeration = {"LAPTOP", "CHROMEBOOK", "DESKTOP", "TABLET", "MESSAGING_DEVICE", "SMARTPHONE", "OTHER"})
    String type;

    /** A person id or a district id. */
    @QueryParam("assignee")
    @Parameter(description = "Only devices held by this person: their inventory id or district id", example = "E10442")
    @Schema(type = SchemaType.STRING, maxLength = 40)
    String assignee;

    @QueryParam("status")
    @Parameter(
            description = "Only devices in this inventory status, one of those the overdue list tracks"
                    + " (district.overdue.tracked-statuses; ASSIGNED, IN_STOCK and RECOVERED by default, all of them"
                    + " when absent); another is refused",
            example = "ASSIGNED")
    @Schema(
            type = SchemaType.STRING,
            enumeration = {
                "IN_STOCK",
                "ASSIGNED",
                "LOST",
                "STOLEN",
                "RECOVERED",
                "QUARANTINED",
                "IN_REPAIR",
                "RETIRED",
                "WRITTEN_OFF"
            })
    String status;

    /** The filter they ask for; a parameter that is not valid is refused (400) naming it. */
    OverdueFilter filter(DeviceService devices) {
        ParamCheck check = new ParamCheck();
        String schoolCode = check.get(() -> Params.text("school", school, 40));
        DeviceType deviceType = check.get(() -> Params.enumValue("type", type, DeviceType.class));
        var statuses = check.get(() -> devices.trackedStatuses(Params.enumValue("status", status, DeviceStatus.class)));
        String assigneeText = check.get(() -> Params.text("assignee", assignee, 40));
        check.done();
        return devices.overdueFilter(schoolCode, deviceType, assigneeText, statuses);
    }
}
