package org.district.checkin.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.district.checkin.ReturnTask;
import org.district.checkin.config.DashboardSettings;
import org.district.checkin.config.DistrictClock;
import org.district.checkin.config.OverdueSettings;
import org.district.checkin.repository.DeviceRepository;
import org.district.checkin.repository.OverdueFilter;
import org.district.checkin.repository.ReturnTaskFilter;
import org.district.checkin.repository.ReturnTaskRepository;
import org.district.checkin.rest.Views;

/** Loads the dashboard's counts and lists in one read-only transaction. */
@ApplicationScoped
public class DashboardQueries {

    @Inject
    DeviceRepository devices;

    @Inject
    ReturnTaskRepository tasks;

    @Inject
    OverdueSettings overdue;

    @Inject
    DashboardSettings settings;

    @Inject
    DistrictClock clock;

    @Transactional
    public DashboardView load(String school, boolean canAct, String csrf, String signedInAs) {
        int rows = settings.rowsPerList();
        LocalDate today = clock.today();
        Instant since = clock.now().minus(settings.lostSeenWindow());
        OverdueFilter filter = new OverdueFilter(school, null, null, null, EnumSet.copyOf(overdue.trackedStatuses()));
        long overdueCount = devices.overdueCounts(filter, today).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        List<Views.OverdueDevice> overdueRows = devices.overdue(filter, today, null, null, rows).stream()
                .limit(rows)
                .map(d -> Views.OverdueDevice.ofDevice(d, today))
                .toList();
        List<Views.NonCompliantDevice> nonCompliant = devices.nonCompliant(school, null, null, rows).stream()
                .limit(rows)
                .map(Views.NonCompliantDevice::ofDevice)
                .toList();
        List<DashboardView.LostSeen> lost = devices.lostSeen(school, since, rows).stream()
                .map(d -> new DashboardView.LostSeen(
                        d.id.toString(),
                        d.assetTag,
                        d.type.name(),
                        d.school,
                        d.status.name(),
                        d.lostSeenAt == null ? "" : d.lostSeenAt.toString(),
                        d.site,
                        d.ipAddress))
                .toList();
        ReturnTaskFilter open = new ReturnTaskFilter(
                EnumSet.of(ReturnTask.Status.OPEN, ReturnTask.Status.OVERDUE), school, null, null, null);
        List<Views.Task> openTasks = tasks.search(open, null, null, rows).stream()
                .limit(rows)
                .map(Views.Task::ofTask)
                .toList();
        return new DashboardView(
                school,
                signedInAs,
                canAct,
                csrf,
                overdueCount,
                devices.countNonCompliant(school),
                devices.countLostSeen(school, since),
                tasks.count(ReturnTask.Status.OPEN, school),
                tasks.count(ReturnTask.Status.OVERDUE, school),
                overdueRows,
                nonCompliant,
                lost,
                openTasks);
    }
}
