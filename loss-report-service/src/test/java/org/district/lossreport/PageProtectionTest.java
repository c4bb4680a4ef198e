package org.district.lossreport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import javax.sql.DataSource;
import org.district.lossreport.Inventory.Device;
import org.district.lossreport.Inventory.Person;
import org.district.testing.Keycloak;
import org.junit.jupiter.api.Test;

/**
 * What every page gets from the browser's protections and must work under: a Content-Security-Policy without inline
 * styles or scripts (the stylesheet is served by the service), no framing, a referrer policy, a character set, the
 * phone's viewport; and a signed-in browser's form from another site is refused before anything is written.
 */
@QuarkusTest
@WithTestResource(MailAndWebhook.class)
class PageProtectionTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Inventory inventory;

    @Inject
    DataSource dataSource;

    @Test
    void everyPageCarriesTheBrowserProtectionsAndNeedsNoInlineStyleOrScript() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop);
        String report = Api.staff(pat)
                .body(Api.stolen(laptop))
                .post("/api/v1/loss-reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Browser browser = Browser.signedIn(baseUrl(), pat.districtId(), "STAFF");

        Response form = browser.get("/report-loss");
        assertThat(form.statusCode()).isEqualTo(200);
        assertProtectedPage(form);
        assertThat(form.asString())
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<link rel=\"stylesheet\" href=\"/css/lossreport.css\">");
        String policy = form.header("Content-Security-Policy");
        assertThat(policy)
                .contains("default-src 'self'")
                .contains("style-src 'self'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("form-action 'self' " + Keycloak.URL)
                .doesNotContain("unsafe-inline");

        Response reportPage = browser.get("/reports/" + report);
        assertThat(reportPage.statusCode()).isEqualTo(200);
        assertThat(reportPage.asString()).contains("Add the police case number");
        assertProtectedPage(reportPage);
        Response notFound = browser.get("/reports/" + java.util.UUID.randomUUID());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertProtectedPage(notFound);
        Response confirm = browser.get("/confirm-sign-out");
        assertProtectedPage(confirm);
        Response signedOut = given().get("/signed-out");
        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertProtectedPage(signedOut);

        Response css = given().get("/css/lossreport.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.asString()).contains("button.primary").contains("header.top");
    }

    @Test
    void aSignedInBrowsersFormFromAnotherSiteOrWithoutOriginIsRefusedBeforeAnythingIsWritten() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop);
        Browser browser = Browser.signedIn(baseUrl(), pat.districtId(), "STAFF");
        Map<String, String> fields = WebFormTest.validTheft(browser.get("/report-loss"), laptop);

        Response otherSite = browser.request()
                .header("Origin", "https://evil.example")
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .post("/report-loss");
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(otherSite.contentType()).startsWith("application/problem+json");
        assertThat(otherSite.<String>path("detail")).contains("only from this service's own pages");

        Response otherSiteByReferer = browser.request()
                .header("Referer", "https://evil.example/page")
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .post("/report-loss");
        assertThat(otherSiteByReferer.statusCode()).isEqualTo(403);

        Response noOrigin = browser.request()
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .post("/report-loss");
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(noOrigin.contentType()).startsWith("application/problem+json");
        assertThat(WebFormTest.reportsOf(dataSource, laptop)).isZero();

        // The same form from the service's own page is taken.
        Response own = browser.post("/report-loss", fields);
        assertThat(own.statusCode()).isEqualTo(303);
        assertThat(WebFormTest.reportsOf(dataSource, laptop)).isEqualTo(1);
    }

    private static void assertProtectedPage(Response page) {
        assertThat(page.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isNotBlank();
        assertThat(page.asString())
                .as("nothing inline that the policy would block")
                .doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase("style=")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
    }

    private String baseUrl() {
        return base.toString().replaceFirst("/$", "");
    }
}
