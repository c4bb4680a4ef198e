package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.district.testing.TestTokens;

/**
 * What the district's people do through the public APIs, as the tests need it: IT registers people and devices and
 * assigns them, and enrols devices; the other services' read models are awaited by reading their databases (never
 * written). People's tokens are real access tokens of the tests' identity provider, asked for at each use (they live
 * five minutes; test-support keeps each until a minute before it expires).
 */
final class District {

    static final Duration PROPAGATION = Duration.ofSeconds(60);

    final DistrictSystem system;
    final String itId;
    final String hrId;
    final String auditorId;
    private final Map<UUID, String> credentials = new ConcurrentHashMap<>();

    District(DistrictSystem system) {
        this.system = system;
        this.itId = system.id("IT");
        this.hrId = system.id("HR");
        this.auditorId = system.id("AUD");
    }

    String itToken() {
        return TestTokens.token(itId, "IT_ADMIN");
    }

    String hrToken() {
        return TestTokens.token(hrId, "HR");
    }

    String auditorToken() {
        return TestTokens.token(auditorId, "AUDITOR");
    }

    /** A person as inventory shows them (with {@code id}, {@code districtId}, {@code email}). */
    record Person(UUID id, String districtId, String email) {
        String staffToken() {
            return TestTokens.token(districtId, "STAFF");
        }

        String supervisorToken() {
            return TestTokens.token(districtId, "SUPERVISOR");
        }
    }

    /** A device as inventory registered it. */
    record Device(UUID id, String assetTag, String serialNumber) {}

    /**
     * The Authorization header of the device's agent: {@code Device <credential>}, the credential IT issues at
     * enrolment (once per device; checkin-service must know the device). Devices never use the identity provider.
     */
    String deviceAuthorization(Device device) {
        return "Device "
                + credentials.computeIfAbsent(device.id(), id -> {
                    Http.Reply issued =
                            Http.post(system.checkin("/api/v1/devices/" + id + "/credential"), itToken(), Map.of());
                    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
                    return issued.json().get("credential").asText();
                });
    }

    Person employee(Person supervisor) {
        String districtId = system.id("E");
        ObjectNode body = Http.JSON
                .createObjectNode()
                .put("districtId", districtId)
                .put("givenName", "Pat")
                .put("familyName", "Employee " + districtId)
                .put("email", districtId.toLowerCase() + "@district.example")
                .put("kind", "EMPLOYEE")
                .put("school", system.school())
                .put("aupAcknowledgedOn", DistrictSystem.today().toString());
        if (supervisor != null) {
            body.put("supervisorDistrictId", supervisor.districtId());
        }
        Http.Reply created = Http.post(system.inventory("/api/v1/people"), itToken(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode p = created.json();
        return new Person(
                UUID.fromString(p.get("id").asText()),
                p.get("districtId").asText(),
                p.get("email").asText());
    }

    Device device(String type, boolean sensitive) {
        return device(system.school(), type, "Dell", "Latitude 5440", sensitive);
    }

    /** A district device IT registers, bought last summer, at that school with that make and model. */
    Device device(String school, String type, String make, String model, boolean sensitive) {
        String tag = system.id("TAG");
        ObjectNode body = Http.JSON
                .createObjectNode()
                .put("assetTag", tag)
                .put("serialNumber", "SN" + tag)
                .put("type", type)
                .put("make", make)
                .put("model", model)
                .put("school", school)
                .put("sensitiveData", sensitive);
        body.putObject("acquisition")
                .put("type", "PURCHASED")
                .put("vendor", "Dell")
                .put("purchaseOrder", "PO-" + tag)
                .put("cost", 1249.00)
                .put("acquiredOn", "2025-08-01");
        Http.Reply created = Http.post(system.inventory("/api/v1/devices"), itToken(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode d = created.json();
        return new Device(
                UUID.fromString(d.get("id").asText()),
                d.get("assetTag").asText(),
                d.get("serialNumber").asText());
    }

    /** IT records a charge of {@code amount} dollars against the person for damage to the device; its id. */
    String charge(Person person, Device device, String amount) {
        Http.Reply charged = Http.post(
                system.inventory("/api/v1/charges"),
                itToken(),
                Map.of(
                        "personId",
                        person.id().toString(),
                        "deviceId",
                        device.id().toString(),
                        "reason",
                        "DAMAGE",
                        "amount",
                        new java.math.BigDecimal(amount),
                        "description",
                        "Cracked screen"));
        assertThat(charged.status()).as(charged.toString()).isEqualTo(201);
        return charged.json().get("id").asText();
    }

    JsonNode assign(Device device, Person person) {
        Http.Reply assigned = Http.post(
                system.inventory("/api/v1/devices/" + device.id() + "/assignment"),
                itToken(),
                Map.of("personDistrictId", person.districtId()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        return assigned.json();
    }

    JsonNode inventoryDevice(Device device) {
        Http.Reply read = Http.get(system.inventory("/api/v1/devices/" + device.id()), itToken());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    String inventoryStatus(Device device) {
        return inventoryDevice(device).get("status").asText();
    }

    /** Waits until loss-report-service and checkin-service both hold the device with this status and holder. */
    void awaitReadModels(Device device, String status, Person holder) {
        String holderId = holder == null ? null : holder.districtId();
        await().atMost(PROPAGATION).untilAsserted(() -> {
            var lr = system.lossReportDb.rows(
                    "select status, assignee_district_id from device_view where id = ?", device.id());
            var ci = system.checkinDb.rows("select status, assignee_district_id from device where id = ?", device.id());
            assertThat(lr).as("loss-report read model of " + device.assetTag()).hasSize(1);
            assertThat(ci).as("checkin read model of " + device.assetTag()).hasSize(1);
            assertThat(lr.get(0).get("status")).isEqualTo(status);
            assertThat(ci.get(0).get("status")).isEqualTo(status);
            assertThat(Objects.toString(lr.get(0).get("assignee_district_id"), null))
                    .isEqualTo(holderId);
            assertThat(Objects.toString(ci.get(0).get("assignee_district_id"), null))
                    .isEqualTo(holderId);
        });
    }

    /** Waits until both read models know the person. */
    void awaitReadModels(Person person) {
        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(system.lossReportDb.count("select count(*) from person_view where id = ?", person.id()))
                    .isEqualTo(1);
            assertThat(system.checkinDb.count("select count(*) from person_view where id = ?", person.id()))
                    .isEqualTo(1);
        });
    }

    void awaitInventoryStatus(Device device, String status) {
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(inventoryStatus(device))
                .as("inventory status of " + device.assetTag())
                .isEqualTo(status));
    }
}
