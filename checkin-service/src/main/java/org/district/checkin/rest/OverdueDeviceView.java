package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.district.checkin.entity.Device;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;

/**
 * A device overdue for check-in. {@code lastCheckInAt} is absent for a device never seen. The assignee appears only by
 * district id: IT needs to know whom to contact, not more.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OverdueDeviceView(
        UUID deviceId,
        String assetTag,
        DeviceType type,
        String school,
        DeviceStatus status,
        String assigneeDistrictId,
        Instant lastCheckInAt,
        boolean neverSeen,
        LocalDate dueOn,
        long daysOverdue) {

    public static OverdueDeviceView of(Device d, LocalDate today) {
        return new OverdueDeviceView(
                d.id,
                d.assetTag,
                d.type,
                d.school,
                d.status,
                d.assigneeDistrictId,
                d.lastSeenAt,
                d.lastSeenAt == null,
                d.dueOn,
                ChronoUnit.DAYS.between(d.dueOn, today));
    }
}
