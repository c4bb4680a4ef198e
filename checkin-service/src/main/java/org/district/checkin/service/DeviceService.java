package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.district.checkin.config.OverdueSettings;
import org.district.checkin.domain.OverdueFilter;
import org.district.checkin.domain.StoredCheckIn;
import org.district.checkin.entity.Device;
import org.district.checkin.repository.CheckInHistoryRepository;
import org.district.checkin.repository.DeviceRepository;
import org.district.contracts.DistrictIds;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.support.domain.InvalidException;
import org.district.support.domain.NotFoundException;
import org.district.support.time.DistrictClock;

/**
 * What IT reads about devices: the overdue list (a page, the counts per school, the chunks of its export), the
 * non-compliant list, and a device's check-in history. Reads only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeviceService {

    /** Where the history of a device starts when no cursor is given: after any check-in it can hold. */
    private static final Instant END_OF_HISTORY = Instant.parse("9999-01-01T00:00:00Z");

    @Inject
    DeviceRepository devices;

    @Inject
    CheckInHistoryRepository history;

    @Inject
    OverdueSettings overdue;

    @Inject
    DistrictClock clock;

    /** The device; NotFound when the read model does not know it. */
    public Device get(UUID id) {
        return devices.findByIdOptional(id).orElseThrow(() -> new NotFoundException("device", id.toString()));
    }

    /**
     * The statuses the overdue list is filtered by: those it tracks, or the one named, which must be one of them.
     */
    public Set<DeviceStatus> trackedStatuses(DeviceStatus status) {
        Set<DeviceStatus> tracked = EnumSet.copyOf(overdue.trackedStatuses());
        if (status == null) {
            return tracked;
        }
        if (!tracked.contains(status)) {
            throw InvalidException.of(
                    "status", "must be one of the statuses the overdue list tracks: " + tracked + ".");
        }
        return EnumSet.of(status);
    }

    /** The overdue list's filter as of today; {@code assignee} is a person id or a district id. */
    public OverdueFilter overdueFilter(String school, DeviceType type, String assignee, Set<DeviceStatus> statuses) {
        UUID assigneeId = null;
        String assigneeDistrictId = null;
        if (assignee != null) {
            try {
                assigneeId = UUID.fromString(assignee);
            } catch (IllegalArgumentException e) {
                assigneeDistrictId = DistrictIds.canonical(assignee);
            }
        }
        return new OverdueFilter(clock.today(), school, type, assigneeId, assigneeDistrictId, statuses);
    }

    /** All devices overdue for check-in today in the school (in every school when null), whatever their type. */
    public OverdueFilter allOverdue(String school) {
        return new OverdueFilter(clock.today(), school, null, null, null, trackedStatuses(null));
    }

    /** Overdue devices, most overdue first, after the (dueOn, id) position; one more than the limit. */
    public List<Device> overdue(OverdueFilter filter, LocalDate afterDueOn, UUID afterId, int limit) {
        return devices.overdue(filter, afterDueOn, afterId, limit);
    }

    /** One chunk of the overdue export, in a transaction of its own (the export streams after the request ends). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Device> overdueChunk(OverdueFilter filter, LocalDate afterDueOn, UUID afterId, int size) {
        return devices.overdue(filter, afterDueOn, afterId, size);
    }

    /** Overdue devices per school, in school order. */
    public Map<String, Long> overdueCounts(OverdueFilter filter) {
        return devices.overdueCounts(filter);
    }

    /** Non-compliant devices in id order after {@code afterId}; one more than the limit. */
    public List<Device> nonCompliant(String school, DeviceType type, UUID afterId, int limit) {
        return devices.nonCompliant(school, type, afterId, limit);
    }

    /** The device's check-ins before the instant (from the newest when null), newest first; one more than the limit. */
    public List<StoredCheckIn> history(Device device, Instant before, int limit) {
        return history.before(device.id, before == null ? END_OF_HISTORY : before, limit);
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
