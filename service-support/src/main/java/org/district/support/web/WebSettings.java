package org.district.support.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the services' web pages keep people signed in and protect their forms. */
@ConfigMapping(prefix = "district.web")
public interface WebSettings {

    /**
     * Longest a browser session lasts, however active, before the person signs in again (the identity provider's own
     * session may end it sooner).
     */
    @WithDefault("PT10H")
    Duration sessionMaxAge();

    /**
     * The origins the web pages are reached at (for example https://devices.district.example), which a form post must
     * come from. When absent, the origin the request itself names (its Host header and scheme) is the only one
     * accepted: set it when a proxy in front of the service changes the scheme or the host.
     */
    Optional<List<String>> publicOrigins();

    /**
     * The origin of the identity provider as browsers reach it, where the pages' sign-out form is sent on. When
     * absent, the origin of {@code quarkus.oidc.auth-server-url}: set it when the services reach the provider by an
     * internal address.
     */
    Optional<String> signInOrigin();

    /** The path of the pages' sign-out button ({@code quarkus.oidc.web.logout.path}). */
    @WithDefault("/sign-out")
    String signOutPath();

    /** The page that asks to confirm a sign-out that did not come from a page's own button. */
    @WithDefault("/confirm-sign-out")
    String confirmSignOutPath();

    /** Where signing out lands ({@code quarkus.oidc.web.logout.post-logout-path}), open to anyone. */
    @WithDefault("/signed-out")
    String signedOutPath();
}
