package org.district.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.district.contracts.Topics;
import org.district.support.health.KafkaHealthChecks;
import org.district.testing.KafkaProbe;
import org.district.testing.TestBroker;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * While the broker is down the registry keeps working: changes are accepted and held in the outbox, the service stays
 * ready (within the readiness grace period), health says Kafka is down, and the events are published once the broker is
 * back. Runs against the separate
 * "outage" broker, which only such tests stop.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.OutageBroker.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Points the service at the outage broker. */
    public static class OutageBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            TestBroker.start();
            return Map.of("kafka.bootstrap.servers", TestBroker.BOOTSTRAP);
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource ds;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void brokerBack() {
        TestBroker.start();
    }

    /** Status of the immediate broker check ("Kafka connection"), as the full health report shows it. */
    private static String kafkaCheck(JsonPath health) {
        return check(health, KafkaHealthChecks.CONNECTION, "status");
    }

    private static String check(JsonPath health, String name, String field) {
        List<Map<String, Object>> checks = health.getList("checks");
        return checks.stream()
                .filter(c -> name.equals(c.get("name")))
                .map(c -> field.equals("status")
                        ? String.valueOf(c.get("status"))
                        : String.valueOf(((Map<?, ?>) c.get("data")).get(field)))
                .findFirst()
                .orElse("MISSING");
    }

    private long unpublished(String key) {
        return Db.count(ds, "select count(*) from outbox_event where record_key = ? and published_at is null", key);
    }

    private void brokerUpAndHealthy() {
        assertThat(bootstrap).isEqualTo(TestBroker.BOOTSTRAP);
        TestBroker.start();
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        kafkaCheck(given().get("/q/health").jsonPath()))
                .isEqualTo("UP"));
    }

    @Test
    @Order(2)
    void aChangeMadeWhileTheBrokerIsDownIsPublishedExactlyOnceWhenItIsBack() throws Exception {
        brokerUpAndHealthy();
        try (KafkaProbe probe = KafkaProbe.fromNow(bootstrap, Topics.DEVICES)) {
            TestBroker.stop();

            // The registry answers at once: the snapshot waits in the outbox, committed with the device.
            String tag = Api.unique("OUTAGE");
            String id = Api.it()
                    .body(Api.purchasedLaptop(tag, false))
                    .post("/api/v1/devices")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Api.it().get("/api/v1/devices/" + id).then().statusCode(200);
            assertThat(unpublished(id)).isEqualTo(1);

            // The service stays live and ready to take changes; the overall health says Kafka is down, quickly.
            given().get("/q/health/live").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Response all = given().get("/q/health");
                assertThat(all.statusCode()).isEqualTo(503);
                assertThat(kafkaCheck(all.jsonPath())).isEqualTo("DOWN");
            });
            given().get("/q/health/well").then().statusCode(503);
            // Readiness covers the broker but keeps the replica in service through a short outage (the grace period):
            // it says the broker is unreachable and how many events wait.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Response ready = given().get("/q/health/ready");
                assertThat(ready.statusCode())
                        .as("ready while Kafka is down: " + ready.asString())
                        .isEqualTo(200);
                assertThat(check(ready.jsonPath(), KafkaHealthChecks.READINESS, "status"))
                        .isEqualTo("UP");
                assertThat(check(ready.jsonPath(), KafkaHealthChecks.READINESS, "reachable"))
                        .isEqualTo("false");
                assertThat(Long.parseLong(check(ready.jsonPath(), KafkaHealthChecks.READINESS, "outboxBacklog")))
                        .isGreaterThanOrEqualTo(1);
            });
            assertThat(unpublished(id)).as("still waiting in the outbox").isEqualTo(1);

            TestBroker.start();

            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> id.equals(r.key()), 1, WAIT);
            JsonNode envelope = mapper.readTree(records.get(0).value());
            assertThat(envelope.get("data").get("assetTag").asText()).isEqualTo(tag);
            assertThat(envelope.get("data").get("status").asText()).isEqualTo("IN_STOCK");
            await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(id) == 0);
            // Published exactly once: nothing more arrives for this device.
            assertThat(probe.readFor(r -> id.equals(r.key()), Duration.ofSeconds(3)))
                    .hasSize(1);
            await().atMost(WAIT).untilAsserted(() -> assertThat(
                            kafkaCheck(given().get("/q/health").jsonPath()))
                    .isEqualTo("UP"));
        }
    }

    @Test
    @Order(1)
    void severalChangesMadeWhileTheBrokerIsDownArriveInOrderOnceEach() throws Exception {
        brokerUpAndHealthy();
        String holder = Api.employee();
        try (KafkaProbe probe = KafkaProbe.fromNow(bootstrap, Topics.DEVICES)) {
            TestBroker.stop();
            String id = Api.registerLaptop(false);
            Api.assign(id, holder);
            Api.it()
                    .body(Map.of())
                    .post("/api/v1/devices/" + id + "/return")
                    .then()
                    .statusCode(200);
            assertThat(unpublished(id)).isEqualTo(3);

            TestBroker.start();

            probe.awaitRecords(r -> id.equals(r.key()), 3, WAIT);
            await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(id) == 0);
            List<ConsumerRecord<String, String>> records =
                    probe.readFor(r -> id.equals(r.key()), Duration.ofSeconds(3));
            List<String> changes = records.stream()
                    .map(r -> {
                        try {
                            return mapper.readTree(r.value())
                                    .get("data")
                                    .get("change")
                                    .asText();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            assertThat(changes).containsExactly("CREATED", "ASSIGNED", "RETURNED");
        }
    }
}
