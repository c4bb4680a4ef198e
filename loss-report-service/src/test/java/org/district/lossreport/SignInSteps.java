package org.district.lossreport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
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
 * The code flow one answer at a time, for tests that look at what the service answers on each step (the cookies it
 * sets, and how): the form sends the browser to the identity provider, the person signs in there, and the provider
 * sends the browser back to the service with a code. test-support's WebSignIn does the same in one call.
 */
final class SignInSteps {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final HttpClient PROVIDER = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** The service's answer that sent the browser to the provider (it sets the state cookie). */
    final Response toProvider;

    /** The service's answer to the browser coming back with the code (it sets the session cookie). */
    final Response back;

    private SignInSteps(Response toProvider, Response back) {
        this.toProvider = toProvider;
        this.back = back;
    }

    /** Opens {@code path} without a session and signs in as the user for {@code subject} with {@code roles}. */
    static SignInSteps signIn(String path, String subject, String... roles) {
        String username = Keycloak.user(subject, roles);
        Response toProvider = given().redirects().follow(false).get(path);
        assertThat(toProvider.statusCode()).isEqualTo(302);
        Map<String, String> providerCookies = new LinkedHashMap<>();
        HttpResponse<String> loginPage = send(
                HttpRequest.newBuilder(URI.create(toProvider.header("Location")))
                        .GET(),
                providerCookies);
        Matcher action = LOGIN_FORM.matcher(loginPage.body());
        assertThat(action.find()).as("the provider's login page").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Keycloak.TEST_PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> signedIn = send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                providerCookies);
        assertThat(signedIn.statusCode())
                .as("the provider sends the browser back")
                .isEqualTo(302);
        URI callback = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        Map<String, String> serviceCookies = new LinkedHashMap<>();
        toProvider.getDetailedCookies().asList().forEach(c -> serviceCookies.put(c.getName(), c.getValue()));
        Response back = given().redirects()
                .follow(false)
                .cookies(serviceCookies)
                .urlEncodingEnabled(false)
                .get(callback.getRawPath() + "?" + callback.getRawQuery());
        return new SignInSteps(toProvider, back);
    }

    /** The Set-Cookie header of an answer that sets the cookie {@code name} (with a value). */
    static String setCookie(Response answer, String namePrefix) {
        List<String> headers = answer.headers().getValues("Set-Cookie");
        return headers.stream()
                .filter(h -> h.startsWith(namePrefix) && !h.startsWith(namePrefix + "=;"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + namePrefix + " set in " + headers));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies) {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ")
                    .append(name)
                    .append('=')
                    .append(value));
            request.header("Cookie", header.toString());
        }
        try {
            HttpResponse<String> response = PROVIDER.send(
                    request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(
                            pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
