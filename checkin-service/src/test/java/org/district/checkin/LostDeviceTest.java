package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.contracts.checkin.LostDeviceSeen;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.lossreport.LossKind;
import org.district.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LostDeviceTest {

    @Inject
    Db db;

    @Test
    void aLocationFromADeviceThatIsNotLostIsNeverStored() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        Api.device(laptop.id())
                .body(Api.withLocation(Api.checkIn()))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("reportedMissing", equalTo(false));

        assertThat(db.count("select count(*) from device_location where device_id = ?", laptop.id()))
                .isZero();
        assertThat(db.count("select count(*) from checkin_history where device_id = ?", laptop.id()))
                .isEqualTo(1);
        // No other table has anywhere to put a position, and no event carried it.
        assertThat(db.count("select count(*) from information_schema.columns where table_schema = 'public'"
                        + " and column_name in ('latitude', 'longitude') and table_name <> 'device_location'"))
                .isZero();
        assertThat(db.count(
                        "select count(*) from outbox_event where record_key = ? and payload::text like '%40.7128%'",
                        laptop.id().toString()))
                .isZero();
    }

    @Test
    void aLockStaysInForceUntilTheDeviceSaysItIsLockedAndIsSentAgainWhenItIsNot() {
        SentLock sent = stolenWithItsLockSent();
        Feed.Device lost = sent.device();
        String lock = sent.id();
        String nonce = sent.nonce();

        // A thief's agent reports the LOCK done, but its check-in does not say the device is locked: not done, and the
        // LOCK comes back.
        Api.device(lost.id())
                .body(Api.locked(Api.completing(Api.checkIn(), lock, nonce), false))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("commands.id", hasItem(lock));
        assertThat(db.text("select status from device_command where id = ?", UUID.fromString(lock)))
                .isEqualTo("DELIVERED");

        // Locked for real: done, and not sent while the device says it stays locked.
        Api.device(lost.id())
                .body(Api.locked(Api.completing(Api.checkIn(), lock, nonce), true))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("commands.type", not(hasItem("LOCK")));
        assertThat(db.text("select status from device_command where id = ?", UUID.fromString(lock)))
                .isEqualTo("DONE");
        Api.device(lost.id())
                .body(Api.locked(Api.checkIn(), true))
                .post("/api/v1/checkins")
                .then()
                .body("commands.type", not(hasItem("LOCK")));

        // Unlocked again (the lock removed, the disk moved to another install): the LOCK is sent again, with a new
        // nonce, so the old confirmation cannot be replayed.
        Response again = Api.device(lost.id()).body(Api.checkIn()).post("/api/v1/checkins");
        again.then().statusCode(200).body("commands.id", hasItem(lock));
        String newNonce = again.path("commands.find { it.type == 'LOCK' }.nonce");
        assertThat(newNonce).isNotEqualTo(nonce);
        Api.device(lost.id())
                .body(Api.locked(Api.completing(Api.checkIn(), lock, nonce), true))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);
        assertThat(db.text("select status from device_command where id = ?", UUID.fromString(lock)))
                .as("the old nonce no longer confirms it")
                .isEqualTo("DELIVERED");
        assertThat(db.count("select count(*) from device_command where device_id = ? and type = 'LOCK'", lost.id()))
                .as("one LOCK, sent again, not a pile of new ones")
                .isEqualTo(1);
    }

    @Test
    void aThiefsAgentCannotEndTheLockByRefusingItOrSayingItFailed() {
        SentLock sent = stolenWithItsLockSent();
        Feed.Device lost = sent.device();
        String lock = sent.id();
        String nonce = sent.nonce();

        for (String result : List.of("REFUSED", "FAILED")) {
            // The agent answers with the right nonce, but the device is not locked: the LOCK comes back at once.
            Response answer = Api.device(lost.id())
                    .body(Api.completing(Api.checkIn(), lock, nonce, result))
                    .post("/api/v1/checkins");
            answer.then().statusCode(200).body("commands.id", hasItem(lock));
            String again = answer.path("commands.find { it.type == 'LOCK' }.nonce");
            assertThat(again)
                    .as("sent again after " + result + ", with a new nonce")
                    .isNotEqualTo(nonce);
            assertThat(db.text("select status from device_command where id = ?", UUID.fromString(lock)))
                    .isEqualTo("DELIVERED");
            nonce = again;
        }
        assertThat(db.count("select count(*) from device_command where device_id = ? and type = 'LOCK'", lost.id()))
                .as("one LOCK, sent again, not a pile of new ones")
                .isEqualTo(1);
    }

    @Test
    void aLostDevicesCheckInReturnsLockAndRaisesLostDeviceSeen() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        try (KafkaProbe alerts = KafkaProbe.fromNow(Feed.BOOTSTRAP, Topics.DEVICE_ALERTS)) {
            Feed.Device lost = db.known(laptop.withStatus(DeviceStatus.STOLEN));
            lossQueued(lost, LossKind.STOLEN);
            // The loss report is redelivered: still one LOCK and one LOCATE.
            Feed.lossReported(lost, LossKind.STOLEN);

            // The thief's agent names another address for itself: not believed without a configured proxy.
            Response answer = Api.device(lost.id())
                    .header("X-Forwarded-For", "198.51.100.99")
                    .body(Api.withLocation(Api.checkIn()))
                    .post("/api/v1/checkins");
            answer.then()
                    .statusCode(200)
                    .body("commands.type", hasItem("LOCK"))
                    .body("commands.type", hasItem("LOCATE"))
                    .body("commands.find { it.type == 'LOCK' }.message", containsString("district"));

            ConsumerRecord<String, String> record = alerts.awaitRecord(
                    r -> lost.id().toString().equals(r.key())
                            && LostDeviceSeen.TYPE.equals(KafkaProbe.header(r, EventHeaders.EVENT_TYPE)),
                    Duration.ofSeconds(30));
            LostDeviceSeen seen = Feed.read(record.value(), LostDeviceSeen.class);
            assertThat(seen.deviceId()).isEqualTo(lost.id());
            assertThat(seen.site()).isEqualTo("LINCOLN-HS");
            assertThat(seen.ipAddress()).isEqualTo("10.20.30.40");
            // Beside the address the device claims, the one the service saw: these tests' own.
            assertThat(seen.observedAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(seen.located()).isTrue();
            assertThat(seen.seenAt()).isNotNull();
            // The alert says the device reported a location, never where: no coordinate on the topic (kept for days)
            // nor in the outbox (kept for days, and read by anyone with the database).
            assertThat(record.value())
                    .doesNotContain("40.7128")
                    .doesNotContain("74.006")
                    .doesNotContain("latitude");
        }
        assertThat(db.count(
                        "select count(*) from outbox_event where record_key = ? and (payload::text like '%40.7128%'"
                                + " or payload::text like '%latitude%')",
                        laptop.id().toString()))
                .isZero();
        assertThat(db.count("select count(*) from device_location where device_id = ?", laptop.id()))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from device_command where device_id = ?", laptop.id()))
                .isEqualTo(2);

        // Seen again a moment later: stored, but IT is not alerted twice within the alert interval.
        Api.device(laptop.id())
                .body(Api.withLocation(Api.checkIn()))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);
        assertThat(db.count("select count(*) from device_location where device_id = ?", laptop.id()))
                .isEqualTo(2);
        assertThat(db.count(
                        "select count(*) from outbox_event where record_key = ? and event_type = ?",
                        laptop.id().toString(),
                        LostDeviceSeen.TYPE))
                .isEqualTo(1);
    }

    @Test
    void theCoordinatesOfAlertsRaisedBeforeTheyLeftTheEventAreRemovedFromTheOutbox() throws Exception {
        UUID device = UUID.randomUUID();
        db.execute(
                "insert into outbox_event (event_id, topic, record_key, event_type, payload, headers, created_at,"
                        + " published_at) values (gen_random_uuid(), ?, ?, ?, cast(? as jsonb), '{}', now(), now())",
                Topics.DEVICE_ALERTS,
                device.toString(),
                LostDeviceSeen.TYPE,
                "{\"schemaVersion\": 1, \"data\": {\"deviceId\": \"" + device + "\", \"site\": \"LINCOLN-HS\","
                        + " \"latitude\": 40.7128, \"longitude\": -74.006, \"accuracyMeters\": 25.0}}");
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V3__no_coordinates_in_events.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        db.execute(migration);
        String payload = db.text("select payload::text from outbox_event where record_key = ?", device.toString());
        assertThat(payload)
                .doesNotContain("40.7128")
                .doesNotContain("74.006")
                .doesNotContain("latitude")
                .contains("\"located\": true")
                .contains("LINCOLN-HS");
    }

    @Test
    void onlyItReadsLocationsAndEveryReadIsRecorded() {
        Feed.Device lost = db.known(Feed.laptop("LINCOLN-HS").withStatus(DeviceStatus.LOST));
        Api.device(lost.id())
                .body(Api.withLocation(Api.checkIn()))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);

        for (var caller :
                List.of(Api.auditor(), Api.as("E1", "STAFF"), Api.as("S1", "SUPERVISOR"), Api.device(lost.id()))) {
            caller.get("/api/v1/devices/" + lost.id() + "/locations").then().statusCode(403);
        }
        assertThat(db.count("select count(*) from location_read where device_id = ?", lost.id()))
                .isZero();

        Api.it()
                .get("/api/v1/devices/" + lost.id() + "/locations")
                .then()
                .statusCode(200)
                .body("status", equalTo("LOST"))
                .body("locations", hasSize(1))
                .body("locations[0].latitude", equalTo(40.7128f));
        Api.auditor()
                .queryParam("device", lost.id().toString())
                .get("/api/v1/location-reads")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].readBy", equalTo("IT_ADMIN:IT-" + Feed.RUN))
                .body("items[0].locationsReturned", equalTo(1))
                .body("items[0].readAt", org.hamcrest.Matchers.notNullValue());
        Api.as("E1", "STAFF").get("/api/v1/location-reads").then().statusCode(403);
    }

    @Test
    void recoveryPurgesLocationsAndCancelsCommands() {
        Feed.Device lost = db.known(Feed.laptop("LINCOLN-HS").withStatus(DeviceStatus.LOST));
        lossQueued(lost, LossKind.LOST);
        Api.device(lost.id())
                .body(Api.withLocation(Api.checkIn()))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("reportedMissing", equalTo(true));
        assertThat(db.count("select count(*) from device_location where device_id = ?", lost.id()))
                .isEqualTo(1);

        Feed.recovered(lost);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from device_location where device_id = ?", lost.id()) == 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count(
                                "select count(*) from device_command where device_id = ? and status = 'CANCELLED'",
                                lost.id())
                        == 2);
        Api.it().get("/api/v1/devices/" + lost.id() + "/locations").then().body("locations", hasSize(0));

        // Inventory's snapshot moving the device out of LOST purges too, even without the recovery event.
        Feed.Device other = db.known(Feed.laptop("LINCOLN-HS").withStatus(DeviceStatus.STOLEN));
        Api.device(other.id())
                .body(Api.withLocation(Api.checkIn()))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("reportedMissing", equalTo(true));
        assertThat(db.count("select count(*) from device_location where device_id = ?", other.id()))
                .isEqualTo(1);
        db.known(other.withStatus(DeviceStatus.RECOVERED));
        assertThat(db.count("select count(*) from device_location where device_id = ?", other.id()))
                .isZero();
        // Now found: a location is dropped again, and the agent is told, so it takes the return message down.
        Api.device(other.id())
                .body(Api.withLocation(Api.checkIn()))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("reportedMissing", equalTo(false));
        assertThat(db.count("select count(*) from device_location where device_id = ?", other.id()))
                .isZero();
    }

    @Test
    void aDeviceItFindsInInventoryAloneHasItsLockAndWipeCancelled() {
        // A stolen laptop with its loss's LOCK and LOCATE and IT's WIPE queued, its LOCK and LOCATE already sent to its
        // agent.
        SentLock sent = stolenWithItsLockSent();
        Feed.Device stolen = sent.device();
        wiped(stolen);
        // The same for one IT writes off instead: the district gave it up, and its WIPE still waits for it.
        Feed.Device gone = db.known(Feed.laptop("LINCOLN-HS").withStatus(DeviceStatus.STOLEN));
        lossQueued(gone, LossKind.STOLEN);
        wiped(gone);

        // IT marks the first found in inventory, and writes the second off; no loss report is closed (no event).
        db.known(stolen.withStatus(DeviceStatus.RECOVERED));
        db.known(gone.withStatus(DeviceStatus.WRITTEN_OFF));

        assertThat(db.count(
                        "select count(*) from device_command where device_id = ? and status = 'CANCELLED'"
                                + " and cancelled_by = 'recovery:inventory'",
                        stolen.id()))
                .isEqualTo(3);
        Api.device(stolen.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("commands", hasSize(0))
                .body("reportedMissing", equalTo(false));
        assertThat(db.count(
                        "select count(*) from device_command where device_id = ? and type = 'WIPE'"
                                + " and status = 'PENDING'",
                        gone.id()))
                .isEqualTo(1);

        // A device written off and then deregistered (RETIRED: inventory allows it for a personal device; the rule here
        // does not look at ownership) was not found: its loss's commands stay.
        Feed.Device deregistered = db.known(Feed.laptop("LINCOLN-HS").withStatus(DeviceStatus.STOLEN));
        lossQueued(deregistered, LossKind.STOLEN);
        db.known(deregistered.withStatus(DeviceStatus.WRITTEN_OFF).withStatus(DeviceStatus.RETIRED));
        assertThat(db.count(
                        "select count(*) from device_command where device_id = ? and status = 'PENDING'",
                        deregistered.id()))
                .isEqualTo(2);

        // Months later the written-off one turns up and IT records it found: its loss is over after all.
        Feed.Device turnedUp =
                db.known(gone.withStatus(DeviceStatus.WRITTEN_OFF).withStatus(DeviceStatus.RECOVERED));
        assertThat(db.count(
                        "select count(*) from device_command where device_id = ?"
                                + " and status in ('PENDING', 'DELIVERED')",
                        turnedUp.id()))
                .isZero();
    }

    @Test
    void aWipeItSendsAfterTheLaptopWasFoundOutlivesTheLagOfTheReadModel() {
        Feed.Device stolen = db.known(Feed.laptop("LINCOLN-HS").withStatus(DeviceStatus.STOLEN));
        // IT records it found in inventory. Before that snapshot is read here, the loss report's consumer (behind)
        // queues the loss's LOCK and LOCATE, and IT sends a WIPE to sanitize it.
        Feed.Device found = stolen.withStatus(DeviceStatus.RECOVERED);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(found.updatedAt()));
        lossQueued(stolen, LossKind.STOLEN);
        Api.it()
                .body(java.util.Map.of("type", "WIPE", "confirmAssetTag", found.assetTag()))
                .post("/api/v1/devices/" + found.id() + "/commands")
                .then()
                .statusCode(201);
        db.known(found);
        // The loss's LOCK and LOCATE end, however late they were queued; the WIPE, a decision made after the laptop was
        // found, stays.
        assertThat(db.text(
                        "select string_agg(type || ' ' || status, ', ' order by type) from device_command"
                                + " where device_id = ?",
                        found.id()))
                .isEqualTo("LOCATE CANCELLED, LOCK CANCELLED, WIPE PENDING");
    }

    /** A loss report of the device, once its LOCK and LOCATE are queued. */
    private void lossQueued(Feed.Device device, LossKind kind) {
        Feed.lossReported(device, kind);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from device_command where device_id = ?", device.id()) == 2);
    }

    /** IT queues a WIPE of the device (its asset tag typed again). */
    private void wiped(Feed.Device device) {
        Api.it()
                .body(java.util.Map.of("type", "WIPE", "confirmAssetTag", device.assetTag()))
                .post("/api/v1/devices/" + device.id() + "/commands")
                .then()
                .statusCode(201);
    }

    /** A stolen laptop, and the LOCK its loss queued as its first check-in's answer carried it. */
    private record SentLock(Feed.Device device, String id, String nonce) {}

    private SentLock stolenWithItsLockSent() {
        Feed.Device lost = db.known(Feed.laptop("LINCOLN-HS").withStatus(DeviceStatus.STOLEN));
        Feed.lossReported(lost, LossKind.STOLEN);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        db.count("select count(*) from device_command where device_id = ? and type = 'LOCK'", lost.id())
                                == 1);
        Response first = Api.device(lost.id()).body(Api.checkIn()).post("/api/v1/checkins");
        first.then().statusCode(200).body("commands.type", hasItem("LOCK"));
        return new SentLock(
                lost,
                first.path("commands.find { it.type == 'LOCK' }.id"),
                first.path("commands.find { it.type == 'LOCK' }.nonce"));
    }
}
