package org.district.support.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Lets a person sign out only by posting a page's "Sign out" form. The sign-in layer ends the session on any request
 * to the sign-out path, before the REST layer would see it, so a link or an image on another site could otherwise sign
 * people out: anything but a POST is sent to a page that asks to confirm, whose button posts. A POST from another site
 * is refused by PageProtection's Origin check, which runs before this, and carries no session anyway (the session
 * cookie is SameSite=Lax). The form's body is left unread, for the sign-in layer. A browser whose session here has
 * already ended goes on to the sign-in layer, which has the provider confirm who it is and then asks to confirm: on a
 * computer people share, signing out must end the provider's session too, which may outlive the one here.
 */
@ApplicationScoped
public class SignOutGuard {

    private static final Logger LOG = Logger.getLogger(SignOutGuard.class);

    /** After the cookie names (450) and the Origin check (400), before authentication (200) ends the session. */
    static final int PRIORITY = 300;

    @Inject
    WebSettings settings;

    void register(@Observes Filters filters) {
        filters.register(this::guard, PRIORITY);
    }

    private void guard(RoutingContext rc) {
        if (!settings.signOutPath().equals(rc.request().path())
                || rc.request().method() == HttpMethod.POST
                || !PageProtection.hasSessionCookie(rc.request().getHeader(HttpHeaders.COOKIE))) {
            rc.next();
            return;
        }
        LOG.infof(
                "Asked to confirm a sign-out that was not a page's form (%s)",
                rc.request().method());
        rc.response()
                .setStatusCode(303)
                .putHeader(HttpHeaders.LOCATION, settings.confirmSignOutPath())
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end();
    }
}
