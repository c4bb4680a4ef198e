package org.district.lossreport.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.district.contracts.lossreport.LossKind;

/**
 * A loss or theft report as a person files it, by REST or through the web form. The reporter is the caller.
 *
 * @param assetTag the device's asset tag; this or the serial number is required
 * @param serialNumber the device's serial number
 * @param lastSeenAt when the reporter last saw the device (not in the future)
 * @param lastSeenLocation where it was last seen
 * @param circumstances what happened
 * @param contactPhone how IT can reach the reporter about this report
 * @param policeNotified for a theft, required: whether the police were told
 * @param policeAgency which police agency, when notified
 * @param policeCaseNumber the police case number, if there is one yet; a theft without one owes it
 */
public record ReportRequest(
        @Size(max = 40) @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE) String assetTag,
        @Size(max = 64) @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE) String serialNumber,
        @NotNull(message = Patterns.REQUIRED) LossKind kind,
        @NotNull(message = Patterns.REQUIRED) Instant lastSeenAt,
        @NotBlank(message = Patterns.REQUIRED) @Size(max = 200) String lastSeenLocation,
        @NotBlank(message = Patterns.REQUIRED) @Size(max = 4000) String circumstances,
        @NotBlank(message = Patterns.REQUIRED)
                @Size(max = 30)
                @Pattern(regexp = Patterns.PHONE, message = Patterns.PHONE_MESSAGE)
                String contactPhone,
        Boolean policeNotified,
        @Size(max = 120) String policeAgency,
        @Size(max = 60) @Pattern(regexp = Patterns.CASE_NUMBER, message = Patterns.CASE_NUMBER_MESSAGE)
                String policeCaseNumber) {

    /** The same request with blank text fields as absent and surrounding spaces removed. */
    public ReportRequest normalized() {
        return new ReportRequest(
                trim(assetTag),
                trim(serialNumber),
                kind,
                lastSeenAt,
                trim(lastSeenLocation),
                trim(circumstances),
                trim(contactPhone),
                policeNotified,
                trim(policeAgency),
                trim(policeCaseNumber));
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        return t.isEmpty() ? null : t;
    }
}
