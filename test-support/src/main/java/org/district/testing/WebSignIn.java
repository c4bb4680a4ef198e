package org.district.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a browser in to a service's web pages the way a person does, for tests that drive the pages over HTTP: the
 * page sends it to the identity provider's login page, the login form is filled in and posted, and the provider sends
 * it back with a code that the service exchanges for its session. What comes back is the service's cookies, to send
 * with the test's own requests.
 *
 * <p>Keeps cookies per host itself: the identity provider marks its cookies Secure even over plain HTTP on localhost,
 * where browsers send them but Java's cookie handling would not.
 */
public final class WebSignIn {

    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);
    private static final Pattern ACTION_FIRST =
            Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"", Pattern.DOTALL);
    private static final int MAX_HOPS = 12;

    private final Map<String, Map<String, String>> cookiesByHost = new LinkedHashMap<>();
    private final String origin;
    private URI landedOn;

    private WebSignIn(String origin) {
        this.origin = origin;
    }

    /**
     * Opens {@code page} (an absolute URL of a service's page), signs in at the identity provider as the test user
     * for {@code subject} with {@code roles}, and follows the redirects back to the page.
     */
    public static WebSignIn as(String page, String subject, String... roles) {
        return withPassword(page, Keycloak.user(subject, roles), Keycloak.TEST_PASSWORD);
    }

    /** As {@link #as}, for an existing user of the realm (a demo user of the local realm, for example). */
    public static WebSignIn withPassword(String page, String username, String password) {
        URI uri = URI.create(page);
        WebSignIn browser = new WebSignIn(uri.getScheme() + "://" + uri.getAuthority());
        HttpResponse<String> response = browser.follow(browser.get(uri));
        String form = response.body();
        Matcher action = FORM_ACTION.matcher(form);
        if (!action.find()) {
            action = ACTION_FIRST.matcher(form);
            if (!action.find()) {
                throw new IllegalStateException("Expected the identity provider's login page at " + response.uri()
                        + " but got " + response.statusCode() + ": " + abbreviate(form));
            }
        }
        URI login = URI.create(action.group(1).replace("&amp;", "&"));
        HttpResponse<String> afterLogin = browser.follow(browser.post(
                login,
                "username=" + Keycloak.encode(username) + "&password=" + Keycloak.encode(password) + "&credentialId="));
        browser.landedOn = afterLogin.uri();
        if (!browser.landedOn.getAuthority().equals(uri.getAuthority())) {
            throw new IllegalStateException("Signing in did not lead back to the service: ended at " + afterLogin.uri()
                    + " with " + afterLogin.statusCode() + ": " + abbreviate(afterLogin.body()));
        }
        return browser;
    }

    /** The cookies the service set for this browser, to send with the test's requests to it. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookiesByHost.getOrDefault(host(URI.create(origin)), Map.of()));
    }

    /** The service's origin ({@code http://localhost:18082}), as a browser sends it in the Origin header. */
    public String origin() {
        return origin;
    }

    /** The page the browser was on after signing in. */
    public URI landedOn() {
        return landedOn;
    }

    /** Opens a page of the service (or of the identity provider) and follows its redirects, as a browser does. */
    public HttpResponse<String> open(String pathOrUrl) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(origin + pathOrUrl);
        return follow(get(uri));
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), uri);
    }

    private HttpResponse<String> post(URI uri, String form) {
        return send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                uri);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, URI uri) {
        Map<String, String> cookies = cookiesByHost.getOrDefault(host(uri), Map.of());
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ")
                    .append(name)
                    .append('=')
                    .append(value));
            request.header("Cookie", header.toString());
        }
        HttpResponse<String> response = Keycloak.send(request.timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html")
                .build());
        remember(uri, response.headers().allValues("Set-Cookie"));
        return response;
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            int status = response.statusCode();
            if (status < 300 || status >= 400) {
                return response;
            }
            URI next = response.uri()
                    .resolve(response.headers().firstValue("Location").orElseThrow());
            response = get(next);
        }
        throw new IllegalStateException("Too many redirects, last at " + response.uri());
    }

    private void remember(URI uri, List<String> setCookies) {
        Map<String, String> jar = cookiesByHost.computeIfAbsent(host(uri), h -> new LinkedHashMap<>());
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = setCookie.toLowerCase().contains("max-age=0")
                    || setCookie.toLowerCase().contains("expires=thu, 01 jan 1970");
            if (expired || value.isEmpty()) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    private static String host(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }
}
