package org.district.checkin.web;

import java.util.List;
import org.district.checkin.rest.NonCompliantDeviceView;
import org.district.checkin.rest.OverdueDeviceView;
import org.district.checkin.rest.ReturnTaskView;
import org.district.checkin.service.DashboardService;

/** Everything the dashboard page shows. */
public record DashboardView(
        String school,
        String signedInAs,
        boolean canAct,
        long overdueCount,
        long nonCompliantCount,
        long lostSeenCount,
        long openTaskCount,
        long overdueTaskCount,
        List<OverdueDeviceView> overdue,
        List<NonCompliantDeviceView> nonCompliant,
        List<LostSeen> lostSeen,
        List<ReturnTaskView> tasks) {

    /** A lost or stolen device that checked in. Its location is deliberately not on the page. */
    public record LostSeen(
            String deviceId,
            String assetTag,
            String type,
            String school,
            String status,
            String lastSeenAt,
            String site,
            String ipAddress) {}

    /** The page of {@code dashboard} for the person signed in. */
    static DashboardView of(DashboardService.Dashboard dashboard, String school, String signedInAs, boolean canAct) {
        return new DashboardView(
                school,
                signedInAs,
                canAct,
                dashboard.overdueCount(),
                dashboard.nonCompliantCount(),
                dashboard.lostSeenCount(),
                dashboard.openTaskCount(),
                dashboard.overdueTaskCount(),
                dashboard.overdue().stream()
                        .map(d -> OverdueDeviceView.of(d, dashboard.today()))
                        .toList(),
                dashboard.nonCompliant().stream()
                        .map(NonCompliantDeviceView::of)
                        .toList(),
                dashboard.lostSeen().stream()
                        .map(d -> new LostSeen(
                                d.id.toString(),
                                d.assetTag,
                                d.type.name(),
                                d.school,
                                d.status.name(),
                                d.lostSeenAt == null ? "" : d.lostSeenAt.toString(),
                                d.site,
                                d.ipAddress))
                        .toList(),
                dashboard.openTasks().stream().map(ReturnTaskView::of).toList());
    }

    public boolean hasSchool() {
        return school != null && !school.isBlank();
    }
}
