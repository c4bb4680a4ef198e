package org.district.support.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.district.support.problem.Problem;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * What every web page of the services gets, whoever wrote it:
 *
 * <ul>
 *   <li>A state-changing request that a browser session authenticates (a session cookie, no Authorization header) must
 *       come from one of the service's own pages: its Origin (or, without one, its Referer) must be the service's
 *       origin, or the request is refused with 403 before anything reads it. Together with the forms' CSRF tokens and
 *       SameSite cookies, no other site can make a signed-in browser change anything.
 *   <li>Every HTML answer says its character set and carries a Content-Security-Policy that admits only the service's
 *       own scripts, styles and images, forbids framing (also X-Frame-Options), sends forms only to the service and the
 *       identity provider, and keeps the page's address from other sites (Referrer-Policy).
 * </ul>
 */
@ApplicationScoped
public class PageProtection {

    private static final Logger LOG = Logger.getLogger(PageProtection.class);
    private static final Set<HttpMethod> CHANGING =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    /** Runs before authentication (Quarkus's authentication filter has priority 200). */
    static final int ORIGIN_CHECK_PRIORITY = 400;

    @Inject
    WebSettings settings;

    private String contentSecurityPolicy;

    void register(@Observes Filters filters) {
        contentSecurityPolicy = contentSecurityPolicy(
                settings.signInOrigin().map(PageProtection::origin).orElseGet(PageProtection::identityProviderOrigin));
        filters.register(this::checkOrigin, ORIGIN_CHECK_PRIORITY);
        filters.register(this::pageHeaders, 10);
    }

    private void checkOrigin(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!CHANGING.contains(request.method())
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || !hasSessionCookie(request.getHeader(HttpHeaders.COOKIE))) {
            rc.next();
            return;
        }
        String from = origin(request.getHeader(HttpHeaders.ORIGIN));
        if (from == null) {
            from = origin(request.getHeader(HttpHeaders.REFERER));
        }
        if (from != null && allowed(request).contains(from)) {
            rc.next();
            return;
        }
        LOG.infof("Refused %s %s: a signed-in browser's change from origin %s", request.method(), request.path(), from);
        JsonObject problem = new JsonObject()
                .put("type", Problem.TYPE_PREFIX + "cross-origin-request")
                .put("title", "Forbidden")
                .put("status", 403)
                .put(
                        "detail",
                        "Changes are accepted only from this service's own pages. Reload the page and try again.")
                .put("instance", request.path())
                .put("correlationId", Correlation.current());
        rc.response()
                .setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem.encode());
    }

    private void pageHeaders(RoutingContext rc) {
        rc.addHeadersEndHandler(ignored -> {
            HttpServerResponse response = rc.response();
            String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
                return;
            }
            if (!type.toLowerCase(Locale.ROOT).contains("charset")) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, type + ";charset=UTF-8");
            }
            // Quarkus's own pages under /q (Swagger UI) start themselves with an inline script: they may not be
            // framed, but keep their scripts. They show no personal data and take no sign-in.
            response.putHeader(
                    "Content-Security-Policy",
                    rc.normalizedPath().startsWith("/q/") ? "frame-ancestors 'none'" : contentSecurityPolicy);
            response.putHeader("X-Frame-Options", "DENY");
            response.putHeader("X-Content-Type-Options", "nosniff");
            response.putHeader("Referrer-Policy", "same-origin");
        });
        rc.next();
    }

    /** The policy of every page: the service's own resources only, no framing, forms to the service and the provider. */
    static String contentSecurityPolicy(String identityProviderOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
                + " base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
                + (identityProviderOrigin == null ? "" : " " + identityProviderOrigin);
    }

    /** Whether the request carries the cookie of a signed-in browser (Quarkus's OIDC session cookies). */
    static boolean hasSessionCookie(String cookieHeader) {
        if (cookieHeader == null) {
            return false;
        }
        for (String cookie : cookieHeader.split(";")) {
            String name = cookie.trim();
            if (name.startsWith("q_session") || name.startsWith("__Host-q_session")) {
                return true;
            }
        }
        return false;
    }

    private List<String> allowed(HttpServerRequest request) {
        return settings.publicOrigins()
                .map(origins -> origins.stream().map(PageProtection::origin).toList())
                .orElseGet(() -> List.of(String.valueOf(origin(request.scheme() + "://" + authority(request)))));
    }

    /** The host and port the request was sent to: its Host header, or HTTP/2's :authority (which replaces it). */
    private static String authority(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return request.getHeader(HttpHeaders.HOST);
        }
        return authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host();
    }

    /** The scheme, host and port of a URL or an Origin header, lower case; null when it is none. */
    static String origin(String value) {
        if (value == null || value.isBlank() || value.equals("null")) {
            return null;
        }
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://"
                    + uri.getHost().toLowerCase(Locale.ROOT);
            return uri.getPort() < 0 ? origin : origin + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String identityProviderOrigin() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .map(PageProtection::origin)
                .orElse(null);
    }
}
