package org.district.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.contracts.EventEnvelope;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.contracts.checkin.PersonalDeviceAccessRemoved;
import org.district.inventory.service.PersonalDeviceService;
import org.district.testing.KafkaProbe;
import org.district.testing.TestApi;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Personal devices under the district's policy: the owner asks, an approver of their school (a configured one, or a
 * principal at that school where none is configured) or IT approves (only with a current AUP acknowledgement) or
 * refuses, the owner renews, IT or a non-compliance found by checkin-service removes access, and approvals expire.
 * Each step is in the device's history, its snapshot and an announcement; only the owner, the school's approvers, IT
 * and auditors see a device.
 */
@QuarkusTest
class PersonalDevicesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BASE = "/api/v1/personal-devices";

    /** The test profile's school with configured approvers (application.properties). */
    private static final String CONFIGURED_SCHOOL = "PD-CONFIGURED-HS";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "district.inventory.consumers.group")
    String consumer;

    @Inject
    ObjectMapper mapper;

    @Inject
    AgroalDataSource ds;

    @Inject
    PersonalDeviceService personalDevices;

    // ---------------------------------------------------------------- fixtures

    /** A school of its own for a test, so its principals decide (no approvers configured for it). */
    private static String school() {
        return Api.unique("PDS");
    }

    /** Creates a person at the school (AUP acknowledged on the day given, or never) and returns their district id. */
    private static String person(String school, LocalDate aup) {
        String districtId = Api.unique("PD");
        Map<String, Object> body = new HashMap<>(Api.person(districtId, null, aup));
        body.put("school", school);
        Api.it().body(body).post("/api/v1/people").then().statusCode(201);
        return districtId;
    }

    private static String owner(String school) {
        return person(school, Api.today().minusDays(10));
    }

    private static RequestSpecification as(String subject, String... roles) {
        return TestApi.as(subject, roles);
    }

    private static Map<String, Object> laptop(String purpose, boolean consent) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "LAPTOP");
        body.put("make", "Apple");
        body.put("model", "MacBook Air 13");
        body.put("serialNumber", Api.unique("psn").toLowerCase());
        body.put("purpose", purpose);
        body.put("lockAndLocateConsent", consent);
        return body;
    }

    /** The owner registers a laptop and asks for access; returns the device id. */
    private static String request(String owner) {
        return as(owner, "STAFF")
                .body(laptop("Grading at home.", true))
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response decide(RequestSpecification who, String id, String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        return who.body(body).post(BASE + "/" + id + "/decision");
    }

    /** A PRINCIPAL whose own record is at the school. */
    private static RequestSpecification principalOf(String school) {
        return as(person(school, null), "PRINCIPAL");
    }

    private static String approve(String id, String school) {
        decide(principalOf(school), id, "APPROVE", null).then().statusCode(200).body("access", equalTo("APPROVED"));
        return id;
    }

    private static Map<String, Object> read(String id) {
        return Api.it()
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static List<String> actions(String deviceId) {
        return Api.history(deviceId).stream().map(h -> (String) h.get("action")).toList();
    }

    /** The next end of the school year (June 30 in the test profile) on or after the day. */
    private static LocalDate yearEnd(LocalDate from) {
        LocalDate end = LocalDate.of(from.getYear(), 6, 30);
        return end.isBefore(from) ? end.plusYears(1) : end;
    }

    private void setExpiresOn(String id, LocalDate day) throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("update personal_device_access set expires_on = ? where device_id = ?")) {
            ps.setObject(1, day);
            ps.setObject(2, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The steps announced for the device, in order. */
    private List<JsonNode> steps(KafkaProbe probe, String id, int count) {
        return probe.awaitRecords(r -> id.equals(r.key()), count, WAIT).stream()
                .map(r -> json(r).get("data"))
                .toList();
    }

    /** The personal access in the device's latest snapshot, once it has the status. */
    private JsonNode awaitSnapshotAccess(KafkaProbe probe, String id, String status) {
        ConsumerRecord<String, String> record = probe.awaitRecord(
                r -> id.equals(r.key())
                        && status.equals(
                                json(r).at("/data/personalAccess/status").asText()),
                WAIT);
        return json(record).get("data").get("personalAccess");
    }

    private UUID sendAccessRemoved(String id, String owner, PersonalDeviceAccessRemoved.Reason reason, UUID eventId) {
        return sendAccessRemoved(id, owner, reason, eventId, Instant.now());
    }

    private UUID sendAccessRemoved(
            String id, String owner, PersonalDeviceAccessRemoved.Reason reason, UUID eventId, Instant removedAt) {
        PersonalDeviceAccessRemoved event = new PersonalDeviceAccessRemoved(
                eventId,
                UUID.fromString(id),
                "SERIAL",
                owner,
                "SCHOOL",
                reason,
                reason == PersonalDeviceAccessRemoved.Reason.NON_COMPLIANT
                        ? List.of("DISK_ENCRYPTION_OFF", "ANTIVIRUS_OFF")
                        : List.of(),
                removedAt);
        EventEnvelope<Object> envelope = new EventEnvelope<>(
                eventId,
                PersonalDeviceAccessRemoved.TYPE,
                1,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                "PersonalDevice",
                id,
                1,
                "corr-" + eventId,
                event);
        try {
            KafkaProbe.produce(
                    bootstrap,
                    Topics.PERSONAL_DEVICE_ACCESS,
                    id,
                    mapper.writeValueAsString(envelope),
                    Map.of(
                            EventHeaders.EVENT_ID,
                            eventId.toString(),
                            EventHeaders.EVENT_TYPE,
                            PersonalDeviceAccessRemoved.TYPE,
                            EventHeaders.SCHEMA_VERSION,
                            "1"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    private long processed(UUID eventId) {
        return Db.count(
                ds, "select count(*) from processed_event where consumer = ? and event_id = ?", consumer, eventId);
    }

    // ---------------------------------------------------------------- request

    @Test
    void aRequestRegistersAPendingPersonalDeviceAndAsksTheApprovers() {
        String school = school();
        String owner = owner(school);
        try (KafkaProbe devices = KafkaProbe.fromNow(bootstrap, Topics.DEVICES);
                KafkaProbe announcements = KafkaProbe.fromNow(bootstrap, Topics.PERSONAL_DEVICES)) {
            Response created = as(owner.toLowerCase(), "STAFF")
                    .body(laptop("Grading and lesson planning at home.", true))
                    .post(BASE);
            created.then()
                    .statusCode(201)
                    .header("Location", startsWith("http"))
                    .body("assetTag", startsWith("P-"))
                    .body("access", equalTo("PENDING"))
                    .body("awaitingDecision", equalTo(true))
                    .body("school", equalTo(school))
                    .body("deviceStatus", equalTo("ASSIGNED"))
                    .body("owner.districtId", equalTo(owner))
                    .body("purpose", equalTo("Grading and lesson planning at home."))
                    .body("lockAndLocateConsent", equalTo(true))
                    .body("expiresOn", nullValue());
            String id = created.path("id");
            assertThat(created.header("Location")).endsWith(BASE + "/" + id);
            assertThat((String) created.path("assetTag")).matches("P-[A-Z0-9]{8}");

            // It is a device of the registry like any other: PERSONAL, held by its owner.
            Api.it()
                    .get("/api/v1/devices/" + id)
                    .then()
                    .statusCode(200)
                    .body("ownership", equalTo("PERSONAL"))
                    .body("assignee.districtId", equalTo(owner))
                    .body("serialNumber", equalTo(((String) created.path("serialNumber")).toUpperCase()));
            assertThat(actions(id)).containsExactly("PERSONAL_ACCESS_REQUESTED", "REGISTERED");
            assertThat(Api.history(id).get(0).get("reason")).isEqualTo("Grading and lesson planning at home.");
            assertThat(Api.history(id).get(0).get("actor")).isEqualTo("STAFF:" + owner);

            JsonNode access = awaitSnapshotAccess(devices, id, "PENDING");
            assertThat(access.get("lockAndLocateConsent").asBoolean()).isTrue();
            assertThat(access.get("expiresOn").isNull()).isTrue();

            JsonNode step = steps(announcements, id, 1).get(0);
            assertThat(step.get("step").asText()).isEqualTo("REQUESTED");
            assertThat(step.get("reason").asText()).isEqualTo("Grading and lesson planning at home.");
            assertThat(step.get("ownerDistrictId").asText()).isEqualTo(owner);
            assertThat(step.get("ownerId").asText()).isEqualTo(Api.personId(owner));
            assertThat(step.get("school").asText()).isEqualTo(school);
            assertThat(step.get("device").asText()).isEqualTo("LAPTOP, Apple MacBook Air 13");
            assertThat(step.get("assetTag").asText()).isEqualTo((String) created.path("assetTag"));
            // No approvers are configured for this school: the notifier tells IT.
            assertThat(step.get("approverDistrictIds")).isEmpty();
            assertThat(step.get("actor").asText()).isEqualTo("STAFF:" + owner);
        }
    }

    @Test
    void aRequestAtASchoolWithConfiguredApproversNamesThem() {
        String owner = owner(CONFIGURED_SCHOOL);
        try (KafkaProbe announcements = KafkaProbe.fromNow(bootstrap, Topics.PERSONAL_DEVICES)) {
            String id = request(owner);
            JsonNode step = steps(announcements, id, 1).get(0);
            assertThat(step.get("approverDistrictIds"))
                    .extracting(JsonNode::asText)
                    .containsExactly("PDA-1001", "PDA-1002");
        }
    }

    @Test
    void badRequestsAreRefusedWithEveryFieldNamedAndWriteNothing() {
        String owner = owner(school());
        long before = Db.count(ds, "select count(*) from personal_device_access");
        Map<String, Object> bad = new HashMap<>();
        bad.put("type", "TOASTER");
        bad.put("make", "");
        bad.put("model", "m".repeat(121));
        bad.put("serialNumber", "no spaces allowed");
        bad.put("purpose", "p".repeat(501));
        as(owner, "STAFF")
                .body(bad)
                .post(BASE)
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        bad.put("type", "LAPTOP");
        List<String> fields = as(owner, "STAFF")
                .body(bad)
                .post(BASE)
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .extract()
                .jsonPath()
                .getList("errors.field");
        assertThat(fields).contains("make", "model", "serialNumber", "purpose", "lockAndLocateConsent");

        Map<String, Object> noPurpose = laptop(null, false);
        noPurpose.remove("purpose");
        as(owner, "STAFF").body(noPurpose).post(BASE).then().statusCode(400).body("errors.field", hasItem("purpose"));
        as(owner, "STAFF").body("[]").post(BASE).then().statusCode(400);
        as(owner, "STAFF").body("{\"type\": ").post(BASE).then().statusCode(400);
        assertThat(Db.count(ds, "select count(*) from personal_device_access")).isEqualTo(before);
    }

    @Test
    void aSerialNumberAlreadyRegisteredOrACallerWithoutARecordIsAConflict() {
        String owner = owner(school());
        Map<String, Object> body = laptop("Work.", false);
        as(owner, "STAFF").body(body).post(BASE).then().statusCode(201);
        as(owner, "STAFF")
                .body(body)
                .post(BASE)
                .then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("serialNumber"));

        long before = Db.count(ds, "select count(*) from personal_device_access");
        as(Api.unique("NOBODY"), "STAFF")
                .body(laptop("Work.", false))
                .post(BASE)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:no-person-record"));
        as(owner, "AUDITOR").body(laptop("Work.", false)).post(BASE).then().statusCode(403);
        as(owner, "DEVICE").body(laptop("Work.", false)).post(BASE).then().statusCode(403);
        assertThat(Db.count(ds, "select count(*) from personal_device_access")).isEqualTo(before);
    }

    // ---------------------------------------------------------------- decisions

    @Test
    void approvalNeedsTheOwnersCurrentAupAcknowledgementAndRunsToTheEndOfTheSchoolYear() {
        String school = school();
        String owner = person(school, null);
        String id = request(owner);
        RequestSpecification principal = principalOf(school);
        try (KafkaProbe devices = KafkaProbe.fromNow(bootstrap, Topics.DEVICES);
                KafkaProbe announcements = KafkaProbe.fromNow(bootstrap, Topics.PERSONAL_DEVICES)) {
            decide(principal, id, "APPROVE", null)
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("urn:district:problem:aup-not-acknowledged"))
                    .body("detail", org.hamcrest.Matchers.containsString("must acknowledge"));
            assertThat(read(id).get("access")).isEqualTo("PENDING");

            as(owner, "STAFF")
                    .post("/api/v1/people/" + Api.personId(owner) + "/aup-acknowledgement")
                    .then()
                    .statusCode(200);
            decide(principal, id, "APPROVE", "Welcome aboard.")
                    .then()
                    .statusCode(200)
                    .body("access", equalTo("APPROVED"))
                    .body("awaitingDecision", equalTo(false))
                    .body("expiresOn", equalTo(yearEnd(Api.today()).toString()))
                    .body(
                            "renewableFrom",
                            equalTo(yearEnd(Api.today()).minusDays(30).toString()))
                    .body("lockAndLocateConsent", equalTo(true))
                    .body("decidedBy", startsWith("PRINCIPAL:"));

            JsonNode access = awaitSnapshotAccess(devices, id, "APPROVED");
            assertThat(access.get("expiresOn").asText())
                    .isEqualTo(yearEnd(Api.today()).toString());
            assertThat(access.get("lockAndLocateConsent").asBoolean()).isTrue();
            JsonNode step = steps(announcements, id, 1).get(0);
            assertThat(step.get("step").asText()).isEqualTo("APPROVED");
            assertThat(step.get("expiresOn").asText())
                    .isEqualTo(yearEnd(Api.today()).toString());
            assertThat(step.get("actor").asText()).startsWith("PRINCIPAL:");
        }
        assertThat(actions(id)).startsWith("PERSONAL_ACCESS_APPROVED");
        // Decided once: deciding again is a conflict.
        decide(principal, id, "REFUSE", "Changed my mind.").then().statusCode(409);
    }

    @Test
    void aRefusalNeedsAReasonWhichTheOwnerIsTold() {
        String school = school();
        String owner = owner(school);
        String id = request(owner);
        RequestSpecification principal = principalOf(school);
        decide(principal, id, "REFUSE", null).then().statusCode(400).body("errors.field", hasItem("reason"));
        decide(principal, id, "REFUSE", "   ").then().statusCode(400);
        decide(principal, id, "REFUSE", "r".repeat(501)).then().statusCode(400).body("errors.field", hasItem("reason"));
        decide(principal, id, "MAYBE", null).then().statusCode(400);
        try (KafkaProbe announcements = KafkaProbe.fromNow(bootstrap, Topics.PERSONAL_DEVICES)) {
            decide(principal, id, "REFUSE", "Use your district laptop.")
                    .then()
                    .statusCode(200)
                    .body("access", equalTo("REFUSED"))
                    .body("reason", equalTo("Use your district laptop."));
            JsonNode step = steps(announcements, id, 1).get(0);
            assertThat(step.get("step").asText()).isEqualTo("REFUSED");
            assertThat(step.get("reason").asText()).isEqualTo("Use your district laptop.");
        }
        assertThat(actions(id)).startsWith("PERSONAL_ACCESS_REFUSED");
        assertThat(Api.history(id).get(0).get("reason")).isEqualTo("Use your district laptop.");
        decide(principal, id, "APPROVE", null).then().statusCode(409);
        // The owner may ask again: PENDING, decided afresh.
        as(owner, "STAFF")
                .post(BASE + "/" + id + "/renewal")
                .then()
                .statusCode(200)
                .body("access", equalTo("PENDING"))
                .body("reason", nullValue());
        approve(id, school);
    }

    // ---------------------------------------------------------------- who sees and decides

    @Test
    void onlyTheOwnerTheSchoolsApproversItAndAuditorsSeeARequest() {
        String school = school();
        String owner = owner(school);
        String id = request(owner);
        String colleague = owner(school);
        RequestSpecification principal = principalOf(school);
        RequestSpecification otherPrincipal = principalOf(school());

        as(owner, "STAFF").get(BASE + "/" + id).then().statusCode(200);
        principal.get(BASE + "/" + id).then().statusCode(200);
        Api.it().get(BASE + "/" + id).then().statusCode(200);
        Api.auditor().get(BASE + "/" + id).then().statusCode(200);
        as(colleague, "STAFF", "SUPERVISOR").get(BASE + "/" + id).then().statusCode(404);
        otherPrincipal.get(BASE + "/" + id).then().statusCode(404);
        // A principal's role without a record at the school, and a record at the school without the role, see nothing.
        as(Api.unique("GHOST"), "PRINCIPAL").get(BASE + "/" + id).then().statusCode(404);
        as(colleague, "HR").get(BASE + "/" + id).then().statusCode(404);
        as(owner, "STAFF").get(BASE + "/" + UUID.randomUUID()).then().statusCode(404);
        as(owner, "STAFF").get(BASE + "/not-an-id").then().statusCode(404);
        // A district device is not a personal device.
        Api.it().get(BASE + "/" + Api.registerLaptop(false)).then().statusCode(404);

        as(owner, "STAFF")
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.owner.districtId", not(hasItem(colleague)));
        as(colleague, "STAFF").get(BASE).then().statusCode(200).body("items.id", not(hasItem(id)));
        principal
                .queryParam("awaitingDecision", "true")
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        principal.queryParam("status", "approved").get(BASE).then().body("items.id", not(hasItem(id)));
        otherPrincipal.get(BASE).then().statusCode(200).body("items.id", not(hasItem(id)));
        Api.it()
                .queryParam("school", school.toLowerCase())
                .queryParam("status", "PENDING,REFUSED")
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        Api.auditor().queryParam("school", school).get(BASE).then().body("items.id", hasItem(id));
        Api.it().queryParam("status", "LOST").get(BASE).then().statusCode(400).body("errors.field", hasItem("status"));
        Api.it().queryParam("awaitingDecision", "perhaps").get(BASE).then().statusCode(400);
        Api.it().queryParam("cursor", "garbage!").get(BASE).then().statusCode(400);
        Api.it().queryParam("school", "s".repeat(41)).get(BASE).then().statusCode(400);
    }

    @Test
    void theListIsPagedNewestRequestFirst() {
        String school = school();
        String owner = owner(school);
        String first = request(owner);
        String second = request(owner);
        String third = request(owner);
        Response page1 = as(owner, "STAFF").queryParam("limit", 2).get(BASE);
        page1.then().statusCode(200).body("items.id", equalTo(List.of(third, second)));
        String cursor = page1.path("nextCursor");
        assertThat(cursor).isNotBlank();
        as(owner, "STAFF")
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(first)))
                .body("nextCursor", nullValue());
    }

    @Test
    void onlyTheSchoolsPrincipalOrItDecidesAndNobodyOnTheirOwnDevice() {
        String school = school();
        String owner = owner(school);
        String id = request(owner);
        String colleague = owner(school);

        // Another school's principal and a colleague do not see it; a staff member may not decide at all.
        decide(principalOf(school()), id, "APPROVE", null).then().statusCode(404);
        decide(as(colleague, "STAFF"), id, "APPROVE", null).then().statusCode(404);
        decide(as(colleague, "SUPERVISOR"), id, "APPROVE", null).then().statusCode(404);
        // The owner sees it but may not decide on it, whatever their roles.
        decide(as(owner, "STAFF"), id, "APPROVE", null)
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
        decide(as(owner, "STAFF", "PRINCIPAL"), id, "APPROVE", null).then().statusCode(403);
        // Auditors see everything and decide nothing.
        decide(Api.auditor(), id, "APPROVE", null).then().statusCode(403);
        assertThat(read(id).get("access")).isEqualTo("PENDING");
        assertThat(actions(id)).containsExactly("PERSONAL_ACCESS_REQUESTED", "REGISTERED");

        decide(Api.it(), id, "APPROVE", null)
                .then()
                .statusCode(200)
                .body("decidedBy", equalTo("IT_ADMIN:" + Api.IT_SUBJECT));
    }

    @Test
    void whereApproversAreConfiguredTheyDecideAndTheSchoolsPrincipalsDoNot() {
        String owner = owner(CONFIGURED_SCHOOL);
        String id = request(owner);
        // A principal at the school is not among the approvers configured for it.
        RequestSpecification principal = principalOf(CONFIGURED_SCHOOL);
        principal.get(BASE + "/" + id).then().statusCode(404);
        decide(principal, id, "APPROVE", null).then().statusCode(404);
        // A configured approver decides whatever their role, in whatever case the provider spells their id.
        as("pda-1001", "STAFF").get(BASE + "/" + id).then().statusCode(200);
        as("PDA-1002", "SUPERVISOR")
                .queryParam("school", CONFIGURED_SCHOOL)
                .get(BASE)
                .then()
                .body("items.id", hasItem(id));
        decide(as("PDA-1002", "SUPERVISOR"), id, "APPROVE", null)
                .then()
                .statusCode(200)
                .body("access", equalTo("APPROVED"))
                .body("decidedBy", equalTo("SUPERVISOR:PDA-1002"));
        // Not at another school.
        String elsewhere = request(owner(school()));
        as("PDA-1001", "STAFF").get(BASE + "/" + elsewhere).then().statusCode(404);
    }

    // ---------------------------------------------------------------- renewal, removal, violation, expiry

    @Test
    void theOwnerRenewsWithinThirtyDaysOfTheEndAndTheApprovalExtendsIt() throws Exception {
        String school = school();
        String owner = owner(school);
        String id = approve(request(owner), school);
        setExpiresOn(id, Api.today().plusDays(60));
        as(owner, "STAFF")
                .body(Map.of())
                .post(BASE + "/" + id + "/renewal")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:renewal-too-early"));
        // Only the owner renews.
        Api.it().post(BASE + "/" + id + "/renewal").then().statusCode(403);
        principalOf(school).post(BASE + "/" + id + "/renewal").then().statusCode(403);
        as(owner(school), "STAFF").post(BASE + "/" + id + "/renewal").then().statusCode(404);

        LocalDate ends = Api.today().plusDays(10);
        setExpiresOn(id, ends);
        try (KafkaProbe announcements = KafkaProbe.fromNow(bootstrap, Topics.PERSONAL_DEVICES)) {
            as(owner, "STAFF")
                    .body(Map.of("purpose", "Grading, and the robotics club."))
                    .post(BASE + "/" + id + "/renewal")
                    .then()
                    .statusCode(200)
                    .body("access", equalTo("APPROVED"))
                    .body("awaitingDecision", equalTo(true))
                    .body("renewalRequestedAt", notNullValue())
                    .body("purpose", equalTo("Grading, and the robotics club."));
            as(owner, "STAFF").post(BASE + "/" + id + "/renewal").then().statusCode(409);
            principalOf(school)
                    .queryParam("awaitingDecision", true)
                    .get(BASE)
                    .then()
                    .body("items.id", hasItem(id));
            decide(principalOf(school), id, "APPROVE", null)
                    .then()
                    .statusCode(200)
                    .body("access", equalTo("APPROVED"))
                    .body("awaitingDecision", equalTo(false))
                    .body("expiresOn", equalTo(yearEnd(ends.plusDays(1)).toString()));
            List<JsonNode> steps = steps(announcements, id, 2);
            assertThat(steps).extracting(s -> s.get("step").asText()).containsExactly("RENEWAL_REQUESTED", "APPROVED");
            assertThat(steps.get(0).get("reason").asText()).isEqualTo("Grading, and the robotics club.");
        }
        assertThat(actions(id)).startsWith("PERSONAL_ACCESS_APPROVED", "PERSONAL_ACCESS_RENEWAL_REQUESTED");
    }

    @Test
    void aRefusedRenewalLeavesTheRunningApprovalInForce() throws Exception {
        String school = school();
        String owner = owner(school);
        String id = approve(request(owner), school);
        LocalDate ends = Api.today().plusDays(5);
        setExpiresOn(id, ends);
        as(owner, "STAFF").post(BASE + "/" + id + "/renewal").then().statusCode(200);
        decide(principalOf(school), id, "REFUSE", "Budget review.")
                .then()
                .statusCode(200)
                .body("access", equalTo("APPROVED"))
                .body("expiresOn", equalTo(ends.toString()))
                .body("awaitingDecision", equalTo(false));
    }

    @Test
    void itRemovesAccessWithAReason() {
        String school = school();
        String owner = owner(school);
        String id = approve(request(owner), school);
        Api.it().body(Map.of()).post(BASE + "/" + id + "/removal").then().statusCode(400);
        Api.it()
                .body(Map.of("reason", "x".repeat(501)))
                .post(BASE + "/" + id + "/removal")
                .then()
                .statusCode(400);
        principalOf(school)
                .body(Map.of("reason", "Not allowed."))
                .post(BASE + "/" + id + "/removal")
                .then()
                .statusCode(403);
        as(owner, "STAFF")
                .body(Map.of("reason", "Mine."))
                .post(BASE + "/" + id + "/removal")
                .then()
                .statusCode(403);
        Api.it()
                .body(Map.of("reason", "x"))
                .post(BASE + "/" + Api.registerLaptop(false) + "/removal")
                .then()
                .statusCode(404);
        try (KafkaProbe devices = KafkaProbe.fromNow(bootstrap, Topics.DEVICES);
                KafkaProbe announcements = KafkaProbe.fromNow(bootstrap, Topics.PERSONAL_DEVICES)) {
            Api.it()
                    .body(Map.of("reason", "Shared student records outside district tools."))
                    .post(BASE + "/" + id + "/removal")
                    .then()
                    .statusCode(200)
                    .body("access", equalTo("REMOVED"))
                    .body("reason", equalTo("Shared student records outside district tools."));
            awaitSnapshotAccess(devices, id, "REMOVED");
            JsonNode step = steps(announcements, id, 1).get(0);
            assertThat(step.get("step").asText()).isEqualTo("ACCESS_REMOVED");
            assertThat(step.get("reason").asText()).isEqualTo("Shared student records outside district tools.");
            assertThat(step.get("actor").asText()).isEqualTo("IT_ADMIN:" + Api.IT_SUBJECT);
        }
        Api.it()
                .body(Map.of("reason", "Again."))
                .post(BASE + "/" + id + "/removal")
                .then()
                .statusCode(409);
        assertThat(actions(id)).startsWith("PERSONAL_ACCESS_REMOVED");
        as(owner, "STAFF")
                .post(BASE + "/" + id + "/renewal")
                .then()
                .statusCode(200)
                .body("access", equalTo("PENDING"));
    }

    @Test
    void aDeviceLeftNonCompliantLosesItsApprovalOnceWhenCheckinSaysSo() {
        String school = school();
        String owner = owner(school);
        String id = approve(request(owner), school);
        try (KafkaProbe announcements = KafkaProbe.fromNow(bootstrap, Topics.PERSONAL_DEVICES)) {
            UUID eventId = UUID.randomUUID();
            sendAccessRemoved(id, owner, PersonalDeviceAccessRemoved.Reason.NON_COMPLIANT, eventId);
            sendAccessRemoved(id, owner, PersonalDeviceAccessRemoved.Reason.NON_COMPLIANT, eventId);
            UUID echo = sendAccessRemoved(
                    id, owner, PersonalDeviceAccessRemoved.Reason.APPROVAL_EXPIRED, UUID.randomUUID());
            await().atMost(WAIT).until(() -> processed(echo) == 1);

            Map<String, Object> device = read(id);
            assertThat(device.get("access")).isEqualTo("REMOVED");
            assertThat((String) device.get("reason"))
                    .isEqualTo("Not compliant with the district's baseline past the grace period: disk encryption off,"
                            + " antivirus off.");
            List<Map<String, Object>> removed = Api.history(id).stream()
                    .filter(h -> "PERSONAL_ACCESS_REMOVED".equals(h.get("action")))
                    .toList();
            assertThat(removed).hasSize(1);
            assertThat(removed.get(0).get("actor")).isEqualTo("checkin-service");
            assertThat(removed.get(0).get("sourceEventId")).isEqualTo(eventId.toString());
            assertThat(processed(eventId)).isEqualTo(1);

            List<JsonNode> steps = announcements.readFor(r -> id.equals(r.key()), Duration.ofMillis(500)).stream()
                    .map(r -> json(r).get("data"))
                    .toList();
            assertThat(steps).hasSize(1);
            assertThat(steps.get(0).get("step").asText()).isEqualTo("ACCESS_REMOVED");
            assertThat(steps.get(0).get("actor").asText()).isEqualTo("system");
            assertThat(steps.get(0).get("reason").asText()).contains("disk encryption off");
        }
    }

    @Test
    void aNonComplianceOfADeviceNotApprovedChangesNothing() {
        String owner = owner(school());
        String id = request(owner);
        UUID eventId =
                sendAccessRemoved(id, owner, PersonalDeviceAccessRemoved.Reason.NON_COMPLIANT, UUID.randomUUID());
        UUID unknown = sendAccessRemoved(
                UUID.randomUUID().toString(),
                owner,
                PersonalDeviceAccessRemoved.Reason.NON_COMPLIANT,
                UUID.randomUUID());
        await().atMost(WAIT).until(() -> processed(eventId) == 1 && processed(unknown) == 1);
        assertThat(read(id).get("access")).isEqualTo("PENDING");
        assertThat(actions(id)).containsExactly("PERSONAL_ACCESS_REQUESTED", "REGISTERED");
    }

    @Test
    void aLateEchoOfAnEarlierRemovalDoesNotUndoALaterApproval() {
        String school = school();
        String owner = owner(school);
        String id = approve(request(owner), school);
        Instant beforeRemoval = Instant.now().minusSeconds(1);
        Api.it()
                .body(Map.of("reason", "Policy breach."))
                .post(BASE + "/" + id + "/removal")
                .then()
                .statusCode(200);
        as(owner, "STAFF").post(BASE + "/" + id + "/renewal").then().statusCode(200);
        approve(id, school);
        // checkin-service's echo of the removal, and a non-compliance it found before the new approval, arrive late.
        UUID echo = sendAccessRemoved(
                id, owner, PersonalDeviceAccessRemoved.Reason.POLICY_VIOLATION, UUID.randomUUID(), beforeRemoval);
        UUID stale = sendAccessRemoved(
                id, owner, PersonalDeviceAccessRemoved.Reason.NON_COMPLIANT, UUID.randomUUID(), beforeRemoval);
        await().atMost(WAIT).until(() -> processed(echo) == 1 && processed(stale) == 1);
        assertThat(read(id).get("access")).isEqualTo("APPROVED");
        assertThat(actions(id)).startsWith("PERSONAL_ACCESS_APPROVED");
    }

    @Test
    void approvalsWhoseLastDayHasPassedExpireOnce() throws Exception {
        String school = school();
        String owner = owner(school);
        String id = approve(request(owner), school);
        String running = approve(request(owner), school);
        setExpiresOn(id, Api.today().minusDays(1));
        setExpiresOn(running, Api.today());
        try (KafkaProbe devices = KafkaProbe.fromNow(bootstrap, Topics.DEVICES);
                KafkaProbe announcements = KafkaProbe.fromNow(bootstrap, Topics.PERSONAL_DEVICES)) {
            // Two replicas at once: each approval ends once.
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> runs = List.of(1, 2).stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return personalDevices.expireDue();
                    }))
                    .toList();
            start.countDown();
            runs.forEach(CompletableFuture::join);

            Map<String, Object> expired = read(id);
            assertThat(expired.get("access")).isEqualTo("EXPIRED");
            assertThat(expired.get("renewableFrom")).isNull();
            assertThat(read(running).get("access")).isEqualTo("APPROVED");
            assertThat(actions(id).stream().filter("PERSONAL_ACCESS_EXPIRED"::equals))
                    .hasSize(1);
            assertThat(Api.history(id).get(0).get("actor")).isEqualTo("system");

            JsonNode access = awaitSnapshotAccess(devices, id, "EXPIRED");
            assertThat(access.get("expiresOn").asText())
                    .isEqualTo(Api.today().minusDays(1).toString());
            List<JsonNode> steps = announcements.readFor(r -> id.equals(r.key()), Duration.ofMillis(500)).stream()
                    .map(r -> json(r).get("data"))
                    .toList();
            assertThat(steps).hasSize(1);
            assertThat(steps.get(0).get("step").asText()).isEqualTo("EXPIRED");
            assertThat(steps.get(0).get("expiresOn").asText())
                    .isEqualTo(Api.today().minusDays(1).toString());
            assertThat(steps.get(0).get("actor").asText()).isEqualTo("system");
        }
        personalDevices.expireDue();
        assertThat(actions(id).stream().filter("PERSONAL_ACCESS_EXPIRED"::equals))
                .hasSize(1);
        // The owner asks again after the expiry: PENDING.
        as(owner, "STAFF")
                .post(BASE + "/" + id + "/renewal")
                .then()
                .statusCode(200)
                .body("access", equalTo("PENDING"));
    }

    @Test
    void aRenewalNotDecidedBeforeTheEndSurvivesTheExpiry() throws Exception {
        String school = school();
        String owner = owner(school);
        String id = approve(request(owner), school);
        setExpiresOn(id, Api.today().plusDays(3));
        as(owner, "STAFF").post(BASE + "/" + id + "/renewal").then().statusCode(200);
        setExpiresOn(id, Api.today().minusDays(1));
        personalDevices.expireDue();
        Map<String, Object> expired = read(id);
        assertThat(expired.get("access")).isEqualTo("EXPIRED");
        assertThat(expired.get("awaitingDecision")).isEqualTo(true);
        as(owner, "STAFF").post(BASE + "/" + id + "/renewal").then().statusCode(409);
        decide(principalOf(school), id, "APPROVE", null)
                .then()
                .statusCode(200)
                .body("access", equalTo("APPROVED"))
                .body("expiresOn", equalTo(yearEnd(Api.today()).toString()));
    }

    @Test
    void aPersonalDeviceItRegistersAwaitsADecisionAndLosesAccessWhenDeregistered() {
        String school = school();
        String owner = owner(school);
        Map<String, Object> body = new HashMap<>(Api.purchasedLaptop(Api.unique("PTAG"), false));
        body.remove("acquisition");
        body.put("ownership", "PERSONAL");
        body.put("ownerDistrictId", owner);
        body.put("school", school);
        String id = Api.it()
                .body(body)
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(owner, "STAFF")
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("access", equalTo("PENDING"))
                .body("lockAndLocateConsent", equalTo(false))
                .body("purpose", nullValue());
        approve(id, school);
        try (KafkaProbe devices = KafkaProbe.fromNow(bootstrap, Topics.DEVICES)) {
            Api.status(id, "RETIRED").then().statusCode(200);
            awaitSnapshotAccess(devices, id, "REMOVED");
        }
        assertThat(read(id).get("access")).isEqualTo("REMOVED");
        as(owner, "STAFF").post(BASE + "/" + id + "/renewal").then().statusCode(409);
        // A district device's snapshot carries no personal access.
        String district = Api.registerLaptop(false);
        try (KafkaProbe devices = KafkaProbe.fromNow(bootstrap, Topics.DEVICES)) {
            Api.status(district, "IN_REPAIR").then().statusCode(200);
            JsonNode snapshot = json(devices.awaitRecord(r -> district.equals(r.key()), WAIT))
                    .get("data");
            assertThat(snapshot.get("personalAccess").isNull()).isTrue();
        }
    }
}
