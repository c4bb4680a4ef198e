package org.district.checkin.rest;

import java.time.Instant;
import java.util.UUID;
import org.district.checkin.entity.Device;

/** Whether a device has a credential, and who issued it when. Never the secret or its hash. */
public record DeviceCredentialView(UUID deviceId, boolean issued, Instant issuedAt, String issuedBy) {

    static DeviceCredentialView of(Device device) {
        return new DeviceCredentialView(
                device.id, device.credentialIssuedAt != null, device.credentialIssuedAt, device.credentialIssuedBy);
    }
}
