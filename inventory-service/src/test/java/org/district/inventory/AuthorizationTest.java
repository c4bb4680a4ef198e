package org.district.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.district.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: roles per endpoint, the object-level rule that people see only the devices they hold (anything
 * else answers 404 like a missing device), what the holder's view leaves out, and what stays open without a token.
 */
@QuarkusTest
class AuthorizationTest {

    private static final List<String> ROLES =
            List.of("IT_ADMIN", "AUDITOR", "STAFF", "SUPERVISOR", "PRINCIPAL", "HR", "DEVICE");

    /** One device and one person record, created once, that the role matrix reads and changes. */
    private static String deviceId;

    private static String personId;
    private static String personDistrictId;

    @BeforeEach
    void fixtures() {
        if (deviceId != null) {
            return;
        }
        personDistrictId = Api.employee();
        personId = Api.personId(personDistrictId);
        deviceId = Api.registerLaptop(false);
    }

    /** An endpoint, the roles it admits, and a request that exercises it. */
    record Endpoint(String name, Set<String> allowed, Function<RequestSpecification, Response> call) {}

    private static Set<String> set(String... roles) {
        return Set.of(roles);
    }

    private static List<Endpoint> endpoints() {
        String devices = "/api/v1/devices";
        String device = devices + "/" + deviceId;
        String people = "/api/v1/people";
        String person = people + "/" + personId;
        Set<String> readers = set("IT_ADMIN", "AUDITOR", "STAFF", "SUPERVISOR", "HR");
        Set<String> itOnly = set("IT_ADMIN");
        Set<String> seeAll = set("IT_ADMIN", "AUDITOR");
        Set<String> peopleAdmins = set("IT_ADMIN", "HR");
        Set<String> everyPerson = set("IT_ADMIN", "HR", "AUDITOR", "STAFF", "SUPERVISOR", "PRINCIPAL");
        String deviceCsv = "assetTag,serialNumber,type,make,model,school,sensitiveData\n";
        String peopleCsv = "districtId,givenName,familyName,kind,school\n";
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint("GET devices", readers, r -> r.get(devices)));
        list.add(new Endpoint("GET devices/export", seeAll, r -> r.get(devices + "/export")));
        list.add(new Endpoint("POST devices", itOnly, r -> r.body(Api.purchasedLaptop(Api.unique("AUTH"), false))
                .post(devices)));
        list.add(new Endpoint("GET devices/{id}", readers, r -> r.get(device)));
        list.add(new Endpoint("PUT devices/{id}", itOnly, r -> r.body(Map.of()).put(device)));
        list.add(new Endpoint("GET devices/{id}/history", seeAll, r -> r.get(device + "/history")));
        list.add(new Endpoint("GET devices/{id}/assignments", seeAll, r -> r.get(device + "/assignments")));
        list.add(new Endpoint(
                "POST devices/{id}/assignment", itOnly, r -> r.body(Map.of()).post(device + "/assignment")));
        list.add(new Endpoint(
                "POST devices/{id}/return", itOnly, r -> r.body(Map.of()).post(device + "/return")));
        list.add(new Endpoint(
                "POST devices/{id}/status", itOnly, r -> r.body(Map.of("status", "IN_STOCK", "reason", "x"))
                        .post(device + "/status")));
        list.add(new Endpoint("POST devices/{id}/sanitization", itOnly, r -> r.body(Map.of("method", "wipe"))
                .post(device + "/sanitization")));
        list.add(new Endpoint("POST devices/import", itOnly, r -> r.contentType("text/csv")
                .body(deviceCsv)
                .post(devices + "/import")));
        list.add(new Endpoint("GET people", peopleAdmins, r -> r.get(people)));
        list.add(new Endpoint("GET people/me", everyPerson, r -> r.get(people + "/me")));
        list.add(new Endpoint("GET people/export", peopleAdmins, r -> r.get(people + "/export")));
        list.add(new Endpoint("POST people", peopleAdmins, r -> r.body(Api.person(Api.unique("AUTHP"), null, null))
                .post(people)));
        list.add(new Endpoint(
                "POST people/bulk", peopleAdmins, r -> r.body(List.of()).post(people + "/bulk")));
        list.add(new Endpoint("POST people/import", peopleAdmins, r -> r.contentType("text/csv")
                .body(peopleCsv)
                .post(people + "/import")));
        list.add(new Endpoint("GET people/{id}", peopleAdmins, r -> r.get(person)));
        list.add(new Endpoint(
                "PUT people/{id}", peopleAdmins, r -> r.body(Map.of()).put(person)));
        list.add(new Endpoint("GET people/{id}/history", peopleAdmins, r -> r.get(person + "/history")));
        list.add(new Endpoint(
                "POST people/{id}/aup-acknowledgement", everyPerson, r -> r.post(person + "/aup-acknowledgement")));
        String personalDevices = "/api/v1/personal-devices";
        String personalDevice = personalDevices + "/" + UUID.randomUUID();
        Set<String> staffMembers = set("IT_ADMIN", "HR", "STAFF", "SUPERVISOR", "PRINCIPAL");
        Set<String> staffAndAuditors = set("IT_ADMIN", "HR", "STAFF", "SUPERVISOR", "PRINCIPAL", "AUDITOR");
        list.add(new Endpoint("POST personal-devices", staffMembers, r -> r.body(Map.of(
                        "type", "LAPTOP",
                        "make", "Apple",
                        "model", "MacBook Air",
                        "serialNumber", Api.unique("AUTHPD"),
                        "purpose", "Work.",
                        "lockAndLocateConsent", false))
                .post(personalDevices)));
        list.add(new Endpoint("GET personal-devices", staffAndAuditors, r -> r.get(personalDevices)));
        list.add(new Endpoint("GET personal-devices/{id}", staffAndAuditors, r -> r.get(personalDevice)));
        list.add(new Endpoint(
                "POST personal-devices/{id}/decision", staffMembers, r -> r.body(Map.of("decision", "APPROVE"))
                        .post(personalDevice + "/decision")));
        list.add(new Endpoint(
                "POST personal-devices/{id}/renewal", staffMembers, r -> r.post(personalDevice + "/renewal")));
        list.add(new Endpoint("POST personal-devices/{id}/removal", itOnly, r -> r.body(Map.of("reason", "x"))
                .post(personalDevice + "/removal")));
        return list;
    }

    @Test
    void eachEndpointAdmitsOnlyItsRoles() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String role : ROLES) {
                Response response = endpoint.call().apply(TestApi.as("AUTHZ-" + role, role));
                int status = response.statusCode();
                if (endpoint.allowed().contains(role)) {
                    if (status == 401 || status == 403 || status >= 500) {
                        failures.add(endpoint.name() + " as " + role + ": expected to be let in, got " + status);
                    }
                } else if (status != 403 || !response.contentType().startsWith("application/problem+json")) {
                    failures.add(endpoint.name() + " as " + role + ": expected 403 problem, got " + status + " "
                            + response.contentType());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void anEndpointThatNamesNoRoleAdmitsNobody() {
        for (String role : ROLES) {
            Response response = TestApi.as("AUTHZ-" + role, role).get("/api/v1/unannotated-probe");
            assertThat(response.statusCode()).as(role).isEqualTo(403);
            assertThat(response.asString()).as(role).doesNotContain("reached");
        }
        Response anonymous = given().get("/api/v1/unannotated-probe");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.asString()).doesNotContain("reached");
    }

    @Test
    void refusedWritesChangeNothing() {
        String tag = Api.unique("REFUSED");
        for (String role : List.of("AUDITOR", "STAFF", "SUPERVISOR", "HR", "DEVICE")) {
            TestApi.as("AUTHZ-" + role, role)
                    .body(Api.purchasedLaptop(tag, false))
                    .post("/api/v1/devices")
                    .then()
                    .statusCode(403);
            TestApi.as("AUTHZ-" + role, role)
                    .body(Map.of("status", "RETIRED", "reason", "not mine to retire"))
                    .post("/api/v1/devices/" + deviceId + "/status")
                    .then()
                    .statusCode(403);
        }
        Api.it().queryParam("q", tag).get("/api/v1/devices").then().body("items", empty());
        assertThat(Api.statusOf(deviceId)).isEqualTo("IN_STOCK");
    }

    @Test
    void staffSeeOnlyTheDevicesAssignedToThem() {
        String alice = Api.employee();
        String bob = Api.employee();
        String alicesDevice = Api.registerLaptop(true);
        String bobsDevice = Api.registerLaptop(false);
        String inStock = Api.registerLaptop(false);
        Api.assign(alicesDevice, alice);
        Api.assign(bobsDevice, bob);

        // Her own device, without what only IT needs to know.
        TestApi.as(alice, "STAFF")
                .get("/api/v1/devices/" + alicesDevice)
                .then()
                .statusCode(200)
                .body("id", equalTo(alicesDevice))
                .body("status", equalTo("ASSIGNED"))
                .body("$", not(hasKey("acquisition")))
                .body("$", not(hasKey("notes")))
                .body("$", not(hasKey("assignee")))
                .body("$", not(hasKey("sensitiveData")));

        // Someone else's device and a device in stock look exactly like a device that does not exist.
        Response missing = TestApi.as(alice, "STAFF").get("/api/v1/devices/" + UUID.randomUUID());
        for (String other : List.of(bobsDevice, inStock)) {
            Response refused = TestApi.as(alice, "STAFF").get("/api/v1/devices/" + other);
            refused.then().statusCode(404).contentType("application/problem+json");
            assertThat(refused.jsonPath().getString("title"))
                    .isEqualTo(missing.jsonPath().getString("title"));
            assertThat(refused.jsonPath().getString("type"))
                    .isEqualTo(missing.jsonPath().getString("type"));
        }
        for (String role : List.of("SUPERVISOR", "HR")) {
            TestApi.as(alice, role).get("/api/v1/devices/" + bobsDevice).then().statusCode(404);
            TestApi.as(alice, role)
                    .get("/api/v1/devices/" + alicesDevice)
                    .then()
                    .statusCode(200);
        }

        // Listing shows only her own, whatever she filters by.
        List<String> listed = TestApi.as(alice, "STAFF")
                .queryParam("limit", 200)
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(listed).containsExactly(alicesDevice);
        TestApi.as(alice, "STAFF")
                .queryParam("assignee", bob)
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .body("items", empty());
        TestApi.as(alice, "STAFF")
                .queryParam("assignee", Api.personId(bob))
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .body("items", empty());
        TestApi.as(alice, "STAFF")
                .queryParam("assignee", alice)
                .get("/api/v1/devices")
                .then()
                .body("items.id", org.hamcrest.Matchers.contains(alicesDevice))
                .body("items[0]", not(hasKey("acquisition")));

        // IT and auditors see everything, in full.
        Api.auditor()
                .get("/api/v1/devices/" + bobsDevice)
                .then()
                .statusCode(200)
                .body("assignee.districtId", equalTo(bob))
                .body("acquisition.type", equalTo("PURCHASED"));
        Api.auditor()
                .queryParam("assignee", bob)
                .get("/api/v1/devices")
                .then()
                .body("items.id", org.hamcrest.Matchers.contains(bobsDevice));

        // Once the device is taken back, it is no longer hers to see.
        Api.it()
                .body(Map.of())
                .post("/api/v1/devices/" + alicesDevice + "/return")
                .then()
                .statusCode(200);
        TestApi.as(alice, "STAFF").get("/api/v1/devices/" + alicesDevice).then().statusCode(404);
    }

    @Test
    void aTokenSubjectInAnotherCaseStillNamesTheSamePerson() {
        String carol = Api.employee();
        String device = Api.registerLaptop(false);
        Api.assign(device, carol);
        String lower = carol.toLowerCase();
        TestApi.as(lower, "STAFF")
                .get("/api/v1/devices")
                .then()
                .body("items.id", org.hamcrest.Matchers.contains(device));
        TestApi.as(lower, "STAFF").get("/api/v1/devices/" + device).then().statusCode(200);
        TestApi.as(lower, "STAFF")
                .get("/api/v1/people/me")
                .then()
                .statusCode(200)
                .body("districtId", equalTo(carol));
        TestApi.as(lower, "STAFF")
                .post("/api/v1/people/" + Api.personId(carol) + "/aup-acknowledgement")
                .then()
                .statusCode(200);
    }

    @Test
    void anyoneReadsTheirOwnRecordAndAcknowledgesTheAupOnlyForThemselves() {
        String dave = Api.unique("E");
        String daveId = Api.createPerson(dave, null);
        TestApi.as(dave, "STAFF")
                .get("/api/v1/people/me")
                .then()
                .statusCode(200)
                .body("districtId", equalTo(dave))
                .body("aupCurrent", equalTo(false));
        TestApi.as(dave, "STAFF")
                .post("/api/v1/people/" + daveId + "/aup-acknowledgement")
                .then()
                .statusCode(200)
                .body("aupAcknowledgedOn", equalTo(Api.today().toString()))
                .body("aupCurrent", equalTo(true));

        // Someone else's acknowledgement cannot be recorded by a staff member, and the answer reveals nothing.
        String eve = Api.unique("E");
        String eveId = Api.createPerson(eve, null);
        for (String role : List.of("STAFF", "SUPERVISOR", "AUDITOR")) {
            TestApi.as(dave, role)
                    .post("/api/v1/people/" + eveId + "/aup-acknowledgement")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        Api.it().get("/api/v1/people/" + eveId).then().body("aupAcknowledgedOn", org.hamcrest.Matchers.nullValue());
        // HR records it for anyone.
        TestApi.as("HR-1", "HR")
                .post("/api/v1/people/" + eveId + "/aup-acknowledgement")
                .then()
                .statusCode(200)
                .body("aupCurrent", equalTo(true));

        TestApi.as(Api.unique("NOBODY"), "STAFF")
                .get("/api/v1/people/me")
                .then()
                .statusCode(404);
        TestApi.as(dave, "DEVICE").get("/api/v1/people/me").then().statusCode(403);
    }

    @Test
    void healthMetricsAndOpenApiAreOpen() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/devices"));
        // Swagger UI starts itself with an inline script: its page may not be framed, but its scripts run.
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY"));
        // An invalid token does not lock anyone out of them either.
        given().header("Authorization", "Bearer not.a.token")
                .get("/q/health/live")
                .then()
                .statusCode(200);
    }
}
