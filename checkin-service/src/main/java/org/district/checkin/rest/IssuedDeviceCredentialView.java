package org.district.checkin.rest;

import java.time.Instant;
import java.util.UUID;
import org.district.checkin.service.DeviceCredentialService;

/** A newly issued device credential; {@code credential} is the only copy of the secret. */
public record IssuedDeviceCredentialView(UUID deviceId, String credential, Instant issuedAt, String issuedBy) {

    static IssuedDeviceCredentialView of(DeviceCredentialService.Issued issued) {
        return new IssuedDeviceCredentialView(
                issued.deviceId(), issued.credential(), issued.issuedAt(), issued.issuedBy());
    }
}
