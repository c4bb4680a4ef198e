package org.district.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.district.support.paging.Cursors;
import org.district.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * A supervisor's view of devices: their own and the district devices held by the people they supervise, each naming
 * its holder, with nothing of the acquisition or notes; another team's devices and a team member's personal device do
 * not exist for them, and a staff member still sees only their own.
 */
@QuarkusTest
class SupervisorTeamTest {

    @Test
    void aSupervisorSeesTheirTeamsDevicesByHolderAndNoOneElses() {
        String boss = Api.employee();
        String report = Api.unique("E");
        Api.it()
                .body(Api.person(report, boss, LocalDate.now()))
                .post("/api/v1/people")
                .then()
                .statusCode(201);
        String outsider = Api.employee();
        String bossesLaptop = Api.registerLaptop(false);
        String reportsLaptop = Api.registerLaptop(true);
        String outsidersLaptop = Api.registerLaptop(false);
        Api.assign(bossesLaptop, boss);
        Api.assign(reportsLaptop, report);
        Api.assign(outsidersLaptop, outsider);
        // The report's own phone, registered as a personal device: theirs, not their supervisor's to see.
        String reportsPhone = Api.registerPersonal(report);
        Api.it().get("/api/v1/devices/" + reportsPhone).then().body("assignee.districtId", equalTo(report));

        List<String> listed = TestApi.as(boss, "SUPERVISOR")
                .queryParam("limit", 200)
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(listed).containsExactlyInAnyOrder(bossesLaptop, reportsLaptop);

        TestApi.as(boss, "SUPERVISOR")
                .get("/api/v1/devices/" + reportsLaptop)
                .then()
                .statusCode(200)
                .body("assignee.districtId", equalTo(report))
                .body("assignee.name", equalTo("Pat Teacher"))
                .body("acquisition", nullValue())
                .body("sensitiveData", nullValue())
                .body("notes", nullValue());
        TestApi.as(boss, "SUPERVISOR")
                .get("/api/v1/devices/" + outsidersLaptop)
                .then()
                .statusCode(404);
        TestApi.as(boss, "SUPERVISOR")
                .get("/api/v1/devices/" + reportsPhone)
                .then()
                .statusCode(404);
        TestApi.as(boss, "SUPERVISOR")
                .queryParam("assignee", report)
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(reportsLaptop)));
        TestApi.as(boss, "SUPERVISOR")
                .queryParam("assignee", outsider)
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .body("items", empty());

        // The same person without the supervisor role (a staff member) sees only what they hold.
        List<String> asStaff = TestApi.as(boss, "STAFF")
                .queryParam("limit", 200)
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(asStaff).containsExactly(bossesLaptop);
        TestApi.as(boss, "STAFF").get("/api/v1/devices/" + reportsLaptop).then().statusCode(404);
        TestApi.as(report, "STAFF")
                .get("/api/v1/devices/" + reportsLaptop)
                .then()
                .statusCode(200)
                .body("assignee", nullValue());
        TestApi.as(report, "STAFF")
                .get("/api/v1/devices/" + reportsPhone)
                .then()
                .statusCode(200);
        // Whether a device holds sensitive data is IT's to know: a holder's filter by it is ignored (the laptop holds
        // some, and is listed all the same).
        List<String> notSensitive = TestApi.as(report, "STAFF")
                .queryParam("sensitive", "false")
                .queryParam("limit", 200)
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(notSensitive).containsExactlyInAnyOrder(reportsLaptop, reportsPhone);

        // A page cursor names the last device of a page; a made-up one naming another's device continues nothing (its
        // values are never compared with the holder's: this one sorts before all of theirs), while one naming their
        // own continues after it.
        String othersTag = "AAA-" + Api.unique("TAG");
        String othersDevice = Api.it()
                .body(Api.purchasedLaptop(othersTag, false))
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.assign(othersDevice, outsider);
        for (String[] caller : List.of(new String[] {report, "STAFF"}, new String[] {boss, "SUPERVISOR"})) {
            TestApi.as(caller[0], caller[1])
                    .queryParam("sort", "status")
                    .queryParam("cursor", Cursors.encode("status", othersTag))
                    .get("/api/v1/devices")
                    .then()
                    .statusCode(200)
                    .body("items", empty());
        }
        List<Map<String, Object>> byStatus = TestApi.as(report, "STAFF")
                .queryParam("sort", "status")
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(byStatus).hasSize(2);
        TestApi.as(report, "STAFF")
                .queryParam("sort", "status")
                .queryParam("cursor", Cursors.encode("status", byStatus.get(0).get("assetTag")))
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(byStatus.get(1).get("id"))));
    }
}
