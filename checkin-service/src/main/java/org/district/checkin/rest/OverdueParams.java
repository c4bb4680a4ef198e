package org.district.checkin.rest;

import jakarta.ws.rs.QueryParam;
import org.district.checkin.domain.OverdueFilter;
import org.district.checkin.service.DeviceService;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.support.web.Params;

/** The filters of the overdue list, its counts and its export; they combine with AND. */
public class OverdueParams {

    @QueryParam("school")
    String school;

    @QueryParam("type")
    String type;

    /** A person id or a district id. */
    @QueryParam("assignee")
    String assignee;

    @QueryParam("status")
    String status;

    /** The filter they ask for; a parameter that is not valid is refused (400) naming it. */
    OverdueFilter filter(DeviceService devices) {
        String schoolCode = Params.text("school", school, 40);
        DeviceType deviceType = Params.enumValue("type", type, DeviceType.class);
        var statuses = devices.trackedStatuses(Params.enumValue("status", status, DeviceStatus.class));
        return devices.overdueFilter(schoolCode, deviceType, Params.text("assignee", assignee, 40), statuses);
    }
}
