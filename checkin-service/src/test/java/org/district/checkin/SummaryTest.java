package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.district.checkin.service.DailyCounts;
import org.district.checkin.service.DeviceStateService;
import org.district.contracts.inventory.DeviceStatus;
import org.district.support.time.DistrictClock;
import org.junit.jupiter.api.Test;

/** What IT's start page counts from check-ins, of one school and by school, and the lost devices seen lately. */
@QuarkusTest
class SummaryTest {

    @Inject
    Db db;

    @Inject
    DailyCounts dailyCounts;

    @Inject
    DeviceStateService states;

    @Inject
    DistrictClock clock;

    private static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void countsWhatNeedsAttentionOfOneSchoolAndBySchool() {
        String school = Feed.unique("SCHOOL");
        db.known(Feed.laptop(school).registeredAt(daysAgo(30)));
        db.known(Feed.laptop(school).registeredAt(daysAgo(40)));
        Feed.Device outdated = db.known(Feed.laptop(school));
        Map<String, Object> oldPatches = Api.checkIn();
        oldPatches.put("lastPatchDate", LocalDate.now().minusDays(200).toString());
        Api.device(outdated.id())
                .body(oldPatches)
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);
        Feed.Device lost = db.known(Feed.laptop(school).withStatus(DeviceStatus.LOST));
        Api.device(lost.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);
        Feed.Person leaving = db.known(Feed.person(school));
        db.known(Feed.laptop(school).assignedTo(leaving, Instant.now()));
        Api.as("HR-" + Feed.RUN, "HR")
                .body(Map.of(
                        "personId",
                        leaving.id().toString(),
                        "lastWorkingDay",
                        LocalDate.now().toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(201);

        Api.auditor()
                .queryParam("school", school)
                .get("/api/v1/summary")
                .then()
                .statusCode(200)
                .body("overdue", equalTo(2))
                .body("nonCompliant", equalTo(1))
                .body("lostSeen", equalTo(1))
                .body("openReturnTasks", equalTo(1))
                .body("overdueReturnTasks", equalTo(0))
                .body("schools", hasSize(1))
                .body("schools[0].school", equalTo(school))
                .body("schools[0].overdue", equalTo(2))
                .body("schools[0].nonCompliant", equalTo(1));
        Api.it().get("/api/v1/summary").then().statusCode(200).body("schools.school", hasItem(school));

        Api.auditor()
                .queryParam("school", school)
                .get("/api/v1/devices/lost-seen")
                .then()
                .statusCode(200)
                .body("deviceId", equalTo(List.of(lost.id().toString())))
                .body("[0].status", equalTo("LOST"));

        Api.as("E-" + Feed.RUN, "STAFF").get("/api/v1/summary").then().statusCode(403);
        Api.as("HR-" + Feed.RUN, "HR").get("/api/v1/devices/lost-seen").then().statusCode(403);
        Api.it()
                .queryParam("school", "X".repeat(41))
                .get("/api/v1/summary")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("school"));
    }

    @Test
    void keepsEachDaysCheckInsAndOverdueDevicesForTheCharts() throws Exception {
        dailyCounts.count();
        long before = today(
                Api.it()
                        .get("/api/v1/summary/daily")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                "checkIns");
        String school = Feed.unique("SCHOOL");
        Feed.Device first = db.known(Feed.laptop(school));
        Feed.Device second = db.known(Feed.laptop(school));
        for (Feed.Device device : List.of(first, second, first)) {
            Api.device(device.id())
                    .body(Api.checkIn())
                    .post("/api/v1/checkins")
                    .then()
                    .statusCode(200);
        }
        db.known(Feed.laptop(school).registeredAt(daysAgo(40)));
        // The charts count the devices the overdue job has marked.
        states.updateOverdue();

        assertThat(dailyCounts.count())
                .as("the one replica here takes the count")
                .isTrue();
        var daily = Api.auditor()
                .get("/api/v1/summary/daily")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(today(daily, "checkIns"))
                .as("every check-in of the day counts")
                .isEqualTo(before + 3);
        assertThat(today(daily, "overdue"))
                .as("today's overdue devices, as the summary counts them")
                .isEqualTo(Api.it()
                        .get("/api/v1/summary")
                        .then()
                        .extract()
                        .jsonPath()
                        .getLong("overdue"));
        assertThat(daily.getList("day", String.class))
                .last()
                .isEqualTo(LocalDate.now(clock.zone()).toString());

        Api.it()
                .queryParam("days", "91")
                .get("/api/v1/summary/daily")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("days"));
        Api.as("E-" + Feed.RUN, "STAFF").get("/api/v1/summary/daily").then().statusCode(403);
    }

    private long today(io.restassured.path.json.JsonPath daily, String field) {
        List<Map<String, Object>> days = daily.getList("");
        String today = LocalDate.now(clock.zone()).toString();
        return days.stream()
                .filter(d -> today.equals(d.get("day")))
                .map(d -> ((Number) d.get(field)).longValue())
                .findFirst()
                .orElse(0L);
    }
}
