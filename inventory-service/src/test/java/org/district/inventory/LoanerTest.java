package org.district.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.contracts.Topics;
import org.district.testing.KafkaProbe;
import org.district.testing.TestDb;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Loaners (an assignment with a due date), the list of those overdue, and a replacement for a lost device. */
@QuarkusTest
class LoanerTest {

    private static final String DEVICES = "/api/v1/devices/";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    private JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLoanerCarriesItsDueDateIntoTheDeviceItsSnapshotAndTheLoanList() {
        String person = Api.employee();
        String device = Api.registerLaptop(false);
        String dueOn = Api.today().plusDays(5).toString();
        try (KafkaProbe probe = KafkaProbe.fromNow(bootstrap, Topics.DEVICES)) {
            Api.it()
                    .body(Map.of("personDistrictId", person, "dueOn", dueOn, "note", "day loaner"))
                    .post(DEVICES + device + "/assignment")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ASSIGNED"))
                    .body("assignmentDueOn", equalTo(dueOn));
            ConsumerRecord<String, String> snapshot = probe.awaitRecord(
                    r -> device.equals(r.key()) && r.value().contains("\"ASSIGNED\""), Duration.ofSeconds(30));
            assertThat(json(snapshot).path("data").path("assignmentDueOn").asText())
                    .isEqualTo(dueOn);
        }
        Api.it().get(DEVICES + device + "/assignments").then().body("[0].dueOn", equalTo(dueOn));
        Api.auditor().get("/api/v1/loans").then().statusCode(200).body("deviceId", hasItem(device));
        Api.auditor()
                .queryParam("overdue", "true")
                .get("/api/v1/loans")
                .then()
                .statusCode(200)
                .body("deviceId", not(hasItem(device)));

        // Past its due date it is overdue, with the days counted.
        TestDb.of(dataSource)
                .execute(
                        "update assignment set due_on = current_date - 2 where device_id = ?::uuid and ended_at is null",
                        device);
        List<Map<String, Object>> overdue = Api.auditor()
                .queryParam("overdue", "true")
                .queryParam("limit", "200")
                .get("/api/v1/loans")
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.deviceId == '" + device + "' }");
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0)).containsEntry("daysOverdue", 2);
        assertThat(overdue.get(0).get("holder").toString()).contains(person);

        // Taken back: no longer a loan, and the due date leaves the device.
        Api.it().post(DEVICES + device + "/return").then().statusCode(200).body("assignmentDueOn", nullValue());
        Api.auditor().get("/api/v1/loans").then().body("deviceId", not(hasItem(device)));

        // Every bad parameter is named in one answer.
        Api.auditor()
                .queryParam("overdue", "perhaps")
                .queryParam("limit", "0")
                .get("/api/v1/loans")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("overdue", "limit"));
    }

    @Test
    void aLoanerDueDateOutsideTheNextYearOrAStaffCallerIsRefused() {
        String person = Api.employee();
        String device = Api.registerLaptop(false);
        Api.it()
                .body(Map.of(
                        "personDistrictId",
                        person,
                        "dueOn",
                        Api.today().minusDays(1).toString()))
                .post(DEVICES + device + "/assignment")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("dueOn"));
        Api.it()
                .body(Map.of(
                        "personDistrictId",
                        person,
                        "dueOn",
                        Api.today().plusDays(367).toString()))
                .post(DEVICES + device + "/assignment")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dueOn"));
        assertThat(Api.statusOf(device)).isEqualTo("IN_STOCK");
        org.district.testing.TestApi.as(person, "STAFF")
                .get("/api/v1/loans")
                .then()
                .statusCode(403);
        Api.auditor().queryParam("overdue", "maybe").get("/api/v1/loans").then().statusCode(400);
    }

    @Test
    void aReplacementForALostLaptopIsAssignedToItsHolderInOneStep() {
        String person = Api.employee();
        String lost = Api.registerLaptop(false);
        Api.assign(lost, person);
        Api.status(lost, "LOST").then().statusCode(200);
        String spare = Api.registerLaptop(false);
        String spareTag = Api.it().get(DEVICES + spare).then().extract().path("assetTag");
        String dueOn = Api.today().plusDays(14).toString();

        Api.it()
                .body(Map.of("assetTag", spareTag.toLowerCase(), "dueOn", dueOn, "note", "until the report closes"))
                .post(DEVICES + lost + "/replacement")
                .then()
                .statusCode(200)
                .body("id", equalTo(spare))
                .body("status", equalTo("ASSIGNED"))
                .body("assignee.districtId", equalTo(person))
                .body("assignmentDueOn", equalTo(dueOn));
        assertThat(Api.statusOf(lost)).isEqualTo("LOST");
        assertThat(Api.history(lost).get(0))
                .containsEntry("action", "REPLACEMENT_ISSUED")
                .extractingByKey("reason")
                .asString()
                .contains(spareTag)
                .contains(dueOn);
        assertThat(Api.history(spare).get(0).get("reason").toString()).contains("Replacement for");

        // Only a lost or stolen device is replaced this way, and the replacement must be in stock.
        Api.it()
                .body(Map.of("deviceId", spare))
                .post(DEVICES + lost + "/replacement")
                .then()
                .statusCode(409);
        Api.it()
                .body(Map.of("deviceId", lost))
                .post(DEVICES + spare + "/replacement")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:not-lost"));
        Api.it()
                .body(Map.of("note", "which one?"))
                .post(DEVICES + lost + "/replacement")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("deviceId"));
    }
}
