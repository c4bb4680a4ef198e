package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.checkin.service.ReturnTaskService;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.contracts.checkin.DeviceReturned;
import org.district.contracts.checkin.DeviceSeenAfterDeparture;
import org.district.contracts.checkin.ReturnTaskOpened;
import org.district.contracts.checkin.ReturnTaskOverdue;
import org.district.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReturnOnDepartureTest {

    @Inject
    Db db;

    @Inject
    ReturnTaskService returnTasks;

    private static boolean is(ConsumerRecord<String, String> r, String type) {
        return type.equals(KafkaProbe.header(r, EventHeaders.EVENT_TYPE));
    }

    @Test
    void offboardingOpensTasksForExactlyThePersonsDevices() {
        String school = Feed.unique("SCHOOL");
        Feed.Person leaving = db.known(Feed.person(school));
        Feed.Person staying = db.known(Feed.person(school));
        Instant now = Instant.now();
        Feed.Device laptop = db.known(Feed.laptop(school).sensitive().assignedTo(leaving, now));
        Feed.Device tablet = db.known(Feed.device(org.district.contracts.inventory.DeviceType.TABLET, school)
                .assignedTo(leaving, now));
        Feed.Device ownPhone = db.known(Feed.device(org.district.contracts.inventory.DeviceType.SMARTPHONE, school)
                .personal()
                .assignedTo(leaving, now));
        Feed.Device colleagues = db.known(Feed.laptop(school).assignedTo(staying, now));
        LocalDate lastDay = LocalDate.now().plusDays(7);

        try (KafkaProbe probe = KafkaProbe.fromNow(Feed.BOOTSTRAP, Topics.RETURN_TASKS)) {
            Response created = Api.as("HR-" + Feed.RUN, "HR")
                    .body(Map.of("districtId", leaving.districtId(), "lastWorkingDay", lastDay.toString()))
                    .post("/api/v1/offboardings");
            created.then()
                    .statusCode(201)
                    .body("personId", equalTo(leaving.id().toString()))
                    .body("tasksOpened", equalTo(2))
                    .body("openTasks", hasSize(2));
            assertThat(created.<List<String>>path("openTasks.deviceId"))
                    .containsExactlyInAnyOrder(
                            laptop.id().toString(), tablet.id().toString());
            assertThat(created.<String>path("openTasks.find { it.sensitiveData }.returnTo"))
                    .contains("directly to district IT");

            List<ConsumerRecord<String, String>> opened = probe.awaitRecords(
                    r -> is(r, ReturnTaskOpened.TYPE)
                            && Set.of(laptop.id().toString(), tablet.id().toString())
                                    .contains(r.key()),
                    2,
                    Duration.ofSeconds(30));
            Map<String, ReturnTaskOpened> byDevice = opened.stream()
                    .collect(Collectors.toMap(ConsumerRecord::key, r -> Feed.read(r.value(), ReturnTaskOpened.class)));
            assertThat(byDevice.get(laptop.id().toString()).sensitiveData()).isTrue();
            assertThat(byDevice.get(tablet.id().toString()).sensitiveData()).isFalse();
            assertThat(byDevice.get(tablet.id().toString()).dueOn()).isEqualTo(lastDay);
            assertThat(byDevice.get(tablet.id().toString()).personId()).isEqualTo(leaving.id());
        }

        // Asked again (HR posting twice): nothing new.
        Api.as("HR-" + Feed.RUN, "HR")
                .body(Map.of("personId", leaving.id().toString(), "lastWorkingDay", lastDay.toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(201)
                .body("tasksOpened", equalTo(0))
                .body("openTasks", hasSize(2));
        assertThat(db.count("select count(*) from return_task where person_id = ?", leaving.id()))
                .isEqualTo(2);
        assertThat(db.count(
                        "select count(*) from return_task where device_id in (?, ?)", ownPhone.id(), colleagues.id()))
                .isZero();

        Api.as("HR-" + Feed.RUN, "HR")
                .queryParam("school", school)
                .queryParam("status", "OPEN")
                .queryParam("dueFrom", lastDay.toString())
                .queryParam("dueTo", lastDay.toString())
                .get("/api/v1/return-tasks")
                .then()
                .statusCode(200)
                .body("items", hasSize(2));
        Api.auditor()
                .queryParam("school", school)
                .queryParam("dueTo", lastDay.minusDays(1).toString())
                .get("/api/v1/return-tasks")
                .then()
                .body("items", hasSize(0));
        Api.as("E1", "STAFF").get("/api/v1/return-tasks").then().statusCode(403);
        Api.auditor()
                .queryParam("status", "OPEN,LATE")
                .queryParam("person", "someone")
                .queryParam("dueFrom", lastDay.toString())
                .queryParam("dueTo", lastDay.minusDays(1).toString())
                .get("/api/v1/return-tasks")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("status", "person", "dueTo"));
    }

    @Test
    void itReceivesAReturnedDeviceOnce() {
        String school = Feed.unique("SCHOOL");
        Feed.Person leaving = db.known(Feed.person(school));
        Feed.Device laptop = db.known(Feed.laptop(school).assignedTo(leaving, Instant.now()));
        String taskId = Api.as("H1", "HR")
                .body(Map.of(
                        "personId",
                        leaving.id().toString(),
                        "lastWorkingDay",
                        LocalDate.now().toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(201)
                .extract()
                .path("openTasks[0].id");

        Api.auditor()
                .body(Map.of())
                .post("/api/v1/return-tasks/" + taskId + "/returned")
                .then()
                .statusCode(403);
        Api.as("H1", "HR")
                .body(Map.of())
                .post("/api/v1/return-tasks/" + taskId + "/returned")
                .then()
                .statusCode(403);
        try (KafkaProbe probe = KafkaProbe.fromNow(Feed.BOOTSTRAP, Topics.RETURN_TASKS)) {
            Api.it()
                    .body(Map.of("note", "Charger missing"))
                    .post("/api/v1/return-tasks/" + taskId + "/returned")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("RETURNED"))
                    .body("receivedBy", equalTo("IT_ADMIN:IT-" + Feed.RUN));
            ConsumerRecord<String, String> record = probe.awaitRecord(
                    r -> is(r, DeviceReturned.TYPE) && laptop.id().toString().equals(r.key()), Duration.ofSeconds(30));
            DeviceReturned returned = Feed.read(record.value(), DeviceReturned.class);
            assertThat(returned.personId()).isEqualTo(leaving.id());
            assertThat(returned.note()).isEqualTo("Charger missing");
        }
        Api.it()
                .body(Map.of())
                .post("/api/v1/return-tasks/" + taskId + "/returned")
                .then()
                .statusCode(200);
        assertThat(db.count(
                        "select count(*) from outbox_event where record_key = ? and event_type = ?",
                        laptop.id().toString(),
                        DeviceReturned.TYPE))
                .isEqualTo(1);
        Api.it()
                .body(Map.of())
                .post("/api/v1/return-tasks/not-a-task/returned")
                .then()
                .statusCode(404);
    }

    @Test
    void anOverdueTaskEscalatesOnceAndADeviceUsedAfterDepartureRaisesAnAlert() {
        String school = Feed.unique("SCHOOL");
        Feed.Person leaving = db.known(Feed.person(school));
        Feed.Device laptop = db.known(Feed.laptop(school).assignedTo(leaving, Instant.now()));
        LocalDate yesterday = LocalDate.now().minusDays(1);

        try (KafkaProbe tasks = KafkaProbe.fromNow(Feed.BOOTSTRAP, Topics.RETURN_TASKS);
                KafkaProbe alerts = KafkaProbe.fromNow(Feed.BOOTSTRAP, Topics.DEVICE_ALERTS)) {
            // HR's system publishes the offboarding on Kafka: the same logic as the REST endpoint.
            Feed.offboardingRequested(leaving, yesterday);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> db.count("select count(*) from return_task where person_id = ?", leaving.id()) == 1);
            // The scheduled job may get there first; either way the task escalates exactly once.
            returnTasks.escalateOverdue();
            assertThat(db.text("select status from return_task where person_id = ?", leaving.id()))
                    .isEqualTo("OVERDUE");
            ConsumerRecord<String, String> overdue = tasks.awaitRecord(
                    r -> is(r, ReturnTaskOverdue.TYPE) && laptop.id().toString().equals(r.key()),
                    Duration.ofSeconds(30));
            assertThat(Feed.read(overdue.value(), ReturnTaskOverdue.class).dueOn())
                    .isEqualTo(yesterday);

            // The departed person's laptop is still in use on the network.
            Api.device(laptop.id())
                    .body(Api.checkIn())
                    .post("/api/v1/checkins")
                    .then()
                    .statusCode(200);
            ConsumerRecord<String, String> alert = alerts.awaitRecord(
                    r -> is(r, DeviceSeenAfterDeparture.TYPE)
                            && laptop.id().toString().equals(r.key()),
                    Duration.ofSeconds(30));
            DeviceSeenAfterDeparture seen = Feed.read(alert.value(), DeviceSeenAfterDeparture.class);
            assertThat(seen.personId()).isEqualTo(leaving.id());
            assertThat(seen.lastWorkingDay()).isEqualTo(yesterday);
            assertThat(seen.site()).isEqualTo("LINCOLN-HS");
        }
        returnTasks.escalateOverdue();
        assertThat(db.count(
                        "select count(*) from outbox_event where record_key = ? and event_type = ?",
                        laptop.id().toString(),
                        ReturnTaskOverdue.TYPE))
                .isEqualTo(1);
    }

    @Test
    void refusesBadOffboardingsNamingTheField() {
        String hr = "HR-BAD-" + Feed.RUN;
        Api.as(hr, "HR")
                .body(Map.of(
                        "districtId",
                        "E-NOBODY-" + Feed.RUN,
                        "lastWorkingDay",
                        LocalDate.now().toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("districtId"));
        Api.as(hr, "HR")
                .body(Map.of("districtId", "E1"))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lastWorkingDay"));
        Api.as(hr, "HR")
                .body(Map.of("lastWorkingDay", LocalDate.now().toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("personId"));
        Api.as(hr, "HR")
                .body(Map.of(
                        "districtId",
                        "E1",
                        "lastWorkingDay",
                        LocalDate.now().plusYears(5).toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lastWorkingDay"));
        Api.as(hr, "HR")
                .body(Map.of("districtId", "E1", "lastWorkingDay", "next friday"))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lastWorkingDay"));
        Api.as("E1", "STAFF")
                .body(Map.of(
                        "districtId", "E1", "lastWorkingDay", LocalDate.now().toString()))
                .post("/api/v1/offboardings")
                .then()
                .statusCode(403);
        assertThat(db.count("select count(*) from offboarding where requested_by = ?", "HR:" + hr))
                .isZero();
    }
}
