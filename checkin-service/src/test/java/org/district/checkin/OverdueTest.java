package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OverdueTest {

    @Inject
    Db db;

    private static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void theOverdueListIncludesNeverSeenDevicesMostOverdueFirst() {
        String school = Feed.unique("SCHOOL");
        Feed.Person holder = Feed.person(school);
        Feed.Device neverSeen = db.known(Feed.laptop(school).registeredAt(daysAgo(30)));
        Feed.Device older = db.known(Feed.device(DeviceType.DESKTOP, school)
                .registeredAt(daysAgo(60))
                .assignedTo(holder, daysAgo(60)));
        Feed.Device fresh = db.known(Feed.laptop(school));
        Feed.Device seen = db.known(Feed.laptop(school).registeredAt(daysAgo(30)));
        Feed.Device retired =
                db.known(Feed.laptop(school).registeredAt(daysAgo(90)).withStatus(DeviceStatus.RETIRED));
        Feed.Device lost =
                db.known(Feed.laptop(school).registeredAt(daysAgo(90)).withStatus(DeviceStatus.LOST));
        Api.device(seen.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);

        Api.auditor()
                .queryParam("school", school)
                .get("/api/v1/devices/overdue")
                .then()
                .statusCode(200)
                .body(
                        "items.deviceId",
                        equalTo(List.of(older.id().toString(), neverSeen.id().toString())))
                .body("items[1].neverSeen", equalTo(true))
                .body("items[1].lastCheckInAt", nullValue())
                .body("items[1].daysOverdue", equalTo(30 - 21))
                .body("items[0].assigneeDistrictId", equalTo(holder.districtId()))
                .body("items[0].daysOverdue", equalTo(60 - 5));

        // Keyset pages.
        String cursor = Api.it()
                .queryParam("school", school)
                .queryParam("limit", 1)
                .get("/api/v1/devices/overdue")
                .then()
                .body("items", hasSize(1))
                .extract()
                .path("nextCursor");
        Api.it()
                .queryParam("school", school)
                .queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .get("/api/v1/devices/overdue")
                .then()
                .body("items.deviceId", equalTo(List.of(neverSeen.id().toString())))
                .body("nextCursor", nullValue());

        // Filters.
        Api.it()
                .queryParam("school", school)
                .queryParam("type", "DESKTOP")
                .get("/api/v1/devices/overdue")
                .then()
                .body("items.deviceId", equalTo(List.of(older.id().toString())));
        Api.it()
                .queryParam("assignee", holder.districtId())
                .get("/api/v1/devices/overdue")
                .then()
                .body("items.deviceId", equalTo(List.of(older.id().toString())));
        Api.it()
                .queryParam("school", school)
                .queryParam("status", "IN_STOCK")
                .get("/api/v1/devices/overdue")
                .then()
                .body("items.deviceId", equalTo(List.of(neverSeen.id().toString())));

        Api.it()
                .queryParam("school", school)
                .get("/api/v1/devices/overdue/counts")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("schools[0].school", equalTo(school))
                .body("schools[0].overdue", equalTo(2));

        String csv = Api.it()
                .queryParam("school", school)
                .get("/api/v1/devices/overdue/export")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv)
                .contains(neverSeen.assetTag())
                .contains(older.assetTag())
                .doesNotContain(fresh.assetTag());
        assertThat(csv).doesNotContain(retired.assetTag()).doesNotContain(lost.assetTag());

        // Once it checks in, the never-seen device is no longer overdue.
        Api.device(neverSeen.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);
        Api.it()
                .queryParam("school", school)
                .get("/api/v1/devices/overdue")
                .then()
                .body("items.deviceId", equalTo(List.of(older.id().toString())))
                .body(
                        "items.deviceId",
                        not(org.hamcrest.Matchers.hasItem(seen.id().toString())));
    }

    /**
     * The shipped grace of each type (application.properties, docs/checkin-service.md): a device silent one day longer
     * than its type's grace is overdue, one silent exactly as long is not.
     */
    @Test
    void eachTypeHasTheGraceItsUseCallsFor() {
        Map<DeviceType, Integer> shipped = Map.of(
                DeviceType.DESKTOP, 5,
                DeviceType.LAPTOP, 21,
                DeviceType.CHROMEBOOK, 21,
                DeviceType.TABLET, 21,
                DeviceType.SMARTPHONE, 7,
                DeviceType.MESSAGING_DEVICE, 7,
                // no grace of its own: the default
                DeviceType.OTHER, 14);
        assertThat(shipped.keySet()).as("every type has its own grace").containsExactlyInAnyOrder(DeviceType.values());
        String school = Feed.unique("GRACE");
        List<String> overdue = new java.util.ArrayList<>();
        for (Map.Entry<DeviceType, Integer> type : shipped.entrySet()) {
            int grace = type.getValue();
            overdue.add(db.known(Feed.device(type.getKey(), school).registeredAt(daysAgo(grace + 1)))
                    .id()
                    .toString());
            db.known(Feed.device(type.getKey(), school).registeredAt(daysAgo(grace)));
        }
        Api.it()
                .queryParam("school", school)
                .get("/api/v1/devices/overdue")
                .then()
                .statusCode(200)
                .body("items.deviceId", containsInAnyOrder(overdue.toArray()))
                .body("items.daysOverdue", everyItem(equalTo(1)));
    }

    @Test
    void refusesBadFiltersAndOtherRoles() {
        Api.it()
                .queryParam("type", "PHABLET")
                .get("/api/v1/devices/overdue")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        Api.it()
                .queryParam("status", "RETIRED")
                .get("/api/v1/devices/overdue")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Api.it()
                .queryParam("limit", "5000")
                .get("/api/v1/devices/overdue")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        // Every bad parameter of one request is named, the page's and the filters' alike.
        Api.it()
                .queryParam("limit", "5000")
                .queryParam("cursor", "%%%")
                .queryParam("type", "TOASTER")
                .queryParam("status", "RETIRED")
                .get("/api/v1/devices/overdue")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("type", "status", "limit", "cursor"));
        Api.it()
                .queryParam("limit", "0")
                .queryParam("type", "TOASTER")
                .get("/api/v1/compliance")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("type", "limit"));
        Api.it()
                .queryParam("cursor", "%%%")
                .get("/api/v1/devices/overdue")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        Api.it()
                .queryParam("cursor", Cursor.of("garbage"))
                .get("/api/v1/devices/overdue")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Api.as("E1", "STAFF").get("/api/v1/devices/overdue").then().statusCode(403);
        Api.as("H1", "HR").get("/api/v1/devices/overdue/export").then().statusCode(403);
        // A device's credential admits it to its check-in only.
        Api.device(db.known(Feed.laptop("LINCOLN-HS")).id())
                .get("/api/v1/devices/overdue/counts")
                .then()
                .statusCode(403);
        io.restassured.RestAssured.get("/api/v1/devices/overdue").then().statusCode(401);
    }

    /** Builds cursors the service did not issue. */
    static final class Cursor {
        static String of(String key) {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes());
        }
    }
}
