package org.district.lossreport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportStatus;
import org.district.lossreport.entity.LossReport;
import org.district.lossreport.entity.LossReportEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A loss report as the API shows it. The reporter's contact phone is shown only to the reporter, IT and auditors; the
 * report's history only to IT and auditors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "LossReportView",
        description = "A loss report. Absent fields have no value; the contact phone is shown only to the reporter, IT"
                + " and auditors, the history only to IT and auditors reading one report.")
public record LossReportView(
        @Schema(description = "The report's id", required = true, example = "8d2f4b7a-5c1e-4f3a-b6d9-0e7c1a2b3c4d")
                UUID id,
        @Schema(
                        description = "The report's number, LR-year-sequence",
                        required = true,
                        pattern = "^LR-[0-9]{4,}-[0-9]{6,}$",
                        example = "LR-2026-000042")
                String reportNumber,
        @Schema(description = "Where the report stands: OPEN, then RECOVERED or WRITTEN_OFF", required = true)
                LossReportStatus status,
        @Schema(description = "LOST or STOLEN", required = true) LossKind kind,
        @Schema(description = "The device reported", required = true) ReportedDeviceView device,
        @Schema(description = "District id of the person who filed the report", required = true, example = "E1001")
                String reportedBy,
        @Schema(
                        description = "District id of the device's holder when reported; absent when it had none",
                        example = "E1001")
                String holderDistrictId,
        @Schema(description = "When the report was filed", required = true, example = "2026-03-02T20:45:00Z")
                Instant reportedAt,
        @Schema(
                        description = "When the reporter last saw the device",
                        required = true,
                        example = "2026-03-02T20:30:00Z")
                Instant lastSeenAt,
        @Schema(
                        description = "Where the device was last seen",
                        required = true,
                        example = "LINCOLN-HS library, room 112")
                String lastSeenLocation,
        @Schema(
                        description = "What happened",
                        required = true,
                        example = "Left the laptop on a library table during lunch; it was gone 15 minutes later.")
                String circumstances,
        @Schema(
                        description = "How IT can reach the reporter; shown only to the reporter, IT and auditors",
                        example = "+1 312 555 0142")
                String contactPhone,
        @Schema(description = "Where the police report stands", required = true) PoliceReportView police,
        @Schema(
                        description = "What the holder owes for damage or replacement; only on a written-off report",
                        minimum = "0",
                        example = "249.99")
                BigDecimal costOwed,
        @Schema(description = "When the report was closed; absent while open", example = "2026-03-20T15:10:00Z")
                Instant closedAt,
        @Schema(
                        description = "Who closed the report: role and district id; absent while open",
                        example = "IT_ADMIN:E2040")
                String closedBy,
        @Schema(
                        description = "The report's version, raised by every change",
                        required = true,
                        minimum = "0",
                        example = "0")
                long version,
        @Schema(description = "When the report last changed", required = true, example = "2026-03-02T20:45:00Z")
                Instant updatedAt,
        @Schema(description = "What happened to the report, oldest first; only for IT and auditors reading one report")
                List<ReportEntryView> history) {

    static LossReportView of(LossReport r, boolean withPhone, List<LossReportEntry> history) {
        return new LossReportView(
                r.id,
                r.reportNumber,
                r.status,
                r.kind,
                new ReportedDeviceView(r.deviceId, r.assetTag, r.serialNumber, r.deviceDescription, r.school),
                r.reportedBy,
                r.holderDistrictId,
                r.reportedAt,
                r.lastSeenAt,
                r.lastSeenLocation,
                r.circumstances,
                withPhone ? r.contactPhone : null,
                new PoliceReportView(r.policeNotified, r.policeAgency, r.policeCaseNumber, r.policeReportOwed),
                r.costOwed,
                r.closedAt,
                r.closedBy,
                r.version,
                r.updatedAt,
                history == null
                        ? null
                        : history.stream().map(ReportEntryView::of).toList());
    }
}
