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
import java.util.OptionalLong;
import org.district.support.limits.RateLimits;
import org.district.support.problem.ProblemException;

/**
 * The identity of a request presenting a device credential, which exists only once the secret matches the device's
 * stored hash (kept in memory by {@link StoredCredentials}; read from the database when not kept or not matching): a
 * made-up, replaced or revoked credential is refused here, with the same 401 on every endpoint. The identity names the
 * device, has the {@link #ROLE} role and carries the hash of the secret, which the check-in writer compares with the
 * stored one again in its locking read of the device (a credential revoked on another replica a moment ago).
 *
 * <p>A credential not kept in memory costs a database read, and a made-up one is never kept: each network's credentials
 * that do not match are counted ({@link #MISSES}, in this replica's memory), and a network past its allowance is
 * answered 429 for any credential not kept, before the database is asked. A school's devices behind one address are
 * refused only if that address keeps presenting wrong credentials; the devices already checked are kept and go on.
 */
@ApplicationScoped
public class DeviceCredentialIdentityProvider implements IdentityProvider<DeviceCredentialAuthentication> {

    /** The role of a request that presents a valid device credential. It admits the check-in endpoint only. */
    public static final String ROLE = "DEVICE_CREDENTIAL";

    /** The identity attribute holding the SHA-256 of the presented secret (a byte[32]). */
    public static final String HASH_ATTRIBUTE = "district.device-credential.sha256";

    /** The limit on credentials that do not match, per network (district.rate-limit.credential-misses.*). */
    public static final String MISSES = "credential-misses";

    @Inject
    StoredCredentials credentials;

    @Inject
    RateLimits limits;

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
        OptionalLong wait = limits.waiting(MISSES, request.network());
        if (wait.isPresent()) {
            return Uni.createFrom()
                    .failure(
                            ProblemException.tooManyRequests("device credentials that do not match", wait.getAsLong()));
        }
        return context.runBlocking(() -> {
            if (!credentials.matchesStored(request.deviceId(), request.secretSha256())) {
                limits.take(MISSES, request.network());
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
