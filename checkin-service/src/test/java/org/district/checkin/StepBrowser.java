package org.district.checkin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.district.testing.Keycloak;

/**
 * A browser driven one request at a time, keeping its cookies per host as a browser does and every answer for the test
 * to look at: for what {@code WebSignIn} goes through but does not show (the Set-Cookie headers of each step of the
 * sign-in) or cannot do (a post, losing the service's cookies while keeping the provider's).
 */
final class StepBrowser {

    private static final Pattern LOGIN_FORM =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final int MAX_HOPS = 12;

    private final Map<String, Map<String, String>> cookiesByHost = new LinkedHashMap<>();

    /** One request; redirects are not followed. */
    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), uri);
    }

    /** A form post from a page of {@code uri}'s own origin; redirects are not followed. */
    HttpResponse<String> post(URI uri, String form) {
        return send(
                HttpRequest.newBuilder(uri)
                        .header("Origin", uri.getScheme() + "://" + uri.getAuthority())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                uri);
    }

    /** Follows the redirects of {@code answer} (GET each), returning the first answer that is not one. */
    HttpResponse<String> follow(HttpResponse<String> answer) {
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (answer.statusCode() < 300 || answer.statusCode() >= 400) {
                return answer;
            }
            answer = get(answer.uri().resolve(location(answer)));
        }
        throw new IllegalStateException("Too many redirects, last at " + answer.uri());
    }

    /**
     * Fills in and posts the provider's login form of {@code loginPage} (an answer showing it) as the test user for
     * {@code subject} with {@code roles}; returns the provider's answer (the redirect back to the service).
     */
    HttpResponse<String> logIn(HttpResponse<String> loginPage, String subject, String... roles) {
        Matcher action = LOGIN_FORM.matcher(loginPage.body());
        if (!action.find()) {
            throw new IllegalStateException(
                    "Expected the provider's login page at " + loginPage.uri() + ", got " + loginPage.statusCode());
        }
        URI login = URI.create(action.group(1).replace("&amp;", "&"));
        return send(
                HttpRequest.newBuilder(login)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username="
                                + encode(Keycloak.user(subject, roles)) + "&password="
                                + encode(Keycloak.TEST_PASSWORD) + "&credentialId=")),
                login);
    }

    /** Forgets the cookies of {@code uri}'s host, as when they expire; the other hosts' stay. */
    void forgetCookiesOf(URI uri) {
        cookiesByHost.remove(uri.getAuthority());
    }

    /** The Set-Cookie header of {@code answer} for the cookie named {@code name}, or null. */
    static String setCookie(HttpResponse<String> answer, String name) {
        for (String header : answer.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header;
            }
        }
        return null;
    }

    /** The names of the cookies {@code answer} sets. */
    static List<String> cookieNames(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .map(h -> h.substring(0, h.indexOf('=')))
                .toList();
    }

    static String location(HttpResponse<String> answer) {
        return answer.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(
                        "Expected a redirect from " + answer.uri() + ", got " + answer.statusCode()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, URI uri) {
        Map<String, String> jar = cookiesByHost.computeIfAbsent(uri.getAuthority(), h -> new LinkedHashMap<>());
        if (!jar.isEmpty()) {
            StringBuilder header = new StringBuilder();
            jar.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ")
                    .append(name)
                    .append('=')
                    .append(value));
            request.header("Cookie", header.toString());
        }
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (String header : answer.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (value.isEmpty() || header.contains("Max-Age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return answer;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
