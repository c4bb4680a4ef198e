package org.district.lossreport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.district.lossreport.Inventory.Device;
import org.district.lossreport.Inventory.Person;
import org.district.testing.TestDb;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The API trusts bearer access tokens of the district's identity provider that are meant for the district's API and
 * fresh, and nothing else: every other token is answered 401 with problem details, never with a redirect.
 */
@QuarkusTest
@WithTestResource(MailAndWebhook.class)
class ApiSignInTest {

    private static final String REPORTS = "/api/v1/loss-reports";

    @Inject
    Inventory inventory;

    @Inject
    DataSource dataSource;

    @Test
    void onlyAFreshTokenOfTheProviderForTheDistrictsApiIsAccepted() {
        String it = Api.IT;
        given().header("Authorization", TestTokens.bearer(it, "IT_ADMIN"))
                .get(REPORTS)
                .then()
                .statusCode(200);
        // A token of the tests' own signing key is accepted while young: what refuses the old one below is its age.
        given().header("Authorization", "Bearer " + TestTokens.issuedAgo(Duration.ofMinutes(1), it, "IT_ADMIN"))
                .get(REPORTS)
                .then()
                .statusCode(200);

        Map<String, String> refused = TestTokens.refused(it, "IT_ADMIN");
        refused.forEach((what, token) -> {
            Response answer = given().redirects()
                    .follow(false)
                    .header("Authorization", "Bearer " + token)
                    .get(REPORTS);
            assertRefused(answer, what);
        });
    }

    @Test
    void aRefusedTokenFilesNothing() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop);
        for (String token : new String[] {
            TestTokens.retiredDevelopmentKey(pat.districtId(), "STAFF"),
            TestTokens.forAnotherClient(pat.districtId(), "STAFF"),
            TestTokens.expired(pat.districtId(), "STAFF"),
            TestTokens.issuedAgo(Duration.ofMinutes(20), pat.districtId(), "STAFF")
        }) {
            Response answer = given().redirects()
                    .follow(false)
                    .header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON)
                    .body(Api.lost(laptop))
                    .post(REPORTS);
            assertRefused(answer, "a report filed with a refused token");
        }
        assertThat(reportsOf(laptop)).isZero();
        Api.staff(pat).body(Api.lost(laptop)).post(REPORTS).then().statusCode(201);
        assertThat(reportsOf(laptop)).isEqualTo(1);
    }

    @Test
    void theApiSetsNoCookieAndAnswersAFormWithProblemDetails() {
        Response list = given().header("Authorization", TestTokens.bearer(Api.IT, "IT_ADMIN"))
                .get(REPORTS);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().getValues("Set-Cookie"))
                .as("bearer callers hold no cookie")
                .isEmpty();

        Response form = given().header("Authorization", TestTokens.bearer(Api.IT, "IT_ADMIN"))
                .contentType(ContentType.URLENC)
                .formParam("assetTag", "T-1")
                .post(REPORTS);
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.contentType()).startsWith("application/problem+json");
    }

    @Test
    void withoutATokenTheApiAnswers401NeverARedirect() {
        for (String path :
                new String[] {REPORTS, REPORTS + "/" + java.util.UUID.randomUUID(), "/api/v1/notifications"}) {
            assertRefused(given().redirects().follow(false).get(path), "no token on " + path);
        }
    }

    private long reportsOf(Device d) {
        return TestDb.of(dataSource).count("select count(*) from loss_report where device_id = ?", d.id());
    }

    private static void assertRefused(Response answer, String what) {
        assertThat(answer.statusCode()).as(what).isEqualTo(401);
        assertThat(answer.header("Location")).as(what + ": never a redirect").isNull();
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        assertThat(answer.<Integer>path("status")).as(what).isEqualTo(401);
        assertThat(answer.<String>path("title")).as(what).isEqualTo("Sign-in required");
        assertThat(answer.header("WWW-Authenticate")).as(what).startsWith("Bearer");
    }
}
