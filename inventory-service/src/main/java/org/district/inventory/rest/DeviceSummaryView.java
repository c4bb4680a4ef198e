package org.district.inventory.rest;

import java.util.List;
import java.util.Map;

/** How many devices the registry holds in each status (every status listed, zero included). */
public record DeviceSummaryView(long total, List<StatusCountView> statuses) {

    public record StatusCountView(String status, long count) {}

    static DeviceSummaryView of(Map<String, Long> counts) {
        List<StatusCountView> statuses = java.util.Arrays.stream(org.district.contracts.inventory.DeviceStatus.values())
                .map(s -> new StatusCountView(s.name(), counts.getOrDefault(s.name(), 0L)))
                .toList();
        return new DeviceSummaryView(
                statuses.stream().mapToLong(StatusCountView::count).sum(), statuses);
    }
}
