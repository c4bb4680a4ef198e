package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.district.checkin.entity.ReturnTask;
import org.district.contracts.inventory.DeviceType;

/** A device a departing person must return, and how. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnTaskView(
        UUID id,
        UUID personId,
        UUID deviceId,
        String assetTag,
        DeviceType deviceType,
        String school,
        boolean sensitiveData,
        String returnTo,
        LocalDate dueOn,
        ReturnTask.Status status,
        Instant openedAt,
        Instant escalatedAt,
        Instant returnedAt,
        String receivedBy,
        String note,
        Instant closedAt,
        String closeReason) {

    public static ReturnTaskView of(ReturnTask t) {
        return new ReturnTaskView(
                t.id,
                t.personId,
                t.deviceId,
                t.assetTag,
                t.deviceType,
                t.school,
                t.sensitiveData,
                returnTo(t.sensitiveData),
                t.dueOn,
                t.status,
                t.openedAt,
                t.escalatedAt,
                t.returnedAt,
                t.receivedBy,
                t.note,
                t.closedAt,
                t.closeReason);
    }

    /** How a device is to be returned. Devices holding sensitive data go straight to district IT (policy). */
    public static String returnTo(boolean sensitiveData) {
        return sensitiveData
                ? "Hand it directly to district IT: it holds sensitive data and must be sanitized before reuse."
                : "Hand it to district IT or your school office.";
    }
}
