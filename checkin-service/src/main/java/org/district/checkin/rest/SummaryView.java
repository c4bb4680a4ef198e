package org.district.checkin.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.district.checkin.service.DashboardService;

/**
 * What needs IT's attention today, of one school or of all: devices overdue for check-in, not compliant, lost or
 * stolen and seen on the network lately, and open and overdue return tasks; the first two by school as well.
 */
public record SummaryView(
        LocalDate asOf,
        long overdue,
        long nonCompliant,
        long lostSeen,
        long openReturnTasks,
        long overdueReturnTasks,
        List<SchoolSummaryView> schools) {

    public record SchoolSummaryView(String school, long overdue, long nonCompliant) {}

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
