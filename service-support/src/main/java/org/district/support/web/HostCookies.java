package org.district.support.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the sign-in cookies of the web pages the {@code __Host-} prefix, which browsers honour only for a cookie that
 * is Secure, has Path=/ and no Domain: no other site, subdomain or plain-HTTP page of the district can plant or
 * overwrite one. Quarkus names its OpenID Connect cookies itself ({@code q_session...}, {@code q_auth...}), so the
 * names are translated at the edge: prefixed when the service sets them, unprefixed before sign-in reads them. Each
 * service's cookies also carry the service's name (the OIDC cookie suffix), so two services on one host never
 * overwrite each other's.
 */
@ApplicationScoped
public class HostCookies {

    /** The prefix browsers reserve for host-only, Secure, Path=/ cookies. */
    public static final String PREFIX = "__Host-";

    /** Before authentication (200) and before the origin check reads the cookies (400). */
    static final int PRIORITY = 450;

    void register(@Observes Filters filters) {
        filters.register(this::translate, PRIORITY);
    }

    private void translate(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String header = request.getHeader(HttpHeaders.COOKIE);
        if (header != null && header.contains(PREFIX + "q_")) {
            request.headers().set(HttpHeaders.COOKIE, unprefixed(header));
        }
        rc.addHeadersEndHandler(ignored -> prefixOutgoing(rc));
        rc.next();
    }

    /** The Cookie header with the prefix taken off the sign-in cookies' names, as Quarkus looks for them. */
    static String unprefixed(String header) {
        StringBuilder out = new StringBuilder();
        for (String part : header.split(";")) {
            String cookie = part.trim();
            if (cookie.isEmpty()) {
                continue;
            }
            if (cookie.startsWith(PREFIX + "q_")) {
                cookie = cookie.substring(PREFIX.length());
            } else if (isSignInCookie(cookie)) {
                // An unprefixed sign-in cookie was not set by this service (which only sets prefixed ones): ignore it.
                continue;
            }
            out.append(out.length() == 0 ? "" : "; ").append(cookie);
        }
        return out.toString();
    }

    private static void prefixOutgoing(RoutingContext rc) {
        List<Cookie> renamed = new ArrayList<>();
        for (Cookie cookie : rc.request().cookies()) {
            if (cookie instanceof ServerCookie server && server.isChanged() && isSignInCookie(cookie.getName())) {
                renamed.add(cookie);
            }
        }
        for (Cookie cookie : renamed) {
            rc.response().removeCookie(cookie.getName(), false);
            Cookie prefixed = Cookie.cookie(PREFIX + cookie.getName(), cookie.getValue())
                    .setPath("/")
                    .setSecure(true)
                    .setHttpOnly(cookie.isHttpOnly())
                    .setSameSite(cookie.getSameSite());
            // The sign-in session lives as long as the browser: on a shared school computer, closing it signs the
            // person out (the session's row in the database still ends it at its expiry). Other sign-in cookies
            // keep their lifetime, and a deletion (no lifetime left) is passed on for every one.
            long maxAge = cookie.getMaxAge();
            boolean deletion = maxAge != Long.MIN_VALUE && maxAge <= 0;
            if (deletion || (maxAge != Long.MIN_VALUE && !cookie.getName().startsWith("q_session"))) {
                prefixed.setMaxAge(maxAge);
            }
            rc.response().addCookie(prefixed);
        }
    }

    private static boolean isSignInCookie(String nameOrPair) {
        return nameOrPair.startsWith("q_session")
                || nameOrPair.startsWith("q_auth")
                || nameOrPair.startsWith("q_pkce")
                || nameOrPair.startsWith("q_post_logout");
    }
}
