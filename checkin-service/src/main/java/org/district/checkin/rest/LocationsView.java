package org.district.checkin.rest;

import java.util.List;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;

/** A device's stored locations; reading them is recorded. */
public record LocationsView(UUID deviceId, DeviceStatus status, List<LocationView> locations) {}
