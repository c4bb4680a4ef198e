package org.district.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardedAddressGuardTest {

    private static final String FORWARDING = ForwardedAddressGuard.FORWARDING;
    private static final String TRUSTED = ForwardedAddressGuard.TRUSTED;

    @Test
    void forwardingWithoutTheProxiesToBelieveIsRefused() {
        assertThat(ForwardedAddressGuard.check(Map.of(FORWARDING, "true")::get))
                .hasValueSatisfying(problem -> assertThat(problem).contains("HTTP_TRUSTED_PROXIES"));
        assertThat(ForwardedAddressGuard.check(Map.of(FORWARDING, " TRUE ", TRUSTED, "  ")::get))
                .isPresent();
    }

    @Test
    void forwardingFromNamedProxiesOrNoForwardingAtAllStarts() {
        assertThat(ForwardedAddressGuard.check(Map.of(FORWARDING, "true", TRUSTED, "10.0.0.0/8")::get))
                .isEmpty();
        assertThat(ForwardedAddressGuard.check(Map.of(FORWARDING, "false")::get))
                .isEmpty();
        assertThat(ForwardedAddressGuard.check(Map.<String, String>of()::get)).isEmpty();
    }
}
