package org.district.lossreport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.district.testing.WebSignIn;

/**
 * A phone's browser on the pages after signing in through the district's sign-in page: it holds the service's cookies
 * (the session, the CSRF cookie), sends them with every request, keeps what the service sets or clears, and sends its
 * pages' origin with every form, as browsers do. Redirects are not followed, so the tests see each answer.
 */
final class Browser {

    /** The CSRF token in a page's forms. */
    static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** The session cookie, as the browser holds it. */
    static final String SESSION_COOKIE = "__Host-q_session_web_lossreport";

    /** The CSRF cookie, as the browser holds it. */
    static final String CSRF_COOKIE = "__Host-csrf-lossreport";

    final Map<String, String> cookies = new LinkedHashMap<>();
    final String origin;

    private Browser(Map<String, String> cookies, String origin) {
        this.cookies.putAll(cookies);
        this.origin = origin;
    }

    /** Signs in at the identity provider as the user for {@code subject} with {@code role}, from the report form. */
    static Browser signedIn(String baseUrl, String subject, String... roles) {
        WebSignIn signIn = WebSignIn.as(baseUrl + "/report-loss", subject, roles);
        assertThat(signIn.landedOn().getPath())
                .as("back on the form after signing in")
                .isEqualTo("/report-loss");
        return of(signIn);
    }

    /** The service's side of a browser that signed in. */
    static Browser of(WebSignIn signIn) {
        Browser browser = new Browser(signIn.cookies(), signIn.origin());
        assertThat(browser.cookies).containsKey(SESSION_COOKIE);
        return browser;
    }

    /** A copy holding the same cookies: the same browser later, or a stolen copy of its cookies. */
    Browser copy() {
        return new Browser(cookies, origin);
    }

    RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    Response keep(Response response) {
        response.getDetailedCookies().asList().forEach(c -> {
            if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        return response;
    }

    Response get(String path) {
        return keep(request().get(path));
    }

    /** Sends a form from one of the service's pages. */
    Response post(String path, Map<String, String> form) {
        return keep(request()
                .header("Origin", origin)
                .contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .post(path));
    }

    /** The CSRF token of the page's forms. */
    static String formToken(Response page) {
        return field(FORM_TOKEN, page);
    }

    static String field(Pattern pattern, Response page) {
        Matcher m = pattern.matcher(page.asString());
        assertThat(m.find()).as("the page has the hidden field " + pattern).isTrue();
        return m.group(1);
    }
}
