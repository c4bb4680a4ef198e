package org.district.lossreport;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.district.lossreport.Inventory.Device;
import org.district.lossreport.Inventory.Person;
import org.district.testing.TestApi;
import org.junit.jupiter.api.Test;

/** The open reports IT's start page counts: in all, lost, stolen, thefts owing a police case number. */
@QuarkusTest
@WithTestResource(MailAndWebhook.class)
class SummaryTest {

    private static final String REPORTS = "/api/v1/loss-reports";

    @Inject
    Inventory inventory;

    @Test
    void countsOpenReportsByKindAndThoseOwingACaseNumber() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        Device tablet = inventory.laptop(pat, false);
        Device phone = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop, tablet, phone);
        JsonPath before = summary();

        Api.staff(pat).body(Api.lost(laptop)).post(REPORTS).then().statusCode(201);
        Api.staff(pat).body(Api.stolen(tablet)).post(REPORTS).then().statusCode(201);
        String recovered = Api.staff(pat)
                .body(Api.lost(phone))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.it()
                .body(java.util.Map.of("note", "Found in the gym"))
                .post(REPORTS + "/" + recovered + "/recovery")
                .then()
                .statusCode(200);

        JsonPath after = summary();
        assertThat(after.getLong("open") - before.getLong("open")).isEqualTo(2);
        assertThat(after.getLong("openLost") - before.getLong("openLost")).isEqualTo(1);
        assertThat(after.getLong("openStolen") - before.getLong("openStolen")).isEqualTo(1);
        assertThat(after.getLong("policeReportOwed") - before.getLong("policeReportOwed"))
                .isEqualTo(1);

        Api.staff(pat).get(REPORTS + "/summary").then().statusCode(403);
        TestApi.as("SUP-1", "SUPERVISOR").get(REPORTS + "/summary").then().statusCode(403);
    }

    private static JsonPath summary() {
        return TestApi.as("AUD-1", "AUDITOR")
                .get(REPORTS + "/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
