package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.district.checkin.domain.StoredCheckIn;

/** One stored check-in of a device. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckInHistoryView(
        Instant receivedAt,
        String osName,
        String osVersion,
        String osBuild,
        LocalDate lastPatchDate,
        String antivirusProduct,
        LocalDate antivirusDefinitionsDate,
        Boolean diskEncryption,
        Boolean passwordProtection,
        String site,
        String ipAddress,
        boolean compliant,
        List<ComplianceIssueView> issues) {

    static CheckInHistoryView of(StoredCheckIn c) {
        return new CheckInHistoryView(
                c.receivedAt(),
                c.osName(),
                c.osVersion(),
                c.osBuild(),
                c.lastPatchDate(),
                c.antivirusProduct(),
                c.antivirusDefinitionsDate(),
                c.diskEncrypted(),
                c.screenLock(),
                c.site(),
                c.ipAddress(),
                c.compliant(),
                ComplianceIssueView.of(c.complianceIssues()));
    }
}
