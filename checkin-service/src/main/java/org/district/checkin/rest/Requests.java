package org.district.checkin.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.district.checkin.DeviceCommand;

/** Request bodies other than the check-in. */
public final class Requests {

    private Requests() {}

    /**
     * IT issues a command to a device.
     *
     * @param message for LOCK, the text shown on the locked screen; the district's return message when absent
     */
    public record CommandRequest(
            @NotNull DeviceCommand.Type type, @Size(max = 500) String message, @Size(max = 500) String reason) {}

    /** HR offboards a person: the same fields as the {@code OffboardingRequested} event. */
    public record OffboardingRequest(
            UUID personId, @Size(max = 40) String districtId, @NotNull LocalDate lastWorkingDay) {}

    /** IT received a returned device. */
    public record ReturnedRequest(@Size(max = 1000) String note) {}
}
