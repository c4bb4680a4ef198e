package org.district.checkin.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The identity of a request presenting a device credential: the device it names, the {@link #ROLE} role and the hash
 * of the secret, which the check-in writer compares with the stored one. Nothing is read from the database here: the
 * writer's one read of a batch's devices carries their stored hashes.
 */
@ApplicationScoped
public class DeviceCredentialIdentityProvider implements IdentityProvider<DeviceCredentialAuthentication> {

    /**
     * The role of a request that presents a device credential. It admits the request to the check-in endpoint only;
     * its secret is verified there, by the writer, against the stored hash. No other endpoint admits this role.
     */
    public static final String ROLE = "DEVICE_CREDENTIAL";

    /** The identity attribute holding the SHA-256 of the presented secret (a byte[32]). */
    public static final String HASH_ATTRIBUTE = "district.device-credential.sha256";

    @Override
    public Class<DeviceCredentialAuthentication> getRequestType() {
        return DeviceCredentialAuthentication.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            DeviceCredentialAuthentication request, AuthenticationRequestContext context) {
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(request.deviceId().toString()))
                        .addRole(ROLE)
                        .addAttribute(HASH_ATTRIBUTE, request.secretSha256())
                        .build());
    }
}
