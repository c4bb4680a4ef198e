package org.district.checkin.rest;

import java.util.List;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device's stored locations; reading them is recorded. */
@Schema(description = "A device's stored locations, newest first (at most 500); reading them is recorded")
public record LocationsView(
        @Schema(description = "The device", required = true, example = "3f9c1e52-7a4b-4d2e-9b61-0c8a5e7d2f14")
                UUID deviceId,
        @Schema(description = "The device's status; locations are kept only while LOST or STOLEN", required = true)
                DeviceStatus status,
        @Schema(
                        description = "Where it was seen, newest first (empty when none is stored)",
                        required = true,
                        maxItems = 500)
                List<LocationView> locations) {}
