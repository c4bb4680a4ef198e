package org.district.checkin.credential;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The identity of a request presenting a device credential: the device it names, the {@link DeviceCredentials#ROLE}
 * role and the hash of the secret, which the check-in writer compares with the stored one. Nothing is read from the
 * database here: the writer's one read of a batch's devices carries their stored hashes.
 */
@ApplicationScoped
public class DeviceCredentialIdentityProvider implements IdentityProvider<DeviceCredentialRequest> {

    @Override
    public Class<DeviceCredentialRequest> getRequestType() {
        return DeviceCredentialRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(DeviceCredentialRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(request.deviceId().toString()))
                        .addRole(DeviceCredentials.ROLE)
                        .addAttribute(DeviceCredentials.HASH_ATTRIBUTE, request.secretSha256())
                        .build());
    }
}
