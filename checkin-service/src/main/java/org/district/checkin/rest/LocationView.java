package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.district.checkin.entity.DeviceLocation;

/** Where a missing device said it was. The only view that carries a location, and only IT reads it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocationView(
        Instant seenAt, double latitude, double longitude, Double accuracyMeters, String site, String ipAddress) {

    static LocationView of(DeviceLocation l) {
        return new LocationView(l.seenAt, l.latitude, l.longitude, l.accuracyMeters, l.site, l.ipAddress);
    }
}
