package org.district.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.district.contracts.EventEnvelope;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.contracts.checkin.DeviceReturned;
import org.district.contracts.checkin.ReturnTaskOpened;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReportUpdated;
import org.district.contracts.lossreport.LossReportWrittenOff;
import org.district.contracts.lossreport.LossReported;
import org.district.testing.KafkaProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Status changes driven by other services' events: loss reports (lost, stolen, reclassified, recovered, written off)
 * and returns on departure. Each event takes effect once, and one that no longer fits is recorded and skipped.
 */
@QuarkusTest
class LifecycleEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** The consumer group, which is also the name its processed event ids are kept under. */
    @ConfigProperty(name = "district.inventory.consumers.group")
    String consumer;

    @Inject
    ObjectMapper mapper;

    @Inject
    AgroalDataSource ds;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    // ---------------------------------------------------------------- producing events as the other services do

    private UUID send(String topic, String key, String type, String aggregateType, Object data) {
        return send(topic, key, UUID.randomUUID(), type, aggregateType, data);
    }

    private UUID send(String topic, String key, UUID eventId, String type, String aggregateType, Object data) {
        EventEnvelope<Object> envelope =
                new EventEnvelope<>(eventId, type, 1, now, aggregateType, key, 1, "corr-" + eventId, data);
        try {
            KafkaProbe.produce(
                    bootstrap,
                    topic,
                    key,
                    mapper.writeValueAsString(envelope),
                    Map.of(
                            EventHeaders.EVENT_ID,
                            eventId.toString(),
                            EventHeaders.EVENT_TYPE,
                            type,
                            EventHeaders.SCHEMA_VERSION,
                            "1",
                            EventHeaders.CORRELATION_ID,
                            "corr-" + eventId));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    private LossReported lossReported(String deviceId, LossKind kind) {
        return new LossReported(
                UUID.randomUUID(),
                "LR-2026-" + Api.unique("N"),
                UUID.fromString(deviceId),
                "TAG",
                kind,
                "E-REPORTER",
                null,
                "LINCOLN-HS",
                now,
                "bus 12",
                "left on the bus",
                kind == LossKind.STOLEN,
                kind == LossKind.STOLEN ? "City PD" : null,
                null,
                kind == LossKind.STOLEN,
                now);
    }

    private UUID reportLoss(String deviceId, LossKind kind) {
        return reportLoss(deviceId, UUID.randomUUID(), kind);
    }

    private UUID reportLoss(String deviceId, UUID eventId, LossKind kind) {
        return send(
                Topics.LOSS_REPORTS, deviceId, eventId, LossReported.TYPE, "LossReport", lossReported(deviceId, kind));
    }

    private UUID recover(String deviceId) {
        return send(
                Topics.LOSS_REPORTS,
                deviceId,
                LossReportRecovered.TYPE,
                "LossReport",
                new LossReportRecovered(UUID.randomUUID(), UUID.fromString(deviceId), now, "IT-7", "found in the gym"));
    }

    private void awaitStatus(String deviceId, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(Api.statusOf(deviceId))
                .isEqualTo(status));
    }

    private long processed(UUID eventId) {
        return Db.count(
                ds, "select count(*) from processed_event where consumer = ? and event_id = ?", consumer, eventId);
    }

    private static List<Map<String, Object>> entriesFor(String deviceId, UUID eventId) {
        return Api.history(deviceId).stream()
                .filter(h -> eventId.toString().equals(h.get("sourceEventId")))
                .toList();
    }

    // ---------------------------------------------------------------- loss reports

    @Test
    void aLossReportMarksTheDeviceLostAndAReclassificationStolen() {
        String person = Api.employee();
        String device = Api.registerLaptop(false);
        Api.assign(device, person);

        UUID reported = reportLoss(device, LossKind.LOST);
        awaitStatus(device, "LOST");
        Map<String, Object> entry = entriesFor(device, reported).get(0);
        assertThat(entry)
                .containsEntry("action", "LOST")
                .containsEntry("fromStatus", "ASSIGNED")
                .containsEntry("actor", "loss-report:E-REPORTER");
        assertThat((String) entry.get("reason")).contains("Loss report LR-2026-");
        // The holder is still on record while the device is missing.
        Api.it().get("/api/v1/devices/" + device).then().body("assignee.districtId", equalTo(person));

        UUID updated = send(
                Topics.LOSS_REPORTS,
                device,
                LossReportUpdated.TYPE,
                "LossReport",
                new LossReportUpdated(
                        UUID.randomUUID(),
                        UUID.fromString(device),
                        LossKind.STOLEN,
                        true,
                        "City PD",
                        "2026-555",
                        false,
                        "it was stolen after all",
                        "IT-7",
                        now));
        awaitStatus(device, "STOLEN");
        assertThat(entriesFor(device, updated)).singleElement().satisfies(h -> assertThat(h)
                .containsEntry("fromStatus", "LOST")
                .containsEntry("toStatus", "STOLEN"));
    }

    @Test
    void aStolenReportOfADeviceInStockMarksItStolen() {
        String device = Api.registerLaptop(false);
        reportLoss(device, LossKind.STOLEN);
        awaitStatus(device, "STOLEN");
    }

    @Test
    void recoveryEndsTheAssignmentAndQuarantinesASensitiveDevice() {
        String person = Api.employee();
        String sensitive = Api.registerLaptop(true);
        String plain = Api.registerLaptop(false);
        Api.assign(sensitive, person);
        Api.assign(plain, person);
        reportLoss(sensitive, LossKind.LOST);
        reportLoss(plain, LossKind.STOLEN);
        awaitStatus(sensitive, "LOST");
        awaitStatus(plain, "STOLEN");

        UUID recoveredSensitive = recover(sensitive);
        UUID recoveredPlain = recover(plain);
        awaitStatus(sensitive, "QUARANTINED");
        awaitStatus(plain, "RECOVERED");

        assertThat(entriesFor(sensitive, recoveredSensitive))
                .extracting(h -> h.get("action"))
                .containsExactly("QUARANTINED", "RECOVERED");
        assertThat(entriesFor(plain, recoveredPlain))
                .extracting(h -> h.get("action"))
                .containsExactly("RECOVERED");
        for (String device : List.of(sensitive, plain)) {
            Api.it().get("/api/v1/devices/" + device).then().body("assignee", nullValue());
            Api.it()
                    .get("/api/v1/devices/" + device + "/assignments")
                    .then()
                    .body("[0].endReason", equalTo("recovered"))
                    .body("[0].endedBy", equalTo("loss-report:IT-7"));
        }
    }

    @Test
    void aWriteOffRecordsTheCostOwed() {
        String device = Api.registerLaptop(false);
        Api.assign(device, Api.employee());
        reportLoss(device, LossKind.LOST);
        awaitStatus(device, "LOST");
        UUID writtenOff = send(
                Topics.LOSS_REPORTS,
                device,
                LossReportWrittenOff.TYPE,
                "LossReport",
                new LossReportWrittenOff(
                        UUID.randomUUID(), UUID.fromString(device), new BigDecimal("349.99"), now, "IT-7", "gone"));
        awaitStatus(device, "WRITTEN_OFF");
        Api.it()
                .get("/api/v1/devices/" + device)
                .then()
                .body("costOwed", equalTo(349.99f))
                .body("assignee", nullValue());
        assertThat(entriesFor(device, writtenOff)).singleElement().satisfies(h -> assertThat((String) h.get("reason"))
                .contains("Written off.")
                .contains("gone"));

        // A written-off device that turns up is recovered.
        recover(device);
        awaitStatus(device, "RECOVERED");
    }

    // ---------------------------------------------------------------- returns on departure

    private UUID returned(String device, String personId) {
        return send(
                Topics.RETURN_TASKS,
                device,
                DeviceReturned.TYPE,
                "ReturnTask",
                new DeviceReturned(
                        UUID.randomUUID(), UUID.fromString(device), UUID.fromString(personId), now, "IT-7", "boxed"));
    }

    @Test
    void aReturnOnDepartureEndsTheAssignment() {
        String person = Api.employee();
        String personId = Api.personId(person);
        String sensitive = Api.registerLaptop(true);
        String plain = Api.registerLaptop(false);
        Api.assign(sensitive, person);
        Api.assign(plain, person);

        // A task being opened is not a return: nothing changes.
        send(
                Topics.RETURN_TASKS,
                plain,
                ReturnTaskOpened.TYPE,
                "ReturnTask",
                new ReturnTaskOpened(
                        UUID.randomUUID(),
                        UUID.fromString(plain),
                        UUID.fromString(personId),
                        Api.today().plusDays(5),
                        false,
                        now));
        UUID plainReturn = returned(plain, personId);
        UUID sensitiveReturn = returned(sensitive, personId);
        awaitStatus(plain, "IN_STOCK");
        awaitStatus(sensitive, "QUARANTINED");

        assertThat(entriesFor(plain, plainReturn)).singleElement().satisfies(h -> assertThat(h)
                .containsEntry("action", "RETURNED")
                .containsEntry("fromStatus", "ASSIGNED")
                .containsEntry("actor", "return-task:IT-7"));
        assertThat(Api.history(plain)).extracting(h -> h.get("action")).doesNotContain("EVENT_IGNORED");
        assertThat(entriesFor(sensitive, sensitiveReturn))
                .singleElement()
                .satisfies(h -> assertThat((String) h.get("reason")).contains("quarantined"));
        Api.it()
                .get("/api/v1/devices/" + sensitive + "/assignments")
                .then()
                .body("[0].endedBy", equalTo("return-task:IT-7"));
    }

    @Test
    void aReturnForSomeoneWhoNoLongerHoldsTheDeviceIsIgnored() {
        String leaver = Api.employee();
        String newHolder = Api.employee();
        String device = Api.registerLaptop(false);
        Api.assign(device, leaver);
        // IT took the device back by hand and gave it to someone else before the return task was closed.
        Api.it()
                .body(Map.of())
                .post("/api/v1/devices/" + device + "/return")
                .then()
                .statusCode(200);
        Api.assign(device, newHolder);

        UUID stale = returned(device, Api.personId(leaver));
        await().atMost(WAIT).untilAsserted(() -> assertThat(entriesFor(device, stale))
                .singleElement()
                .satisfies(h -> assertThat(h).containsEntry("action", "EVENT_IGNORED")));
        Api.it()
                .get("/api/v1/devices/" + device)
                .then()
                .body("status", equalTo("ASSIGNED"))
                .body("assignee.districtId", equalTo(newHolder));
    }

    // ---------------------------------------------------------------- exactly once, and never stuck

    @Test
    void theSameEventDeliveredTwiceTakesEffectOnce() {
        String device = Api.registerLaptop(false);
        UUID eventId = UUID.randomUUID();
        reportLoss(device, eventId, LossKind.LOST);
        reportLoss(device, eventId, LossKind.LOST);
        // A later event on the same key is applied after both copies, so once it shows, both were seen.
        UUID marker = send(
                Topics.LOSS_REPORTS,
                device,
                LossReportUpdated.TYPE,
                "LossReport",
                new LossReportUpdated(
                        UUID.randomUUID(),
                        UUID.fromString(device),
                        LossKind.STOLEN,
                        false,
                        null,
                        null,
                        true,
                        null,
                        "IT-7",
                        now));
        awaitStatus(device, "STOLEN");
        assertThat(entriesFor(device, eventId)).hasSize(1);
        assertThat(entriesFor(device, marker)).hasSize(1);
        assertThat(processed(eventId)).isEqualTo(1);
        assertThat(Api.history(device))
                .extracting(h -> h.get("action"))
                .containsExactly("STOLEN", "LOST", "REGISTERED");
    }

    @Test
    void aLossReportOnAnotherServicesTopicIsForgedAndChangesNothing() {
        // Whoever holds the check-in service's Kafka credentials can write its topics, which inventory also reads: a
        // LossReported there (and a write-off naming its cost) is not the loss report service's.
        String device = Api.registerLaptop(false);
        UUID forged = send(
                Topics.RETURN_TASKS, device, LossReported.TYPE, "LossReport", lossReported(device, LossKind.STOLEN));
        UUID valid = reportLoss(device, LossKind.LOST);

        // The two topics are read in no set order: wait for both, then see what each did.
        awaitStatus(device, "LOST");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(Db.count(
                        ds,
                        "select count(*) from consumer_dead_letter where consumer = ? and record_key = ?"
                                + " and error like '%never writes to%'",
                        consumer,
                        device))
                .as("kept for IT, with why")
                .isEqualTo(1));
        assertThat(processed(forged)).as("the forged event is not applied").isZero();
        assertThat(entriesFor(device, forged)).isEmpty();
        assertThat(Api.statusOf(device)).as("not reclassified stolen").isEqualTo("LOST");
        assertThat(processed(valid)).isEqualTo(1);
        // Monitoring sees it too.
        assertThat(io.restassured.RestAssured.get("/q/metrics").asString())
                .containsPattern("district_consumer_events_total\\{[^}]*outcome=\"dead_lettered\"[^}]*} [1-9]");
    }

    @Test
    void eventsThatNoLongerFitAreRecordedAndDoNotBlockLaterOnes() {
        String device = Api.registerLaptop(false);
        UUID unknownDevice = UUID.randomUUID();
        // Same key, so these are consumed in order before the valid report that follows.
        UUID forUnknown = send(
                Topics.LOSS_REPORTS,
                device,
                LossReported.TYPE,
                "LossReport",
                lossReported(unknownDevice.toString(), LossKind.LOST));
        UUID illegal = recover(device);
        KafkaProbe.produce(bootstrap, Topics.LOSS_REPORTS, device, "this is not JSON", Map.of());
        UUID valid = reportLoss(device, LossKind.LOST);

        awaitStatus(device, "LOST");
        assertThat(processed(forUnknown))
                .as("the event for an unknown device is recorded as handled")
                .isEqualTo(1);
        assertThat(processed(illegal)).isEqualTo(1);
        assertThat(processed(valid)).isEqualTo(1);
        assertThat(entriesFor(device, illegal)).singleElement().satisfies(h -> {
            assertThat(h)
                    .containsEntry("action", "EVENT_IGNORED")
                    .containsEntry("fromStatus", "IN_STOCK")
                    .containsEntry("toStatus", "IN_STOCK");
            assertThat((String) h.get("reason")).contains("recovery").contains("IN_STOCK");
        });
        assertThat(Db.count(
                        ds,
                        "select count(*) from consumer_dead_letter where consumer = ? and record_key = ?",
                        consumer,
                        device))
                .as("the unreadable record is kept for IT")
                .isEqualTo(1);
        assertThat(Db.count(ds, "select count(*) from device where id = ?", unknownDevice))
                .isZero();
    }
}
