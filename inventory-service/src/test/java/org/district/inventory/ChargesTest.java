package org.district.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.testing.KafkaProbe;
import org.district.testing.TestApi;
import org.district.testing.TestKafka;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Charges: IT charges a person for a damaged or lost device and records payments and waivers, never beyond what is
 * outstanding; balances add up; people see only their own charges; every change is in the device's and the person's
 * history and on the charges topic; the business office's CSV is safe to open in a spreadsheet.
 */
@QuarkusTest
class ChargesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHARGES = "/api/v1/charges";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource ds;

    @Inject
    ObjectMapper mapper;

    private static boolean topicReady;

    /**
     * The charges topic exists on the test broker (a broker made before the topic was added lacks it, and the broker
     * does not create topics on demand); the tests act as its administrator, as every test here does.
     */
    @BeforeEach
    void chargesTopic() throws Exception {
        if (topicReady) {
            return;
        }
        Topics.TopicSpec spec = Topics.ALL.stream()
                .filter(t -> t.name().equals(Topics.CHARGES))
                .findFirst()
                .orElseThrow();
        try (Admin admin = Admin.create(TestKafka.admin(bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(spec.name())) {
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1)
                        .configs(Map.of("cleanup.policy", spec.compacted() ? "compact" : "delete"));
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        topicReady = true;
    }

    // ---------------------------------------------------------------- helpers

    /** A person (an employee) and their ids. */
    record Someone(String districtId, String id) {
        RequestSpecification staff() {
            return TestApi.as(districtId, "STAFF");
        }
    }

    private static Someone someone() {
        String districtId = Api.employee();
        return new Someone(districtId, Api.personId(districtId));
    }

    private static Map<String, Object> charge(String personId, String deviceId, String reason, Object amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        body.put("deviceId", deviceId);
        body.put("reason", reason);
        body.put("amount", amount);
        body.put("description", "Cracked screen; replaced by the repair depot.");
        return body;
    }

    /** Records a charge as IT and returns its id. */
    private static String charged(Someone who, String deviceId, String reason, String amount) {
        return Api.it()
                .body(charge(who.id(), deviceId, reason, new java.math.BigDecimal(amount)))
                .post(CHARGES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response pay(String chargeId, Object amount, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", amount);
        body.put("paidOn", Api.today().toString());
        if (reference != null) {
            body.put("reference", reference);
        }
        body.put("note", "Paid at the school office.");
        return Api.it().body(body).post(CHARGES + "/" + chargeId + "/payments");
    }

    private static Response waive(String chargeId, Object amount) {
        return Api.it()
                .body(Map.of("amount", amount, "reason", "Hardship waiver approved by the principal."))
                .post(CHARGES + "/" + chargeId + "/waivers");
    }

    private static java.math.BigDecimal money(JsonPath json, String path) {
        return new java.math.BigDecimal(json.getString(path));
    }

    private long rows(String table) {
        return Db.count(ds, "select count(*) from " + table);
    }

    private JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- recording, paying, waiving

    @Test
    void aChargeIsRecordedThenPaidAndWaivedUntilNothingIsOutstanding() {
        Someone pat = someone();
        String device = Api.registerLaptop(false);

        Response created =
                Api.it().body(charge(pat.id(), device, "DAMAGE", 150.00)).post(CHARGES);
        created.then().statusCode(201).header("Location", containsString(CHARGES + "/"));
        JsonPath c = created.jsonPath();
        String id = c.getString("id");
        assertThat(created.getHeader("Location")).endsWith(CHARGES + "/" + id);
        assertThat(c.getString("person.id")).isEqualTo(pat.id());
        assertThat(c.getString("person.districtId")).isEqualTo(pat.districtId());
        assertThat(c.getString("deviceId")).isEqualTo(device);
        assertThat(c.getString("reason")).isEqualTo("DAMAGE");
        assertThat(c.getString("status")).isEqualTo("OPEN");
        assertThat(money(c, "amount")).isEqualByComparingTo("150.00");
        assertThat(money(c, "outstanding")).isEqualByComparingTo("150.00");
        assertThat(c.getString("createdBy")).isEqualTo("IT_ADMIN:" + Api.IT_SUBJECT);

        JsonPath paid = pay(id, 50.00, "R-" + id.substring(0, 8))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(paid.getString("status")).isEqualTo("OPEN");
        assertThat(money(paid, "paid")).isEqualByComparingTo("50.00");
        assertThat(money(paid, "outstanding")).isEqualByComparingTo("100.00");

        JsonPath settled = waive(id, 100.00).then().statusCode(200).extract().jsonPath();
        assertThat(settled.getString("status")).isEqualTo("SETTLED");
        assertThat(money(settled, "waived")).isEqualByComparingTo("100.00");
        assertThat(money(settled, "outstanding")).isEqualByComparingTo("0.00");

        JsonPath read = Api.it()
                .get(CHARGES + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(read.getList("payments")).hasSize(1);
        assertThat(money(read, "payments[0].amount")).isEqualByComparingTo("50.00");
        assertThat(read.getString("payments[0].paidOn")).isEqualTo(Api.today().toString());
        assertThat(read.getString("payments[0].reference")).isEqualTo("R-" + id.substring(0, 8));
        assertThat(read.getString("payments[0].note")).isEqualTo("Paid at the school office.");
        assertThat(read.getList("waivers")).hasSize(1);
        assertThat(read.getString("waivers[0].reason")).isEqualTo("Hardship waiver approved by the principal.");
        assertThat(read.getString("status")).isEqualTo("SETTLED");

        // Paid in full: PAID; waived in full: WAIVED.
        String second = charged(pat, device, "LOSS", "80.00");
        pay(second, 30.00, null).then().statusCode(200).body("status", equalTo("OPEN"));
        pay(second, 50.00, null).then().statusCode(200).body("status", equalTo("PAID"));
        String third = charged(pat, device, "LOSS", "80.00");
        waive(third, 80.00).then().statusCode(200).body("status", equalTo("WAIVED"));

        // The filters of the list.
        Api.it()
                .queryParam("personId", pat.id())
                .queryParam("status", "paid")
                .get(CHARGES)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(second));
        Api.it()
                .queryParam("deviceId", device)
                .get(CHARGES)
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(third, second, id));
    }

    @Test
    void listsArePagedNewestFirst() {
        Someone pat = someone();
        String device = Api.registerLaptop(false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(charged(pat, device, "DAMAGE", "10.00"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request =
                    Api.it().queryParam("personId", pat.id()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page =
                    request.get(CHARGES).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void aBalanceAddsUpEveryChargeOfThePerson() {
        Someone pat = someone();
        String device = Api.registerLaptop(false);
        String first = charged(pat, device, "DAMAGE", "150.00");
        String second = charged(pat, device, "LOSS", "250.50");
        pay(first, 50.00, null).then().statusCode(200);
        waive(second, 25.25).then().statusCode(200);
        pay(second, 225.25, null).then().statusCode(200).body("status", equalTo("SETTLED"));

        JsonPath balance = Api.it()
                .get("/api/v1/people/" + pat.id() + "/balance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(balance.getString("personId")).isEqualTo(pat.id());
        assertThat(balance.getString("districtId")).isEqualTo(pat.districtId());
        assertThat(balance.getLong("charges")).isEqualTo(2);
        assertThat(balance.getLong("openCharges")).isEqualTo(1);
        assertThat(money(balance, "charged")).isEqualByComparingTo("400.50");
        assertThat(money(balance, "paid")).isEqualByComparingTo("275.25");
        assertThat(money(balance, "waived")).isEqualByComparingTo("25.25");
        assertThat(money(balance, "outstanding")).isEqualByComparingTo("100.00");

        Someone never = someone();
        JsonPath none = Api.it()
                .get("/api/v1/people/" + never.id() + "/balance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(none.getLong("charges")).isZero();
        assertThat(money(none, "charged")).isEqualByComparingTo("0");
        assertThat(money(none, "outstanding")).isEqualByComparingTo("0");

        Api.it()
                .get("/api/v1/people/" + java.util.UUID.randomUUID() + "/balance")
                .then()
                .statusCode(404);
    }

    @Test
    void nothingIsPaidOrWaivedBeyondWhatIsOutstanding() {
        Someone pat = someone();
        String id = charged(pat, Api.registerLaptop(false), "DAMAGE", "100.00");
        long payments = rows("charge_payment");
        long waivers = rows("charge_waiver");
        long outbox = rows("outbox_event");

        pay(id, 100.01, null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:district:problem:exceeds-outstanding"))
                .body("errors.field", containsInAnyOrder("amount"))
                .body("detail", containsString("100.00"));
        waive(id, 150.00).then().statusCode(409).body("errors.field", containsInAnyOrder("amount"));
        assertThat(rows("charge_payment")).isEqualTo(payments);
        assertThat(rows("charge_waiver")).isEqualTo(waivers);
        assertThat(rows("outbox_event")).isEqualTo(outbox);

        pay(id, 60.00, "R-1").then().statusCode(200);
        // The same receipt twice is one payment.
        pay(id, 10.00, "R-1").then().statusCode(409).body("errors.field", containsInAnyOrder("reference"));
        pay(id, 40.00, "R-2").then().statusCode(200).body("status", equalTo("PAID"));
        pay(id, 0.01, null).then().statusCode(409).body("type", equalTo("urn:district:problem:charge-settled"));
        waive(id, 0.01).then().statusCode(409);
        Api.it()
                .get(CHARGES + "/" + id)
                .then()
                .statusCode(200)
                .body("payments", hasSize(2))
                .body("waivers", hasSize(0))
                .body("outstanding", equalTo(0.0f));
        pay(java.util.UUID.randomUUID().toString(), 1.00, null).then().statusCode(404);
    }

    @Test
    void paymentsAtTheSameTimeNeverOverdrawACharge() throws Exception {
        Someone pat = someone();
        String id = charged(pat, Api.registerLaptop(false), "LOSS", "100.00");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> pay(id, 30.00, null).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        JsonPath c = Api.it()
                .get(CHARGES + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(money(c, "paid")).isEqualByComparingTo("90.00");
        assertThat(money(c, "outstanding")).isEqualByComparingTo("10.00");
        assertThat(c.getList("payments")).hasSize(3);
    }

    // ---------------------------------------------------------------- who may see and do what

    @Test
    void peopleSeeOnlyTheirOwnChargesAndAuditorsReadButDoNotWrite() {
        Someone pat = someone();
        Someone sam = someone();
        String device = Api.registerLaptop(false);
        String patsCharge = charged(pat, device, "DAMAGE", "40.00");
        String samsCharge = charged(sam, device, "LOSS", "300.00");

        // Pat, signed in with the district id in any case, sees Pat's charge and balance only.
        RequestSpecification patLower = TestApi.as(pat.districtId().toLowerCase(), "STAFF");
        patLower.get(CHARGES + "/" + patsCharge).then().statusCode(200).body("id", equalTo(patsCharge));
        pat.staff().get(CHARGES).then().statusCode(200).body("items.id", containsInAnyOrder(patsCharge));
        pat.staff()
                .queryParam("personId", sam.id())
                .get(CHARGES)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        pat.staff().get("/api/v1/people/" + pat.id() + "/balance").then().statusCode(200);

        // Another person's charge and balance do not exist for Pat.
        pat.staff().get(CHARGES + "/" + samsCharge).then().statusCode(404).contentType("application/problem+json");
        pat.staff().get("/api/v1/people/" + sam.id() + "/balance").then().statusCode(404);
        TestApi.as(pat.districtId(), "SUPERVISOR")
                .get(CHARGES + "/" + samsCharge)
                .then()
                .statusCode(404);

        // Only IT writes; staff and auditors are refused, and nothing is written.
        long charges = rows("charge");
        pat.staff()
                .body(charge(pat.id(), device, "DAMAGE", 1.00))
                .post(CHARGES)
                .then()
                .statusCode(403);
        pat.staff()
                .body(Map.of("amount", 40.00, "paidOn", Api.today().toString()))
                .post(CHARGES + "/" + patsCharge + "/payments")
                .then()
                .statusCode(403);
        Api.auditor()
                .body(charge(pat.id(), device, "DAMAGE", 1.00))
                .post(CHARGES)
                .then()
                .statusCode(403);
        Api.auditor()
                .body(Map.of("amount", 1.00, "paidOn", Api.today().toString()))
                .post(CHARGES + "/" + samsCharge + "/payments")
                .then()
                .statusCode(403);
        Api.auditor()
                .body(Map.of("amount", 1.00, "reason", "no"))
                .post(CHARGES + "/" + samsCharge + "/waivers")
                .then()
                .statusCode(403);
        assertThat(rows("charge")).isEqualTo(charges);
        Api.it().get(CHARGES + "/" + samsCharge).then().body("paid", equalTo(0.0f));

        // Auditors read everything; staff may not export.
        Api.auditor().get(CHARGES + "/" + samsCharge).then().statusCode(200);
        Api.auditor()
                .queryParam("deviceId", device)
                .get(CHARGES)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(patsCharge, samsCharge));
        Api.auditor().get("/api/v1/people/" + sam.id() + "/balance").then().statusCode(200);
        Api.auditor()
                .queryParam("personId", sam.id())
                .get(CHARGES + "/export")
                .then()
                .statusCode(200);
        pat.staff().get(CHARGES + "/export").then().statusCode(403);
        given().get(CHARGES).then().statusCode(401);
    }

    // ---------------------------------------------------------------- events and history

    @Test
    void everyChangeIsPublishedAsTheChargesSnapshot() {
        Someone pat = someone();
        String device = Api.registerLaptop(false);
        try (KafkaProbe probe = KafkaProbe.fromNow(bootstrap, Topics.CHARGES)) {
            String id = Api.it()
                    .header("X-Correlation-Id", "corr-charge-" + device)
                    .body(charge(pat.id(), device, "LOSS", 120.00))
                    .post(CHARGES)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            pay(id, 20.00, null).then().statusCode(200);
            waive(id, 100.00).then().statusCode(200);

            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> id.equals(r.key()), 3, WAIT);
            assertThat(records).hasSize(3);
            assertThat(records)
                    .extracting(ConsumerRecord::partition)
                    .containsOnly(records.get(0).partition());
            List<String> changes = List.of("CREATED", "PAYMENT_RECORDED", "WAIVER_RECORDED");
            List<String> paid = List.of("0.00", "20.00", "20.00");
            List<String> waived = List.of("0.00", "0.00", "100.00");
            List<String> outstanding = List.of("120.00", "100.00", "0.00");
            List<String> statuses = List.of("OPEN", "OPEN", "SETTLED");
            long previous = -1;
            for (int i = 0; i < 3; i++) {
                ConsumerRecord<String, String> record = records.get(i);
                JsonNode envelope = json(record);
                JsonNode data = envelope.get("data");
                assertThat(KafkaProbe.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("ChargeSnapshot");
                assertThat(KafkaProbe.header(record, EventHeaders.AGGREGATE_TYPE))
                        .isEqualTo("Charge");
                assertThat(envelope.get("aggregateId").asText()).isEqualTo(id);
                long version = envelope.get("aggregateVersion").asLong();
                assertThat(version).isGreaterThan(previous);
                assertThat(data.get("version").asLong()).isEqualTo(version);
                previous = version;
                assertThat(data.get("id").asText()).isEqualTo(id);
                assertThat(data.get("change").asText()).isEqualTo(changes.get(i));
                assertThat(data.get("personId").asText()).isEqualTo(pat.id());
                assertThat(data.get("deviceId").asText()).isEqualTo(device);
                assertThat(data.get("reason").asText()).isEqualTo("LOSS");
                assertThat(data.get("amount").decimalValue()).isEqualByComparingTo("120.00");
                assertThat(data.get("paid").decimalValue()).isEqualByComparingTo(paid.get(i));
                assertThat(data.get("waived").decimalValue()).isEqualByComparingTo(waived.get(i));
                assertThat(data.get("outstanding").decimalValue()).isEqualByComparingTo(outstanding.get(i));
                assertThat(data.get("status").asText()).isEqualTo(statuses.get(i));
                assertThat(data.get("createdAt").asText()).isNotBlank();
                // The person by id only: no district id, no name, no free text.
                assertThat(record.value())
                        .doesNotContain(pat.districtId())
                        .doesNotContain("Teacher")
                        .doesNotContain("Cracked screen")
                        .doesNotContain("Hardship");
            }
            assertThat(KafkaProbe.header(records.get(0), EventHeaders.CORRELATION_ID))
                    .isEqualTo("corr-charge-" + device);
        }
    }

    @Test
    void everyChangeIsInTheDevicesAndThePersonsHistory() {
        Someone pat = someone();
        String device = Api.registerLaptop(false);
        String id = charged(pat, device, "DAMAGE", "75.00");
        pay(id, 75.00, "R-77").then().statusCode(200);

        List<Map<String, Object>> deviceHistory = Api.history(device);
        Map<String, Object> recorded = entry(deviceHistory, "CHARGE_RECORDED");
        assertThat(recorded.get("actor")).isEqualTo("IT_ADMIN:" + Api.IT_SUBJECT);
        assertThat(recorded.get("reason")).isEqualTo("Cracked screen; replaced by the repair depot.");
        assertThat(changes(recorded))
                .contains(
                        Map.of("field", "charge", "to", id),
                        Map.of("field", "person", "to", pat.districtId()),
                        Map.of("field", "amount", "to", "75.00"),
                        Map.of("field", "status", "to", "OPEN"));
        Map<String, Object> payment = entry(deviceHistory, "CHARGE_PAYMENT_RECORDED");
        assertThat((String) payment.get("reason")).contains("75.00").contains("R-77");
        assertThat(changes(payment))
                .contains(
                        Map.of("field", "charge", "from", id, "to", id),
                        Map.of("field", "paid", "from", "0.00", "to", "75.00"),
                        Map.of("field", "status", "from", "OPEN", "to", "PAID"));
        // Newest first, and the device itself did not move.
        assertThat(deviceHistory.get(0).get("action")).isEqualTo("CHARGE_PAYMENT_RECORDED");
        assertThat(payment).doesNotContainKey("toStatus");

        List<Map<String, Object>> personHistory = Api.it()
                .get("/api/v1/people/" + pat.id() + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(personHistory)
                .extracting(e -> e.get("action"))
                .containsSubsequence("CHARGE_PAYMENT_RECORDED", "CHARGE_RECORDED");
        assertThat(changes(entry(personHistory, "CHARGE_RECORDED")))
                .contains(Map.of(
                        "field",
                        "device",
                        "to",
                        Api.it()
                                .get("/api/v1/devices/" + device)
                                .then()
                                .extract()
                                .path("assetTag")));

        // HR reads the person's history for their record's changes; what the person owes is IT's (and the person's
        // own): HR's answer leaves the charges out.
        List<String> asHr = TestApi.as(Api.unique("HR"), "HR")
                .get("/api/v1/people/" + pat.id() + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action");
        assertThat(asHr).isNotEmpty().noneMatch(action -> action.startsWith("CHARGE_"));
    }

    private static Map<String, Object> entry(List<Map<String, Object>> history, String action) {
        return history.stream()
                .filter(e -> action.equals(e.get("action")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in " + history));
    }

    /** The entry's changes, without the nulls (a field's absent "from"). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changes(Map<String, Object> entry) {
        return ((List<Map<String, Object>>) entry.get("changes"))
                .stream()
                        .map(c -> {
                            Map<String, Object> copy = new HashMap<>(c);
                            copy.values().removeIf(java.util.Objects::isNull);
                            return copy;
                        })
                        .toList();
    }

    // ---------------------------------------------------------------- the business office's file

    @Test
    void theExportListsTheFilteredChargesSafelyForASpreadsheet() {
        Someone pat = someone();
        String device = Api.registerLaptop(false);
        String tag = Api.it().get("/api/v1/devices/" + device).then().extract().path("assetTag");
        Map<String, Object> hostile = charge(pat.id(), device, "DAMAGE", 99.50);
        hostile.put("description", "=HYPERLINK(\"http://evil.example\",\"pay here\"), then \"cracked\"");
        String id = Api.it()
                .body(hostile)
                .post(CHARGES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        pay(id, 9.50, "-5+3").then().statusCode(200);
        String other = charged(someone(), device, "LOSS", "10.00");

        Response export = Api.it().queryParam("personId", pat.id()).get(CHARGES + "/export");
        export.then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"charges.csv\""));
        String[] lines = export.asString().split("\r\n");
        assertThat(lines[0])
                .isEqualTo("id,createdAt,personDistrictId,assetTag,reason,description,amount,paid,waived,outstanding,"
                        + "status,createdBy,updatedAt,personId,deviceId");
        assertThat(lines).hasSize(2);
        assertThat(lines[1])
                .startsWith(id + ",")
                .contains("," + pat.districtId() + "," + tag + ",DAMAGE,")
                // Quoted (commas and quotes inside), and an apostrophe first so no spreadsheet runs it.
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"pay here\"\"), then \"\"cracked\"\"\",")
                .contains(",99.50,9.50,0.00,90.00,OPEN,IT_ADMIN:" + Api.IT_SUBJECT + ",")
                .endsWith("," + pat.id() + "," + device);
        assertThat(export.asString()).doesNotContain(other);

        // Every charge of the device, newest first; none of a status nothing has.
        String all =
                Api.it().queryParam("deviceId", device).get(CHARGES + "/export").asString();
        assertThat(all.split("\r\n")).hasSize(3);
        assertThat(all.split("\r\n")[1]).startsWith(other + ",");
        String none = Api.it()
                .queryParam("deviceId", device)
                .queryParam("status", "WAIVED")
                .get(CHARGES + "/export")
                .asString();
        assertThat(none.split("\r\n")).hasSize(1);
    }

    // ---------------------------------------------------------------- bad input

    /** The request was refused with a 400 problem; {@code fields} checks the set of the fields it named. */
    private static void refused(Response r, java.util.function.Consumer<Set<String>> fields) {
        r.then().statusCode(400).contentType("application/problem+json");
        fields.accept(new java.util.HashSet<>(r.jsonPath().getList("errors.field", String.class)));
    }

    @Test
    void badInputIsRefusedNamingEveryBadFieldAndWritesNothing() {
        Someone pat = someone();
        String device = Api.registerLaptop(false);
        String id = charged(pat, device, "DAMAGE", "50.00");
        Map<String, Long> before = Map.of(
                "charge",
                rows("charge"),
                "charge_payment",
                rows("charge_payment"),
                "charge_waiver",
                rows("charge_waiver"),
                "outbox_event",
                rows("outbox_event"));

        Map<String, Object> everythingWrong = new HashMap<>();
        everythingWrong.put("personId", null);
        everythingWrong.put("amount", 0.001);
        everythingWrong.put("description", " ");
        refused(Api.it().body(everythingWrong).post(CHARGES), fields -> assertThat(fields)
                .containsExactlyInAnyOrder("personId", "deviceId", "reason", "amount", "description"));
        Map<String, Object> tooMuch = charge(pat.id(), device, "LOSS", 100000.01);
        tooMuch.put("description", "x".repeat(501));
        refused(Api.it().body(tooMuch).post(CHARGES), fields -> assertThat(fields)
                .containsExactlyInAnyOrder("amount", "description"));
        refused(
                Api.it()
                        .body(charge(
                                java.util.UUID.randomUUID().toString(),
                                java.util.UUID.randomUUID().toString(),
                                "LOSS",
                                5))
                        .post(CHARGES),
                fields -> assertThat(fields).containsExactlyInAnyOrder("personId", "deviceId"));
        refused(Api.it().body(charge(pat.id(), device, "BROKEN", 5)).post(CHARGES), fields -> assertThat(fields)
                .containsExactlyInAnyOrder("reason"));
        refused(Api.it().body(charge(pat.id(), device, "LOSS", -5)).post(CHARGES), fields -> assertThat(fields)
                .containsExactlyInAnyOrder("amount"));

        Map<String, Object> badPayment = new HashMap<>();
        badPayment.put("amount", 0);
        badPayment.put("reference", "R".repeat(61));
        badPayment.put("note", "n".repeat(501));
        refused(Api.it().body(badPayment).post(CHARGES + "/" + id + "/payments"), fields -> assertThat(fields)
                .containsExactlyInAnyOrder("amount", "paidOn", "reference", "note"));
        refused(
                Api.it()
                        .body(Map.of(
                                "amount", 5, "paidOn", Api.today().plusDays(1).toString()))
                        .post(CHARGES + "/" + id + "/payments"),
                fields -> assertThat(fields).containsExactlyInAnyOrder("paidOn"));
        refused(
                Api.it().body(Map.of("amount", 5, "paidOn", "yesterday")).post(CHARGES + "/" + id + "/payments"),
                fields -> assertThat(fields).containsExactlyInAnyOrder("paidOn"));
        refused(
                Api.it().body(Map.of("amount", 12.345, "reason", "")).post(CHARGES + "/" + id + "/waivers"),
                fields -> assertThat(fields).containsExactlyInAnyOrder("amount", "reason"));
        refused(
                Api.it()
                        .queryParam("status", "LATE")
                        .queryParam("personId", "E1")
                        .get(CHARGES),
                fields -> assertThat(fields).containsExactlyInAnyOrder("status", "personId"));
        Api.it().get(CHARGES + "/not-a-charge").then().statusCode(404).body("type", notNullValue());

        for (Map.Entry<String, Long> table : before.entrySet()) {
            assertThat(rows(table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
        }
        Api.it().get(CHARGES + "/" + id).then().statusCode(200).body("status", equalTo("OPEN"));
    }
}
