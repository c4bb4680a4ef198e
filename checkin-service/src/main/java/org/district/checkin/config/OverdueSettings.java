package org.district.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;

/** When a device counts as overdue for check-in. */
@ConfigMapping(prefix = "district.overdue")
public interface OverdueSettings {

    /** Days a device may go without checking in, for types without their own setting. */
    @WithDefault("14")
    int defaultGraceDays();

    /** Days a device may go without checking in, per device type (LAPTOP, DESKTOP, ...). */
    Map<String, Integer> graceDays();

    /**
     * Statuses whose devices are expected to check in. LOST and STOLEN devices have their own list; QUARANTINED and
     * IN_REPAIR devices are with IT; RETIRED and WRITTEN_OFF devices are out of service.
     */
    @WithDefault("ASSIGNED,IN_STOCK,RECOVERED")
    List<DeviceStatus> trackedStatuses();

    /**
     * How often the overdue job marks the devices that became overdue and unmarks those no longer overdue (their
     * check-in state, OVERDUE_STARTED and OVERDUE_ENDED), as the scheduler reads it ({@code 5m}, {@code 30s}).
     */
    @WithDefault("5m")
    String stateEvery();

    /** The grace period of a device type. */
    default int graceDays(DeviceType type) {
        Integer days = type == null ? null : graceDays().get(type.name());
        return days == null ? defaultGraceDays() : days;
    }
}
