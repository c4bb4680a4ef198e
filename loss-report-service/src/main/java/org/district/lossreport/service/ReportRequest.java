package org.district.lossreport.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.district.contracts.lossreport.LossKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A loss or theft report as a person files it. The reporter is the caller.
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
@Schema(
        name = "ReportRequest",
        description = "A loss or theft report; the reporter is the caller. Text fields are trimmed and blank ones count"
                + " as absent. Name the device by asset tag or serial number (at least one; both must name the same"
                + " device).")
public record ReportRequest(
        @Schema(
                        description = "The device's asset tag; this or serialNumber is required",
                        maxLength = 40,
                        pattern = "^[A-Za-z0-9][A-Za-z0-9._/-]*$",
                        example = "LHS-0042")
                @Size(max = 40)
                @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE)
                String assetTag,
        @Schema(
                        description = "The device's serial number; this or assetTag is required",
                        maxLength = 64,
                        pattern = "^[A-Za-z0-9][A-Za-z0-9._/-]*$",
                        example = "5CG2041XYZ")
                @Size(max = 64)
                @Pattern(regexp = Patterns.CODE, message = Patterns.CODE_MESSAGE)
                String serialNumber,
        @Schema(description = "LOST or STOLEN", required = true) @NotNull(message = Patterns.REQUIRED) LossKind kind,
        @Schema(
                        description = "When the reporter last saw the device: not in the future (5 minutes of clock"
                                + " difference tolerated) and within the last 730 days",
                        required = true,
                        example = "2026-03-02T20:30:00Z")
                @NotNull(message = Patterns.REQUIRED)
                Instant lastSeenAt,
        @Schema(
                        description = "Where the device was last seen",
                        required = true,
                        minLength = 1,
                        maxLength = 200,
                        pattern = "\\S",
                        example = "LINCOLN-HS library, room 112")
                @NotBlank(message = Patterns.REQUIRED)
                @Size(max = 200)
                String lastSeenLocation,
        @Schema(
                        description = "What happened",
                        required = true,
                        minLength = 1,
                        maxLength = 4000,
                        pattern = "\\S",
                        example = "Left the laptop on a library table during lunch; it was gone 15 minutes later.")
                @NotBlank(message = Patterns.REQUIRED)
                @Size(max = 4000)
                String circumstances,
        @Schema(
                        description = "How IT can reach the reporter about this report: digits, spaces, ( ) . - and an"
                                + " optional leading +, at least 6 digits",
                        required = true,
                        minLength = 6,
                        maxLength = 30,
                        pattern = "^\\+?[0-9][0-9 ().-]{5,28}$",
                        example = "+1 312 555 0142")
                @NotBlank(message = Patterns.REQUIRED)
                @Size(max = 30)
                @Pattern(regexp = Patterns.PHONE, message = Patterns.PHONE_MESSAGE)
                String contactPhone,
        @Schema(
                        description = "Whether the police were notified; required for a theft, and must be true when"
                                + " policeAgency or policeCaseNumber is given",
                        example = "true")
                Boolean policeNotified,
        @Schema(
                        description = "The police agency notified; required when policeNotified is true",
                        maxLength = 120,
                        example = "Springfield Police Department")
                @Size(max = 120)
                String policeAgency,
        @Schema(
                        description = "The police case number, if there is one yet; a theft without one owes it and"
                                + " the reporter is reminded",
                        maxLength = 60,
                        pattern = "^[A-Za-z0-9][A-Za-z0-9 ._/#-]*$",
                        example = "SPD-2026-01873")
                @Size(max = 60)
                @Pattern(regexp = Patterns.CASE_NUMBER, message = Patterns.CASE_NUMBER_MESSAGE)
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
