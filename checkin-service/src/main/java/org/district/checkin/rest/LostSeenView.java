package org.district.checkin.rest;

import java.time.Instant;
import java.util.UUID;
import org.district.checkin.entity.Device;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lost or stolen device that checked in lately: when, and from which of the district's sites. */
@Schema(description = "A lost or stolen device that checked in lately: when, and from which of the district's sites")
public record LostSeenView(
        @Schema(description = "The device", required = true, example = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14")
                UUID deviceId,
        @Schema(description = "The device's asset tag", required = true, example = "LHS-0042") String assetTag,
        @Schema(description = "The kind of device", required = true) DeviceType type,
        @Schema(description = "The school the device belongs to", required = true, example = "LINCOLN-HS")
                String school,
        @Schema(description = "LOST or STOLEN", required = true) DeviceStatus status,
        @Schema(
                        description = "When it last checked in while missing",
                        required = true,
                        example = "2026-09-14T13:30:00Z")
                Instant seenAt,
        @Schema(
                        description = "The district network site it checked in from (null when not known)",
                        required = true,
                        nullable = true,
                        example = "WASHINGTON-MS")
                String site) {

    static LostSeenView of(Device d) {
        return new LostSeenView(d.id, d.assetTag, d.type, d.school, d.status, d.lostSeenAt, d.site);
    }
}
