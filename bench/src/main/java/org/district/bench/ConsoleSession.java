package org.district.bench;

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
import java.util.stream.Collectors;

/**
 * Signs a person in to the console as a browser does (the authorization code flow through the identity provider's
 * login form) and keeps the console's cookies, so that a load generator can ask for pages as that person.
 */
final class ConsoleSession {

    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Cookies by name, for the console and for the identity provider (each sent only to its own host and port). */
    private final Map<String, Map<String, String>> jars = new LinkedHashMap<>();

    private ConsoleSession() {}

    /** The Cookie header of a console session of {@code username}, signed in with {@code password}. */
    static String signIn(String consoleBase, String username, String password)
            throws IOException, InterruptedException {
        ConsoleSession s = new ConsoleSession();
        HttpResponse<String> answer = s.get(URI.create(consoleBase + "/"));
        URI next = s.location(answer);
        // The console sends the browser to the provider; its login page shows the form.
        answer = s.get(next);
        while (answer.statusCode() / 100 == 3) {
            answer = s.get(s.location(answer));
        }
        Matcher form = FORM_ACTION.matcher(answer.body());
        if (!form.find()) {
            throw new IOException("The identity provider showed no login form (status " + answer.statusCode() + ")");
        }
        URI action = URI.create(form.group(1).replace("&amp;", "&"));
        answer = s.post(action, Map.of("username", username, "password", password, "credentialId", ""));
        // Back to the console with the code, which it exchanges; then to the page first asked for.
        for (int hop = 0; hop < 5 && answer.statusCode() / 100 == 3; hop++) {
            answer = s.get(s.location(answer));
        }
        if (answer.statusCode() != 200) {
            throw new IOException("Signing in to the console ended with status " + answer.statusCode());
        }
        return s.cookieHeader(URI.create(consoleBase));
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        String cookies = cookieHeader(uri);
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies);
        }
        return keep(uri, client.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String cookies = cookieHeader(uri);
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies);
        }
        return keep(uri, client.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> keep(URI uri, HttpResponse<String> answer) {
        Map<String, String> jar = jars.computeIfAbsent(origin(uri), k -> new LinkedHashMap<>());
        List<String> set = answer.headers().allValues("set-cookie");
        for (String cookie : set) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = cookie.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return answer;
    }

    private URI location(HttpResponse<String> answer) throws IOException {
        String location = answer.headers()
                .firstValue("location")
                .orElseThrow(() -> new IOException("Expected a redirect, got status " + answer.statusCode()));
        return answer.uri().resolve(location);
    }

    private String cookieHeader(URI uri) {
        return jars.getOrDefault(origin(uri), Map.of()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Cookies are kept per host and port here (the console and the provider are both on this machine). */
    private static String origin(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }
}
