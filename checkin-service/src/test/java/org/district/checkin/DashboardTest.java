package org.district.checkin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.district.testing.Keycloak;
import org.district.testing.TestTokens;
import org.district.testing.WebSignIn;
import org.junit.jupiter.api.Test;

/**
 * The IT dashboard as people use it: signed in through the district's login page (the tests' identity provider, in
 * the code flow a browser goes through), its forms protected by CSRF tokens and the Origin check, its pages by their
 * headers, and signing out ending the session here and at the provider.
 */
@QuarkusTest
class DashboardTest {

    private static final String SESSION_COOKIE = "__Host-q_session_web_checkin";
    private static final String CSRF_COOKIE = "__Host-csrf-checkin";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    Db db;

    @TestHTTPResource("/dashboard")
    URI dashboard;

    @Test
    void aBrowserWithoutASessionIsSentToTheLoginPageAndOtherRolesGetAPageSayingSo() {
        given().redirects()
                .follow(false)
                .get("/dashboard")
                .then()
                .statusCode(302)
                .header("Location", startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=checkin-web"))
                .header("Location", containsString("code_challenge_method=S256"));
        // The dashboard takes only its own session: not a bearer token, not a device credential.
        given().redirects()
                .follow(false)
                .header("Authorization", TestTokens.bearer("IT-" + Feed.RUN, "IT_ADMIN"))
                .get("/dashboard")
                .then()
                .statusCode(302)
                .header("Location", startsWith(Keycloak.ISSUER));
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        given().redirects()
                .follow(false)
                .header("Authorization", "Device " + Api.credential(laptop.id()))
                .get("/dashboard")
                .then()
                .statusCode(302)
                .header("Location", startsWith(Keycloak.ISSUER));

        // Followed, the redirect shows the provider's login page.
        given().get("/dashboard")
                .then()
                .statusCode(200)
                .body(containsString("kc-form-login"))
                .body(not(containsString("IT dashboard")));

        for (String[] person :
                new String[][] {{"E-" + Feed.RUN, "STAFF"}, {laptop.id().toString(), "DEVICE"}}) {
            WebSignIn browser = WebSignIn.as(dashboard.toString(), person[0], person[1]);
            HttpResponse<String> page = browser.open("/dashboard");
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body())
                    .contains("Not for your role")
                    .contains("The IT dashboard is for IT staff and auditors.")
                    .contains("action=\"/sign-out\"")
                    .doesNotContain("count-open-tasks");
        }
    }

    @Test
    void rendersForItWithActionsAndForAuditorsReadOnly() {
        String school = Feed.unique("SCHOOL");
        Feed.Person leaving = db.known(Feed.person(school));
        Feed.Device laptop = db.known(Feed.laptop(school).assignedTo(leaving, Instant.now()));
        offboard(leaving);

        // Signed in from a link to the filtered page, the browser comes back to that page.
        WebSignIn it = WebSignIn.as(dashboard + "?school=" + school, "IT-" + Feed.RUN, "IT_ADMIN");
        assertThat(it.landedOn().getPath()).isEqualTo("/dashboard");
        assertThat(it.landedOn().getQuery()).isEqualTo("school=" + school);
        String page = it.open("/dashboard?school=" + school).body();
        assertThat(page)
                .contains("IT dashboard - " + school)
                .contains("Signed in as IT_ADMIN:IT-" + Feed.RUN)
                .contains(laptop.assetTag())
                .contains("Received")
                .contains("<div class=\"count\" id=\"count-open-tasks\"><b>1</b>");

        WebSignIn auditor = WebSignIn.as(dashboard.toString(), "AU-" + Feed.RUN, "AUDITOR");
        String readOnly = auditor.open("/dashboard?school=" + school).body();
        assertThat(readOnly).contains(laptop.assetTag()).doesNotContain("Received");
        // Markup in a filter value is escaped, never rendered.
        HttpResponse<String> escaped =
                it.open("/dashboard?school=" + URLEncoder.encode("<script>x</script>", StandardCharsets.UTF_8));
        assertThat(escaped.statusCode()).isEqualTo(200);
        assertThat(escaped.body()).doesNotContain("<script>x");
    }

    @Test
    void pagesCarryTheirProtectionAndLayOutOnAPhone() {
        WebSignIn it = WebSignIn.as(dashboard.toString(), "IT-" + Feed.RUN, "IT_ADMIN");
        Response page = signedIn(it).get("/dashboard");
        page.then()
                .statusCode(200)
                .header("Content-Type", equalTo("text/html;charset=UTF-8"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("style-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self' http://localhost:8181"))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                // Kept by no cache, so the back button after signing out asks the service again.
                .header("Cache-Control", "no-store");
        assertThat(page.getHeader("Content-Security-Policy")).doesNotContain("unsafe-inline");
        // Nothing the policy would block: no inline style or script; the style sheet is the service's own file.
        assertThat(page.asString())
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<link rel=\"stylesheet\" href=\"/css/checkin.css\">")
                .doesNotContain("<style")
                .doesNotContain("style=")
                .doesNotContain("<script");
        given().get("/css/checkin.css")
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"))
                .body(containsString("@media (max-width: 600px)"));
        given().get("/signed-out")
                .then()
                .statusCode(200)
                .header("Content-Type", equalTo("text/html;charset=UTF-8"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", "DENY")
                .body(containsString("You have signed out"));
    }

    @Test
    void theSessionAndCsrfCookiesAreHostOnlySecureAndThisServicesOwn() {
        StepBrowser browser = new StepBrowser();
        // The sign-in state, set when the browser is sent to the provider.
        HttpResponse<String> challenge = browser.get(dashboard);
        String state = challenge.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-q_auth_web_checkin"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no __Host- state cookie in " + challenge.headers().allValues("Set-Cookie")));
        assertThat(state)
                .contains("; Path=/")
                .contains("; Secure")
                .containsIgnoringCase("; HttpOnly")
                .doesNotContain("Domain=");
        assertThat(StepBrowser.cookieNames(challenge)).allMatch(name -> name.startsWith("__Host-"));

        // The session, set when the provider sends the browser back with the code.
        HttpResponse<String> loginPage = browser.follow(challenge);
        HttpResponse<String> callback =
                browser.get(URI.create(StepBrowser.location(browser.logIn(loginPage, "IT-" + Feed.RUN, "IT_ADMIN"))));
        String session = StepBrowser.setCookie(callback, SESSION_COOKIE);
        assertThat(session)
                .as("Set-Cookie of the callback: %s", callback.headers().allValues("Set-Cookie"))
                .isNotNull()
                .contains("; Path=/")
                .contains("; Secure")
                .containsIgnoringCase("; HttpOnly")
                .containsIgnoringCase("; SameSite=Lax")
                .contains("; Max-Age=")
                .doesNotContain("Domain=");
        assertThat(StepBrowser.cookieNames(callback))
                .allMatch(name -> name.startsWith("__Host-"))
                .doesNotContain("q_session_web_checkin");
        assertThat(browser.follow(callback).body()).contains("IT dashboard");

        // The CSRF cookie of the forms.
        WebSignIn it = WebSignIn.as(dashboard.toString(), "IT-" + Feed.RUN, "IT_ADMIN");
        String csrf = signedIn(it).get("/dashboard").getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(CSRF_COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertThat(csrf)
                .contains("; Path=/")
                .contains("; Secure")
                .containsIgnoringCase("; HttpOnly")
                .containsIgnoringCase("; SameSite=Strict")
                .doesNotContain("Domain=");
    }

    @Test
    void formsNeedTheCsrfTokenAndMustComeFromTheServicesOwnPages() {
        String school = Feed.unique("SCHOOL");
        Feed.Person leaving = db.known(Feed.person(school));
        db.known(Feed.laptop(school).assignedTo(leaving, Instant.now()));
        String taskId = offboard(leaving);
        String received = "/dashboard/return-tasks/" + taskId + "/returned";

        WebSignIn it = WebSignIn.as(dashboard + "?school=" + school, "IT-" + Feed.RUN, "IT_ADMIN");
        String page = it.open("/dashboard?school=" + school).body();
        String token = csrfToken(page);
        assertThat(it.cookies()).containsKeys(SESSION_COOKIE, CSRF_COOKIE);
        // Every form on the page carries it: "Received" and "Sign out".
        assertThat(page.split("name=\"csrf-token\"", -1)).hasSize(3);

        // Without the token, or with another one (made up, or another browser's): refused, with a page saying what
        // to do.
        WebSignIn auditor = WebSignIn.as(dashboard.toString(), "AU-" + Feed.RUN, "AUDITOR");
        String auditorsToken = csrfToken(auditor.open("/dashboard").body());
        for (String forged : new String[] {null, "forged", auditorsToken}) {
            RequestSpecification post = signedIn(it)
                    .redirects()
                    .follow(false)
                    .header("Origin", it.origin())
                    .formParam("school", school);
            if (forged != null) {
                post.formParam("csrf-token", forged);
            }
            post.post(received)
                    .then()
                    .statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString("reload the dashboard"));
        }
        assertThat(taskStatus(taskId)).isEqualTo("OPEN");

        // From another site's page, or from nowhere it says: refused before anything reads the form.
        for (String origin : new String[] {"http://evil.example", null}) {
            RequestSpecification post = signedIn(it)
                    .redirects()
                    .follow(false)
                    .formParam("csrf-token", token)
                    .formParam("school", school);
            if (origin != null) {
                post.header("Origin", origin);
            }
            post.post(received)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:district:problem:cross-origin-request"));
        }
        assertThat(taskStatus(taskId)).isEqualTo("OPEN");

        // An auditor reads but does not act.
        signedIn(auditor)
                .redirects()
                .follow(false)
                .header("Origin", auditor.origin())
                .formParam("csrf-token", auditorsToken)
                .post(received)
                .then()
                .statusCode(403)
                .body(containsString("Not for your role"));
        assertThat(taskStatus(taskId)).isEqualTo("OPEN");

        signedIn(it)
                .redirects()
                .follow(false)
                .header("Origin", it.origin())
                .formParam("csrf-token", token)
                .formParam("school", school)
                .post(received)
                .then()
                .statusCode(303)
                .header("Location", containsString("/dashboard?school=" + school));
        assertThat(taskStatus(taskId)).isEqualTo("RETURNED");
        assertThat(db.text("select received_by from return_task where id = ?::uuid", taskId))
                .isEqualTo("IT_ADMIN:IT-" + Feed.RUN);

        // A form that names nothing (the task is gone): a page saying so in words, not problem details.
        String unknown = java.util.UUID.randomUUID().toString();
        signedIn(it)
                .redirects()
                .follow(false)
                .header("Origin", it.origin())
                .formParam("csrf-token", token)
                .post("/dashboard/return-tasks/" + unknown + "/returned")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("No return task with id &#39;" + unknown + "&#39; was found."));
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProvider() {
        WebSignIn it = WebSignIn.as(dashboard.toString(), "IT-" + Feed.RUN, "IT_ADMIN");
        String token = csrfToken(it.open("/dashboard").body());
        // What a browser holds now, and what someone who copied its cookies would replay later.
        Map<String, String> copied = it.cookies();

        // Not from another site's page: refused, and the session goes on.
        signedIn(it)
                .redirects()
                .follow(false)
                .header("Origin", "http://evil.example")
                .formParam("csrf-token", token)
                .post("/sign-out")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        signedIn(it).get("/dashboard").then().statusCode(200).body(containsString("Signed in as IT_ADMIN"));

        Response signOut = signedIn(it)
                .redirects()
                .follow(false)
                .header("Origin", it.origin())
                .formParam("csrf-token", token)
                .post("/sign-out");
        signOut.then()
                .statusCode(302)
                .header("Location", startsWith(Keycloak.ISSUER + "/protocol/openid-connect/logout"))
                .header("Location", containsString("id_token_hint="))
                .header(
                        "Location",
                        containsString("post_logout_redirect_uri="
                                + URLEncoder.encode(it.origin() + "/signed-out", StandardCharsets.UTF_8)));
        assertThat(signOut.getHeaders().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(SESSION_COOKIE + "=;").contains("Max-Age=0"));

        // The browser follows to the provider, which ends its own session and sends it to the signed-out page.
        HttpResponse<String> signedOut = it.open(signOut.getHeader("Location"));
        assertThat(signedOut.uri().getPath()).isEqualTo("/signed-out");
        assertThat(signedOut.body()).contains("You have signed out");

        // The back button (the page is never cached) and a replayed copy of the old cookie: the sign-in, not data.
        given().redirects()
                .follow(false)
                .cookies(copied)
                .get("/dashboard")
                .then()
                .statusCode(302)
                .header("Location", startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth"));
        // And the provider asks for the password again: its session ended too.
        HttpResponse<String> again = it.open("/dashboard");
        assertThat(again.uri().toString()).startsWith(Keycloak.ISSUER);
        assertThat(again.body()).contains("kc-form-login").doesNotContain("IT dashboard");
        given().redirects()
                .follow(false)
                .cookies(copied)
                .header("Origin", it.origin())
                .formParam("csrf-token", token)
                .post("/dashboard/return-tasks/" + java.util.UUID.randomUUID() + "/returned")
                .then()
                .statusCode(302)
                .header("Location", startsWith(Keycloak.ISSUER));
        // Signing out again from a page left open (in another tab): the provider's login, not an error.
        given().redirects()
                .follow(false)
                .cookies(copied)
                .header("Origin", it.origin())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token)
                .post("/sign-out")
                .then()
                .statusCode(302)
                .header("Location", startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth"));
    }

    @Test
    void signingOutAfterTheSessionExpiredStillEndsTheProvidersSession() {
        StepBrowser browser = new StepBrowser();
        HttpResponse<String> loginPage = browser.follow(browser.get(dashboard));
        HttpResponse<String> page = browser.follow(browser.logIn(loginPage, "IT-" + Feed.RUN, "IT_ADMIN"));
        String token = csrfToken(page.body());
        // The dashboard stayed open past the session cookie's life; the provider's session goes on.
        browser.forgetCookiesOf(dashboard);

        // Sign out: the provider signs the browser in again without asking and sends it back, where the person is asked
        // to confirm (a request that did not come from this page's button must never sign anyone out by itself).
        HttpResponse<String> confirm =
                browser.follow(browser.post(dashboard.resolve("/sign-out"), "csrf-token=" + token));
        assertThat(confirm.uri().getPath()).isEqualTo("/confirm-sign-out");
        assertThat(confirm.body()).contains("Sign out?");
        HttpResponse<String> signedOut =
                browser.follow(browser.post(dashboard.resolve("/sign-out"), "csrf-token=" + csrfToken(confirm.body())));
        assertThat(signedOut.uri().getPath()).isEqualTo("/signed-out");
        assertThat(signedOut.body()).contains("You have signed out");
        // Signed out at the provider too: the dashboard asks for the password again.
        assertThat(browser.follow(browser.get(dashboard)).body())
                .contains("kc-form-login")
                .doesNotContain("IT dashboard");
    }

    /** A request of the signed-in browser: its cookies (the session, the CSRF cookie), sending a form. */
    private static RequestSpecification signedIn(WebSignIn browser) {
        return given().cookies(browser.cookies()).contentType("application/x-www-form-urlencoded");
    }

    private static String csrfToken(String page) {
        Matcher field = CSRF_FIELD.matcher(page);
        assertThat(field.find()).as("a CSRF field in %s", page).isTrue();
        return field.group(1);
    }

    private String taskStatus(String taskId) {
        return db.text("select status from return_task where id = ?::uuid", taskId);
    }

    private static String offboard(Feed.Person leaving) {
        return Api.as("HR-" + Feed.RUN, "HR")
                .body(Map.of(
                        "personId",
                        leaving.id().toString(),
                        "lastWorkingDay",
                        LocalDate.now().toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(201)
                .extract()
                .path("openTasks[0].id");
    }
}
