package org.district.checkin.rest;

import java.time.Instant;
import java.util.UUID;
import org.district.checkin.entity.LocationRead;

/** One recorded read of a device's locations. */
public record LocationReadView(Long id, UUID deviceId, String readBy, Instant readAt, int locationsReturned) {

    static LocationReadView of(LocationRead r) {
        return new LocationReadView(r.id, r.deviceId, r.readBy, r.readAt, r.locationsReturned);
    }
}
