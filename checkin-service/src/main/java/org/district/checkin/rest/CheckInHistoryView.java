package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import org.district.checkin.domain.CheckInSource;
import org.district.checkin.domain.StoredCheckIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One stored check-in of a device. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One stored check-in of a device: what its agent reported, and whether it met the baseline")
public record CheckInHistoryView(
        @Schema(description = "When the check-in was received", required = true, example = "2026-09-14T13:30:00Z")
                Instant receivedAt,
        @JsonUnwrapped ReportedStateView state,
        @Schema(description = "The district network site it checked in from", example = "LINCOLN-HS") String site,
        @Schema(description = "The IPv4 or IPv6 address it checked in from", example = "10.20.4.57") String ipAddress,
        @Schema(
                        description = "Whether this check-in met the district's security baseline",
                        required = true,
                        example = "false")
                boolean compliant,
        @Schema(
                        description = "The ways this check-in fell short of the baseline (empty when compliant)",
                        required = true)
                List<ComplianceIssueView> issues,
        @Schema(
                        description = "Where it came from: the device's own agent, or a device manager (Google Admin,"
                                + " Intune) that reported the device's state",
                        required = true,
                        example = "AGENT")
                CheckInSource source) {

    static CheckInHistoryView of(StoredCheckIn c) {
        return new CheckInHistoryView(
                c.receivedAt(),
                ReportedStateView.of(c),
                c.site(),
                c.ipAddress(),
                c.compliant(),
                ComplianceIssueView.of(c.complianceIssues()),
                c.source());
    }
}
