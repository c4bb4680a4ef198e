package org.district.checkin.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The identity of a request presenting a device credential, which exists only once the secret matches the device's
 * stored hash (kept in memory by {@link StoredCredentials}; read from the database when not kept or not matching): a
 * made-up, replaced or revoked credential is refused here, with the same 401 on every endpoint. The identity names the
 * device, has the {@link #ROLE} role and carries the hash of the secret, which the check-in writer compares with the
 * stored one again in its locking read of the device (a credential revoked on another replica a moment ago).
 */
@ApplicationScoped
public class DeviceCredentialIdentityProvider implements IdentityProvider<DeviceCredentialAuthentication> {

    /** The role of a request that presents a valid device credential. It admits the check-in endpoint only. */
    public static final String ROLE = "DEVICE_CREDENTIAL";

    /** The identity attribute holding the SHA-256 of the presented secret (a byte[32]). */
    public static final String HASH_ATTRIBUTE = "district.device-credential.sha256";

    @Inject
    StoredCredentials credentials;

    @Override
    public Class<DeviceCredentialAuthentication> getRequestType() {
        return DeviceCredentialAuthentication.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            DeviceCredentialAuthentication request, AuthenticationRequestContext context) {
        if (credentials.matchesKept(request.deviceId(), request.secretSha256())) {
            return Uni.createFrom().item(identity(request));
        }
        return context.runBlocking(() -> {
            if (!credentials.matchesStored(request.deviceId(), request.secretSha256())) {
                throw new AuthenticationFailedException("device credential not accepted");
            }
            return identity(request);
        });
    }

    private static SecurityIdentity identity(DeviceCredentialAuthentication request) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(request.deviceId().toString()))
                .addRole(ROLE)
                .addAttribute(HASH_ATTRIBUTE, request.secretSha256())
                .build();
    }
}
