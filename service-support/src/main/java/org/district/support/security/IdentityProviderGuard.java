package org.district.support.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Refuses to start a service that could be talked into trusting tokens the district's identity provider did not sign.
 * The services verify tokens only by the provider's discovery document and its published keys (JWKS, which rotate
 * without a restart); a key given in configuration ({@code quarkus.oidc.public-key}, a certificate chain, or a
 * {@code smallrye.jwt.*} or {@code mp.jwt.*} setting) would let someone who holds its private half mint any identity, so
 * any such setting stops the start in every profile. In the production profile the provider must be configured, over
 * HTTPS, with an audience and a maximum token age.
 */
@Singleton
public class IdentityProviderGuard {

    private static final Logger LOG = Logger.getLogger(IdentityProviderGuard.class);

    void onStart(@Observes StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        List<String> problems = check(
                config.getPropertyNames(),
                name -> config.getOptionalValue(name, String.class).orElse(null),
                ConfigUtils.isProfileActive("prod"));
        if (!problems.isEmpty()) {
            String message = "Refusing to start: " + String.join("; ", problems);
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** What is wrong with the sign-in configuration; empty when it is acceptable. */
    public static List<String> check(Iterable<String> names, Function<String, String> values, boolean production) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean keyInConfig = lower.startsWith("quarkus.oidc.")
                    && (lower.endsWith(".public-key") || lower.contains(".certificate-chain."));
            boolean otherVerifier = lower.startsWith("smallrye.jwt.") || lower.startsWith("mp.jwt.");
            String value = values.apply(name);
            if ((keyInConfig || otherVerifier) && value != null && !value.isBlank()) {
                problems.add(name + " is set: tokens are verified only with the identity provider's published keys");
            }
        }
        if (production) {
            String server = values.apply("quarkus.oidc.auth-server-url");
            if (server == null || server.isBlank()) {
                problems.add("set OIDC_AUTH_SERVER_URL (quarkus.oidc.auth-server-url) to the district realm's issuer");
            } else if (!server.trim().toLowerCase(Locale.ROOT).startsWith("https://")) {
                problems.add("the identity provider must be reached over HTTPS (quarkus.oidc.auth-server-url is "
                        + server + ")");
            }
            String audience = values.apply("quarkus.oidc.token.audience");
            if (audience == null || audience.isBlank()) {
                problems.add("set OIDC_API_AUDIENCE (quarkus.oidc.token.audience): tokens for other clients must not"
                        + " be accepted");
            }
            String age = values.apply("quarkus.oidc.token.age");
            if (age == null || age.isBlank()) {
                problems.add("set OIDC_TOKEN_MAX_AGE (quarkus.oidc.token.age)");
            }
        }
        return problems;
    }
}
