package org.district.inventory;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.district.testing.TestApi;
import org.junit.jupiter.api.Test;

/** What the console reads of the inventory: devices by status, and people's names for the ids a page shows. */
@QuarkusTest
class SummaryAndNamesTest {

    @Test
    void countsDevicesByStatusOfOneSchoolOrAll() {
        String school = Api.unique("SCH");
        for (int i = 0; i < 2; i++) {
            Map<String, Object> laptop = new HashMap<>(Api.purchasedLaptop(Api.unique("TAG"), false));
            laptop.put("school", school);
            Api.it().body(laptop).post("/api/v1/devices").then().statusCode(201);
        }
        Api.auditor()
                .queryParam("school", school)
                .get("/api/v1/devices/summary")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("statuses.find { it.status == 'IN_STOCK' }.count", equalTo(2))
                .body("statuses.find { it.status == 'QUARANTINED' }.count", equalTo(0))
                .body("statuses", hasSize(9));

        TestApi.as(Api.unique("E"), "STAFF")
                .get("/api/v1/devices/summary")
                .then()
                .statusCode(403);
        Api.it()
                .queryParam("school", "X".repeat(41))
                .get("/api/v1/devices/summary")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("school"));
    }

    @Test
    void namesPeopleByDistrictIdInAnyCaseAndById() {
        String first = Api.employee();
        String second = Api.employee();
        String secondId = Api.personId(second);

        Api.auditor()
                .queryParam("districtId", first.toLowerCase(), "NOBODY-" + first)
                .queryParam("id", secondId)
                .get("/api/v1/people/names")
                .then()
                .statusCode(200)
                .body("districtId", containsInAnyOrder(first, second))
                .body("name", containsInAnyOrder("Pat Teacher", "Pat Teacher"))
                .body("find { it.districtId == '" + second + "' }.id", equalTo(secondId));

        TestApi.as(first, "STAFF")
                .queryParam("districtId", second)
                .get("/api/v1/people/names")
                .then()
                .statusCode(403);

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= 200; i++) {
            tooMany.add("E-" + i);
        }
        Api.it()
                .queryParam("districtId", tooMany)
                .get("/api/v1/people/names")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("districtId"));
        Api.it()
                .queryParam("id", "not-a-uuid")
                .get("/api/v1/people/names")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("id"));
    }
}
