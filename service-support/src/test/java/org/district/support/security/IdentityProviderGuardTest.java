package org.district.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityProviderGuardTest {

    private static Map<String, String> production() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", "https://sso.district.example/realms/district");
        config.put("quarkus.oidc.token.audience", "district-api");
        config.put("quarkus.oidc.token.age", "PT10M");
        return config;
    }

    private static List<String> check(Map<String, String> config, boolean production) {
        return IdentityProviderGuard.check(config.keySet(), config::get, production);
    }

    @Test
    void aProductionConfigurationTrustingTheProviderStarts() {
        assertThat(check(production(), true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "quarkus.oidc.public-key",
                "quarkus.oidc.web.public-key",
                "quarkus.oidc.certificate-chain.trust-store-file",
                "smallrye.jwt.verify.key.location",
                "mp.jwt.verify.publickey",
                "mp.jwt.verify.publickey.location"
            })
    void aKeyInTheConfigurationStopsTheStartInEveryProfile(String setting) {
        Map<String, String> config = production();
        config.put(setting, "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
        assertThat(check(config, true)).singleElement().asString().contains(setting);
        assertThat(check(config, false)).singleElement().asString().contains(setting);
    }

    @Test
    void anEmptySettingIsNotAKey() {
        Map<String, String> config = production();
        config.put("quarkus.oidc.public-key", " ");
        assertThat(check(config, true)).isEmpty();
    }

    @Test
    void productionNeedsTheProviderOverHttpsAnAudienceAndAMaximumAge() {
        assertThat(check(Map.of(), true)).hasSize(3);

        Map<String, String> plainHttp = production();
        plainHttp.put("quarkus.oidc.auth-server-url", "http://sso.district.example/realms/district");
        assertThat(check(plainHttp, true)).singleElement().asString().contains("HTTPS");

        Map<String, String> noAudience = production();
        noAudience.remove("quarkus.oidc.token.audience");
        assertThat(check(noAudience, true)).singleElement().asString().contains("audience");
    }

    @Test
    void otherProfilesMayUseALocalProviderOverHttp() {
        Map<String, String> local = new LinkedHashMap<>();
        local.put("quarkus.oidc.auth-server-url", "http://localhost:8180/realms/district");
        assertThat(check(local, false)).isEmpty();
    }
}
