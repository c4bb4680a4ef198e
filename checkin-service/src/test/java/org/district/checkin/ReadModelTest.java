package org.district.checkin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.district.checkin.service.ReadModelService;
import org.district.contracts.inventory.DeviceStatus;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadModelTest {

    @Inject
    Db db;

    @Inject
    ReadModelService updates;

    @Test
    void keepsTheHighestSnapshotVersionWhateverTheOrderOfArrival() {
        Feed.Device v0 = Feed.laptop("LINCOLN-HS");
        Feed.Device v1 = v0.withStatus(DeviceStatus.ASSIGNED);
        Feed.Device v2 = v1.withStatus(DeviceStatus.LOST);
        db.known(v2);

        // Redelivered or reordered snapshots (the same batch statement the consumer runs) change nothing.
        apply(Feed.snapshot(v1), Feed.snapshot(v0));
        assertThat(db.status(v0.id())).isEqualTo("LOST");
        assertThat(db.count("select version from device where id = ?", v0.id())).isEqualTo(2);

        // Within one batch the highest version wins too.
        Feed.Device v3 = v2.withStatus(DeviceStatus.RECOVERED);
        Feed.Device v4 = v3.withStatus(DeviceStatus.QUARANTINED);
        apply(Feed.snapshot(v4), Feed.snapshot(v3));
        assertThat(db.status(v0.id())).isEqualTo("QUARANTINED");
    }

    @Test
    void aLossAndItsEndReadInOneBatchStillCancelTheLossesCommands() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        Feed.lossReported(laptop, org.district.contracts.lossreport.LossKind.STOLEN);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from device_command where device_id = ?", laptop.id()) == 2);

        // The consumer lagged: inventory's STOLEN and RECOVERED snapshots arrive in one poll, and only the latest is
        // written, so the device never shows as missing here.
        Feed.Device stolen = laptop.withStatus(DeviceStatus.STOLEN);
        Feed.Device found = stolen.withStatus(DeviceStatus.RECOVERED);
        apply(Feed.snapshot(stolen), Feed.snapshot(found));
        assertThat(db.status(laptop.id())).isEqualTo("RECOVERED");
        assertThat(db.count(
                        "select count(*) from device_command where device_id = ? and status = 'CANCELLED'",
                        laptop.id()))
                .isEqualTo(2);
    }

    @Test
    void aLossAndItsWriteOffReadInOneBatchStillEndWhenTheDeviceIsFound() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        Feed.lossReported(laptop, org.district.contracts.lossreport.LossKind.STOLEN);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from device_command where device_id = ?", laptop.id()) == 2);

        // STOLEN and WRITTEN_OFF in one poll: the write-off keeps the loss's commands, and the loss's mark.
        Feed.Device writtenOff = laptop.withStatus(DeviceStatus.STOLEN).withStatus(DeviceStatus.WRITTEN_OFF);
        apply(Feed.snapshot(laptop.withStatus(DeviceStatus.STOLEN)), Feed.snapshot(writtenOff));
        assertThat(db.count(
                        "select count(*) from device_command where device_id = ? and status = 'PENDING'", laptop.id()))
                .isEqualTo(2);

        // Found after all: the loss's commands end.
        apply(Feed.snapshot(writtenOff.withStatus(DeviceStatus.RECOVERED)));
        assertThat(db.count(
                        "select count(*) from device_command where device_id = ? and status = 'CANCELLED'",
                        laptop.id()))
                .isEqualTo(2);
    }

    @Test
    void aRedeliveredLossDoesNotCancelWhatItSendsToTheFoundDevice() {
        Feed.Device stolen = db.known(Feed.laptop("LINCOLN-HS").withStatus(DeviceStatus.STOLEN));
        Feed.Device found = db.known(stolen.withStatus(DeviceStatus.RECOVERED));
        Api.it()
                .body(Map.of("type", "WIPE", "confirmAssetTag", found.assetTag()))
                .post("/api/v1/devices/" + found.id() + "/commands")
                .then()
                .statusCode(201);

        // A replay of the topic brings the old STOLEN snapshot again, in one batch with a newer one.
        Feed.Device inStock = found.withStatus(DeviceStatus.IN_STOCK);
        apply(Feed.snapshot(stolen), Feed.snapshot(inStock));
        assertThat(db.status(found.id())).isEqualTo("IN_STOCK");
        assertThat(db.text("select status from device_command where device_id = ? and type = 'WIPE'", found.id()))
                .isEqualTo("PENDING");
    }

    @Test
    void aReturnTaskClosesWhenInventoryTakesTheDeviceBackDirectly() {
        String school = Feed.unique("SCHOOL");
        Feed.Person leaving = db.known(Feed.person(school));
        Feed.Device laptop = db.known(Feed.laptop(school).assignedTo(leaving, Instant.now()));
        Api.as("H1", "HR")
                .body(Map.of(
                        "personId",
                        leaving.id().toString(),
                        "lastWorkingDay",
                        LocalDate.now().plusDays(3).toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(201);
        assertThat(db.text("select status from return_task where device_id = ?", laptop.id()))
                .isEqualTo("OPEN");

        // IT took it back through inventory instead of the task: the device is in stock with no holder.
        Feed.Device back = new Feed.Device(
                laptop.id(),
                laptop.version() + 1,
                laptop.assetTag(),
                laptop.type(),
                laptop.school(),
                laptop.ownership(),
                DeviceStatus.IN_STOCK,
                false,
                null,
                null,
                null,
                Instant.now(),
                null);
        db.known(back);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED"
                .equals(db.text("select status from return_task where device_id = ?", laptop.id())));
    }

    @Test
    void healthMetricsAndTheApiDescriptionStayOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("district_checkin_written_total"));
        // Devices sign in with their enrolment credential, people with the provider's bearer tokens: each operation
        // is documented with its own.
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.'device-credential'.scheme", equalTo("Device"))
                .body("paths.'/api/v1/checkins'.post.security[0].keySet()", contains("device-credential"))
                .body("paths.'/api/v1/devices/overdue'.get.security[0].keySet()", contains("bearer"));
    }

    /** Writes these snapshots as one batch of the consumer, in a transaction of their own. */
    private void apply(org.district.contracts.inventory.DeviceSnapshot... snapshots) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                updates.devices(List.of(snapshots));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
