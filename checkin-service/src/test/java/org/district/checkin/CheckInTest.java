package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.testing.TestApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckInTest {

    @Inject
    Db db;

    @Test
    void storesTheLatestStateAndHistoryAndAnswersWithPolicy() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));

        Api.device(laptop.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("deviceId", equalTo(laptop.id().toString()))
                .body("commands", hasSize(0))
                .body("nextCheckInSeconds", equalTo(3600))
                .body("powerPolicy.displaySleepMinutes", equalTo(10))
                .body("powerPolicy.wakeOnLanWindow", equalTo("02:00-04:00"))
                .body("compliant", equalTo(true));
        Map<String, Object> second = Api.checkIn();
        second.put("network", Map.of("site", "WASHINGTON-MS", "ipAddress", "2001:db8::17"));
        Api.device(laptop.id()).body(second).post("/api/v1/checkins").then().statusCode(200);

        // The 2xx came after the commit: both check-ins are there, the latest state is the second.
        assertThat(db.count("select count(*) from checkin_history where device_id = ?", laptop.id()))
                .isEqualTo(2);
        assertThat(db.text("select site from device where id = ?", laptop.id())).isEqualTo("WASHINGTON-MS");
        assertThat(db.text("select ip_address from device where id = ?", laptop.id()))
                .isEqualTo("2001:db8::17");
        // A laptop's grace is 21 days (it goes home, over the winter break too).
        assertThat(db.text("select due_on::text from device where id = ?", laptop.id()))
                .isEqualTo(LocalDate.now().plusDays(21).toString());

        Api.it()
                .get("/api/v1/devices/" + laptop.id() + "/checkins")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].site", equalTo("WASHINGTON-MS"));
        Api.as("E1", "STAFF")
                .get("/api/v1/devices/" + laptop.id() + "/checkins")
                .then()
                .statusCode(403);
    }

    @Test
    void aDeviceCannotCheckInAsAnother() {
        Feed.Device mine = db.known(Feed.laptop("LINCOLN-HS"));
        Feed.Device other = db.known(Feed.laptop("LINCOLN-HS"));

        Map<String, Object> body = Api.checkIn();
        body.put("deviceId", other.id().toString());
        Api.device(mine.id())
                .body(body)
                .post("/api/v1/checkins")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("only as itself"));

        // People cannot check in, whatever they put in the body; nor can an anonymous caller.
        Map<String, Object> asPerson = Api.checkIn();
        asPerson.put("deviceId", other.id().toString());
        Api.as(other.id().toString(), "IT_ADMIN")
                .body(asPerson)
                .post("/api/v1/checkins")
                .then()
                .statusCode(403);
        RestAssured.given()
                .contentType("application/json")
                .body(asPerson)
                .post("/api/v1/checkins")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        // A person's token claiming the DEVICE role, whatever its district id.
        Api.as("E1001", "DEVICE")
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(403);

        assertThat(db.count("select count(*) from checkin_history where device_id in (?, ?)", mine.id(), other.id()))
                .isZero();
        assertThat(db.text("select last_seen_at::text from device where id = ?", other.id()))
                .isNull();
    }

    @Test
    void aPersonGivenTheDeviceRoleCannotCheckInEvenAsTheDevice() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        // A real user of the realm whose district id is the device's id and who holds a DEVICE realm role: the shape
        // of the DEVICE tokens devices once used. People are never devices: the role is dropped, the check-in refused.
        Api.as(laptop.id().toString(), "DEVICE")
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:district:problem:forbidden"))
                .body("detail", containsString("role does not allow"));
        // Nor anything else a device may not do either.
        Api.as(laptop.id().toString(), "DEVICE")
                .get("/api/v1/devices/" + laptop.id() + "/checkins")
                .then()
                .statusCode(403);
        assertThat(db.count("select count(*) from checkin_history where device_id = ?", laptop.id()))
                .isZero();
        assertThat(db.text("select last_seen_at::text from device where id = ?", laptop.id()))
                .isNull();

        // The device itself, with its enrolment credential, checks in.
        Api.device(laptop.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);
    }

    @Test
    void refusesUnknownAndRetiredDevicesClearly() {
        // A credential naming a device the district does not know: refused as a wrong credential is (there is no
        // device to enrol), with nothing written.
        Feed.Device enrolled = db.known(Feed.laptop("LINCOLN-HS"));
        String credential = Api.credential(enrolled.id());
        String secret = credential.substring(credential.lastIndexOf('.') + 1);
        UUID stranger = UUID.randomUUID();
        RestAssured.given()
                .header("Authorization", "Device dc1." + stranger + "." + secret)
                .contentType("application/json")
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Device")
                .body("type", equalTo("urn:district:problem:invalid-device-credential"));

        // Enrolled while in service, then retired or written off by inventory.
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        Api.credential(laptop.id());
        Feed.Device retired = db.known(laptop.withStatus(DeviceStatus.RETIRED));
        Api.device(retired.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("no longer in service"));
        Feed.Device other = db.known(Feed.laptop("LINCOLN-HS"));
        Api.credential(other.id());
        Feed.Device writtenOff = db.known(other.withStatus(DeviceStatus.WRITTEN_OFF));
        Api.device(writtenOff.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(409);

        assertThat(db.count(
                        "select count(*) from checkin_history where device_id in (?, ?, ?)",
                        stranger,
                        retired.id(),
                        writtenOff.id()))
                .isZero();
    }

    @Test
    void theCheckInAddressAnswersLikeEveryEndpoint() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        // The caller's correlation id comes back, on success and on refusal alike.
        Api.device(laptop.id())
                .header("X-Correlation-Id", "agent-run-42")
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("X-Correlation-Id", "agent-run-42");
        Api.device(laptop.id())
                .header("X-Correlation-Id", "agent-run-43")
                .contentType("text/plain")
                .body("os=Windows")
                .post("/api/v1/checkins")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .header("X-Correlation-Id", "agent-run-43")
                .body("correlationId", equalTo("agent-run-43"))
                .body("instance", equalTo("/api/v1/checkins"));
        Api.device(laptop.id())
                .body("")
                .post("/api/v1/checkins")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        Api.device(laptop.id())
                .get("/api/v1/checkins")
                .then()
                .statusCode(405)
                .header("Allow", "POST")
                .contentType("application/problem+json");
        // An unauthenticated caller learns nothing about its body: 401 before 415, asking for a device credential (a
        // person's token never checks in).
        RestAssured.given()
                .contentType("text/plain")
                .body("x")
                .post("/api/v1/checkins")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Device")
                .contentType("application/problem+json");
        assertThat(db.count("select count(*) from checkin_history where device_id = ?", laptop.id()))
                .isEqualTo(1);
    }

    @Test
    void aDeviceThatChecksInTooOftenIsToldToWaitAndNothingItSentIsStored() {
        Feed.Device noisy = db.known(Feed.laptop("LINCOLN-HS"));
        Feed.Device quiet = db.known(Feed.laptop("LINCOLN-HS"));
        int burst = 30; // %test.district.rate-limit.check-ins.burst
        for (int i = 0; i < burst; i++) {
            Api.device(noisy.id())
                    .body(Api.checkIn())
                    .post("/api/v1/checkins")
                    .then()
                    .statusCode(200);
        }
        long stored = db.count("select count(*) from checkin_history where device_id = ?", noisy.id());

        Api.device(noisy.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("title", equalTo("Too many requests"));
        assertThat(db.count("select count(*) from checkin_history where device_id = ?", noisy.id()))
                .isEqualTo(stored);
        // Another device is not held up by it.
        Api.device(quiet.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);
    }

    @Test
    void answersBadInputWithProblemDetailsNamingTheFieldAndWritesNothing() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put(
                "location.latitude",
                with(Api.withLocation(Api.checkIn()), "location", Map.of("latitude", 95.0, "longitude", 10.0)));
        cases.put("location.longitude", with(Api.checkIn(), "location", Map.of("latitude", 45.0, "longitude", -181)));
        cases.put(
                "location.accuracyMeters",
                with(Api.checkIn(), "location", Map.of("latitude", 45.0, "longitude", 10.0, "accuracyMeters", -1)));
        cases.put(
                "network.ipAddress",
                with(Api.checkIn(), "network", Map.of("site", "LINCOLN-HS", "ipAddress", "999.1.1.1")));
        // A lost device's agent must not be able to break or forge the alert its check-in raises.
        cases.put(
                "network.site",
                with(
                        Api.checkIn(),
                        "network",
                        Map.of("site", "LINCOLN-HS\nBcc: x@evil.example", "ipAddress", "10.1.1.1")));
        cases.put(
                "lastPatchDate",
                with(
                        Api.checkIn(),
                        "lastPatchDate",
                        LocalDate.now().plusDays(30).toString()));
        cases.put(
                "antivirus.definitionsDate",
                with(Api.checkIn(), "antivirus", Map.of("product", "Defender", "definitionsDate", "2999-01-01")));
        cases.put("os", without(Api.checkIn(), "os"));
        cases.put("os.name", with(Api.checkIn(), "os", Map.of("name", "x".repeat(61), "version", "1")));
        cases.put("diskEncryption", with(Api.checkIn(), "diskEncryption", "sometimes"));
        cases.put("passwordProtection", with(Api.checkIn(), "passwordProtection", List.of(true)));
        cases.put("colour", with(Api.checkIn(), "colour", "red"));
        cases.put("completedCommands[0]", with(Api.checkIn(), "completedCommands", List.of("not-an-object")));
        // A nonce not as it was sent (here with a NUL, which PostgreSQL text cannot hold) is refused by name, before
        // it reaches the batch the check-in would share with other devices' check-ins.
        cases.put(
                "completedCommands[0].nonce",
                with(
                        Api.checkIn(),
                        "completedCommands",
                        List.of(Map.of("id", UUID.randomUUID().toString(), "nonce", "0".repeat(31) + "\u0000"))));
        for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
            Api.device(laptop.id())
                    .body(c.getValue())
                    .post("/api/v1/checkins")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(c.getKey()))
                    // A rejected location is never echoed back.
                    .body("detail", not(containsString("95")));
        }
        // Several values that cannot be read: one answer names each, as the REST endpoints' answers do. (Another
        // laptop sends these: each device's check-ins are limited, refused ones too.)
        Feed.Device another = db.known(Feed.laptop("LINCOLN-HS"));
        Api.device(another.id())
                .body(with(with(Api.checkIn(), "os", 5), "network", 5))
                .post("/api/v1/checkins")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("os", "network"));
        // A value that cannot be read beside a value the check-in's rules refuse (a patch date in the future): one
        // answer names both, not the first alone.
        Feed.Device third = db.known(Feed.laptop("LINCOLN-HS"));
        Api.device(third.id())
                .body(with(
                        with(Api.checkIn(), "diskEncryption", "sometimes"),
                        "lastPatchDate",
                        LocalDate.now().plusDays(30).toString()))
                .post("/api/v1/checkins")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("diskEncryption", "lastPatchDate")));
        // A body of a hundred thousand empty commands is one error, however many entries it holds.
        List<Map<String, Object>> empties = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            empties.add(Map.of());
        }
        Api.device(another.id())
                .body(with(Api.checkIn(), "completedCommands", empties))
                .post("/api/v1/checkins")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("completedCommands")));
        Api.device(laptop.id())
                .body("{\"os\": ")
                .post("/api/v1/checkins")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        Api.device(laptop.id())
                .body("x".repeat(2_000_000))
                .post("/api/v1/checkins")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        // Sent in chunks, the body is cut off at the same limit; and whoever sends it, no more than that is read
        // before the credential is checked (a stranger's 3 MB is refused at 1 MiB, not read whole and then refused).
        HttpResponse<String> chunked = TestApi.postInChunks(
                "/api/v1/checkins", "Device " + Api.credential(laptop.id()), "application/json", "x".repeat(2_000_000));
        assertThat(chunked.statusCode()).isEqualTo(413);
        HttpResponse<String> stranger = TestApi.postInChunks(
                "/api/v1/checkins",
                "Device dc1." + UUID.randomUUID() + ".wrong",
                "application/json",
                "x".repeat(3_000_000));
        assertThat(stranger.statusCode()).isEqualTo(413);
        assertThat(stranger.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(stranger.body()).contains("\"status\":413");
        assertThat(db.count("select count(*) from checkin_history where device_id = ?", laptop.id()))
                .isZero();
    }

    @Test
    void evaluatesComplianceAndListsNonCompliantDevicesWithReasons() {
        String school = Feed.unique("SCHOOL");
        Feed.Device laptop = db.known(Feed.laptop(school).sensitive());
        Feed.Device tablet = db.known(Feed.device(DeviceType.TABLET, school));
        Feed.Device good = db.known(Feed.laptop(school));

        Map<String, Object> bad = Api.checkIn();
        bad.put("os", Map.of("name", "Windows 10 Pro", "version", "10.0.19041", "build", "19041.1"));
        bad.put("lastPatchDate", LocalDate.now().minusDays(120).toString());
        bad.put(
                "antivirus",
                Map.of(
                        "product",
                        "Defender",
                        "definitionsDate",
                        LocalDate.now().minusDays(30).toString()));
        bad.put("diskEncryption", false);
        bad.put("passwordProtection", false);
        Response answer = Api.device(laptop.id()).body(bad).post("/api/v1/checkins");
        answer.then().statusCode(200).body("compliant", equalTo(false));
        assertThat(answer.<List<String>>path("complianceIssues.code"))
                .containsExactlyInAnyOrder(
                        "OS_VERSION_TOO_OLD",
                        "PATCHES_TOO_OLD",
                        "ANTIVIRUS_DEFINITIONS_TOO_OLD",
                        "PASSWORD_PROTECTION_OFF",
                        "DISK_ENCRYPTION_OFF");

        // A tablet without sensitive data needs no encryption; an iPad without antivirus is fine.
        Map<String, Object> ipad = Api.checkIn();
        ipad.put("os", Map.of("name", "iPadOS", "version", "17.5"));
        ipad.remove("antivirus");
        ipad.put("diskEncryption", false);
        Api.device(tablet.id())
                .body(ipad)
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("compliant", equalTo(true));
        // Windows without antivirus is not.
        Map<String, Object> noAv = Api.checkIn();
        noAv.remove("antivirus");
        Api.device(good.id())
                .body(noAv)
                .post("/api/v1/checkins")
                .then()
                .body("complianceIssues.code", equalTo(List.of("ANTIVIRUS_MISSING")));
        Api.device(good.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .body("compliant", equalTo(true));

        Api.auditor()
                .queryParam("school", school)
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].deviceId", equalTo(laptop.id().toString()))
                .body("items[0].issues.code", hasItem("DISK_ENCRYPTION_OFF"))
                .body("items[0].issues[0].description", not(equalTo(null)))
                .body("items[0].osVersion", equalTo("10.0.19041"));
        Api.it()
                .queryParam("school", school)
                .queryParam("type", "TABLET")
                .get("/api/v1/compliance")
                .then()
                .body("items", hasSize(0));
        Api.it()
                .queryParam("type", "PHABLET")
                .get("/api/v1/compliance")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        Api.as("E1", "STAFF").get("/api/v1/compliance").then().statusCode(403);
        Api.device(laptop.id()).get("/api/v1/compliance").then().statusCode(403);
    }

    /**
     * Sensitive data requires encryption on every type, also one that does not otherwise need it (a tablet): until a
     * check-in shows the disk encrypted, the device is listed as non-compliant, first because it never checked in,
     * then because it could not tell or its disk is not encrypted.
     */
    @Test
    void aSensitiveDeviceIsNonCompliantUntilACheckInShowsItsDiskEncrypted() {
        String school = Feed.unique("SENSITIVE");
        Feed.Device sensitive = db.known(Feed.device(DeviceType.TABLET, school).sensitive());
        Feed.Device plain = db.known(Feed.device(DeviceType.TABLET, school));
        Api.it()
                .queryParam("school", school)
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .body("items.deviceId", equalTo(List.of(sensitive.id().toString())))
                .body("items[0].issues.code", equalTo(List.of("NEVER_CHECKED_IN")));

        Map<String, Object> ipad = Api.checkIn();
        ipad.put("os", Map.of("name", "iPadOS", "version", "17.5"));
        ipad.remove("antivirus");
        Map<String, Object> unknown = new HashMap<>(ipad);
        unknown.remove("diskEncryption");
        Api.device(sensitive.id())
                .body(unknown)
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("complianceIssues.code", equalTo(List.of("DISK_ENCRYPTION_UNKNOWN")));
        ipad.put("diskEncryption", false);
        Api.device(sensitive.id())
                .body(ipad)
                .post("/api/v1/checkins")
                .then()
                .body("complianceIssues.code", equalTo(List.of("DISK_ENCRYPTION_OFF")));
        // The same tablet without sensitive data needs no encryption.
        Api.device(plain.id()).body(ipad).post("/api/v1/checkins").then().body("compliant", equalTo(true));
        Api.it()
                .queryParam("school", school)
                .get("/api/v1/compliance")
                .then()
                .body("items.deviceId", equalTo(List.of(sensitive.id().toString())))
                .body("items[0].issues.code", equalTo(List.of("DISK_ENCRYPTION_OFF")));

        ipad.put("diskEncryption", true);
        Api.device(sensitive.id()).body(ipad).post("/api/v1/checkins").then().body("compliant", equalTo(true));
        Api.it().queryParam("school", school).get("/api/v1/compliance").then().body("items", hasSize(0));
    }

    @Test
    void commandsAreDeliveredThenDoneAndItCanCancelPendingOnes() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        String locate = Api.it()
                .body(Map.of("type", "LOCATE", "reason", "Not seen at school"))
                .post("/api/v1/devices/" + laptop.id() + "/commands")
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .extract()
                .path("id");
        Api.it()
                .body(Map.of("type", "LOCATE"))
                .post("/api/v1/devices/" + laptop.id() + "/commands")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("type"));

        String nonce = Api.device(laptop.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("commands.id", equalTo(List.of(locate)))
                .body("commands[0].type", equalTo("LOCATE"))
                .body("commands[0].nonce", matchesPattern("[0-9a-f]{32}"))
                .extract()
                .path("commands[0].nonce");
        assertThat(db.text("select status from device_command where id = ?", UUID.fromString(locate)))
                .isEqualTo("DELIVERED");
        // Not confirmed yet: sent again.
        Api.device(laptop.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .body("commands.id", hasItem(locate));
        // Reported done without the nonce it came with (the id alone is known to IT's tools): not done.
        Api.device(laptop.id())
                .body(Api.completing(Api.checkIn(), locate, "0".repeat(32)))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("commands.id", hasItem(locate));
        assertThat(db.text("select status from device_command where id = ?", UUID.fromString(locate)))
                .isEqualTo("DELIVERED");
        Api.device(laptop.id())
                .body(Api.completing(Api.checkIn(), locate, nonce))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("commands", hasSize(0));
        assertThat(db.text("select status from device_command where id = ?", UUID.fromString(locate)))
                .isEqualTo("DONE");
        Api.it()
                .post("/api/v1/devices/" + laptop.id() + "/commands/" + locate + "/cancel")
                .then()
                .statusCode(409);

        // A WIPE cannot be undone: it is refused unless IT types the device's asset tag again, and nothing is queued.
        for (Map<String, String> unconfirmed : List.of(
                Map.of("type", "WIPE"), Map.of("type", "WIPE", "confirmAssetTag", laptop.assetTag() + "-OTHER"))) {
            Api.it()
                    .body(unconfirmed)
                    .post("/api/v1/devices/" + laptop.id() + "/commands")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("confirmAssetTag"));
        }
        assertThat(db.count("select count(*) from device_command where device_id = ? and type = 'WIPE'", laptop.id()))
                .isZero();

        String lock = Api.it()
                .body(Map.of("type", "LOCK"))
                .post("/api/v1/devices/" + laptop.id() + "/commands")
                .then()
                .statusCode(201)
                .body("message", containsString("district"))
                .extract()
                .path("id");
        Api.it()
                .post("/api/v1/devices/" + laptop.id() + "/commands/" + lock + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        Api.device(laptop.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .body("commands", hasSize(0));
        Api.auditor()
                .get("/api/v1/devices/" + laptop.id() + "/commands")
                .then()
                .statusCode(200)
                .body("status", equalTo(List.of("CANCELLED", "DONE")));
    }

    @Test
    void onlyItIssuesCommandsAndWipeIsForDistrictDevicesOnly() {
        // Approved, its owner consenting to locking and locating: still never wiped.
        Feed.Device personal = db.known(Feed.laptop("LINCOLN-HS").personal().approved(true));
        Api.auditor()
                .body(Map.of("type", "LOCK"))
                .post("/api/v1/devices/" + personal.id() + "/commands")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        Api.as("E1", "STAFF")
                .body(Map.of("type", "LOCK"))
                .post("/api/v1/devices/" + personal.id() + "/commands")
                .then()
                .statusCode(403);
        Api.device(personal.id())
                .body(Map.of("type", "WIPE"))
                .post("/api/v1/devices/" + personal.id() + "/commands")
                .then()
                .statusCode(403);
        Api.it()
                .body(Map.of("type", "WIPE", "confirmAssetTag", personal.assetTag()))
                .post("/api/v1/devices/" + personal.id() + "/commands")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:wipe-not-allowed"));
        Api.it()
                .body(Map.of("type", "ERASE"))
                .post("/api/v1/devices/" + personal.id() + "/commands")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        Api.it()
                .body(Map.of("type", "LOCK"))
                .post("/api/v1/devices/" + UUID.randomUUID() + "/commands")
                .then()
                .statusCode(404);
        assertThat(db.count("select count(*) from device_command where device_id = ?", personal.id()))
                .isZero();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(field);
        return copy;
    }
}
