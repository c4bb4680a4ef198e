package org.district.checkin.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import org.district.checkin.domain.DeviceCredential;
import org.district.support.problem.ProblemException;

/**
 * Reads {@code Authorization: Device <credential>}, beside the identity provider's sign-in (quarkus-oidc: bearer tokens
 * on the API). A request without that header is left to the others, by answering no
 * identity rather than a failure; a malformed credential, and one whose secret does not match the device's stored hash
 * ({@link DeviceCredentialIdentityProvider}), is refused with one 401 for all.
 */
@ApplicationScoped
public class DeviceCredentialMechanism implements HttpAuthenticationMechanism {

    /** The authentication scheme of the Authorization header. */
    public static final String SCHEME = "Device";

    private static final String PREFIX = SCHEME + " ";
    /** Its own scheme of the Authorization header: OIDC's is (AUTHORIZATION, "bearer"), and no two may be the same. */
    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Uni.createFrom().nullItem();
        }
        return DeviceCredential.parse(header.substring(PREFIX.length()).trim())
                .map(p -> identities
                        .authenticate(new DeviceCredentialAuthentication(p.deviceId(), p.secretSha256()))
                        // A secret that does not match: the answer a malformed credential gets, on every endpoint.
                        .onFailure(AuthenticationFailedException.class)
                        .transform(e -> notAccepted()))
                // The same answer as a wrong secret gets, not the bearer-token challenge a generic failure would.
                .orElseGet(() -> Uni.createFrom().failure(notAccepted()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, SCHEME));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(DeviceCredentialAuthentication.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }

    /**
     * After OIDC's mechanism (priority 1001), which leaves a {@code Device} header alone: a request that carries no
     * credential at all is then challenged as OIDC does it (for a bearer token), not asked for a device credential.
     */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY;
    }

    /**
     * The refusal of a device credential that is malformed, wrong, replaced or revoked: one answer for all, so it tells
     * a caller nothing about which. An answer of the HTTP layer (a 401 with the Device challenge), given here for a
     * malformed credential and by the check-in route for one the writer did not accept.
     */
    /** The 401 for a check-in that names no device at all: devices sign in with their credential, nothing else. */
    public static ProblemException missing() {
        return new ProblemException(
                401,
                "unauthenticated",
                "Sign-in required",
                "Send the device's enrolment credential: Authorization: Device dc1.<device id>.<secret>.",
                null,
                java.util.Map.of("WWW-Authenticate", SCHEME));
    }

    public static ProblemException notAccepted() {
        return new ProblemException(
                401,
                "invalid-device-credential",
                "Device credential not accepted",
                "The device credential is not valid: it is wrong, or it was replaced or revoked. Ask IT to enrol the"
                        + " device again.",
                null,
                Map.of("WWW-Authenticate", SCHEME));
    }
}
