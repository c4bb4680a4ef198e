package org.district.checkin.repository;

import java.util.Set;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;

/** Filters of the overdue list; null means "any". {@code statuses} is never empty. */
public record OverdueFilter(
        String school, DeviceType type, UUID assigneeId, String assigneeDistrictId, Set<DeviceStatus> statuses) {}
