package org.district.lossreport.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields of the police report form on a report's page as the API document shows them (POST
 * /reports/{id}/police-report). Only for the document: the page reads the two values itself.
 */
@Schema(
        name = "PoliceReportForm",
        description = "The police report form of a report's page; checked by the same rules as the API's"
                + " PoliceReportRequest.")
final class PoliceReportFormFields {

    @Schema(
            name = "csrf-token",
            description = "The CSRF token the report page carries in a hidden field (it must match the browser's"
                    + " __Host-csrf-lossreport cookie)",
            required = true,
            example = "kT3vQ9xR2mW7pL5sN8aF1d")
    public String csrfToken;

    @Schema(
            description = "The police agency notified; required",
            required = true,
            maxLength = 120,
            example = "Springfield Police Department")
    public String policeAgency;

    @Schema(
            description = "The case number the police gave: letters, digits, spaces and . _ / # -; required",
            required = true,
            maxLength = 60,
            example = "SPD-2026-01873")
    public String policeCaseNumber;

    private PoliceReportFormFields() {}
}
