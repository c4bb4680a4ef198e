package org.district.lossreport.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields of the loss report form as the API document shows them (POST /report-loss). Only for the document: the
 * page reads the form into a {@link ReportForm}, which keeps every value as typed.
 */
@Schema(
        name = "ReportLossForm",
        description = "The loss report form. Every value is read as text (at most 5000 characters are kept) and then"
                + " checked by the same rules as the API's ReportRequest.")
final class ReportLossFormFields {

    @Schema(
            name = "csrf-token",
            description = "The CSRF token the form page carries in a hidden field (it must match the browser's"
                    + " __Host-csrf-lossreport cookie)",
            required = true,
            example = "kT3vQ9xR2mW7pL5sN8aF1d")
    public String csrfToken;

    @Schema(
            description = "The asset tag of one of the caller's devices listed on the form, or \"other\" (or empty)"
                    + " to name the device by assetTag or serialNumber instead",
            example = "LHS-0042")
    public String device;

    @Schema(
            description = "Another device's asset tag; used when device is \"other\" or empty",
            maxLength = 40,
            example = "LHS-0042")
    public String assetTag;

    @Schema(
            description = "Another device's serial number; used when device is \"other\" or empty",
            maxLength = 64,
            example = "5CG2041XYZ")
    public String serialNumber;

    @Schema(
            description = "LOST or STOLEN (case-insensitive); required",
            enumeration = {"LOST", "STOLEN"},
            example = "LOST")
    public String kind;

    @Schema(
            description = "When the device was last seen, a local date and time in the district's time zone"
                    + " (America/Chicago), YYYY-MM-DDTHH:MM; required, not in the future, within the last 730 days",
            pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$",
            example = "2026-03-02T14:30")
    public String lastSeenAt;

    @Schema(description = "Where it was last seen; required", maxLength = 200, example = "LINCOLN-HS library, room 112")
    public String lastSeenLocation;

    @Schema(
            description = "What happened; required",
            maxLength = 4000,
            example = "Left the laptop on a library table during lunch; it was gone 15 minutes later.")
    public String circumstances;

    @Schema(
            description = "How IT can reach the reporter: digits, spaces, ( ) . - and an optional leading +, at least 6"
                    + " digits; required",
            maxLength = 30,
            example = "+1 312 555 0142")
    public String contactPhone;

    @Schema(
            description = "Whether the police were notified: yes or no (true and false also accepted); required for a"
                    + " theft",
            enumeration = {"yes", "no", "true", "false"},
            example = "yes")
    public String policeNotified;

    @Schema(
            description = "The police agency; required when the police were notified",
            maxLength = 120,
            example = "Springfield Police Department")
    public String policeAgency;

    @Schema(description = "The police case number, if there is one yet", maxLength = 60, example = "SPD-2026-01873")
    public String policeCaseNumber;

    @Schema(
            description =
                    "The form's own Idempotency-Key (a hidden field with a UUID): sending the same form twice files"
                            + " one report; 1 to 128 visible ASCII characters, a new one is made when empty",
            maxLength = 128,
            example = "c1a7e3b2-4d5f-4a6b-8c9d-0e1f2a3b4c5d")
    public String idempotencyKey;

    private ReportLossFormFields() {}
}
