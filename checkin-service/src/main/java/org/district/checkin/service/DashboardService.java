package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.district.checkin.config.DashboardSettings;
import org.district.checkin.domain.OverdueFilter;
import org.district.checkin.domain.ReturnTaskFilter;
import org.district.checkin.entity.Device;
import org.district.checkin.entity.ReturnTask;
import org.district.checkin.repository.DeviceRepository;
import org.district.checkin.repository.ReturnTaskRepository;
import org.district.support.time.DistrictClock;

/** The IT dashboard's counts and lists, read in one transaction. */
@ApplicationScoped
public class DashboardService {

    @Inject
    DeviceRepository devices;

    @Inject
    ReturnTaskRepository tasks;

    @Inject
    DeviceService deviceService;

    @Inject
    DashboardSettings settings;

    @Inject
    DistrictClock clock;

    /** What the dashboard shows of one school (of all schools when null), as of {@code today}. */
    public record Dashboard(
            LocalDate today,
            long overdueCount,
            long nonCompliantCount,
            long lostSeenCount,
            long openTaskCount,
            long overdueTaskCount,
            List<Device> overdue,
            List<Device> nonCompliant,
            List<Device> lostSeen,
            List<ReturnTask> openTasks) {}

    /** The counts of the IT home page, of one school (all when null), with the overdue and non-compliant by school. */
    public record Summary(
            LocalDate today,
            long overdue,
            long nonCompliant,
            long lostSeen,
            long openReturnTasks,
            long overdueReturnTasks,
            Map<String, Long> overdueBySchool,
            Map<String, Long> nonCompliantBySchool) {}

    @Transactional
    public Summary summary(String school) {
        OverdueFilter filter = deviceService.allOverdue(school);
        Map<String, Long> overdue = devices.overdueCounts(filter);
        Map<String, Long> nonCompliant = devices.nonCompliantCounts(school);
        return new Summary(
                filter.today(),
                DeviceService.total(overdue),
                DeviceService.total(nonCompliant),
                devices.countLostSeen(school, clock.now().minus(settings.lostSeenWindow())),
                tasks.count(ReturnTask.Status.OPEN, school),
                tasks.count(ReturnTask.Status.OVERDUE, school),
                overdue,
                nonCompliant);
    }

    /** LOST or STOLEN devices seen within the window, most recent first. */
    @Transactional
    public List<Device> lostSeen(String school, int limit) {
        return devices.lostSeen(school, clock.now().minus(settings.lostSeenWindow()), limit);
    }

    @Transactional
    public Dashboard load(String school) {
        int rows = settings.rowsPerList();
        OverdueFilter filter = deviceService.allOverdue(school);
        Instant since = clock.now().minus(settings.lostSeenWindow());
        long overdueCount = DeviceService.total(devices.overdueCounts(filter));
        List<Device> overdue =
                devices.overdue(filter, null, null, rows).stream().limit(rows).toList();
        List<Device> nonCompliant = devices.nonCompliant(school, null, null, rows).stream()
                .limit(rows)
                .toList();
        List<Device> lost = devices.lostSeen(school, since, rows);
        ReturnTaskFilter open = new ReturnTaskFilter(
                EnumSet.of(ReturnTask.Status.OPEN, ReturnTask.Status.OVERDUE), school, null, null, null);
        List<ReturnTask> openTasks =
                tasks.search(open, null, null, rows).stream().limit(rows).toList();
        return new Dashboard(
                filter.today(),
                overdueCount,
                devices.countNonCompliant(school),
                devices.countLostSeen(school, since),
                tasks.count(ReturnTask.Status.OPEN, school),
                tasks.count(ReturnTask.Status.OVERDUE, school),
                overdue,
                nonCompliant,
                lost,
                openTasks);
    }
}
