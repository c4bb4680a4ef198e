package org.district.inventory.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many devices the registry holds in each status (every status listed, zero included). */
@Schema(description = "How many devices are in each status, every status listed (zero included), and in all.")
public record DeviceSummaryView(
        @Schema(description = "How many devices in all", example = "1840", required = true) long total,
        @Schema(description = "One count per status, in lifecycle order", required = true)
                List<StatusCountView> statuses) {

    @Schema(name = "DeviceStatusCount", description = "How many devices are in one status.")
    public record StatusCountView(
            @Schema(
                            description = "The status",
                            example = "IN_STOCK",
                            required = true,
                            enumeration = {
                                "IN_STOCK",
                                "ASSIGNED",
                                "LOST",
                                "STOLEN",
                                "RECOVERED",
                                "QUARANTINED",
                                "IN_REPAIR",
                                "RETIRED",
                                "WRITTEN_OFF"
                            })
                    String status,
            @Schema(description = "How many devices are in it", example = "212", required = true) long count) {}

    static DeviceSummaryView of(Map<String, Long> counts) {
        List<StatusCountView> statuses = java.util.Arrays.stream(org.district.contracts.inventory.DeviceStatus.values())
                .map(s -> new StatusCountView(s.name(), counts.getOrDefault(s.name(), 0L)))
                .toList();
        return new DeviceSummaryView(
                statuses.stream().mapToLong(StatusCountView::count).sum(), statuses);
    }
}
