package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import org.district.checkin.entity.Device;
import org.district.contracts.inventory.Ownership;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A non-compliant device, what it reported, and why it fails the baseline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A non-compliant device, what its latest check-in reported, and why it fails the baseline")
public record NonCompliantDeviceView(
        @JsonUnwrapped DeviceRefView device,
        @Schema(description = "Who owns the device", required = true) Ownership ownership,
        @Schema(description = "Whether the device holds sensitive data", required = true, example = "false")
                boolean sensitiveData,
        @Schema(description = "The assignee's district id (absent when unassigned)", example = "E10482")
                String assigneeDistrictId,
        @Schema(description = "When it last checked in", example = "2026-09-14T13:30:00Z") Instant lastCheckInAt,
        @JsonUnwrapped ReportedStateView state,
        @Schema(description = "Why it fails the baseline", required = true) List<ComplianceIssueView> issues) {

    public static NonCompliantDeviceView of(Device d) {
        return new NonCompliantDeviceView(
                DeviceRefView.of(d),
                d.ownership,
                d.sensitiveData,
                d.assigneeDistrictId,
                d.lastSeenAt,
                ReportedStateView.of(d),
                ComplianceIssueView.of(d.complianceIssues));
    }
}
