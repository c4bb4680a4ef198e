package org.district.inventory;

import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.district.testing.TestApi;

/** Request helpers for the tests: callers with roles, and valid bodies with unique identifiers. */
final class Api {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN =
            UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    /** The subject of the IT staff member the tests act as. */
    static final String IT_SUBJECT = "IT-" + RUN;

    private Api() {}

    static RequestSpecification it() {
        return TestApi.as(IT_SUBJECT, "IT_ADMIN");
    }

    /** A new unique code, for asset tags, serial numbers and district ids. */
    static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    static Map<String, Object> purchasedLaptop(String assetTag, boolean sensitive) {
        return Map.of(
                "assetTag", assetTag,
                "serialNumber", unique("SN"),
                "type", "LAPTOP",
                "make", "Dell",
                "model", "Latitude 5440",
                "school", "LINCOLN-HS",
                "sensitiveData", sensitive,
                "acquisition",
                        Map.of(
                                "type", "PURCHASED",
                                "vendor", "Dell Technologies",
                                "purchaseOrder", "PO-2025-" + SEQUENCE.incrementAndGet(),
                                "cost", 1249.00,
                                "acquiredOn", "2025-08-01"),
                "warrantyEnd", "2028-08-01");
    }

    static Map<String, Object> person(String districtId, String supervisorDistrictId, LocalDate aup) {
        var body = new java.util.HashMap<String, Object>();
        body.put("districtId", districtId);
        body.put("givenName", "Pat");
        body.put("familyName", "Teacher");
        body.put("email", districtId.toLowerCase() + "@district.example");
        body.put("kind", "EMPLOYEE");
        body.put("school", "LINCOLN-HS");
        if (supervisorDistrictId != null) {
            body.put("supervisorDistrictId", supervisorDistrictId);
        }
        if (aup != null) {
            body.put("aupAcknowledgedOn", aup.toString());
        }
        return body;
    }

    /** Registers a purchased laptop and returns its id. */
    static String registerLaptop(boolean sensitive) {
        return it().body(purchasedLaptop(unique("TAG"), sensitive))
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Creates an employee who acknowledged the AUP recently and returns their district id. */
    static String employee() {
        String districtId = unique("E");
        it().body(person(districtId, null, LocalDate.now().minusDays(30)))
                .post("/api/v1/people")
                .then()
                .statusCode(201);
        return districtId;
    }

    static void assign(String deviceId, String districtId) {
        it().body(Map.of("personDistrictId", districtId))
                .post("/api/v1/devices/" + deviceId + "/assignment")
                .then()
                .statusCode(200);
    }

    /** "Today" as the registry judges it (the test profile keeps the district time zone at UTC). */
    static LocalDate today() {
        return LocalDate.now(java.time.ZoneOffset.UTC);
    }

    static RequestSpecification auditor() {
        return TestApi.as("AUD-" + RUN, "AUDITOR");
    }

    /** Creates a person (AUP acknowledged on the given day, or never) and returns their id. */
    static String createPerson(String districtId, LocalDate aup) {
        return it().body(person(districtId, null, aup))
                .post("/api/v1/people")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The id of the person with this district id. */
    static String personId(String districtId) {
        return it().queryParam("q", districtId)
                .get("/api/v1/people")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.districtId == '" + districtId + "' }.id");
    }

    /** Registers a personal smartphone owned by the person and returns its id. */
    static String registerPersonal(String ownerDistrictId) {
        Map<String, Object> body = new java.util.HashMap<>(purchasedLaptop(unique("TAG"), false));
        body.remove("acquisition");
        body.put("type", "SMARTPHONE");
        body.put("ownership", "PERSONAL");
        body.put("ownerDistrictId", ownerDistrictId);
        return it().body(body)
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Moves a device with POST /status and returns the response. */
    static io.restassured.response.Response status(String deviceId, String status) {
        return it().body(Map.of("status", status, "reason", "test: " + status))
                .post("/api/v1/devices/" + deviceId + "/status");
    }

    /** A device's status as IT sees it. */
    static String statusOf(String deviceId) {
        return it().get("/api/v1/devices/" + deviceId)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    /** A device's history, newest first, as a list of entries. */
    static java.util.List<Map<String, Object>> history(String deviceId) {
        return it().queryParam("limit", 200)
                .get("/api/v1/devices/" + deviceId + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }
}
