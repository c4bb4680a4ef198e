package org.district.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.district.console.api.Page;
import org.district.console.api.Views;
import org.district.console.api.Views.PersonalDevice;
import org.district.console.web.Failures.FieldError;
import org.junit.jupiter.api.Test;

/**
 * Personal devices: what the console reads of the inventory's answers, what it offers the owner, who it says decided,
 * and how its forms word the inventory's refusals (an owner whose Acceptable Use Policy acknowledgement is not current
 * is known by the problem's type).
 */
class PersonalDeviceFormsTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    /** The staff words by their names ("serialTaken"), with their arguments: enough to see which one is said. */
    private static final Staff WORDS = (Staff) Proxy.newProxyInstance(
            Staff.class.getClassLoader(), new Class<?>[] {Staff.class}, (proxy, method, args) -> {
                return switch (method.getName()) {
                    case "toString" -> "Staff words";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> args == null ? method.getName() : method.getName() + List.of(args);
                };
            });

    @Test
    void theConsoleReadsAPersonalDeviceAndItsStanding() throws Exception {
        PersonalDevice d = JSON.readValue(
                "{\"id\":\"8c1f4e2a-6b3d-4a5e-9f70-2d1c0b9a8e76\",\"assetTag\":\"P-7KQ2M9XD\",\"serialNumber\":"
                        + "\"C02XK1JHJG5J\",\"type\":\"LAPTOP\",\"make\":\"Apple\",\"model\":\"MacBook Air 13\","
                        + "\"school\":\"LINCOLN-HS\",\"deviceStatus\":\"ASSIGNED\",\"owner\":{\"id\":"
                        + "\"7d2e9c41-0b5a-4f3e-8c6d-2a9b1e4f7c30\",\"districtId\":\"E10234\",\"name\":\"Jordan"
                        + " Rivera\"},\"access\":\"APPROVED\",\"awaitingDecision\":true,\"purpose\":\"Grading\","
                        + "\"lockAndLocateConsent\":true,\"requestedAt\":\"2026-03-02T15:04:05Z\","
                        + "\"renewalRequestedAt\":\"2026-06-05T08:30:00Z\",\"expiresOn\":\"2026-06-30\","
                        + "\"renewableFrom\":\"2026-05-31\",\"decidedBy\":\"PRINCIPAL:E3001\",\"decidedAt\":"
                        + "\"2026-03-03T09:12:00Z\",\"newField\":1}",
                PersonalDevice.class);
        assertThat(d.description()).isEqualTo("Apple MacBook Air 13");
        assertThat(d.owner().name()).isEqualTo("Jordan Rivera");
        assertThat(d.expiresOn()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(d.renewalPending()).as("approved, and a renewal asked for").isTrue();
        assertThat(d.ended()).isFalse();

        Page<PersonalDevice> page = JSON.readValue(
                "{\"items\":[{\"id\":\"8c1f4e2a-6b3d-4a5e-9f70-2d1c0b9a8e76\",\"access\":\"REMOVED\","
                        + "\"reason\":\"Shared student records (ticket 4411)\",\"awaitingDecision\":false,"
                        + "\"lockAndLocateConsent\":false}],\"limit\":50,\"nextCursor\":\"abc\"}",
                JSON.getTypeFactory().constructParametricType(Page.class, PersonalDevice.class));
        assertThat(page.items().get(0).ended()).isTrue();
        assertThat(page.items().get(0).reason()).contains("4411");
        assertThat(page.hasNext()).isTrue();

        assertThat(JSON.writeValueAsString(
                        new Views.NewPersonalDevice("LAPTOP", "Apple", "MacBook Air 13", "C02X", "Grading", true)))
                .contains("\"serialNumber\":\"C02X\"")
                .contains("\"lockAndLocateConsent\":true");
        assertThat(JSON.writeValueAsString(new Views.PersonalDeviceDecision("REFUSE", "Use the district laptop")))
                .isEqualTo("{\"decision\":\"REFUSE\",\"reason\":\"Use the district laptop\"}");
    }

    @Test
    void theOwnerAsksAgainAfterAnEndAndRenewsFromThirtyDaysBeforeTheApprovalEnds() {
        assertThat(PersonalDevicePages.ownerAction(device("REFUSED", null, null, "ASSIGNED"), TODAY))
                .isEqualTo(PersonalDevicePages.ASK_AGAIN);
        assertThat(PersonalDevicePages.ownerAction(device("EXPIRED", null, null, "ASSIGNED"), TODAY))
                .isEqualTo(PersonalDevicePages.ASK_AGAIN);
        assertThat(PersonalDevicePages.ownerAction(device("REMOVED", null, null, "ASSIGNED"), TODAY))
                .isEqualTo(PersonalDevicePages.ASK_AGAIN);
        assertThat(PersonalDevicePages.ownerAction(device("PENDING", null, null, "ASSIGNED"), TODAY))
                .as("a request waits for its decision")
                .isNull();
        assertThat(PersonalDevicePages.ownerAction(device("APPROVED", TODAY.plusDays(1), null, "ASSIGNED"), TODAY))
                .as("not yet renewable")
                .isNull();
        assertThat(PersonalDevicePages.ownerAction(device("APPROVED", TODAY, null, "ASSIGNED"), TODAY))
                .isEqualTo(PersonalDevicePages.RENEW);
        assertThat(PersonalDevicePages.ownerAction(
                        device("APPROVED", TODAY.minusDays(3), Instant.parse("2026-06-08T10:00:00Z"), "ASSIGNED"),
                        TODAY))
                .as("a renewal already asked for")
                .isNull();
        assertThat(PersonalDevicePages.ownerAction(device("REMOVED", null, null, "RETIRED"), TODAY))
                .as("a deregistered device")
                .isNull();
    }

    @Test
    void theOwnerIsKnownByTheirDistrictIdInAnyCase() {
        PersonalDevice d = device("PENDING", null, null, "ASSIGNED");
        assertThat(PersonalDevicePages.owns(d, "e10234")).isTrue();
        assertThat(PersonalDevicePages.owns(d, "E3001")).isFalse();
        assertThat(PersonalDevicePages.owns(d, null)).isFalse();
    }

    @Test
    void whoDecidedIsSaidByTheirRoleNeverTheirId() {
        assertThat(PersonalDevicePages.decider("PRINCIPAL:E3001", WORDS)).isEqualTo("byPrincipal");
        assertThat(PersonalDevicePages.decider("IT_ADMIN:IT-0001", WORDS)).isEqualTo("byIt");
        assertThat(PersonalDevicePages.decider("STAFF:E2001", WORDS))
                .as("an approver the configuration names")
                .isEqualTo("byApprover");
        assertThat(PersonalDevicePages.decider("system", WORDS)).isEqualTo("bySystems");
        assertThat(PersonalDevicePages.decider("SYSTEM:checkin.personal-device-access.v1", WORDS))
                .isEqualTo("bySystems");
    }

    @Test
    void aSerialNumberAlreadyRegisteredIsSaidInThePersonsLanguageAtItsField() {
        List<FieldError> errors = PersonalDevicePages.refused(
                refused(
                        409,
                        "{\"type\":\"urn:district:problem:duplicate\",\"detail\":\"Another device already has this"
                                + " serialNumber.\",\"errors\":[{\"field\":\"serialNumber\",\"message\":\"is already"
                                + " used by another device.\"}]}"),
                WORDS);
        assertThat(errors).containsExactly(new FieldError("serialNumber", "serialTaken"));
    }

    @Test
    void theInventorysFieldMessagesStartWithTheFormsLabelsAndOthersStandAtTheFirstField() {
        List<FieldError> errors = PersonalDevicePages.inFormOrder(PersonalDevicePages.refused(
                refused(
                        400,
                        "{\"detail\":\"The request has invalid fields.\",\"errors\":[{\"field\":\"purpose\","
                                + "\"message\":\"size must be between 0 and 500\"},{\"field\":\"serialNumber\","
                                + "\"message\":\"must start with a letter or digit\"}]}"),
                WORDS));
        assertThat(errors)
                .containsExactly(
                        new FieldError("serialNumber", "serialNumber must start with a letter or digit."),
                        new FieldError("purpose", "purposeLabel size must be between 0 and 500."));
        assertThat(PersonalDevicePages.refused(
                        refused(
                                409,
                                "{\"type\":\"urn:district:problem:no-person-record\",\"detail\":\"The registry holds"
                                        + " no person record with your district id (E9).\"}"),
                        WORDS))
                .containsExactly(
                        new FieldError("type", "The registry holds no person record with your district id (E9)."));
    }

    @Test
    void anOwnerWithoutACurrentAcknowledgementIsKnownByTheProblemsType() {
        Failures.Refusal aup = Failures.refusal(refused(
                409,
                "{\"type\":\"urn:district:problem:aup-not-acknowledged\",\"title\":\"Conflict with the current"
                        + " state\",\"status\":409,\"detail\":\"Pat Lee (E1) has not acknowledged the Acceptable Use"
                        + " Policy in the last 365 days (last acknowledged: never).\"}"));
        assertThat(aup.is("aup-not-acknowledged")).isTrue();
        assertThat(aup.is("acknowledged"))
                .as("the whole kind, not a part of it")
                .isFalse();
        assertThat(Failures.refusal(refused(409, "{\"detail\":\"No type.\"}")).is("aup-not-acknowledged"))
                .isFalse();
    }

    @Test
    void aDecisionTheInventoryRefusesIsShownAtTheFormItConcerns() {
        Failures.Refusal decided = Failures.refusal(refused(
                409,
                "{\"type\":\"urn:district:problem:nothing-to-decide\",\"detail\":\"Access is APPROVED and no renewal"
                        + " was asked for.\"}"));
        assertThat(PersonalDevicePages.decisionErrors(decided, false, WORDS))
                .containsExactly(new FieldError("decide", "Access is APPROVED and no renewal was asked for."));
        Failures.Refusal tooLong = Failures.refusal(refused(
                400,
                "{\"detail\":\"The request has invalid fields.\",\"errors\":[{\"field\":\"reason\",\"message\":"
                        + "\"size must be between 0 and 500\"}]}"));
        assertThat(PersonalDevicePages.decisionErrors(tooLong, true, WORDS))
                .containsExactly(new FieldError("reason", "refuseReason size must be between 0 and 500."));
        assertThat(PersonalDevicePages.decisionErrors(tooLong, false, WORDS))
                .containsExactly(new FieldError("note", "approveNote size must be between 0 and 500."));
    }

    private static PersonalDevice device(
            String access, LocalDate renewableFrom, Instant renewalRequestedAt, String deviceStatus) {
        return new PersonalDevice(
                UUID.fromString("8c1f4e2a-6b3d-4a5e-9f70-2d1c0b9a8e76"),
                "P-7KQ2M9XD",
                "C02XK1JHJG5J",
                "LAPTOP",
                "Apple",
                "MacBook Air 13",
                "LINCOLN-HS",
                deviceStatus,
                new Views.PersonRef(UUID.randomUUID(), "E10234", "Jordan Rivera"),
                access,
                "PENDING".equals(access) || renewalRequestedAt != null,
                "Grading",
                true,
                Instant.parse("2026-03-02T15:04:05Z"),
                renewalRequestedAt,
                renewableFrom == null ? null : renewableFrom.plusDays(30),
                renewableFrom,
                null,
                null,
                null);
    }

    private static WebApplicationException refused(int status, String problem) {
        return new WebApplicationException(Response.status(status)
                .type("application/problem+json")
                .entity(problem)
                .build());
    }
}
