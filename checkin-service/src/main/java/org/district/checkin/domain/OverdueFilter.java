package org.district.checkin.domain;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;

/**
 * Which devices the overdue list holds: those due before {@code today} matching the filters (null means "any").
 * {@code statuses} is never empty.
 */
public record OverdueFilter(
        LocalDate today,
        String school,
        DeviceType type,
        UUID assigneeId,
        String assigneeDistrictId,
        Set<DeviceStatus> statuses) {}
