package org.district.checkin.rest;

import java.util.UUID;
import org.district.checkin.entity.Device;
import org.district.contracts.inventory.DeviceType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which device a list's row is: its id, asset tag, kind and school. Written into the row ({@code @JsonUnwrapped}), as
 * its first fields.
 */
public record DeviceRefView(
        @Schema(description = "The device", required = true, example = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14")
                UUID deviceId,
        @Schema(description = "The device's asset tag", required = true, example = "LHS-0042") String assetTag,
        @Schema(description = "The kind of device", required = true) DeviceType type,
        @Schema(description = "The school the device belongs to", required = true, example = "LINCOLN-HS")
                String school) {

    static DeviceRefView of(Device d) {
        return new DeviceRefView(d.id, d.assetTag, d.type, d.school);
    }
}
