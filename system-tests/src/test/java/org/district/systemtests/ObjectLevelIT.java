package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.district.systemtests.District.Device;
import org.district.systemtests.District.Person;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Object-level authorization: staff reaching other people's devices and reports, supervisors reaching people they do
 * not supervise, a device checking in as another, anyone but IT reading a location. All refused, consistently, and the
 * refusals logged. Responses carry no personal data beyond the caller's need.
 */
@ExtendWith(SystemExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectLevelIT {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]+");

    private DistrictSystem system;
    private District district;
    private Person supervisorA;
    private Person supervisorB;
    private Person staff;
    private Person other;
    private Device staffDevice;
    private Device otherDevice;
    private String otherReport;

    @BeforeAll
    void fixtures() {
        system = DistrictSystem.current();
        district = new District(system);
        supervisorA = district.employee(null);
        supervisorB = district.employee(null);
        staff = district.employee(supervisorA);
        other = district.employee(supervisorB);
        staffDevice = district.device("LAPTOP", false);
        otherDevice = district.device("LAPTOP", false);
        district.assign(staffDevice, staff);
        district.assign(otherDevice, other);
        district.awaitReadModels(staffDevice, "ASSIGNED", staff);
        district.awaitReadModels(otherDevice, "ASSIGNED", other);
        for (Person p : List.of(supervisorA, supervisorB, staff, other)) {
            district.awaitReadModels(p);
        }
        Http.Reply filed = Http.post(
                system.lossReport("/api/v1/loss-reports"),
                other.staffToken(),
                Map.of(
                        "assetTag", otherDevice.assetTag(),
                        "kind", "LOST",
                        "lastSeenAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "lastSeenLocation", "Gym",
                        "circumstances", "Left it on the bench.",
                        "contactPhone", "+1 555 0199"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        otherReport = filed.json().get("id").asText();
    }

    @Test
    void staffCannotReadChangeOrReportAnotherPersonsDeviceOrReport() {
        String token = staff.staffToken();
        String actor = "STAFF:" + staff.districtId();
        expect(404, Http.get(system.inventory("/api/v1/devices/" + otherDevice.id()), token));
        expect(403, Http.put(system.inventory("/api/v1/devices/" + otherDevice.id()), token, Map.of("make", "x")));
        expect(404, Http.post(system.lossReport("/api/v1/loss-reports"), token, reportOf(otherDevice)));
        expect(404, Http.get(system.lossReport("/api/v1/loss-reports/" + otherReport), token));
        expect(
                404,
                Http.post(
                        system.lossReport("/api/v1/loss-reports/" + otherReport + "/police-report"),
                        token,
                        Map.of("policeAgency", "Metro Police", "policeCaseNumber", "X-1")));
        expect(
                404,
                Http.post(system.inventory("/api/v1/people/" + other.id() + "/aup-acknowledgement"), token, Map.of()));
        JsonNode list =
                Http.get(system.lossReport("/api/v1/loss-reports"), token).json();
        assertThat(list.toString()).doesNotContain(otherReport);

        assertLogged(system.inventory, "Refused " + actor + " reading device " + otherDevice.id());
        assertLogged(system.lossReport, "Refused " + actor + " reporting device " + otherDevice.id());
        assertLogged(system.lossReport, "Refused " + actor + " reading report " + otherReport);
        assertLogged(system.lossReport, "Refused " + actor + " changing report " + otherReport);
        assertLogged(system.inventory, "Refused " + actor + " acknowledging the AUP for person " + other.id());
    }

    @Test
    void supervisorsReachOnlyThePeopleTheySupervise() {
        String outsider = supervisorA.supervisorToken();
        String actor = "SUPERVISOR:" + supervisorA.districtId();
        expect(404, Http.get(system.lossReport("/api/v1/loss-reports/" + otherReport), outsider));
        expect(404, Http.post(system.lossReport("/api/v1/loss-reports"), outsider, reportOf(otherDevice)));
        expect(404, Http.get(system.inventory("/api/v1/devices/" + otherDevice.id()), outsider));
        expect(403, Http.get(system.inventory("/api/v1/people/" + other.id()), outsider));
        assertThat(Http.get(system.lossReport("/api/v1/loss-reports"), outsider).text())
                .doesNotContain(otherReport);
        assertLogged(system.lossReport, "Refused " + actor + " reading report " + otherReport);
        assertLogged(system.lossReport, "Refused " + actor + " reporting device " + otherDevice.id());

        // Their own supervisor follows the report, without the reporter's phone or IT's history.
        Http.Reply own =
                Http.get(system.lossReport("/api/v1/loss-reports/" + otherReport), supervisorB.supervisorToken());
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(keys(own.json())).doesNotContain("contactPhone", "history");
        assertThat(own.text()).doesNotContain("555 0199");
    }

    @Test
    void aDeviceChecksInOnlyAsItselfAndOnlyWithItsCredential() {
        Map<String, Object> body = checkIn(otherDevice.id());
        Http.Reply asAnother =
                Http.postAs(system.checkin("/api/v1/checkins"), district.deviceAuthorization(staffDevice), body);
        expect(403, asAnother);
        // A credential of the right shape for a device the district never enrolled.
        Http.Reply unknown = Http.postAs(
                system.checkin("/api/v1/checkins"),
                "Device dc1." + UUID.randomUUID() + "." + "A".repeat(43),
                checkIn(null));
        expect(401, unknown);
        assertThat(unknown.header("www-authenticate")).isEqualTo("Device");
        // People sign in at the identity provider; a device does not, and no person's token checks a device in, not
        // even one claiming the DEVICE role.
        Http.Reply personToken = Http.post(system.checkin("/api/v1/checkins"), staff.staffToken(), checkIn(null));
        expect(403, personToken);
        Http.Reply claimingDevice = Http.post(
                system.checkin("/api/v1/checkins"),
                TestTokens.token(staffDevice.id().toString(), "DEVICE"),
                checkIn(staffDevice.id()));
        expect(403, claimingDevice);
        assertThat(system.checkinDb.count("select count(*) from checkin_history where device_id = ?", staffDevice.id()))
                .as("no check-in was stored for a person's token")
                .isZero();
    }

    @Test
    void onlyItReadsLocations() {
        String url = system.checkin("/api/v1/devices/" + staffDevice.id() + "/locations");
        for (String token : List.of(
                district.auditorToken(), district.hrToken(), staff.staffToken(), supervisorA.supervisorToken())) {
            expect(403, Http.get(url, token));
        }
        // A device's credential admits its check-in and nothing else.
        expect(403, Http.getAs(url, district.deviceAuthorization(staffDevice)));
        expect(200, Http.get(url, district.itToken()));
    }

    @Test
    void refusalsAnswered403AreLoggedToo() {
        Http.postAs(
                system.checkin("/api/v1/checkins"),
                district.deviceAuthorization(staffDevice),
                checkIn(otherDevice.id()));
        Http.get(system.checkin("/api/v1/devices/" + staffDevice.id() + "/locations"), district.auditorToken());
        assertLogged(system.checkin, staffDevice.id().toString());
        assertLogged(system.checkin, "AUDITOR");
    }

    @Test
    void staffSeeNoOtherPersonsEmailAndNoLocationAnywhere() {
        String token = staff.staffToken();
        List<String> urls = List.of(
                system.inventory("/api/v1/devices"),
                system.inventory("/api/v1/devices/" + staffDevice.id()),
                system.inventory("/api/v1/people/me"),
                system.lossReport("/api/v1/loss-reports"),
                system.lossReport("/api/v1/loss-reports?status=OPEN"));
        for (String url : urls) {
            Http.Reply reply = Http.get(url, token);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            Set<String> emails = new HashSet<>();
            Matcher m = EMAIL.matcher(reply.text());
            while (m.find()) {
                emails.add(m.group().toLowerCase());
            }
            emails.remove(staff.email().toLowerCase());
            assertThat(emails).as("other people's emails in " + url).isEmpty();
            assertThat(reply.text()).as("location data in " + url).doesNotContain("latitude", "longitude");
        }
        // The holder's view of their own device: what identifies it and its status, nothing of the district's books.
        JsonNode own = Http.get(system.inventory("/api/v1/devices/" + staffDevice.id()), token)
                .json();
        assertThat(keys(own))
                .doesNotContain("acquisition", "notes", "assignee", "version", "createdAt")
                .contains("assetTag", "status");
        JsonNode mine = Http.get(system.inventory("/api/v1/devices"), token).json();
        for (JsonNode item : mine.get("items")) {
            assertThat(item.get("id").asText()).isEqualTo(staffDevice.id().toString());
        }
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Object> reportOf(Device device) {
        return Map.of(
                "assetTag", device.assetTag(),
                "kind", "LOST",
                "lastSeenAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "lastSeenLocation", "Library",
                "circumstances", "Not mine, trying anyway.",
                "contactPhone", "+1 555 0100");
    }

    private static Map<String, Object> checkIn(UUID deviceId) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (deviceId != null) {
            body.put("deviceId", deviceId.toString());
        }
        body.put("os", Map.of("name", "Windows 11 Pro", "version", "10.0.22631"));
        body.put("lastPatchDate", DistrictSystem.today().minusDays(2).toString());
        body.put(
                "antivirus",
                Map.of(
                        "product",
                        "Defender",
                        "definitionsDate",
                        DistrictSystem.today().toString()));
        body.put("diskEncryption", true);
        body.put("passwordProtection", true);
        body.put("network", Map.of("site", "LINCOLN-HS", "ipAddress", "10.1.2.3"));
        return body;
    }

    private static void expect(int status, Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        if (status >= 400) {
            assertThat(reply.isProblem()).as("problem+json: " + reply).isTrue();
        }
    }

    private static void assertLogged(ServiceProcess service, String line) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(service.logText()).as(service.name + " log").contains(line));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
