package org.district.support.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Refuses to start a service told to take its clients' addresses from forwarding headers ({@code X-Forwarded-For},
 * {@code Forwarded}) without being told whose headers to believe. Quarkus then believes every sender's, so any client
 * could name any address: a limit counted per address (enrolment's, for one) would count nothing. Behind the district's
 * ingress, {@code HTTP_TRUSTED_PROXIES} lists the ingress's own addresses; headers from anywhere else are ignored.
 */
@Singleton
public class ForwardedAddressGuard {

    private static final Logger LOG = Logger.getLogger(ForwardedAddressGuard.class);
    static final String FORWARDING = "quarkus.http.proxy.proxy-address-forwarding";
    static final String TRUSTED = "quarkus.http.proxy.trusted-proxies";

    void onStart(@Observes StartupEvent event) {
        Optional<String> problem = check(ConfigProvider.getConfig());
        if (problem.isPresent()) {
            String message = "Refusing to start: " + problem.get();
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** The check on the settings as Quarkus reads them: "on", "yes" or "1" turn forwarding on; "," is no list. */
    static Optional<String> check(Config config) {
        boolean forwarding = config.getOptionalValue(FORWARDING, Boolean.class).orElse(false);
        List<String> trusted = config.getOptionalValues(TRUSTED, String.class).orElse(List.of());
        return check(forwarding, trusted);
    }

    /** What is wrong with the forwarding configuration; empty when it is acceptable. */
    public static Optional<String> check(boolean forwarding, List<String> trustedProxies) {
        boolean named = trustedProxies.stream().anyMatch(p -> p != null && !p.isBlank());
        if (forwarding && !named) {
            return Optional.of("HTTP_PROXY_FORWARDING (" + FORWARDING + ") is on but HTTP_TRUSTED_PROXIES (" + TRUSTED
                    + ") names no proxy: every client could choose the address it is counted under. List the"
                    + " ingress's addresses.");
        }
        return Optional.empty();
    }
}
