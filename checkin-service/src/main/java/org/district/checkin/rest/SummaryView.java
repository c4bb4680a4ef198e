package org.district.checkin.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.district.checkin.service.DashboardService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What needs IT's attention today, of one school or of all: devices overdue for check-in, not compliant, lost or
 * stolen and seen on the network lately, and open and overdue return tasks; the first two by school as well.
 */
@Schema(description = "What needs IT's attention today, of one school or of all")
public record SummaryView(
        @Schema(description = "The district day counted (America/Chicago)", required = true, example = "2026-09-14")
                LocalDate asOf,
        @Schema(description = "Devices overdue for check-in", required = true, minimum = "0", example = "37")
                long overdue,
        @Schema(
                        description = "Devices whose latest check-in fails the baseline",
                        required = true,
                        minimum = "0",
                        example = "12")
                long nonCompliant,
        @Schema(
                        description = "LOST or STOLEN devices that checked in lately (a week by default)",
                        required = true,
                        minimum = "0",
                        example = "1")
                long lostSeen,
        @Schema(description = "Return tasks OPEN or OVERDUE", required = true, minimum = "0", example = "5")
                long openReturnTasks,
        @Schema(description = "Return tasks OVERDUE", required = true, minimum = "0", example = "2")
                long overdueReturnTasks,
        @Schema(description = "Each school with overdue or non-compliant devices, in school order", required = true)
                List<SchoolSummaryView> schools) {

    /** Overdue and non-compliant devices of one school. */
    @Schema(description = "Overdue and non-compliant devices of one school")
    public record SchoolSummaryView(
            @Schema(description = "The school's code", required = true, example = "LINCOLN-HS") String school,
            @Schema(description = "Its devices overdue for check-in", required = true, minimum = "0", example = "12")
                    long overdue,
            @Schema(description = "Its non-compliant devices", required = true, minimum = "0", example = "4")
                    long nonCompliant) {}

    static SummaryView of(DashboardService.Summary s) {
        TreeSet<String> schools = new TreeSet<>(s.overdueBySchool().keySet());
        schools.addAll(s.nonCompliantBySchool().keySet());
        return new SummaryView(
                s.today(),
                s.overdue(),
                s.nonCompliant(),
                s.lostSeen(),
                s.openReturnTasks(),
                s.overdueReturnTasks(),
                schools.stream()
                        .map(school -> new SchoolSummaryView(
                                school, count(s.overdueBySchool(), school), count(s.nonCompliantBySchool(), school)))
                        .toList());
    }

    private static long count(Map<String, Long> counts, String school) {
        return counts.getOrDefault(school, 0L);
    }
}
