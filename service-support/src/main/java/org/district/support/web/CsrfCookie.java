package org.district.support.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Finishes the CSRF cookie that quarkus-rest-csrf sets with the answers of the REST layer: on the pages it is marked
 * SameSite=Strict (the extension has no setting for it), so the browser never sends it with a request another site
 * starts; the API's answers do not set it at all, as its callers sign in with bearer tokens and send no forms. Does
 * nothing in a service without the extension.
 */
@ApplicationScoped
public class CsrfCookie {

    /** Any position works: it only adds a step to the end of the answer's headers. */
    static final int PRIORITY = 440;

    void register(@Observes Filters filters) {
        Optional<String> name =
                ConfigProvider.getConfig().getOptionalValue("quarkus.rest-csrf.cookie-name", String.class);
        if (name.isEmpty()) {
            return;
        }
        filters.register(
                rc -> {
                    rc.addHeadersEndHandler(ignored -> finish(rc, name.get()));
                    rc.next();
                },
                PRIORITY);
    }

    private static void finish(RoutingContext rc, String name) {
        List<Cookie> set = new ArrayList<>();
        for (Cookie cookie : rc.request().cookies(name)) {
            if (cookie instanceof ServerCookie server && server.isChanged()) {
                set.add(cookie);
            }
        }
        boolean api = rc.normalizedPath().startsWith("/api/");
        for (Cookie cookie : set) {
            if (api) {
                rc.response().removeCookie(name, false);
            } else {
                cookie.setSameSite(CookieSameSite.STRICT);
            }
        }
    }
}
