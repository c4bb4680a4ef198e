package org.district.support.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.DefaultTokenStateManager;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * Keeps the web pages' sessions in the service's database instead of in the browser: the session cookie carries only
 * a random key, and the tokens (encrypted as Quarkus would put them in the cookie) are stored under the key's SHA-256.
 * Signing out deletes the row, so the back button or a replayed copy of the cookie leads to the sign-in page, not to
 * data; a stolen database row is no usable cookie; every replica finds every session.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class DatabaseSessionStore extends DefaultTokenStateManager {

    private static final Logger LOG = Logger.getLogger(DatabaseSessionStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebSettings settings;

    @Override
    public Uni<String> createTokenState(
            RoutingContext context,
            OidcTenantConfig config,
            AuthorizationCodeTokens tokens,
            OidcRequestContext<String> request) {
        return super.createTokenState(context, config, tokens, request)
                .flatMap(state ->
                        request.runBlocking(() -> store(config.tenantId().orElse("Default"), state)));
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(
            RoutingContext context,
            OidcTenantConfig config,
            String key,
            OidcRequestContext<AuthorizationCodeTokens> request) {
        return request.runBlocking(() -> {
            String state = find(key);
            if (state == null) {
                throw new AuthenticationFailedException("The session has ended or never existed");
            }
            // Decrypting the stored state completes at once; this runs on a worker thread already.
            return super.getTokens(context, config, state, request).await().indefinitely();
        });
    }

    @Override
    public Uni<Void> deleteTokens(
            RoutingContext context, OidcTenantConfig config, String key, OidcRequestContext<Void> request) {
        return request.runBlocking(() -> {
            delete(key);
            return null;
        });
    }

    /** Forgets sessions past their end; any replica may run it, deleting twice is harmless. */
    @Scheduled(
            every = "${district.web.session-cleanup-every:PT15M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetEnded() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from web_session where expires_at < now()")) {
            int deleted = ps.executeUpdate();
            if (deleted > 0) {
                LOG.debugf("Forgot %d ended browser sessions", deleted);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not forget ended browser sessions: %s", e.getMessage());
        }
    }

    private String store(String tenant, String state) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into web_session (key_sha256, tenant, token_state,"
                        + " expires_at) values (?, ?, ?, ?)")) {
            ps.setString(1, sha256(key));
            ps.setString(2, tenant);
            ps.setString(3, state);
            ps.setTimestamp(4, Timestamp.from(Instant.now().plus(settings.sessionMaxAge())));
            ps.executeUpdate();
            return key;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the browser session", e);
        }
    }

    private String find(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select token_state from web_session where key_sha256 = ? and expires_at > now()")) {
            ps.setString(1, sha256(key));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the browser session", e);
        }
    }

    private void delete(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from web_session where key_sha256 = ?")) {
            ps.setString(1, sha256(key));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end the browser session", e);
        }
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
