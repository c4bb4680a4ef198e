package org.district.lossreport.repository;

import java.time.Instant;
import java.util.UUID;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportStatus;

/**
 * Which reports a list shows. Null fields do not filter. For callers who do not see everything, {@code visibleTo}
 * narrows the list to reports they filed or whose device they hold, and {@code supervisorId} adds those of the people
 * they supervise.
 *
 * @param reportedFrom inclusive lower bound of the report time
 * @param reportedBefore exclusive upper bound of the report time
 */
public record ReportFilter(
        LossReportStatus status,
        LossKind kind,
        String school,
        Instant reportedFrom,
        Instant reportedBefore,
        String visibleTo,
        UUID supervisorId,
        UUID deviceId) {

    public ReportFilter narrowedTo(String districtId, UUID supervisorPersonId) {
        return new ReportFilter(
                status, kind, school, reportedFrom, reportedBefore, districtId, supervisorPersonId, deviceId);
    }
}
