package org.district.checkin.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import java.util.UUID;

/**
 * A device credential as presented, for authentication: the device it names, the SHA-256 of its secret, and the
 * network it came from ({@link CallerNetwork}).
 */
public final class DeviceCredentialAuthentication extends BaseAuthenticationRequest {

    private final UUID deviceId;
    private final byte[] secretSha256;
    private final String network;

    public DeviceCredentialAuthentication(UUID deviceId, byte[] secretSha256, String network) {
        this.deviceId = deviceId;
        this.secretSha256 = secretSha256.clone();
        this.network = network;
    }

    public String network() {
        return network;
    }

    public UUID deviceId() {
        return deviceId;
    }

    public byte[] secretSha256() {
        return secretSha256.clone();
    }
}
