package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.junit.jupiter.api.Test;

/** Enrolment credentials: issued by IT, stored hashed, checked on every check-in, replaced and revoked at once. */
@QuarkusTest
class DeviceCredentialTest {

    @Inject
    Db db;

    @Test
    void anEnrolledDeviceChecksInWithItsCredentialWhichIsStoredOnlyAsAHash() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));

        String credential = issue(laptop.id())
                .header("Cache-Control", containsString("no-store"))
                .header("Pragma", "no-cache")
                .body("deviceId", equalTo(laptop.id().toString()))
                .body("credential", startsWith("dc1." + laptop.id() + "."))
                .body("issuedBy", equalTo("IT_ADMIN:IT-" + Feed.RUN))
                .extract()
                .path("credential");

        checkIn(credential, Api.checkIn())
                .statusCode(200)
                .body("deviceId", equalTo(laptop.id().toString()))
                .body("nextCheckInSeconds", equalTo(3600));
        assertThat(db.count("select count(*) from checkin_history where device_id = ?", laptop.id()))
                .isEqualTo(1);

        // Only the hash is kept: 32 bytes, not the secret.
        String secret = credential.substring(credential.lastIndexOf('.') + 1);
        assertThat(db.count("select octet_length(credential_sha256) from device where id = ?", laptop.id()))
                .isEqualTo(32);
        assertThat(db.count(
                        "select count(*) from device where id = ? and credential_sha256 = sha256(convert_to(?, 'UTF8'))",
                        laptop.id(),
                        secret))
                .isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from device d where id = ? and strpos(d::text, ?) > 0", laptop.id(), secret))
                .isZero();

        // Status shows who issued it and when, never the secret or its hash.
        Api.auditor()
                .get("/api/v1/devices/" + laptop.id() + "/credential")
                .then()
                .statusCode(200)
                .body("issued", equalTo(true))
                .body("issuedBy", equalTo("IT_ADMIN:IT-" + Feed.RUN))
                .body("$", not(hasKey("credential")))
                .body(not(containsString(secret)));
    }

    @Test
    void aCredentialOpensOnlyItsOwnDeviceAndOnlyTheCheckInEndpoint() {
        Feed.Device mine = db.known(Feed.laptop("LINCOLN-HS"));
        Feed.Device other = db.known(Feed.laptop("LINCOLN-HS"));
        String myCredential = issue(mine.id()).extract().path("credential");
        issue(other.id());

        // My secret presented under the other device's id: refused, nothing written for either.
        String forged = "dc1." + other.id() + myCredential.substring(myCredential.lastIndexOf('.'));
        checkIn(forged, Api.checkIn())
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Device")
                .body("type", equalTo("urn:district:problem:invalid-device-credential"));
        // My credential naming the other device in the body.
        Map<String, Object> body = Api.checkIn();
        body.put("deviceId", other.id().toString());
        checkIn(myCredential, body)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("only as itself"));
        // A device without a credential, and a device that does not exist, answer the same.
        Feed.Device unenrolled = db.known(Feed.laptop("LINCOLN-HS"));
        checkIn("dc1." + unenrolled.id() + myCredential.substring(myCredential.lastIndexOf('.')), Api.checkIn())
                .statusCode(401)
                .body("type", equalTo("urn:district:problem:invalid-device-credential"));
        checkIn("dc1." + UUID.randomUUID() + myCredential.substring(myCredential.lastIndexOf('.')), Api.checkIn())
                .statusCode(401)
                .body("type", equalTo("urn:district:problem:invalid-device-credential"));
        // Malformed credentials never reach the writer.
        for (String malformed : new String[] {
            "",
            "dc1.",
            "dc1.not-a-uuid.abcdefghijklmnopqrstuvwxyz",
            "dc1." + mine.id() + ".short",
            "dc1." + mine.id() + ".has spaces and ! marks in it ok",
            "Bearer-looking"
        }) {
            var refused = checkIn(malformed, Api.checkIn())
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .extract();
            // Every refusal carries the id to quote to IT, in the header and the body alike.
            assertThat(refused.header("X-Correlation-Id")).isNotBlank().isEqualTo(refused.path("correlationId"));
            if (!malformed.isEmpty()) {
                // Refused as a device credential (the answer a wrong secret gets), not asked for a bearer token.
                assertThat(refused.<String>path("type")).isEqualTo("urn:district:problem:invalid-device-credential");
                assertThat(refused.header("WWW-Authenticate")).isEqualTo("Device");
            }
        }
        assertThat(db.count(
                        "select count(*) from checkin_history where device_id in (?, ?, ?)",
                        mine.id(),
                        other.id(),
                        unenrolled.id()))
                .isZero();

        // The credential admits its device to the check-in endpoint and nowhere else.
        RestAssured.given()
                .header("Authorization", "Device " + myCredential)
                .get("/api/v1/devices/overdue")
                .then()
                .statusCode(403);
        RestAssured.given()
                .header("Authorization", "Device " + myCredential)
                .post("/api/v1/devices/" + mine.id() + "/credential")
                .then()
                .statusCode(403);
        checkIn(myCredential, Api.checkIn()).statusCode(200);
    }

    @Test
    void aCredentialWhoseSecretIsWrongIsNoIdentityOnAnyEndpoint() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        String real = issue(laptop.id()).extract().path("credential");
        String madeUp = "dc1." + laptop.id() + "." + "A".repeat(real.length() - real.lastIndexOf('.') - 1);
        String unknownDevice = "dc1." + UUID.randomUUID() + real.substring(real.lastIndexOf('.'));
        for (String credential : new String[] {madeUp, unknownDevice}) {
            for (String path : new String[] {"/api/v1/return-tasks", "/api/v1/devices/overdue"}) {
                // Refused as a credential (401), not admitted as a device and then refused the page (403).
                RestAssured.given()
                        .header("Authorization", "Device " + credential)
                        .get(path)
                        .then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", "Device")
                        .body("type", equalTo("urn:district:problem:invalid-device-credential"));
            }
        }
        // The real one is an identity, of a device: not allowed the page.
        RestAssured.given()
                .header("Authorization", "Device " + real)
                .get("/api/v1/return-tasks")
                .then()
                .statusCode(403);

        // Replaced, then revoked: each time the old secret is no identity at once, on every endpoint.
        String second = issue(laptop.id()).extract().path("credential");
        RestAssured.given()
                .header("Authorization", "Device " + real)
                .get("/api/v1/return-tasks")
                .then()
                .statusCode(401);
        RestAssured.given()
                .header("Authorization", "Device " + second)
                .get("/api/v1/return-tasks")
                .then()
                .statusCode(403);
        Api.it().delete("/api/v1/devices/" + laptop.id() + "/credential").then().statusCode(204);
        RestAssured.given()
                .header("Authorization", "Device " + second)
                .get("/api/v1/return-tasks")
                .then()
                .statusCode(401)
                .body("type", equalTo("urn:district:problem:invalid-device-credential"));
        checkIn(second, Api.checkIn()).statusCode(401);
    }

    @Test
    void issuingAgainReplacesTheCredentialAndRevokingEndsItAtOnce() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        String first = issue(laptop.id()).extract().path("credential");
        String second = issue(laptop.id()).extract().path("credential");
        assertThat(second).isNotEqualTo(first);

        checkIn(first, Api.checkIn()).statusCode(401);
        checkIn(second, Api.checkIn()).statusCode(200);

        Api.it().delete("/api/v1/devices/" + laptop.id() + "/credential").then().statusCode(204);
        checkIn(second, Api.checkIn()).statusCode(401);
        Api.it()
                .delete("/api/v1/devices/" + laptop.id() + "/credential")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Api.it()
                .get("/api/v1/devices/" + laptop.id() + "/credential")
                .then()
                .statusCode(200)
                .body("issued", equalTo(false));
        assertThat(db.count("select count(*) from checkin_history where device_id = ?", laptop.id()))
                .isEqualTo(1);
    }

    @Test
    void onlyItIssuesCredentialsAndOnlyForDevicesInService() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        Api.as("E1", "STAFF")
                .post("/api/v1/devices/" + laptop.id() + "/credential")
                .then()
                .statusCode(403);
        Api.auditor()
                .post("/api/v1/devices/" + laptop.id() + "/credential")
                .then()
                .statusCode(403);
        // Nor a person whose token claims the DEVICE role (the shape of the retired DEVICE tokens).
        Api.as(laptop.id().toString(), "DEVICE")
                .post("/api/v1/devices/" + laptop.id() + "/credential")
                .then()
                .statusCode(403);
        Api.as("HR1", "HR")
                .get("/api/v1/devices/" + laptop.id() + "/credential")
                .then()
                .statusCode(403);
        RestAssured.given()
                .post("/api/v1/devices/" + laptop.id() + "/credential")
                .then()
                .statusCode(401);
        assertThat(db.count("select count(*) from device where id = ? and credential_sha256 is not null", laptop.id()))
                .isZero();

        Api.it()
                .post("/api/v1/devices/" + UUID.randomUUID() + "/credential")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Api.it()
                .post("/api/v1/devices/not-a-device/credential")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        // Issued while in service, then retired: the credential is still the device's, but a retired device may not
        // check in, and gets no new credential.
        String credential = issue(laptop.id()).extract().path("credential");
        Feed.Device retired = db.known(laptop.withStatus(DeviceStatus.RETIRED));
        checkIn(credential, Api.checkIn()).statusCode(409).body("detail", containsString("no longer in service"));
        Api.it()
                .post("/api/v1/devices/" + retired.id() + "/credential")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    private static ValidatableResponse issue(UUID device) {
        return Api.it().post("/api/v1/devices/" + device + "/credential").then().statusCode(201);
    }

    private static ValidatableResponse checkIn(String credential, Map<String, Object> body) {
        return Api.checkInWith(credential, body);
    }
}
