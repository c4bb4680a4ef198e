package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Enrolment by one-time code, and what an agent reports beyond a plain check-in: facts it cannot read, and commands
 * it refused or failed.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnrolmentTest {

    @Inject
    Db db;

    @Test
    void anAgentExchangesItsOneTimeCodeForTheDevicesCredentialOnce() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        Instant before = Instant.now();
        ValidatableResponse created = code(laptop.id())
                .header("Cache-Control", containsString("no-store"))
                .header("Pragma", "no-cache")
                .body("deviceId", equalTo(laptop.id().toString()))
                .body("code", matchesPattern("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"));
        String code = created.extract().path("code");
        Instant expires = Instant.parse(created.extract().path("expiresAt"));
        assertThat(expires)
                .isBetween(before.plus(8, ChronoUnit.HOURS).minusSeconds(60), before.plus(9, ChronoUnit.HOURS));
        // Only the hash is kept.
        assertThat(db.count(
                        "select count(*) from enrolment_code e where strpos(e::text, ?) > 0", code.replace("-", "")))
                .isZero();

        // Typed in lower case with spaces: the same code.
        String credential = enrol(code.toLowerCase().replace('-', ' '))
                .statusCode(201)
                .header("Cache-Control", containsString("no-store"))
                .header("Pragma", "no-cache")
                .body("deviceId", equalTo(laptop.id().toString()))
                .body("credential", startsWith("dc1." + laptop.id() + "."))
                .body("$", not(hasKey("issuedBy")))
                .extract()
                .path("credential");
        checkIn(credential, Api.checkIn()).statusCode(200);
        // The credential's record names who made the code, for IT.
        assertThat(db.text("select credential_issued_by from device where id = ?", laptop.id()))
                .isEqualTo("IT_ADMIN:IT-" + Feed.RUN);

        // Used once: a second try (a copied code on another machine) is refused and the credential stays.
        enrol(code)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:district:problem:enrolment-code-used"))
                .body("detail", containsString("Ask IT for a new code"));
        checkIn(credential, Api.checkIn()).statusCode(200);

        // Re-enrolment with a new code rotates the credential: the old one stops at once.
        String again = enrol(code(laptop.id()).extract().path("code"))
                .statusCode(201)
                .extract()
                .path("credential");
        assertThat(again).isNotEqualTo(credential);
        checkIn(credential, Api.checkIn()).statusCode(401);
        checkIn(again, Api.checkIn()).statusCode(200);
    }

    @Test
    void wrongExpiredAndReplacedCodesAreEachRefusedWithAClearProblem() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        for (String wrong : new String[] {"0000-0000-0000-0000", "not a code", "ABCD-EFGH-JKMN-PQR!", ""}) {
            enrol(wrong).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("code"));
        }
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/enrolments")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("code"));

        String expired = code(laptop.id()).extract().path("code");
        db.execute(
                "update enrolment_code set expires_at = now() - interval '1 minute' where device_id = ?", laptop.id());
        enrol(expired)
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:enrolment-code-expired"))
                .body("detail", containsString("expired"));

        String first = code(laptop.id()).extract().path("code");
        String second = code(laptop.id()).extract().path("code");
        enrol(first).statusCode(400).body("errors.field", hasItem("code"));
        enrol(second).statusCode(201);
        assertThat(db.count("select count(*) from device where id = ? and credential_sha256 is not null", laptop.id()))
                .isEqualTo(1);
    }

    @Test
    void onlyItCreatesCodesAndOnlyForDevicesInService() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        RestAssured.given()
                .post("/api/v1/devices/" + laptop.id() + "/enrolment-code")
                .then()
                .statusCode(401);
        Api.auditor()
                .post("/api/v1/devices/" + laptop.id() + "/enrolment-code")
                .then()
                .statusCode(403);
        Api.as("E1", "STAFF")
                .post("/api/v1/devices/" + laptop.id() + "/enrolment-code")
                .then()
                .statusCode(403);
        Api.device(laptop.id())
                .post("/api/v1/devices/" + laptop.id() + "/enrolment-code")
                .then()
                .statusCode(403);
        Api.it()
                .post("/api/v1/devices/" + UUID.randomUUID() + "/enrolment-code")
                .then()
                .statusCode(404);
        Feed.Device retired =
                db.known(Feed.laptop("LINCOLN-HS").withStatus(org.district.contracts.inventory.DeviceStatus.RETIRED));
        Api.it()
                .post("/api/v1/devices/" + retired.id() + "/enrolment-code")
                .then()
                .statusCode(409);
        assertThat(db.count("select count(*) from enrolment_code where device_id = ?", retired.id()))
                .isZero();
    }

    @Test
    void factsTheAgentCannotReadAreStoredAsUnknownAndDoNotProveCompliance() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        Map<String, Object> body = Api.checkIn();
        body.put("diskEncryption", null);
        body.put("passwordProtection", null);
        body.remove("lastPatchDate");
        Api.device(laptop.id())
                .body(body)
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("compliant", equalTo(false))
                .body("complianceIssues.code", hasItem("DISK_ENCRYPTION_UNKNOWN"))
                .body("complianceIssues.code", hasItem("PASSWORD_PROTECTION_UNKNOWN"))
                .body("complianceIssues.code", hasItem("PATCH_DATE_MISSING"));
        assertThat(db.count(
                        "select count(*) from checkin_history where device_id = ? and disk_encrypted is null"
                                + " and screen_lock is null",
                        laptop.id()))
                .isEqualTo(1);
        Api.auditor()
                .get("/api/v1/devices/" + laptop.id() + "/checkins")
                .then()
                .statusCode(200)
                .body("items[0].compliant", equalTo(false))
                .body("items[0].source", equalTo("AGENT"));
    }

    @Test
    void aDeviceReportsACommandItRefusedOrFailedAndItIsNotSentAgain() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        String wipe = Api.it()
                .body(Map.of("type", "WIPE", "reason", "Stolen; holds records", "confirmAssetTag", laptop.assetTag()))
                .post("/api/v1/devices/" + laptop.id() + "/commands")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String nonce = Api.device(laptop.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("commands.id", hasItem(wipe))
                .extract()
                .path("commands[0].nonce");
        Map<String, Object> refusing = Api.checkIn();
        refusing.put("completedCommands", List.of(Map.of("id", wipe, "nonce", nonce, "result", "REFUSED")));
        Api.device(laptop.id())
                .body(refusing)
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("commands.id", org.hamcrest.Matchers.not(hasItem(wipe)));
        assertThat(db.text("select status from device_command where id = ?", UUID.fromString(wipe)))
                .isEqualTo("REFUSED");
        Api.auditor()
                .get("/api/v1/devices/" + laptop.id() + "/commands")
                .then()
                .body("find { it.id == '" + wipe + "' }.status", equalTo("REFUSED"));

        Map<String, Object> bogus = Api.checkIn();
        bogus.put("completedCommands", List.of(Map.of("id", wipe, "nonce", nonce, "result", "<b>OK</b>")));
        Api.device(laptop.id())
                .body(bogus)
                .post("/api/v1/checkins")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("completedCommands[0].result"));
    }

    /** Wrong codes from this address until one is refused with 429 (each before it a 400); that 429. */
    private ValidatableResponse allowanceSpent() {
        ValidatableResponse refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            ValidatableResponse answer = enrol("0000-0000-0000-000" + (i % 10));
            if (answer.extract().statusCode() == 429) {
                refused = answer;
            } else {
                answer.statusCode(400);
            }
        }
        assertThat(refused)
                .as("a 429 within 200 tries (the allowance is 60 at once)")
                .isNotNull();
        return refused;
    }

    /** Last: it spends this address's allowance of code exchanges. */
    @Test
    @Order(Integer.MAX_VALUE)
    void guessingCodesFromOneAddressIsCutOffWithTooManyRequests() {
        ValidatableResponse refused = allowanceSpent();
        refused.contentType("application/problem+json")
                .body("type", equalTo("urn:district:problem:too-many-requests"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        // Counted before the body is read: beyond the allowance, a body of many unknown fields (or none that is JSON
        // at all) is not parsed or checked, only refused.
        Map<String, Object> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            many.put("field" + i, i);
        }
        for (Object body : List.of(many, "not json at all")) {
            // The allowance refills one a second: spent again right before, so a slow machine does not refill it.
            allowanceSpent();
            RestAssured.given()
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/enrolments")
                    .then()
                    .statusCode(429)
                    .body("errors", org.hamcrest.Matchers.nullValue());
        }
        // Not behind a configured proxy, a forwarding header is the sender's word and changes nothing.
        allowanceSpent();
        RestAssured.given()
                .contentType(ContentType.JSON)
                .header("X-Forwarded-For", "198.51.100.23")
                .header("Forwarded", "for=198.51.100.23")
                .body(Map.of("code", "0000-0000-0000-0000"))
                .post("/api/v1/enrolments")
                .then()
                .statusCode(429);
    }

    private static ValidatableResponse code(UUID device) {
        return Api.it()
                .post("/api/v1/devices/" + device + "/enrolment-code")
                .then()
                .statusCode(201);
    }

    private static ValidatableResponse enrol(String code) {
        return RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/v1/enrolments")
                .then();
    }

    private static ValidatableResponse checkIn(String credential, Map<String, Object> body) {
        return Api.checkInWith(credential, body);
    }
}
