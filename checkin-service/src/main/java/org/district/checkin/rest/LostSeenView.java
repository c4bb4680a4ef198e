package org.district.checkin.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import org.district.checkin.entity.Device;
import org.district.contracts.inventory.DeviceStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lost or stolen device that checked in lately: when, and from which of the district's sites. */
@Schema(description = "A lost or stolen device that checked in lately: when, and from which of the district's sites")
public record LostSeenView(
        @JsonUnwrapped DeviceRefView device,
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
        return new LostSeenView(DeviceRefView.of(d), d.status, d.lostSeenAt, d.site);
    }
}
