package org.district.checkin.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import java.util.UUID;

/** A device credential as presented, for authentication: the device it names and the SHA-256 of its secret. */
public final class DeviceCredentialAuthentication extends BaseAuthenticationRequest {

    private final UUID deviceId;
    private final byte[] secretSha256;

    public DeviceCredentialAuthentication(UUID deviceId, byte[] secretSha256) {
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
