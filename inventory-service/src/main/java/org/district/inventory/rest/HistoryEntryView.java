package org.district.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.inventory.domain.FieldChange;
import org.district.inventory.entity.DeviceHistoryEntry;
import org.district.inventory.entity.PersonHistoryEntry;

/** One change in a device's or person's history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntryView(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        DeviceStatus fromStatus,
        DeviceStatus toStatus,
        List<FieldChange> changes,
        String reason,
        UUID sourceEventId) {

    static HistoryEntryView of(DeviceHistoryEntry h) {
        return new HistoryEntryView(
                h.id, h.occurredAt, h.actor, h.action, h.fromStatus, h.toStatus, h.changes, h.reason, h.sourceEventId);
    }

    static HistoryEntryView of(PersonHistoryEntry h) {
        return new HistoryEntryView(h.id, h.occurredAt, h.actor, h.action, null, null, h.changes, null, null);
    }
}
