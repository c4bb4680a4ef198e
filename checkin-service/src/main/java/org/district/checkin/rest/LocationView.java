package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.district.checkin.entity.DeviceLocation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a missing device said it was. The only view that carries a location, and only IT reads it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description =
                "Where a missing device said it was (personal data: only IT reads it, and every read is recorded)")
public record LocationView(
        @Schema(description = "When the device reported it", required = true, example = "2026-09-14T13:30:00Z")
                Instant seenAt,
        @Schema(
                        description = "Latitude in degrees",
                        required = true,
                        minimum = "-90",
                        maximum = "90",
                        example = "41.8781")
                double latitude,
        @Schema(
                        description = "Longitude in degrees",
                        required = true,
                        minimum = "-180",
                        maximum = "180",
                        example = "-87.6298")
                double longitude,
        @Schema(
                        description = "The fix's accuracy in meters (absent when the device did not say)",
                        minimum = "0",
                        maximum = "100000",
                        example = "25.0")
                Double accuracyMeters,
        @Schema(description = "The district network site it checked in from", example = "LINCOLN-HS") String site,
        @Schema(description = "The IPv4 or IPv6 address it checked in from", example = "10.20.4.57") String ipAddress) {

    static LocationView of(DeviceLocation l) {
        return new LocationView(l.seenAt, l.latitude, l.longitude, l.accuracyMeters, l.site, l.ipAddress);
    }
}
