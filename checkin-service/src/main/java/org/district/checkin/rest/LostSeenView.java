package org.district.checkin.rest;

import java.time.Instant;
import java.util.UUID;
import org.district.checkin.entity.Device;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;

/** A lost or stolen device that checked in lately: when, and from which of the district's sites. */
public record LostSeenView(
        UUID deviceId,
        String assetTag,
        DeviceType type,
        String school,
        DeviceStatus status,
        Instant seenAt,
        String site) {

    static LostSeenView of(Device d) {
        return new LostSeenView(d.id, d.assetTag, d.type, d.school, d.status, d.lostSeenAt, d.site);
    }
}
