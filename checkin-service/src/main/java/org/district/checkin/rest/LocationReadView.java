package org.district.checkin.rest;

import java.time.Instant;
import java.util.UUID;
import org.district.checkin.entity.LocationRead;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One recorded read of a device's locations. */
@Schema(description = "One recorded read of a missing device's locations: who read them, when, and how many")
public record LocationReadView(
        @Schema(
                        description = "The record's number, rising with each read",
                        required = true,
                        minimum = "1",
                        example = "1287")
                Long id,
        @Schema(
                        description = "The device whose locations were read",
                        required = true,
                        example = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14")
                UUID deviceId,
        @Schema(description = "Who read them (role:district id)", required = true, example = "IT_ADMIN:E10482")
                String readBy,
        @Schema(description = "When they were read", required = true, example = "2026-09-14T13:30:00Z") Instant readAt,
        @Schema(description = "How many locations the read returned", required = true, minimum = "0", example = "3")
                int locationsReturned) {

    static LocationReadView of(LocationRead r) {
        return new LocationReadView(r.id, r.deviceId, r.readBy, r.readAt, r.locationsReturned);
    }
}
