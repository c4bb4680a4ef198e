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
 * <p>Each credential refused after a database read is counted against the network it came from ({@link ClientNetwork},
 * the limit {@value #FAILURES}): once a network has spent its allowance, a credential this replica does not keep is
 * answered 429 without reading the database, so a sender of made-up device ids or secrets (a stolen laptop's agent, a
 * script) cannot turn its requests into database reads. Devices whose credential is kept are not slowed.
 */
@ApplicationScoped
public class DeviceCredentialIdentityProvider implements IdentityProvider<DeviceCredentialAuthentication> {

    /** The role of a request that presents a valid device credential. It admits the check-in endpoint only. */
    public static final String ROLE = "DEVICE_CREDENTIAL";

    /** The identity attribute holding the SHA-256 of the presented secret (a byte[32]). */
    public static final String HASH_ATTRIBUTE = "district.device-credential.sha256";

    /** The rate limit of credentials refused after a database read, per network (district.rate-limit.*). */
    public static final String FAILURES = "device-credential-failures";

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
        OptionalLong wait = limits.spent(FAILURES, request.network());
        if (wait.isPresent()) {
            return Uni.createFrom()
                    .failure(ProblemException.tooManyRequests("refused device credentials", wait.getAsLong()));
        }
        return context.runBlocking(() -> {
            if (!credentials.matchesStored(request.deviceId(), request.secretSha256())) {
                limits.take(FAILURES, request.network());
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
