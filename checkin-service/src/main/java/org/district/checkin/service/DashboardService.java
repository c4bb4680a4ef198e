package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.district.checkin.config.DashboardSettings;
import org.district.checkin.domain.OverdueFilter;
import org.district.checkin.entity.Device;
import org.district.checkin.entity.ReturnTask;
import org.district.checkin.repository.DeviceRepository;
import org.district.checkin.repository.ReturnTaskRepository;
import org.district.support.time.DistrictClock;

/** What needs IT's attention: the counts of the IT console's home page, and the lost devices seen lately. */
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
}
