package org.district.lossreport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.district.lossreport.Inventory.Device;
import org.district.lossreport.Inventory.Person;
import org.district.testing.Keycloak;
import org.district.testing.TestDb;
import org.district.testing.TestTokens;
import org.district.testing.WebSignIn;
import org.junit.jupiter.api.Test;

/**
 * The web form as a browser uses it, without JavaScript: sign in through the district's sign-in page, see one's own
 * devices, get errors next to the fields with what was typed kept, a confirmation with the report number, and CSRF
 * protection.
 */
@QuarkusTest
@WithTestResource(MailAndWebhook.class)
class WebFormTest {

    private static final Pattern IDEMPOTENCY_FIELD = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @TestHTTPResource("/")
    URL base;

    @Inject
    Inventory inventory;

    @Inject
    DataSource dataSource;

    @Test
    void aPersonSignsInThroughTheDistrictAndTheFormOffersTheirOwnDevices() {
        Person pat = inventory.employee(null);
        Person sam = inventory.employee(null);
        Device mine = inventory.laptop(pat, false);
        Device theirs = inventory.laptop(sam, false);
        inventory.awaitKnown(pat, sam);
        inventory.awaitKnown(mine, theirs);

        // Without a session the form sends the browser to the district's sign-in page (code flow with PKCE).
        Response anonymous = given().redirects().follow(false).get("/report-loss");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.header("Location"))
                .startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth?")
                .contains("client_id=loss-report-web")
                .contains("code_challenge_method=S256")
                .contains("redirect_uri=" + URLEncoder.encode(baseUrl() + "/report-loss", StandardCharsets.UTF_8));

        // Signing in there brings the person back to the form, which offers their own devices only.
        WebSignIn signIn = WebSignIn.as(baseUrl() + "/report-loss", pat.districtId(), "STAFF");
        assertThat(signIn.landedOn().getPath()).isEqualTo("/report-loss");
        HttpResponse<String> form = signIn.open("/report-loss");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("Report a lost or stolen device")
                .contains("Signed in as " + pat.districtId())
                .contains("value=\"" + mine.assetTag() + "\"")
                .doesNotContain(theirs.assetTag())
                .contains("<label for=\"lastSeenLocation\">")
                .contains("<button type=\"submit\">Sign out</button>")
                .doesNotContain("sign-in token")
                .doesNotContain("name=\"token\"");

        // The page's session signs in nothing else: the API takes bearer tokens only.
        given().cookies(signIn.cookies())
                .get("/api/v1/loss-reports")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("title", equalTo("Sign-in required"));
    }

    @Test
    void errorsAreShownNextToTheFieldsWithWhatWasTypedAndNothingIsStored() {
        Person pat = inventory.employee(null);
        Device mine = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(mine);
        Browser browser = Browser.signedIn(baseUrl(), pat.districtId(), "STAFF");
        Response page = browser.get("/report-loss");

        Map<String, String> fields = new HashMap<>();
        fields.put("csrf-token", Browser.formToken(page));
        fields.put("idempotencyKey", idempotencyKey(page));
        fields.put("device", mine.assetTag());
        fields.put("lastSeenAt", LOCAL.format(LocalDateTime.now(ZoneOffset.UTC).plusDays(3)));
        fields.put("lastSeenLocation", "Gym <b>locker</b> room");
        fields.put("circumstances", "");
        fields.put("contactPhone", "call me");
        Response answer = browser.post("/report-loss", fields);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("text/html");
        String html = answer.asString();
        assertThat(html)
                .contains("id=\"kind-error\"")
                .contains("id=\"lastSeenAt-error\"")
                .contains("must not be in the future")
                .contains("id=\"circumstances-error\"")
                .contains("id=\"contactPhone-error\"")
                .contains("value=\"Gym &lt;b&gt;locker&lt;/b&gt; room\"")
                .contains("value=\"call me\"")
                .doesNotContain("<b>locker</b>")
                .doesNotContain("Exception");
        assertThat(reportsOf(mine)).isZero();
    }

    @Test
    void aValidFormIsConfirmedWithTheReportNumberAndWhatHappensNext() {
        Person pat = inventory.employee(null);
        Device mine = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(mine);
        Browser browser = Browser.signedIn(baseUrl(), pat.districtId(), "STAFF");
        Response page = browser.get("/report-loss");

        Map<String, String> fields = validTheft(page, mine);
        Response answer = browser.post("/report-loss", fields);
        assertThat(answer.statusCode()).isEqualTo(303);
        String location = answer.header("Location");
        assertThat(location).contains("/reports/").endsWith("?filed=true");

        // Pressing "send" twice (same hidden idempotency key) files one report.
        Response again = browser.post("/report-loss", fields);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.header("Location")).isEqualTo(location);
        assertThat(reportsOf(mine)).isEqualTo(1);

        Response confirmation = browser.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.asString())
                .containsPattern("Report LR-\\d{4}-\\d{6} received")
                .contains("What happens next")
                .contains("report the theft to the police")
                .contains("Add the police case number");

        // The reporter adds the case number on the same page.
        Response police = browser.post(
                location.replaceFirst("^https?://[^/]+", "").replace("?filed=true", "") + "/police-report",
                Map.of(
                        "csrf-token",
                        Browser.formToken(confirmation),
                        "policeAgency",
                        "Metro Police",
                        "policeCaseNumber",
                        "MP-9"));
        assertThat(police.statusCode()).isEqualTo(303);
        Response after = browser.get(police.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(after.asString()).contains("case number MP-9").doesNotContain("Add the police case number");

        // The form now shows the device as reported.
        assertThat(browser.get("/report-loss").asString()).contains("already reported: LR-");
    }

    @Test
    void someoneFilingReportAfterReportIsAskedToWaitOnTheApiAndOnTheForm() {
        Person pat = inventory.employee(null);
        Device mine = inventory.laptop(pat, false);
        Person sam = inventory.employee(null);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(mine);
        Browser browser = Browser.signedIn(baseUrl(), pat.districtId(), "STAFF");
        Response page = browser.get("/report-loss");
        int burst = 30; // district.rate-limit.reports.burst
        for (int i = 0; i < burst; i++) {
            // Each attempt counts, a refused one too (here: nothing named), so the limit also stops probing.
            Api.staff(pat).body("{}").post("/api/v1/loss-reports").then().statusCode(400);
        }

        Api.staff(pat)
                .body(Api.lost(mine))
                .post("/api/v1/loss-reports")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"));
        Response form = browser.post("/report-loss", validTheft(page, mine));
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.contentType()).startsWith("text/html");
        assertThat(form.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(form.asString()).contains("Too many reports").contains("Nothing was saved");
        assertThat(reportsOf(mine)).isZero();
        // Someone else is not held up.
        Api.staff(sam).body("{}").post("/api/v1/loss-reports").then().statusCode(400);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndNothingIsStored() {
        Person pat = inventory.employee(null);
        Device mine = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(mine);
        Browser browser = Browser.signedIn(baseUrl(), pat.districtId(), "STAFF");
        Response page = browser.get("/report-loss");

        Map<String, String> fields = validTheft(page, mine);
        fields.remove("csrf-token");
        Response missing = browser.post("/report-loss", fields);
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(missing.asString())
                .contains("The form has expired")
                .contains("Nothing was saved")
                .contains("Signed in as " + pat.districtId())
                .doesNotContain("Exception");
        // Its sign-out button still works: it carries the token of the browser's cookie.
        assertThat(Browser.formToken(missing)).isEqualTo(browser.cookies.get(Browser.CSRF_COOKIE));

        fields.put("csrf-token", "A".repeat(22));
        Response wrong = browser.post("/report-loss", fields);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.asString()).contains("The form has expired");

        // A browser without the CSRF cookie cannot send the form either, whatever token it names.
        Browser withoutCookie = browser.copy();
        withoutCookie.cookies.remove(Browser.CSRF_COOKIE);
        fields.put("csrf-token", Browser.formToken(page));
        assertThat(withoutCookie.post("/report-loss", fields).statusCode()).isEqualTo(403);

        assertThat(reportsOf(mine)).isZero();

        // The police report form is protected the same way.
        String patsReport = Api.staff(pat)
                .body(Api.stolen(mine))
                .post("/api/v1/loss-reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Response police = browser.post(
                "/reports/" + patsReport + "/police-report",
                Map.of("policeAgency", "Metro Police", "policeCaseNumber", "MP-1"));
        assertThat(police.statusCode()).isEqualTo(403);
        assertThat(police.asString()).contains("The form has expired");
        Api.staff(pat)
                .get("/api/v1/loss-reports/" + patsReport)
                .then()
                .statusCode(200)
                .body("police.caseNumber", nullValue());
        assertThat(reportsOf(mine)).isEqualTo(1);
    }

    @Test
    void pagesAnswerEveryProblemAsAPageNeverAStackTrace() {
        Person pat = inventory.employee(null);
        Person sam = inventory.employee(null);
        Device samsLaptop = inventory.laptop(sam, false);
        inventory.awaitKnown(pat, sam);
        inventory.awaitKnown(samsLaptop);
        String samsReport = Api.staff(sam)
                .body(Api.lost(samsLaptop))
                .post("/api/v1/loss-reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Browser patBrowser = Browser.signedIn(baseUrl(), pat.districtId(), "STAFF");
        Response notTheirs = patBrowser.get("/reports/" + samsReport);
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(notTheirs.contentType()).startsWith("text/html");
        assertThat(patBrowser.get("/reports/not-an-id").statusCode()).isEqualTo(404);

        // Typing someone else's asset tag into the form gets the same answer as an unknown one.
        Response page = patBrowser.get("/report-loss");
        Map<String, String> fields = validTheft(page, samsLaptop);
        fields.put("device", "other");
        fields.put("assetTag", samsLaptop.assetTag());
        Response refused = patBrowser.post("/report-loss", fields);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.asString()).contains("id=\"assetTag-error\"").contains("names no device of yours");

        Browser auditor = Browser.signedIn(baseUrl(), "AUD-" + Inventory.RUN, "AUDITOR");
        Response forbidden = auditor.get("/report-loss");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.asString()).contains("does not allow reporting");

        // Neither the retired sign-in cookie (a token of the development key) nor a made-up session admits anybody.
        Response retired = given().redirects()
                .follow(false)
                .cookie("district_token", TestTokens.retiredDevelopmentKey(pat.districtId(), "STAFF"))
                .get("/report-loss");
        assertThat(retired.statusCode()).isEqualTo(302);
        assertThat(retired.header("Location")).startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth?");
        assertThat(retired.asString()).doesNotContain(pat.districtId());
        Response madeUp = given().redirects()
                .follow(false)
                .cookie(Browser.SESSION_COOKIE, "made-up-session-key")
                .get("/report-loss");
        assertThat(madeUp.statusCode()).isEqualTo(302);
        assertThat(madeUp.header("Location")).startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth?");
        Response bearerOnAPage = given().redirects()
                .follow(false)
                .header("Authorization", TestTokens.bearer(pat.districtId(), "STAFF"))
                .get("/report-loss");
        assertThat(bearerOnAPage.statusCode()).isEqualTo(302);
        assertThat(bearerOnAPage.header("Location")).startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth?");

        given().redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", containsString("/report-loss"));
        given().redirects().follow(false).get("/sign-in").then().statusCode(404);
        given().get("/no-such-page").then().statusCode(404).contentType(startsWith("application/problem+json"));
        // A report's page, opened from a message's link without a session, goes through the sign-in page too.
        given().redirects()
                .follow(false)
                .get("/reports/" + samsReport)
                .then()
                .statusCode(302)
                .header("Location", startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth?"))
                .body(not(containsString(samsLaptop.assetTag())));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    // ---------------------------------------------------------------- helpers

    private String baseUrl() {
        return base.toString().replaceFirst("/$", "");
    }

    /** A valid theft report on the form of {@code page}, with its CSRF token. */
    static Map<String, String> validTheft(Response page, Device device) {
        Map<String, String> fields = new HashMap<>();
        fields.put("csrf-token", Browser.formToken(page));
        fields.put("idempotencyKey", idempotencyKey(page));
        fields.put("device", device.assetTag());
        fields.put("kind", "STOLEN");
        fields.put("lastSeenAt", LOCAL.format(LocalDateTime.now(ZoneOffset.UTC).minusHours(3)));
        fields.put("lastSeenLocation", "Bus stop on Main Street");
        fields.put("circumstances", "My bag was taken while I waited for the bus.");
        fields.put("contactPhone", "555-0100");
        fields.put("policeNotified", "no");
        return fields;
    }

    private static String idempotencyKey(Response page) {
        return Browser.field(IDEMPOTENCY_FIELD, page);
    }

    private long reportsOf(Device d) {
        return reportsOf(dataSource, d);
    }

    static long reportsOf(DataSource dataSource, Device d) {
        return TestDb.of(dataSource).count("select count(*) from loss_report where device_id = ?", d.id());
    }
}
