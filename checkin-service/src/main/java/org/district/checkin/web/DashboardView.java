package org.district.checkin.web;

import java.util.List;
import org.district.checkin.rest.Views;

/** Everything the dashboard page shows. */
public record DashboardView(
        String school,
        String signedInAs,
        boolean canAct,
        String csrf,
        long overdueCount,
        long nonCompliantCount,
        long lostSeenCount,
        long openTaskCount,
        long overdueTaskCount,
        List<Views.OverdueDevice> overdue,
        List<Views.NonCompliantDevice> nonCompliant,
        List<LostSeen> lostSeen,
        List<Views.Task> tasks) {

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

    public boolean hasSchool() {
        return school != null && !school.isBlank();
    }
}
