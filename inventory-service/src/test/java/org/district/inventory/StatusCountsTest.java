package org.district.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.district.inventory.repository.DeviceRepository;
import org.district.inventory.service.StatusCountFolding;
import org.district.testing.TestDb;
import org.junit.jupiter.api.Test;

/**
 * The devices' counts by status are kept by the database as devices change (migration V9): whatever changes them (the
 * API one device at a time, a statement that moves many, a device taken out of the table) and whether or not the
 * recorded changes were folded in yet, the summary equals a count over the devices themselves.
 */
@QuarkusTest
class StatusCountsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StatusCountFolding folding;

    @Test
    void theSummaryEqualsACountOfTheDevicesWhateverChangesThemAndWhenever() throws Exception {
        String school = Api.unique("SCH");
        String other = Api.unique("SCH");
        String[] ids = new String[4];
        for (int i = 0; i < ids.length; i++) {
            Map<String, Object> laptop = new HashMap<>(Api.purchasedLaptop(Api.unique("TAG"), false));
            laptop.put("school", school);
            ids[i] = Api.it()
                    .body(laptop)
                    .post("/api/v1/devices")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }
        assertThat(summary(school)).containsEntry("IN_STOCK", 4L).isEqualTo(recount(school));

        // Through the API, one device at a time.
        Api.assign(ids[0], Api.employee());
        Api.status(ids[1], "QUARANTINED").then().statusCode(200);
        assertThat(summary(school))
                .containsEntry("IN_STOCK", 2L)
                .containsEntry("ASSIGNED", 1L)
                .containsEntry("QUARANTINED", 1L)
                .isEqualTo(recount(school));

        foldNow();
        assertThat(TestDb.of(dataSource)
                        .count("select count(*) from device_status_count_change where school = ?", school))
                .as("changes folded in")
                .isZero();
        assertThat(summary(school)).isEqualTo(recount(school));

        // One statement moving several devices, and one moving a device to another school.
        TestDb db = TestDb.of(dataSource);
        db.execute("update device set status = 'IN_REPAIR' where school = ? and status = 'IN_STOCK'", school);
        db.execute("update device set school = ? where id = ?::uuid", other, ids[1]);
        assertThat(summary(school))
                .containsEntry("IN_REPAIR", 2L)
                .containsEntry("ASSIGNED", 1L)
                .containsEntry("QUARANTINED", 0L)
                .containsEntry("IN_STOCK", 0L)
                .isEqualTo(recount(school));
        assertThat(summary(other)).containsEntry("QUARANTINED", 1L).isEqualTo(recount(other));

        // While another replica folds (it holds the lock), this one skips its round, and nothing is lost.
        try (Connection replica = db.connect();
                PreparedStatement lock = replica.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, DeviceRepository.STATUS_COUNT_LOCK);
            lock.execute();
            assertThat(folding.fold()).isEqualTo(-1);
            assertThat(summary(school)).isEqualTo(recount(school));
        }
        foldNow();
        assertThat(summary(school)).isEqualTo(recount(school));
        assertThat(summary(other)).isEqualTo(recount(other));

        // A device taken out of the table (as an operator's clean-up would) leaves the counts as well.
        db.execute("delete from device_history where device_id = ?::uuid", ids[1]);
        db.execute("delete from device where id = ?::uuid", ids[1]);
        assertThat(summary(other)).containsEntry("QUARANTINED", 0L).isEqualTo(recount(other));
        foldNow();
        assertThat(db.count("select count(*) from device_status_count where school = ?", other))
                .as("a counter of no device is removed")
                .isZero();
        assertThat(summary(null).values().stream().mapToLong(Long::longValue).sum())
                .as("the district's total")
                .isEqualTo(db.count("select count(*) from device"));
    }

    /**
     * A fold by this test. The service's own fold runs every 15 s as well and may hold the lock at that moment, as
     * another replica's would: this one then skips its round (-1), and the test asks again until it has folded.
     */
    private void foldNow() {
        await().atMost(Duration.ofSeconds(10)).until(() -> folding.fold() >= 0);
    }

    /** The summary of a school (or of the district), every status listed, as the API answers it. */
    private static Map<String, Long> summary(String school) {
        var request = Api.auditor();
        if (school != null) {
            request = request.queryParam("school", school);
        }
        JsonPath body = request.get("/api/v1/devices/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Long> counts = new TreeMap<>();
        List<Map<String, Object>> statuses = body.getList("statuses");
        for (Map<String, Object> s : statuses) {
            counts.put((String) s.get("status"), ((Number) s.get("count")).longValue());
        }
        return counts;
    }

    /** The same counts from the devices themselves. */
    private Map<String, Long> recount(String school) {
        Map<String, Long> counts = new TreeMap<>(summary(school));
        counts.replaceAll((status, n) -> 0L);
        for (Map<String, Object> row : TestDb.of(dataSource)
                .rows("select status, count(*) as n from device where school = ? group by status", school)) {
            counts.put((String) row.get("status"), ((Number) row.get("n")).longValue());
        }
        return counts;
    }
}
