package org.district.checkin.credential;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads {@code Authorization: Device <credential>}. A request without that header is left to the other mechanisms
 * (bearer tokens); a malformed credential is refused with the 401 a wrong one gets. The secret itself is checked
 * against the stored hash by the check-in writer (see {@link DeviceCredentials#ROLE}).
 */
@ApplicationScoped
public class DeviceCredentialMechanism implements HttpAuthenticationMechanism {

    private static final String PREFIX = DeviceCredentials.SCHEME + " ";
    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "device");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Uni.createFrom().nullItem();
        }
        return DeviceCredentials.parse(header.substring(PREFIX.length()).trim())
                .map(p -> identities.authenticate(new DeviceCredentialRequest(p.deviceId(), p.secretSha256())))
                // The same answer as a wrong secret gets, not the bearer-token challenge a generic failure would.
                .orElseGet(() -> Uni.createFrom().failure(DeviceCredentials.notAccepted()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom()
                .item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, DeviceCredentials.SCHEME));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(DeviceCredentialRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }

    /** Before the bearer-token mechanism, which leaves a {@code Device} header alone anyway. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 500;
    }
}
