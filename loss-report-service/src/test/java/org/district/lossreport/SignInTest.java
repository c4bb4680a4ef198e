package org.district.lossreport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.district.lossreport.Inventory.Device;
import org.district.lossreport.Inventory.Person;
import org.district.testing.Keycloak;
import org.district.testing.TestDb;
import org.district.testing.WebSignIn;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the pages and out of them: the cookies the code flow leaves in the browser, and signing out, which ends
 * the session here and at the identity provider so that neither the back button nor a copy of the cookie opens a page.
 */
@QuarkusTest
@WithTestResource(MailAndWebhook.class)
class SignInTest {

    private static final String AUTHORIZE = Keycloak.ISSUER + "/protocol/openid-connect/auth?";

    @TestHTTPResource("/")
    URL base;

    @Inject
    Inventory inventory;

    @Inject
    DataSource dataSource;

    @Test
    void theSignInCookiesAreHostOnlySecureHttpOnlyAndNamedForThisService() {
        String subject = Inventory.unique("E");
        SignInSteps steps = SignInSteps.signIn("/report-loss", subject, "STAFF");

        // The state cookie must come back with the provider's cross-site redirect: SameSite=Lax.
        String state = SignInSteps.setCookie(steps.toProvider, "__Host-q_auth_web_lossreport");
        assertHostOnly(state);
        assertThat(state).containsIgnoringCase("SameSite=Lax");

        assertThat(steps.back.statusCode()).isEqualTo(302);
        assertThat(steps.back.header("Location")).isEqualTo(baseUrl() + "/report-loss");
        String session = SignInSteps.setCookie(steps.back, Browser.SESSION_COOKIE + "=");
        assertHostOnly(session);
        assertThat(session).containsIgnoringCase("SameSite=Lax");
        List<String> all = steps.back.headers().getValues("Set-Cookie");
        assertThat(all).as("every sign-in cookie is set with the prefix").noneMatch(h -> h.startsWith("q_"));

        // The cookie holds only the key of a session kept in the database, never the tokens.
        String key = session.substring(session.indexOf('=') + 1, session.indexOf(';'));
        assertThat(key).hasSizeLessThan(64).doesNotContain(".");
        assertThat(sessionsWithKey(key)).isEqualTo(1);

        Response form = given().redirects()
                .follow(false)
                .cookie(Browser.SESSION_COOKIE, key)
                .get("/report-loss");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.asString()).contains("Signed in as " + subject);
        String csrf = SignInSteps.setCookie(form, Browser.CSRF_COOKIE + "=");
        assertHostOnly(csrf);
        assertThat(csrf).containsIgnoringCase("SameSite=Strict");
        assertThat(Browser.formToken(form)).isEqualTo(csrf.substring(csrf.indexOf('=') + 1, csrf.indexOf(';')));
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProviderAndAnOldCookieOpensNothing() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop);
        String report = Api.staff(pat)
                .body(Api.lost(laptop))
                .post("/api/v1/loss-reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        WebSignIn signIn = WebSignIn.as(baseUrl() + "/reports/" + report, pat.districtId(), "STAFF");
        assertThat(signIn.landedOn().getPath()).as("back on the page opened").isEqualTo("/reports/" + report);
        Browser browser = Browser.of(signIn);
        Browser copied = browser.copy();
        Response page = browser.get("/reports/" + report);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains(laptop.assetTag()).contains("Signed in as " + pat.districtId());
        // Never kept by the browser: the back button asks again.
        assertThat(page.header("Cache-Control")).contains("no-store");
        String key = browser.cookies.get(Browser.SESSION_COOKIE);
        assertThat(sessionsWithKey(key)).isEqualTo(1);

        Response out = browser.post("/sign-out", Map.of("csrf-token", Browser.formToken(page)));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.header("Location"))
                .startsWith(Keycloak.ISSUER + "/protocol/openid-connect/logout?")
                .contains("id_token_hint=")
                .contains("post_logout_redirect_uri="
                        + URLEncoder.encode(baseUrl() + "/signed-out", StandardCharsets.UTF_8));
        assertThat(browser.cookies).doesNotContainKey(Browser.SESSION_COOKIE);
        assertThat(sessionsWithKey(key))
                .as("the session is gone from the database")
                .isZero();

        // The provider ends its own session and sends the browser to the signed-out page.
        HttpResponse<String> signedOut = signIn.open(out.header("Location"));
        assertThat(signedOut.uri().getPath()).isEqualTo("/signed-out");
        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(signedOut.body())
                .contains("You are signed out")
                .contains("<a class=\"primary\" href=\"/report-loss\">Sign in again</a>")
                .doesNotContain("Signed in as")
                .doesNotContain(laptop.assetTag());

        // The back button, or a copy of the old cookie, gets the sign-in page and no data.
        for (String path : List.of("/reports/" + report, "/report-loss")) {
            Response replayed = copied.copy().get(path);
            assertThat(replayed.statusCode()).as(path).isEqualTo(302);
            assertThat(replayed.header("Location")).startsWith(AUTHORIZE);
            assertThat(replayed.asString()).doesNotContain(laptop.assetTag()).doesNotContain(pat.districtId());
        }
        // And the provider asks for the password again: its session ended too.
        HttpResponse<String> again = signIn.open("/reports/" + report);
        assertThat(again.uri().toString()).startsWith(Keycloak.ISSUER);
        assertThat(again.body()).contains("kc-form-login").doesNotContain(laptop.assetTag());
    }

    @Test
    void onlyThePagesSignOutButtonSignsOut() {
        Browser browser = Browser.signedIn(baseUrl(), Inventory.unique("E"), "STAFF");
        Response form = browser.get("/report-loss");
        String token = Browser.formToken(form);

        // A link elsewhere (a GET) asks to confirm instead.
        Response link = browser.get("/sign-out");
        assertThat(link.statusCode()).isEqualTo(303);
        assertThat(link.header("Location")).endsWith("/confirm-sign-out");
        // Another site's form, or one that says nothing of where it comes from, is refused before anything happens.
        Response crossSite = browser.request()
                .header("Origin", "https://evil.example")
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token)
                .post("/sign-out");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.contentType()).startsWith("application/problem+json");
        Response unnamed = given().redirects()
                .follow(false)
                .cookies(browser.cookies)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token)
                .post("/sign-out");
        assertThat(unnamed.statusCode()).isEqualTo(403);
        assertThat(browser.get("/report-loss").statusCode())
                .as("still signed in")
                .isEqualTo(200);

        Response confirm = browser.get("/confirm-sign-out");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.asString()).contains("Sign out?").contains("action=\"/sign-out\"");
        Response out = browser.post("/sign-out", Map.of("csrf-token", Browser.formToken(confirm)));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.header("Location")).startsWith(Keycloak.ISSUER + "/protocol/openid-connect/logout?");

        // Without a session here, the provider (whose session may outlive this one on a shared computer) is asked who
        // it
        // is first, then the person confirms: signing out never leaves the provider's session behind.
        given().redirects()
                .follow(false)
                .post("/sign-out")
                .then()
                .statusCode(302)
                .header(
                        "Location",
                        org.hamcrest.Matchers.startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth"));
    }

    private static void assertHostOnly(String setCookie) {
        assertThat(setCookie)
                .startsWith("__Host-")
                .contains("Path=/")
                .containsIgnoringCase("; Secure")
                .containsIgnoringCase("; HttpOnly")
                .doesNotContainIgnoringCase("Domain=");
    }

    private long sessionsWithKey(String key) {
        return TestDb.of(dataSource).count("select count(*) from web_session where key_sha256 = ?", sha256(key));
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String baseUrl() {
        return base.toString().replaceFirst("/$", "");
    }
}
