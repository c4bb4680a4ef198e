package org.district.lossreport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.district.lossreport.Inventory.Device;
import org.district.lossreport.Inventory.Person;
import org.district.testing.TestDb;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The pages people used here (the report form, a report's page, signing out) moved to the IT console: their old
 * addresses, from a bookmark or an older message's link, lead there for good without anyone signing in here, and the
 * forms they used to send are gone, so nothing can be filed or changed through them.
 */
@QuarkusTest
@WithTestResource(MailAndWebhook.class)
class MovedPagesTest {

    /** The console as the tests' configuration names it (district.links.console-base-url). */
    private static final String CONSOLE = "http://localhost:8084";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    Inventory inventory;

    @Inject
    DataSource dataSource;

    @Test
    void everyOldPageLeadsForGoodToItsPlaceInTheConsoleWithoutSigningIn() {
        Map<String, String> moved = new LinkedHashMap<>();
        moved.put("/", CONSOLE + "/devices");
        moved.put("/report-loss", CONSOLE + "/devices");
        UUID report = UUID.randomUUID();
        moved.put("/reports/" + report, CONSOLE + "/loss-reports/" + report);
        moved.put("/reports/" + report + "?filed=true", CONSOLE + "/loss-reports/" + report);
        // Whatever the address carries, the way on is the console's own page, never somewhere the address names.
        moved.put("/reports/evil.example?next=https://evil.example/", CONSOLE + "/my-reports");
        moved.put("/confirm-sign-out", CONSOLE + "/confirm-sign-out");
        moved.put("/signed-out", CONSOLE + "/signed-out");

        moved.forEach((path, target) -> {
            Response answer = given().redirects().follow(false).get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(301);
            assertThat(answer.header("Location")).as(path).isEqualTo(target);
            // A browser still holding the session cookie of the old pages is sent on the same way.
            Response withOldSession = given().redirects()
                    .follow(false)
                    .cookie("__Host-q_session_web_lossreport", "an-old-session-key")
                    .get(path);
            assertThat(withOldSession.statusCode())
                    .as(path + " with an old session")
                    .isEqualTo(301);
            assertThat(withOldSession.header("Location"))
                    .as(path + " with an old session")
                    .isEqualTo(target);
        });

        // An address that never was a page is not sent anywhere.
        given().redirects()
                .follow(false)
                .get("/no-such-page")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .header("Location", nullValue());
    }

    @Test
    void theOldFormsAreGoneAndNothingIsFiledOrChangedThroughThem() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        Device stolen = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop, stolen);
        // A theft still owing its police case number: the old report page's form would have recorded one.
        String owing = Api.staff(pat)
                .body(Api.stolen(stolen))
                .post("/api/v1/loss-reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Map<String, String> reportForm = new LinkedHashMap<>();
        reportForm.put("idempotencyKey", UUID.randomUUID().toString());
        reportForm.put("device", laptop.assetTag());
        reportForm.put("kind", "STOLEN");
        reportForm.put(
                "lastSeenAt", LOCAL.format(LocalDateTime.now(ZoneOffset.UTC).minusHours(3)));
        reportForm.put("lastSeenLocation", "Bus stop on Main Street");
        reportForm.put("circumstances", "My bag was taken while I waited for the bus.");
        reportForm.put("contactPhone", "555-0100");
        reportForm.put("policeNotified", "no");
        Map<String, String> policeForm = Map.of("policeAgency", "Metro Police", "policeCaseNumber", "MP-9");

        // Neither anonymously nor signed in to the API.
        List<Supplier<RequestSpecification>> callers = List.of(
                () -> given(), () -> given().header("Authorization", TestTokens.bearer(pat.districtId(), "STAFF")));
        for (Supplier<RequestSpecification> caller : callers) {
            assertGone(caller.get(), "/report-loss", reportForm);
            assertGone(caller.get(), "/reports/" + owing + "/police-report", policeForm);
            assertGone(caller.get(), "/sign-out", Map.of("csrf-token", "a-token-of-the-old-pages"));
        }

        assertThat(reportsOf(laptop)).as("no report filed through the old form").isZero();
        Api.staff(pat)
                .get("/api/v1/loss-reports/" + owing)
                .then()
                .statusCode(200)
                .body("police.caseNumber", nullValue());
    }

    private static void assertGone(RequestSpecification request, String path, Map<String, String> form) {
        Response answer = request.redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParams(form)
                .post(path);
        assertThat(answer.statusCode()).as("POST " + path).isIn(404, 405);
        assertThat(answer.header("Location")).as("POST " + path).isNull();
    }

    private long reportsOf(Device d) {
        return TestDb.of(dataSource).count("select count(*) from loss_report where device_id = ?", d.id());
    }
}
