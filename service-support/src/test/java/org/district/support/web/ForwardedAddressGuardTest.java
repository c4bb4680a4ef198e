package org.district.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardedAddressGuardTest {

    @Test
    void forwardingWithoutTheProxiesToBelieveIsRefused() {
        assertThat(ForwardedAddressGuard.check(true, List.of()))
                .hasValueSatisfying(problem -> assertThat(problem).contains("HTTP_TRUSTED_PROXIES"));
        assertThat(ForwardedAddressGuard.check(true, List.of(" ", ""))).isPresent();
    }

    @Test
    void forwardingFromNamedProxiesOrNoForwardingAtAllStarts() {
        assertThat(ForwardedAddressGuard.check(true, List.of("10.0.0.0/8"))).isEmpty();
        assertThat(ForwardedAddressGuard.check(false, List.of())).isEmpty();
    }

    /** The settings as the service reads them: every spelling that turns forwarding on, and lists of nothing. */
    @Test
    void everySpellingOfOnIsCheckedAndAListOfNothingIsNoList() {
        String forwarding = ForwardedAddressGuard.FORWARDING;
        String trusted = ForwardedAddressGuard.TRUSTED;
        for (String on : List.of("true", "TRUE", "on", "yes", "1", "y")) {
            assertThat(ForwardedAddressGuard.check(config(Map.of(forwarding, on))))
                    .as(on)
                    .isPresent();
            assertThat(ForwardedAddressGuard.check(config(Map.of(forwarding, on, trusted, ","))))
                    .as("%s with the list \",\"", on)
                    .isPresent();
            assertThat(ForwardedAddressGuard.check(config(Map.of(forwarding, on, trusted, "10.0.0.0/8,::1"))))
                    .isEmpty();
        }
        assertThat(ForwardedAddressGuard.check(config(Map.of(forwarding, "false"))))
                .isEmpty();
        assertThat(ForwardedAddressGuard.check(config(Map.of()))).isEmpty();
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .addDefaultSources()
                .withSources(new MapBackedConfigSource("test", values, 500) {})
                .build();
    }
}
