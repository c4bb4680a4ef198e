package org.district.lossreport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.inventory.PersonKind;
import org.district.lossreport.Inventory.Device;
import org.district.lossreport.Inventory.Person;
import org.district.lossreport.service.ReadModelService;
import org.district.testing.KafkaProbe;
import org.district.testing.TestApi;
import org.district.testing.TestDb;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The loss report API: filing from the read model, the event, idempotency, authorization, bad input, lifecycle. */
@QuarkusTest
@WithTestResource(MailAndWebhook.class)
class ReportApiTest {

    private static final String REPORTS = "/api/v1/loss-reports";
    private static final Duration EVENT_WAIT = Duration.ofSeconds(20);

    @Inject
    Inventory inventory;

    @Inject
    DataSource dataSource;

    @Inject
    ReadModelService readModel;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void staffReportsTheirDeviceFromTheReadModelAndLossReportedIsPublishedKeyedByDevice() throws Exception {
        Person boss = inventory.employee(null);
        Person pat = inventory.employee(boss);
        Device laptop = inventory.laptop(pat, true);
        inventory.awaitKnown(boss, pat);
        inventory.awaitKnown(laptop);

        try (KafkaProbe probe = KafkaProbe.fromNow(bootstrap, Topics.LOSS_REPORTS)) {
            Response created = Api.staff(pat)
                    .body(Api.stolen(laptop))
                    .post(REPORTS)
                    .then()
                    .statusCode(201)
                    .contentType(ContentType.JSON)
                    .body("reportNumber", matchesPattern("LR-\\d{4}-\\d{6}"))
                    .body("status", equalTo("OPEN"))
                    .body("kind", equalTo("STOLEN"))
                    .body("device.id", equalTo(laptop.id().toString()))
                    .body("device.assetTag", equalTo(laptop.assetTag()))
                    .body("reportedBy", equalTo(pat.districtId()))
                    .body("holderDistrictId", equalTo(pat.districtId()))
                    .body("contactPhone", equalTo("+1 555 0100"))
                    .body("police.notified", equalTo(true))
                    .body("police.agency", equalTo("Metro Police"))
                    .body("police.reportOwed", equalTo(true))
                    .extract()
                    .response();
            String id = created.path("id");
            assertThat(created.header("Location")).endsWith(REPORTS + "/" + id);

            ConsumerRecord<String, String> record = probe.awaitRecord(
                    r -> laptop.id().toString().equals(r.key())
                            && "LossReported".equals(KafkaProbe.header(r, EventHeaders.EVENT_TYPE)),
                    EVENT_WAIT);
            JsonNode event = mapper.readTree(record.value());
            assertThat(KafkaProbe.header(record, EventHeaders.EVENT_ID))
                    .isEqualTo(event.path("eventId").asText());
            assertThat(KafkaProbe.header(record, EventHeaders.SCHEMA_VERSION)).isEqualTo("1");
            assertThat(KafkaProbe.header(record, EventHeaders.AGGREGATE_TYPE)).isEqualTo("LossReport");
            assertThat(event.path("aggregateId").asText()).isEqualTo(id);
            JsonNode data = event.path("data");
            assertThat(data.path("reportId").asText()).isEqualTo(id);
            assertThat(data.path("reportNumber").asText()).isEqualTo(created.<String>path("reportNumber"));
            assertThat(data.path("deviceId").asText()).isEqualTo(laptop.id().toString());
            assertThat(data.path("assetTag").asText()).isEqualTo(laptop.assetTag());
            assertThat(data.path("kind").asText()).isEqualTo("STOLEN");
            assertThat(data.path("reportedBy").asText()).isEqualTo(pat.districtId());
            assertThat(data.path("holderId").asText()).isEqualTo(pat.id().toString());
            assertThat(data.path("school").asText()).isEqualTo("LINCOLN-HS");
            assertThat(data.path("lastSeenLocation").asText()).isEqualTo("Library, second floor");
            assertThat(data.path("policeNotified").asBoolean()).isTrue();
            assertThat(data.path("policeReportOwed").asBoolean()).isTrue();
            assertThat(data.has("contactPhone"))
                    .as("the phone stays in this service")
                    .isFalse();
            assertThat(record.value()).doesNotContain("555 0100");
        }
    }

    @Test
    void aReportByAssetTagOrSerialNumberIsAcceptedWithoutInventoryServiceRunning() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop);

        Map<String, Object> bySerial = Api.lost(laptop);
        bySerial.remove("assetTag");
        bySerial.put("serialNumber", laptop.serialNumber().toLowerCase());
        Api.staff(pat)
                .body(bySerial)
                .post(REPORTS)
                .then()
                .statusCode(201)
                .body("device.assetTag", equalTo(laptop.assetTag()))
                .body("police.reportOwed", equalTo(false))
                .body("police.notified", equalTo(false));
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyMakesOneReportAndAnotherBodyIsRefused() throws Exception {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        Device tablet = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop, tablet);
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = Api.lost(laptop);

        Response first = Api.staff(pat)
                .header("Idempotency-Key", key)
                .body(report)
                .post(REPORTS)
                .then()
                .statusCode(201)
                .extract()
                .response();
        // The same report, typed again by the client: field order and spacing do not matter.
        Response retry = Api.staff(pat)
                .header("Idempotency-Key", key)
                .body(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(new java.util.TreeMap<>(report)))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .response();
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(reportsOf(laptop)).isEqualTo(1);

        Api.staff(pat)
                .header("Idempotency-Key", key)
                .body(Api.lost(tablet))
                .post(REPORTS)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(reportsOf(tablet)).isZero();

        // Several retries racing each other still make one report.
        String raceKey = UUID.randomUUID().toString();
        Map<String, Object> body = Api.lost(tablet);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> Api.staff(pat)
                        .header("Idempotency-Key", raceKey)
                        .body(body)
                        .post(REPORTS)
                        .then()
                        .extract()
                        .response());
            }
            Set<String> ids = new HashSet<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                assertThat(f.get().statusCode()).isEqualTo(201);
                ids.add(f.get().path("id"));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reportsOf(tablet)).isEqualTo(1);
    }

    @Test
    void aDeviceWithAnOpenReportCannotBeReportedAgainAndTheAnswerNamesTheReport() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop);
        String number = Api.staff(pat)
                .body(Api.lost(laptop))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .extract()
                .path("reportNumber");

        Api.staff(pat)
                .body(Api.stolen(laptop))
                .post(REPORTS)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:district:problem:report-already-open"))
                .body("detail", containsString(number));
        assertThat(reportsOf(laptop)).isEqualTo(1);
    }

    @Test
    void aDeviceRetiredOrInRepairCannotBeReported() {
        Device retired = inventory.device(null, false, DeviceStatus.RETIRED, 1);
        inventory.awaitKnown(retired);
        Api.it()
                .body(Api.lost(retired))
                .post(REPORTS)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:device-not-reportable"))
                .body("detail", containsString("RETIRED"));
    }

    @Test
    void staffCannotReportOrReadAnotherPersonsDeviceOrReport() {
        Person pat = inventory.employee(null);
        Person sam = inventory.employee(null);
        Device patsLaptop = inventory.laptop(pat, false);
        Device patsOther = inventory.laptop(pat, false);
        inventory.awaitKnown(pat, sam);
        inventory.awaitKnown(patsLaptop, patsOther);

        Api.staff(sam)
                .body(Api.lost(patsLaptop))
                .post(REPORTS)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("assetTag"));
        // Another person's tag with a serial number of yet another device: the same answer as a tag that does not
        // exist, so that nobody learns which tags and serial numbers exist by pairing them.
        Map<String, Object> mismatched = Api.lost(patsLaptop);
        mismatched.put("serialNumber", patsOther.serialNumber());
        Map<String, Object> madeUp = Api.lost(patsLaptop);
        madeUp.put("assetTag", "NO-SUCH-" + UUID.randomUUID().toString().substring(0, 8));
        madeUp.put("serialNumber", patsOther.serialNumber());
        for (Map<String, Object> body : List.of(mismatched, madeUp)) {
            Api.staff(sam)
                    .body(body)
                    .post(REPORTS)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("assetTag"))
                    .body("detail", not(containsString("different device")));
        }
        assertThat(reportsOf(patsLaptop)).isZero();
        // The holder of both is told the two name different devices.
        Api.staff(pat)
                .body(mismatched)
                .post(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("serialNumber"));

        String id = Api.staff(pat)
                .body(Api.lost(patsLaptop))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Api.staff(sam).get(REPORTS + "/" + id).then().statusCode(404);
        Api.staff(sam)
                .body(Map.of("policeAgency", "Metro Police", "policeCaseNumber", "MP-1"))
                .post(REPORTS + "/" + id + "/police-report")
                .then()
                .statusCode(404);
        Api.staff(sam).get(REPORTS).then().statusCode(200).body("items.id", not(hasItem(id)));
        Api.staff(pat).get(REPORTS).then().statusCode(200).body("items.id", hasItem(id));
        Api.staff(pat).get(REPORTS + "/" + id).then().statusCode(200).body("history", nullValue());
        // Staff may not change reports: that is IT's job.
        Api.staff(pat)
                .body(Map.of("note", "found it?"))
                .patch(REPORTS + "/" + id)
                .then()
                .statusCode(403);
    }

    @Test
    void anItAdminsSupervisorDoesNotReadTheReportsItFilesForOthersDevices() {
        Person itsBoss = inventory.employee(null);
        Person itAdmin = inventory.employee(itsBoss);
        Person student = inventory.student("LINCOLN-HS");
        Device studentsLaptop = inventory.laptop(student, false);
        Device unassigned = inventory.laptop(null, false);
        inventory.awaitKnown(itsBoss, itAdmin, student);
        inventory.awaitKnown(studentsLaptop, unassigned);

        List<String> filed = new ArrayList<>();
        for (Device d : List.of(studentsLaptop, unassigned)) {
            filed.add(TestApi.as(itAdmin.districtId(), "IT_ADMIN")
                    .body(Api.lost(d))
                    .post(REPORTS)
                    .then()
                    .statusCode(201)
                    .body("reportedBy", equalTo(itAdmin.districtId()))
                    .extract()
                    .path("id"));
        }
        // The reporter's supervisor is nobody's supervisor here: not the student's, and the spare has no holder.
        for (String id : filed) {
            Api.supervisor(itsBoss).get(REPORTS + "/" + id).then().statusCode(404);
        }
        Api.supervisor(itsBoss).get(REPORTS).then().statusCode(200).body("items.id", not(hasItem(filed.get(0))));
        Api.supervisor(itsBoss).get(REPORTS).then().statusCode(200).body("items.id", not(hasItem(filed.get(1))));
    }

    @Test
    void aSupervisorReportsAndReadsTheirPeoplesDevicesOnlyAndDoesNotSeeTheirPhone() {
        Person boss = inventory.employee(null);
        Person otherBoss = inventory.employee(null);
        Person pat = inventory.employee(boss);
        Device first = inventory.laptop(pat, false);
        Device second = inventory.laptop(pat, false);
        inventory.awaitKnown(boss, otherBoss, pat);
        inventory.awaitKnown(first, second);

        Api.supervisor(otherBoss).body(Api.lost(first)).post(REPORTS).then().statusCode(404);
        Api.supervisor(boss)
                .body(Api.lost(first))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .body("reportedBy", equalTo(boss.districtId()))
                .body("holderDistrictId", equalTo(pat.districtId()));

        String patsReport = Api.staff(pat)
                .body(Api.lost(second))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.supervisor(boss)
                .get(REPORTS + "/" + patsReport)
                .then()
                .statusCode(200)
                .body("reportedBy", equalTo(pat.districtId()))
                .body("contactPhone", nullValue());
        Api.supervisor(boss).get(REPORTS).then().statusCode(200).body("items.id", hasItem(patsReport));
        Api.supervisor(otherBoss).get(REPORTS + "/" + patsReport).then().statusCode(404);
        Api.it()
                .get(REPORTS + "/" + patsReport)
                .then()
                .statusCode(200)
                .body("contactPhone", equalTo("+1 555 0100"))
                .body("history[0].action", equalTo("REPORTED"));
        TestApi.as("AUD-1", "AUDITOR")
                .get(REPORTS + "/" + patsReport)
                .then()
                .statusCode(200)
                .body("contactPhone", notNullValue());
        TestApi.as("AUD-1", "AUDITOR")
                .body(Api.lost(first))
                .post(REPORTS)
                .then()
                .statusCode(403);
    }

    @Test
    void aSupervisorNeitherReportsNorReadsOfTheirPersonsPersonalDevice() {
        Person boss = inventory.employee(null);
        Person pat = inventory.employee(boss);
        Device phone = inventory.personalPhone(pat);
        inventory.awaitKnown(boss, pat);
        inventory.awaitKnown(phone);

        // Pat's own phone is Pat's and IT's business: to Pat's supervisor it does not exist.
        Api.supervisor(boss).body(Api.lost(phone)).post(REPORTS).then().statusCode(404);
        String patsReport = Api.staff(pat)
                .body(Api.lost(phone))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.supervisor(boss).get(REPORTS + "/" + patsReport).then().statusCode(404);
        Api.supervisor(boss).get(REPORTS).then().statusCode(200).body("items.id", not(hasItem(patsReport)));
        Api.staff(pat).get(REPORTS + "/" + patsReport).then().statusCode(200);
        Api.it().get(REPORTS + "/" + patsReport).then().statusCode(200);
    }

    @Test
    void badInputIsAnsweredWithProblemDetailsNamingTheFieldAndNothingIsStored() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop);

        Api.staff(pat)
                .body("{\"assetTag\": \"" + laptop.assetTag() + "\", \"kind\": ")
                .post(REPORTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));

        Map<String, Object> unknownKind = Api.lost(laptop);
        unknownKind.put("kind", "MISPLACED");
        Api.staff(pat)
                .body(unknownKind)
                .post(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("LOST, STOLEN"));

        Api.staff(pat)
                .body(Map.of("assetTag", laptop.assetTag()))
                .post(REPORTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        hasItems("kind", "lastSeenAt", "lastSeenLocation", "circumstances", "contactPhone"));

        Map<String, Object> future = Api.lost(laptop);
        future.put("lastSeenAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        Api.staff(pat)
                .body(future)
                .post(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lastSeenAt"))
                .body("errors[0].message", containsString("future"));

        Map<String, Object> notADate = Api.lost(laptop);
        notADate.put("lastSeenAt", "yesterday");
        Api.staff(pat)
                .body(notADate)
                .post(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lastSeenAt"));

        Map<String, Object> typo = Api.lost(laptop);
        typo.put("lastSeenPlace", "gym");
        Api.staff(pat)
                .body(typo)
                .post(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lastSeenPlace"));

        Map<String, Object> theftWithoutPolice = Api.lost(laptop);
        theftWithoutPolice.put("kind", "STOLEN");
        Api.staff(pat)
                .body(theftWithoutPolice)
                .post(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("policeNotified"));

        Map<String, Object> badPhone = Api.lost(laptop);
        badPhone.put("contactPhone", "call me");
        Api.staff(pat)
                .body(badPhone)
                .post(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("contactPhone"));

        Map<String, Object> huge = Api.lost(laptop);
        huge.put("circumstances", "x".repeat(1_100_000));
        Api.staff(pat).body(huge).post(REPORTS).then().statusCode(413).contentType("application/problem+json");

        Map<String, Object> long4001 = Api.lost(laptop);
        long4001.put("circumstances", "x".repeat(4001));
        Api.staff(pat)
                .body(long4001)
                .post(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("circumstances"));

        Api.staff(pat)
                .header("Idempotency-Key", "has spaces in it")
                .body(Api.lost(laptop))
                .post(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));

        Api.staff(pat)
                .contentType(ContentType.TEXT)
                .body("hello")
                .post(REPORTS)
                .then()
                .statusCode(415);
        given().contentType(ContentType.JSON)
                .body(Api.lost(laptop))
                .post(REPORTS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        Map<String, Object> unknownDevice = Api.lost(laptop);
        unknownDevice.put("assetTag", "NO-SUCH-TAG-" + Inventory.RUN);
        Api.it().body(unknownDevice).post(REPORTS).then().statusCode(404).body("detail", containsString("NO-SUCH-TAG"));

        assertThat(reportsOf(laptop)).isZero();
    }

    @Test
    void itMovesAReportThroughItsLifecycleAndEachChangeIsAnEvent() throws Exception {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, true);
        Device phone = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop, phone);

        try (KafkaProbe probe = KafkaProbe.fromNow(bootstrap, Topics.LOSS_REPORTS)) {
            String id = Api.staff(pat)
                    .body(Api.lost(laptop))
                    .post(REPORTS)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");

            Api.it()
                    .body(Map.of("kind", "STOLEN", "note", "Seen taken from the car park on camera."))
                    .patch(REPORTS + "/" + id)
                    .then()
                    .statusCode(200)
                    .body("kind", equalTo("STOLEN"))
                    .body("police.reportOwed", equalTo(true));
            JsonNode updated = data(probe.awaitRecord(of(laptop, "LossReportUpdated"), EVENT_WAIT));
            assertThat(updated.path("kind").asText()).isEqualTo("STOLEN");
            assertThat(updated.path("policeReportOwed").asBoolean()).isTrue();
            assertThat(updated.path("note").asText()).contains("car park");

            Api.it()
                    .body(Map.of())
                    .patch(REPORTS + "/" + id)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("body"));

            Api.staff(pat)
                    .body(Map.of("policeAgency", "Metro Police", "policeCaseNumber", "MP-2026-0042"))
                    .post(REPORTS + "/" + id + "/police-report")
                    .then()
                    .statusCode(200)
                    .body("police.caseNumber", equalTo("MP-2026-0042"))
                    .body("police.reportOwed", equalTo(false));
            JsonNode police = data(probe.awaitRecord(
                    r -> of(laptop, "LossReportUpdated").test(r) && r.value().contains("MP-2026-0042"), EVENT_WAIT));
            assertThat(police.path("policeReportOwed").asBoolean()).isFalse();

            Api.it()
                    .body(Map.of(
                            "recoveredAt",
                            Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                    .post(REPORTS + "/" + id + "/recovery")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("recoveredAt"));
            Api.it()
                    .body(Map.of("note", "Handed in at the front office."))
                    .post(REPORTS + "/" + id + "/recovery")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("RECOVERED"))
                    .body("closedBy", equalTo("IT_ADMIN:" + Api.IT));
            JsonNode recovered = data(probe.awaitRecord(of(laptop, "LossReportRecovered"), EVENT_WAIT));
            assertThat(recovered.path("reportId").asText()).isEqualTo(id);
            assertThat(recovered.path("note").asText()).contains("front office");

            Api.it()
                    .body(Map.of("note", "again"))
                    .patch(REPORTS + "/" + id)
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("urn:district:problem:report-closed"));
            Api.it()
                    .get(REPORTS + "/" + id)
                    .then()
                    .statusCode(200)
                    .body("history.action", hasItems("REPORTED", "RECLASSIFIED", "NOTE", "POLICE_REPORT", "RECOVERED"));

            // A recovered device can be reported again.
            Api.staff(pat).body(Api.lost(laptop)).post(REPORTS).then().statusCode(201);

            String other = Api.staff(pat)
                    .body(Api.lost(phone))
                    .post(REPORTS)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Api.it()
                    .body(Map.of("costOwed", -5))
                    .post(REPORTS + "/" + other + "/write-off")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("costOwed"));
            Api.it()
                    .body(Map.of("costOwed", 349.50, "note", "Not found after 30 days."))
                    .post(REPORTS + "/" + other + "/write-off")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("WRITTEN_OFF"))
                    .body("costOwed", equalTo(349.5f));
            JsonNode writtenOff = data(probe.awaitRecord(of(phone, "LossReportWrittenOff"), EVENT_WAIT));
            assertThat(writtenOff.path("costOwed").decimalValue()).isEqualByComparingTo("349.50");
        }
    }

    @Test
    void itListsAndFiltersEveryReportInPages() {
        String school =
                "SCH-" + Inventory.RUN + "-" + UUID.randomUUID().toString().substring(0, 4);
        Person pat = inventory.person(PersonKind.EMPLOYEE, school, null);
        List<Device> laptops =
                List.of(inventory.laptop(pat, false), inventory.laptop(pat, false), inventory.laptop(pat, false));
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptops.toArray(new Device[0]));
        Api.staff(pat).body(Api.lost(laptops.get(0))).post(REPORTS).then().statusCode(201);
        Api.staff(pat).body(Api.stolen(laptops.get(1))).post(REPORTS).then().statusCode(201);
        Api.staff(pat).body(Api.lost(laptops.get(2))).post(REPORTS).then().statusCode(201);

        Response page1 = Api.it()
                .queryParam("school", school)
                .queryParam("limit", 2)
                .get(REPORTS)
                .then()
                .statusCode(200)
                .extract()
                .response();
        List<String> first = page1.path("items.device.assetTag");
        assertThat(first)
                .containsExactly(laptops.get(2).assetTag(), laptops.get(1).assetTag());
        String cursor = page1.path("nextCursor");
        assertThat(cursor).isNotBlank();
        Api.it()
                .queryParam("school", school)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get(REPORTS)
                .then()
                .statusCode(200)
                .body("items.device.assetTag", equalTo(List.of(laptops.get(0).assetTag())))
                .body("nextCursor", nullValue());

        Api.it()
                .queryParam("school", school)
                .queryParam("kind", "STOLEN")
                .get(REPORTS)
                .then()
                .body("items.device.assetTag", equalTo(List.of(laptops.get(1).assetTag())));
        Api.it()
                .queryParam("school", school)
                .queryParam("status", "RECOVERED")
                .get(REPORTS)
                .then()
                .body("items", equalTo(List.of()));
        Api.it()
                .queryParam("device", laptops.get(1).id().toString())
                .queryParam("status", "OPEN")
                .get(REPORTS)
                .then()
                .statusCode(200)
                .body("items.device.assetTag", equalTo(List.of(laptops.get(1).assetTag())));
        Api.it()
                .queryParam("device", "not-a-device")
                .get(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("device"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Api.it()
                .queryParam("school", school)
                .queryParam("from", today)
                .queryParam("to", today)
                .get(REPORTS)
                .then()
                .body("items.size()", equalTo(3));
        Api.it()
                .queryParam("school", school)
                .queryParam("to", LocalDate.now(ZoneOffset.UTC).minusDays(2).toString())
                .get(REPORTS)
                .then()
                .body("items", equalTo(List.of()));

        Api.it()
                .queryParam("status", "LOSTISH")
                .get(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Api.it()
                .queryParam("from", "2026-13-01")
                .get(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        Api.it()
                .queryParam("from", today)
                .queryParam("to", LocalDate.now().minusDays(3).toString())
                .get(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        Api.it()
                .queryParam("kind", "MISPLACED")
                .queryParam("from", "soon")
                .queryParam("to", "later")
                .queryParam("device", "laptop")
                .get(REPORTS)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("kind", "from", "to", "device"));
        Api.it()
                .queryParam("cursor", "not-a-cursor")
                .get(REPORTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        Api.it().queryParam("limit", 0).get(REPORTS).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        // A bad page and bad filters in one request: every one of them is named, the page's as well.
        Api.it()
                .queryParam("limit", 0)
                .queryParam("cursor", "%%%")
                .queryParam("kind", "MISPLACED")
                .queryParam("from", "soon")
                .get(REPORTS)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("kind", "from", "limit", "cursor"));
        Api.it()
                .queryParam("limit", 500)
                .queryParam("status", "LOST")
                .get("/api/v1/notifications")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("status", "limit"));
        Api.it().get(REPORTS + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        Api.it().get(REPORTS + "/" + UUID.randomUUID()).then().statusCode(404);
        TestApi.as("HR-1", "HR").get(REPORTS).then().statusCode(403);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/loss-reports"));
    }

    @Test
    void someoneFilingReportAfterReportIsAskedToWaitAndOthersAreNotHeldUp() {
        Person pat = inventory.employee(null);
        Device mine = inventory.laptop(pat, false);
        Person sam = inventory.employee(null);
        inventory.awaitKnown(pat, sam);
        inventory.awaitKnown(mine);
        int burst = 30; // district.rate-limit.reports.burst
        for (int i = 0; i < burst; i++) {
            // Each attempt counts, a refused one too (here: nothing named), so the limit also stops probing.
            Api.staff(pat).body("{}").post(REPORTS).then().statusCode(400);
        }

        Api.staff(pat)
                .body(Api.lost(mine))
                .post(REPORTS)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        assertThat(reportsOf(mine)).isZero();
        // Someone else is not held up.
        Api.staff(sam).body("{}").post(REPORTS).then().statusCode(400);
    }

    @Test
    void anOlderSnapshotArrivingLateNeverOverwritesANewerOne() {
        Person pat = inventory.employee(null);
        Person sam = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat, sam);
        inventory.awaitKnown(laptop);

        Device movedToSam = new Device(
                laptop.id(), laptop.assetTag(), laptop.serialNumber(), laptop.school(), sam.id(), sam.districtId());
        inventory.publishDevice(movedToSam, DeviceStatus.ASSIGNED, false, 3);
        inventory.awaitDeviceVersion(laptop, 3);
        // Version 2 (still Pat's) is redelivered after version 3.
        boolean applied = readModel.apply(snapshot(laptop, 2));
        assertThat(applied).isFalse();
        assertThat(TestDb.of(dataSource).text("select assignee_district_id from device_view where id = ?", laptop.id()))
                .isEqualTo(sam.districtId());

        // Pat no longer holds it, so Pat cannot report it; Sam can.
        Api.staff(pat).body(Api.lost(laptop)).post(REPORTS).then().statusCode(404);
        Api.staff(sam).body(Api.lost(laptop)).post(REPORTS).then().statusCode(201);
    }

    // ---------------------------------------------------------------- helpers

    private static DeviceSnapshot snapshot(Device d, long version) {
        return new DeviceSnapshot(
                d.id(),
                version,
                "UPDATED",
                d.assetTag(),
                d.serialNumber(),
                DeviceType.LAPTOP,
                "Dell",
                "Latitude 5440",
                d.school(),
                Ownership.DISTRICT,
                DeviceStatus.ASSIGNED,
                false,
                d.holderId(),
                d.holder(),
                Instant.now(),
                "PURCHASED",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.now(),
                null,
                null);
    }

    private long reportsOf(Device d) {
        return TestDb.of(dataSource).count("select count(*) from loss_report where device_id = ?", d.id());
    }

    private static Predicate<ConsumerRecord<String, String>> of(Device d, String type) {
        return r -> d.id().toString().equals(r.key()) && type.equals(KafkaProbe.header(r, EventHeaders.EVENT_TYPE));
    }

    private JsonNode data(ConsumerRecord<String, String> record) throws Exception {
        return mapper.readTree(record.value()).path("data");
    }
}
