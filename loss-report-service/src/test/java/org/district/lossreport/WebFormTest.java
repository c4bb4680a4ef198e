package org.district.lossreport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.district.lossreport.Inventory.Device;
import org.district.lossreport.Inventory.Person;
import org.district.testing.TestDb;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The web form as a browser uses it, without JavaScript: sign in with a token, see one's own devices, get errors next
 * to the fields with what was typed kept, a confirmation with the report number, and CSRF protection.
 */
@QuarkusTest
@WithTestResource(MailAndWebhook.class)
class WebFormTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern IDEMPOTENCY_FIELD = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    Inventory inventory;

    @Inject
    DataSource dataSource;

    /** A browser: the cookies it holds. */
    static final class Browser {
        final Map<String, String> cookies = new HashMap<>();

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

        Response post(String path, Map<String, String> form) {
            return keep(request()
                    .contentType("application/x-www-form-urlencoded")
                    .formParams(form)
                    .post(path));
        }
    }

    @Test
    void aPersonSignsInWithATokenAndTheFormOffersTheirOwnDevices() {
        Person pat = inventory.employee(null);
        Person sam = inventory.employee(null);
        Device mine = inventory.laptop(pat, false);
        Device theirs = inventory.laptop(sam, false);
        inventory.awaitKnown(pat, sam);
        inventory.awaitKnown(mine, theirs);

        Browser browser = new Browser();
        Response anonymous = browser.get("/report-loss");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.header("Location")).endsWith("/sign-in?next=/report-loss");

        Response signInPage = browser.get("/sign-in?next=/report-loss");
        assertThat(signInPage.statusCode()).isEqualTo(200);
        assertThat(signInPage.contentType()).startsWith("text/html");
        assertThat(signInPage.asString()).contains("<meta name=\"viewport\"").contains("<label for=\"token\">");

        Response wrong = browser.post(
                "/sign-in", Map.of("csrf", csrf(signInPage), "token", "not-a-token", "next", "/report-loss"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.asString()).contains("not valid here");

        Response signedIn = browser.post(
                "/sign-in",
                Map.of(
                        "csrf", csrf(signInPage),
                        "token", TestTokens.token(pat.districtId(), "STAFF"),
                        "next", "/report-loss"));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/report-loss");
        String setCookie = String.join("\n", signedIn.headers().getValues("Set-Cookie"));
        assertThat(setCookie)
                .contains("district_token=")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");

        Response form = browser.get("/report-loss");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.asString())
                .contains("Signed in as " + pat.districtId())
                .contains("value=\"" + mine.assetTag() + "\"")
                .doesNotContain(theirs.assetTag())
                .contains("<label for=\"lastSeenLocation\">");

        // The same cookie signs in API calls too.
        browser.request().get("/api/v1/loss-reports").then().statusCode(200);

        Response signedOut = browser.post("/sign-out", Map.of("csrf", csrf(form)));
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(browser.cookies).doesNotContainKey("district_token");
        assertThat(browser.get("/report-loss").statusCode()).isEqualTo(303);
    }

    @Test
    void errorsAreShownNextToTheFieldsWithWhatWasTypedAndNothingIsStored() {
        Person pat = inventory.employee(null);
        Device mine = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(mine);
        Browser browser = signedIn(pat, "STAFF");
        Response page = browser.get("/report-loss");

        Map<String, String> fields = new HashMap<>();
        fields.put("csrf", csrf(page));
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
        Browser browser = signedIn(pat, "STAFF");
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
                Map.of("csrf", csrf(confirmation), "policeAgency", "Metro Police", "policeCaseNumber", "MP-9"));
        assertThat(police.statusCode()).isEqualTo(303);
        Response after = browser.get(police.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(after.asString()).contains("case number MP-9").doesNotContain("Add the police case number");

        // The form now shows the device as reported.
        assertThat(browser.get("/report-loss").asString()).contains("already reported: LR-");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndNothingIsStored() {
        Person pat = inventory.employee(null);
        Device mine = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(mine);
        Browser browser = signedIn(pat, "STAFF");
        Response page = browser.get("/report-loss");

        Map<String, String> fields = validTheft(page, mine);
        fields.remove("csrf");
        Response missing = browser.post("/report-loss", fields);
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(missing.asString()).contains("The form has expired");

        fields.put("csrf", "A".repeat(43));
        assertThat(browser.post("/report-loss", fields).statusCode()).isEqualTo(403);
        assertThat(reportsOf(mine)).isZero();
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

        Browser patBrowser = signedIn(pat, "STAFF");
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

        Browser auditor = signedIn(new Inventory.Person(null, "AUD-9", null, null, null, null), "AUDITOR");
        Response forbidden = auditor.get("/report-loss");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.asString()).contains("does not allow reporting");

        Browser expired = new Browser();
        expired.cookies.put("district_token", TestTokens.expired(pat.districtId(), "STAFF"));
        Response bounced = expired.get("/report-loss");
        assertThat(bounced.statusCode()).isEqualTo(303);
        assertThat(bounced.header("Location")).contains("/sign-in");
        assertThat(expired.cookies).doesNotContainKey("district_token");

        given().redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", containsString("/report-loss"));
        given().get("/sign-in").then().statusCode(200).body(not(containsString("Signed in as")));
        given().get("/no-such-page").then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().redirects().follow(false).get("/reports/" + samsReport).then().statusCode(303);
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    // ---------------------------------------------------------------- helpers

    private Browser signedIn(Person p, String role) {
        Browser browser = new Browser();
        Response page = browser.get("/sign-in");
        Response answer = browser.post(
                "/sign-in",
                Map.of("csrf", csrf(page), "token", TestTokens.token(p.districtId(), role), "next", "/report-loss"));
        assertThat(answer.statusCode()).isEqualTo(303);
        return browser;
    }

    private static Map<String, String> validTheft(Response page, Device device) {
        Map<String, String> fields = new HashMap<>();
        fields.put("csrf", csrf(page));
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

    private static String csrf(Response page) {
        return field(CSRF_FIELD, page);
    }

    private static String idempotencyKey(Response page) {
        return field(IDEMPOTENCY_FIELD, page);
    }

    private static String field(Pattern pattern, Response page) {
        Matcher m = pattern.matcher(page.asString());
        assertThat(m.find()).as("the page has the hidden field " + pattern).isTrue();
        return m.group(1);
    }

    private long reportsOf(Device d) {
        return TestDb.of(dataSource).count("select count(*) from loss_report where device_id = ?", d.id());
    }
}
