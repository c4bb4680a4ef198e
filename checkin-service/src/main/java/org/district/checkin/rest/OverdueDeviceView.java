package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.district.checkin.entity.Device;
import org.district.contracts.inventory.DeviceStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A device overdue for check-in. {@code lastCheckInAt} is absent for a device never seen. The assignee appears only by
 * district id: IT needs to know whom to contact, not more.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A device overdue for check-in; the assignee appears only by district id")
public record OverdueDeviceView(
        @JsonUnwrapped DeviceRefView device,
        @Schema(description = "The device's status (one the overdue list tracks)", required = true) DeviceStatus status,
        @Schema(description = "The assignee's district id (absent when unassigned)", example = "E10482")
                String assigneeDistrictId,
        @Schema(
                        description = "When it last checked in (absent for a device never seen)",
                        example = "2026-08-31T12:10:00Z")
                Instant lastCheckInAt,
        @Schema(description = "Whether the device has never checked in", required = true, example = "false")
                boolean neverSeen,
        @Schema(description = "The last day it should have checked in by", required = true, example = "2026-09-07")
                LocalDate dueOn,
        @Schema(description = "Days past that day, as of today", required = true, minimum = "1", example = "7")
                long daysOverdue) {

    public static OverdueDeviceView of(Device d, LocalDate today) {
        return new OverdueDeviceView(
                DeviceRefView.of(d),
                d.status,
                d.assigneeDistrictId,
                d.lastSeenAt,
                d.lastSeenAt == null,
                d.dueOn,
                ChronoUnit.DAYS.between(d.dueOn, today));
    }
}
