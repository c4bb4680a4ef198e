package org.district.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.testing.KafkaProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every change reaches Kafka as a full snapshot, keyed by id, with the documented headers and envelope. */
@QuarkusTest
class EventPublicationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    private JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void deviceChangesArePublishedAsSnapshotsInOrder() {
        String person = Api.employee();
        try (KafkaProbe probe = KafkaProbe.fromNow(bootstrap, Topics.DEVICES)) {
            String tag = Api.unique("EVT");
            Map<String, Object> body = new HashMap<>(Api.purchasedLaptop(tag, true));
            String id = Api.it()
                    .header("X-Correlation-Id", "corr-register-" + tag)
                    .body(body)
                    .post("/api/v1/devices")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String serial =
                    Api.it().get("/api/v1/devices/" + id).then().extract().path("serialNumber");
            body.put("serialNumber", serial);
            body.put("model", "Latitude 7450");
            Api.it()
                    .header("X-Correlation-Id", "corr-update-" + tag)
                    .body(body)
                    .put("/api/v1/devices/" + id)
                    .then()
                    .statusCode(200);
            Api.it()
                    .header("X-Correlation-Id", "corr-assign-" + tag)
                    .body(Map.of("personDistrictId", person))
                    .post("/api/v1/devices/" + id + "/assignment")
                    .then()
                    .statusCode(200);

            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> id.equals(r.key()), 3, WAIT);
            assertThat(records).hasSize(3);
            assertThat(records)
                    .extracting(ConsumerRecord::partition)
                    .containsOnly(records.get(0).partition());
            List<String> steps = List.of("register", "update", "assign");
            List<String> changes = List.of("CREATED", "UPDATED", "ASSIGNED");
            long previousVersion = -1;
            for (int i = 0; i < 3; i++) {
                ConsumerRecord<String, String> record = records.get(i);
                JsonNode envelope = json(record);
                JsonNode data = envelope.get("data");
                assertThat(KafkaProbe.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("DeviceSnapshot");
                assertThat(KafkaProbe.header(record, EventHeaders.SCHEMA_VERSION))
                        .isEqualTo("1");
                assertThat(KafkaProbe.header(record, EventHeaders.AGGREGATE_TYPE))
                        .isEqualTo("Device");
                assertThat(KafkaProbe.header(record, EventHeaders.OCCURRED_AT)).isNotBlank();
                assertThat(KafkaProbe.header(record, EventHeaders.CORRELATION_ID))
                        .isEqualTo("corr-" + steps.get(i) + "-" + tag);
                assertThat(KafkaProbe.header(record, EventHeaders.EVENT_ID))
                        .isEqualTo(envelope.get("eventId").asText());
                assertThat(envelope.get("eventType").asText()).isEqualTo("DeviceSnapshot");
                assertThat(envelope.get("aggregateId").asText()).isEqualTo(id);
                assertThat(envelope.get("correlationId").asText()).isEqualTo("corr-" + steps.get(i) + "-" + tag);
                long version = envelope.get("aggregateVersion").asLong();
                assertThat(version).isGreaterThan(previousVersion);
                assertThat(data.get("version").asLong()).isEqualTo(version);
                previousVersion = version;
                assertThat(data.get("id").asText()).isEqualTo(id);
                assertThat(data.get("change").asText()).isEqualTo(changes.get(i));
                assertThat(data.get("assetTag").asText()).isEqualTo(tag);
                assertThat(data.get("serialNumber").asText()).isEqualTo(serial);
                assertThat(data.get("sensitiveData").asBoolean()).isTrue();
                assertThat(data.get("acquisitionType").asText()).isEqualTo("PURCHASED");
                assertThat(data.get("cost").decimalValue()).isEqualByComparingTo("1249.00");
                assertThat(data.get("acquiredOn").asText()).isEqualTo("2025-08-01");
                assertThat(data.get("warrantyEnd").asText()).isEqualTo("2028-08-01");
                assertThat(data.get("school").asText()).isEqualTo("LINCOLN-HS");
            }
            JsonNode created = json(records.get(0)).get("data");
            assertThat(created.get("status").asText()).isEqualTo("IN_STOCK");
            assertThat(created.get("model").asText()).isEqualTo("Latitude 5440");
            assertThat(created.get("assigneeId").isNull()).isTrue();
            assertThat(json(records.get(1)).get("data").get("model").asText()).isEqualTo("Latitude 7450");
            JsonNode assigned = json(records.get(2)).get("data");
            assertThat(assigned.get("status").asText()).isEqualTo("ASSIGNED");
            assertThat(assigned.get("assigneeDistrictId").asText()).isEqualTo(person);
            assertThat(assigned.get("assigneeId").asText()).isEqualTo(Api.personId(person));
            assertThat(assigned.get("assignedAt").asText()).isNotBlank();
        }
    }

    @Test
    void aRefusedChangePublishesNothing() {
        String id = Api.registerLaptop(false);
        try (KafkaProbe probe = KafkaProbe.fromNow(bootstrap, Topics.DEVICES)) {
            Api.status(id, "WRITTEN_OFF").then().statusCode(409);
            Api.status(id, "IN_REPAIR").then().statusCode(200);
            // The later, accepted change arrives; nothing came before it for this device.
            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> id.equals(r.key()), 1, WAIT);
            assertThat(records).hasSize(1);
            assertThat(json(records.get(0)).get("data").get("status").asText()).isEqualTo("IN_REPAIR");
        }
    }

    @Test
    void personChangesArePublishedOnThePeopleTopic() {
        try (KafkaProbe probe = KafkaProbe.fromNow(bootstrap, Topics.PEOPLE)) {
            String supervisor = Api.employee();
            String districtId = Api.unique("E");
            String id = Api.it()
                    .header("X-Correlation-Id", "corr-person-" + districtId)
                    .body(Api.person(districtId, supervisor, LocalDate.of(2026, 1, 10)))
                    .post("/api/v1/people")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Api.it()
                    .post("/api/v1/people/" + id + "/aup-acknowledgement")
                    .then()
                    .statusCode(200);

            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> id.equals(r.key()), 2, WAIT);
            JsonNode created = json(records.get(0));
            assertThat(KafkaProbe.header(records.get(0), EventHeaders.EVENT_TYPE))
                    .isEqualTo("PersonSnapshot");
            assertThat(KafkaProbe.header(records.get(0), EventHeaders.CORRELATION_ID))
                    .isEqualTo("corr-person-" + districtId);
            assertThat(created.get("aggregateType").asText()).isEqualTo("Person");
            JsonNode data = created.get("data");
            assertThat(data.get("change").asText()).isEqualTo("CREATED");
            assertThat(data.get("districtId").asText()).isEqualTo(districtId);
            assertThat(data.get("email").asText()).isEqualTo(districtId.toLowerCase() + "@district.example");
            assertThat(data.get("kind").asText()).isEqualTo("EMPLOYEE");
            assertThat(data.get("supervisorId").asText()).isEqualTo(Api.personId(supervisor));
            assertThat(data.get("active").asBoolean()).isTrue();
            assertThat(data.get("aupAcknowledgedOn").asText()).isEqualTo("2026-01-10");

            JsonNode acknowledged = json(records.get(1));
            assertThat(acknowledged.get("aggregateVersion").asLong())
                    .isGreaterThan(created.get("aggregateVersion").asLong());
            assertThat(acknowledged.get("data").get("aupAcknowledgedOn").asText())
                    .isEqualTo(Api.today().toString());
        }
    }
}
