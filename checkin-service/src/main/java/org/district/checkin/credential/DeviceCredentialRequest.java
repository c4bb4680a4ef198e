package org.district.checkin.credential;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import java.util.UUID;

/** A device credential as presented: the device it names and the SHA-256 of its secret. */
public final class DeviceCredentialRequest extends BaseAuthenticationRequest {

    private final UUID deviceId;
    private final byte[] secretSha256;

    public DeviceCredentialRequest(UUID deviceId, byte[] secretSha256) {
        this.deviceId = deviceId;
        this.secretSha256 = secretSha256.clone();
    }

    public UUID deviceId() {
        return deviceId;
    }

    public byte[] secretSha256() {
        return secretSha256.clone();
    }
}
