package org.district.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.district.support.security.IdentityProviderGuard;
import org.junit.jupiter.api.Test;

/** The service's own configuration, read as in each profile, passes the guard that stops a start trusting a key. */
class SignInConfigurationTest {

    private static final String PROVIDER = "https://sso.district.example/realms/district";

    @Test
    void theProductionProfileNeedsTheIdentityProviderOverHttpsAndHasAnAudienceAndAMaximumAge() {
        assertThat(problems("prod", Map.of("OIDC_AUTH_SERVER_URL", PROVIDER))).isEmpty();
        SmallRyeConfig production = config("prod", Map.of("OIDC_AUTH_SERVER_URL", PROVIDER));
        assertThat(production.getValue("quarkus.oidc.token.audience", String.class))
                .isEqualTo("district-api");
        assertThat(production.getValue("quarkus.oidc.token.age", String.class)).isEqualTo("PT15M");
        assertThat(production.getValue("quarkus.oidc.token.principal-claim", String.class))
                .isEqualTo("district_id");

        // Not the local identity provider by default, and never over plain HTTP.
        assertThat(problems("prod", Map.of())).anySatisfy(p -> assertThat(p).contains("OIDC_AUTH_SERVER_URL"));
        assertThat(problems("prod", Map.of("OIDC_AUTH_SERVER_URL", "http://sso.district.example/realms/district")))
                .anySatisfy(p -> assertThat(p).contains("HTTPS"));
    }

    @Test
    void noProfileCanBeGivenAKeyToTrust() {
        for (String profile : List.of("prod", "dev", "test", "local")) {
            Map<String, String> environment = new HashMap<>(Map.of("OIDC_AUTH_SERVER_URL", PROVIDER));
            assertThat(problems(profile, environment)).as(profile).isEmpty();
            for (String setting : List.of(
                    "mp.jwt.verify.publickey.location",
                    "smallrye.jwt.verify.key.location",
                    "quarkus.oidc.public-key",
                    "quarkus.oidc.certificate-chain.trust-store-file")) {
                Map<String, String> withKey = new HashMap<>(environment);
                withKey.put(setting, "dev-jwt/dev-only-public-key.pem");
                assertThat(problems(profile, withKey))
                        .as(profile + " with " + setting)
                        .anySatisfy(p -> assertThat(p).startsWith(setting + " is set"));
            }
        }
    }

    /** What the guard finds wrong with the service's configuration in {@code profile}, given the environment. */
    private static List<String> problems(String profile, Map<String, String> environment) {
        SmallRyeConfig config = config(profile, environment);
        return IdentityProviderGuard.check(
                config.getPropertyNames(), name -> value(config, name), "prod".equals(profile));
    }

    private static String value(SmallRyeConfig config, String name) {
        try {
            return config.getOptionalValue(name, String.class).orElse(null);
        } catch (NoSuchElementException e) {
            // An expression naming an environment variable that is not set (a production setting without default).
            return null;
        }
    }

    private static SmallRyeConfig config(String profile, Map<String, String> environment) {
        URL properties = SignInConfigurationTest.class.getClassLoader().getResource("application.properties");
        try {
            return new SmallRyeConfigBuilder()
                    .withProfile(profile)
                    .withSources(new PropertiesConfigSource(properties, 250))
                    .withSources(new PropertiesConfigSource(environment, "environment", 300))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
