package org.district.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.district.contracts.checkin.DeviceCheckInState;
import org.district.contracts.checkin.DeviceReturned;
import org.district.contracts.checkin.DeviceSeenAfterDeparture;
import org.district.contracts.checkin.LostDeviceSeen;
import org.district.contracts.checkin.PersonalDeviceAccessRemoved;
import org.district.contracts.checkin.ReturnReason;
import org.district.contracts.checkin.ReturnTaskOpened;
import org.district.contracts.checkin.ReturnTaskOverdue;
import org.district.contracts.checkin.ReturnTaskReminder;
import org.district.contracts.hr.OffboardingRequested;
import org.district.contracts.inventory.ChargeReason;
import org.district.contracts.inventory.ChargeSnapshot;
import org.district.contracts.inventory.ChargeStatus;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.inventory.PersonKind;
import org.district.contracts.inventory.PersonSnapshot;
import org.district.contracts.inventory.PersonalAccess;
import org.district.contracts.inventory.PersonalAccessStatus;
import org.district.contracts.inventory.PersonalDeviceDecision;
import org.district.contracts.inventory.PersonalDeviceStep;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReportUpdated;
import org.district.contracts.lossreport.LossReportWrittenOff;
import org.district.contracts.lossreport.LossReported;
import org.district.contracts.lossreport.NotificationDeadLettered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every contract record survives a JSON round trip the way the services write and read it (ISO-8601 dates, enum
 * names), and the envelope carries the field names documented in docs/events.md.
 */
class ContractRoundTripTest {

    private static final ObjectMapper MAPPER = WireJson.MAPPER;

    private static final Instant AT = Instant.parse("2026-09-01T08:30:00.123456Z");
    private static final LocalDate DAY = LocalDate.of(2026, 9, 1);

    static Stream<Object> records() {
        UUID device = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID report = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        return Stream.of(
                new DeviceSnapshot(
                        device,
                        3,
                        "ASSIGNED",
                        "LHS-0001",
                        "SN-ABC",
                        DeviceType.CHROMEBOOK,
                        "Acer",
                        "C741",
                        "LINCOLN-HS",
                        Ownership.DISTRICT,
                        DeviceStatus.ASSIGNED,
                        true,
                        person,
                        "E1001",
                        AT,
                        "PURCHASED",
                        "Acer Inc",
                        "PO-1",
                        new BigDecimal("329.99"),
                        DAY,
                        null,
                        DAY.plusYears(3),
                        null,
                        AT,
                        null,
                        null),
                new DeviceSnapshot(
                        device,
                        4,
                        "PERSONAL_ACCESS_CHANGED",
                        "P-7K3M9Q2A",
                        "C02XL0GHJGH5",
                        DeviceType.LAPTOP,
                        "Apple",
                        "MacBook Air 13",
                        "LINCOLN-HS",
                        Ownership.PERSONAL,
                        DeviceStatus.ASSIGNED,
                        true,
                        person,
                        "E1001",
                        AT,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        AT,
                        null,
                        new PersonalAccess(PersonalAccessStatus.APPROVED, true, DAY.plusMonths(10))),
                new PersonalAccess(PersonalAccessStatus.EXPIRED, false, DAY),
                new PersonalDeviceDecision(
                        UUID.randomUUID(),
                        device,
                        "P-7K3M9Q2A",
                        "LAPTOP, Apple MacBook Air 13",
                        "LINCOLN-HS",
                        person,
                        "E1001",
                        PersonalDeviceStep.APPROVED,
                        null,
                        DAY,
                        List.of("E3001"),
                        "PRINCIPAL:E3001",
                        AT),
                new PersonSnapshot(
                        person,
                        1,
                        "CREATED",
                        "E1001",
                        "Pat",
                        "Teacher",
                        "pat@district.example",
                        PersonKind.EMPLOYEE,
                        "LINCOLN-HS",
                        UUID.randomUUID(),
                        true,
                        null,
                        DAY,
                        AT),
                new ChargeSnapshot(
                        UUID.randomUUID(),
                        2,
                        "PAYMENT_RECORDED",
                        person,
                        device,
                        ChargeReason.DAMAGE,
                        new BigDecimal("150.00"),
                        new BigDecimal("100.00"),
                        new BigDecimal("0.00"),
                        new BigDecimal("50.00"),
                        ChargeStatus.OPEN,
                        AT,
                        AT),
                new LossReported(
                        report,
                        "LR-2026-000042",
                        device,
                        "LHS-0001",
                        LossKind.STOLEN,
                        "E1001",
                        person,
                        "LINCOLN-HS",
                        AT,
                        "Bus 12",
                        "Left on the bus",
                        true,
                        "City PD",
                        "2026-555",
                        false,
                        AT),
                new LossReportUpdated(
                        report, device, LossKind.LOST, false, null, null, true, "reclassified", "IT-1", AT),
                new LossReportRecovered(report, device, AT, "IT-1", "found in the gym"),
                new LossReportWrittenOff(report, device, new BigDecimal("350.00"), AT, "IT-1", "never found"),
                new ReturnTaskOpened(task, device, person, DAY, true, AT),
                new DeviceReturned(task, device, person, AT, "IT-1", "boxed"),
                new ReturnTaskOverdue(task, device, person, DAY, AT),
                new ReturnTaskOverdue(task, device, person, DAY, AT, ReturnReason.LOAN, 2),
                new ReturnTaskReminder(
                        task, device, person, DAY, ReturnReason.LOAN, ReturnTaskReminder.Reminder.DUE_TODAY, AT),
                new LostDeviceSeen(device, AT, "LINCOLN-HS", "10.1.2.3", true, "203.0.113.45"),
                new LostDeviceSeen(device, AT, "LINCOLN-HS", "10.1.2.3", true, null),
                new DeviceSeenAfterDeparture(device, person, DAY, AT, "LINCOLN-HS", "10.1.2.3"),
                new DeviceCheckInState(
                        device,
                        5,
                        DeviceCheckInState.Change.COMMAND_COMPLETED,
                        false,
                        List.of("PATCHES_TOO_OLD"),
                        true,
                        DAY,
                        DAY.minusDays(1),
                        AT,
                        new DeviceCheckInState.LastCommand(
                                UUID.randomUUID(),
                                DeviceCheckInState.CommandType.LOCK,
                                DeviceCheckInState.CommandResult.DONE,
                                AT),
                        AT),
                new PersonalDeviceAccessRemoved(
                        UUID.randomUUID(),
                        device,
                        "C02XL0GHJGH5",
                        "E1001",
                        "LINCOLN-HS",
                        PersonalDeviceAccessRemoved.Reason.NON_COMPLIANT,
                        List.of("DISK_ENCRYPTION_OFF"),
                        AT),
                new OffboardingRequested(person, "E1001", DAY, "HR-7", AT),
                new NotificationDeadLettered(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        LossReported.TYPE,
                        report,
                        device,
                        "EMAIL",
                        5,
                        "550 mailbox unavailable",
                        AT));
    }

    @ParameterizedTest
    @MethodSource("records")
    void eachRecordSurvivesAJsonRoundTrip(Object record) throws Exception {
        String json = MAPPER.writeValueAsString(record);
        Object back = MAPPER.readValue(json, record.getClass());
        assertThat(back).isEqualTo(record);
        // Dates travel as ISO-8601 text, never as numbers, so any reader (or a person) can read them.
        assertThat(json).doesNotContain("\"1.7").contains("2026-09-01");
    }

    @ParameterizedTest
    @MethodSource("records")
    void eachRecordSurvivesTheEnvelope(Object record) throws Exception {
        EventEnvelope<Object> envelope =
                new EventEnvelope<>(UUID.randomUUID(), "Type", 1, AT, "Aggregate", "agg-1", 7L, "corr-1", record);
        String json = MAPPER.writeValueAsString(envelope);
        JsonNode tree = MAPPER.readTree(json);
        Object data = MAPPER.treeToValue(tree.get("data"), record.getClass());
        // Consumers read the payload from a JSON tree, where a decimal may lose trailing zeros but not its value.
        assertThat(data)
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(record);
    }

    @Test
    void envelopeCarriesTheDocumentedFieldNames() throws Exception {
        UUID eventId = UUID.randomUUID();
        LossReportRecovered payload = new LossReportRecovered(UUID.randomUUID(), UUID.randomUUID(), AT, "IT-1", null);
        EventEnvelope<LossReportRecovered> envelope = new EventEnvelope<>(
                eventId,
                LossReportRecovered.TYPE,
                LossReportRecovered.SCHEMA_VERSION,
                AT,
                "LossReport",
                payload.reportId().toString(),
                4L,
                "corr-9",
                payload);
        JsonNode tree = MAPPER.readTree(MAPPER.writeValueAsString(envelope));
        Set<String> names = new java.util.HashSet<>();
        tree.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "eventId",
                        "eventType",
                        "schemaVersion",
                        "occurredAt",
                        "aggregateType",
                        "aggregateId",
                        "aggregateVersion",
                        "correlationId",
                        "data");
        assertThat(tree.get("eventId").asText()).isEqualTo(eventId.toString());
        assertThat(tree.get("eventType").asText()).isEqualTo("LossReportRecovered");
        assertThat(tree.get("occurredAt").asText()).isEqualTo("2026-09-01T08:30:00.123456Z");

        EventEnvelope<LossReportRecovered> back =
                MAPPER.readValue(MAPPER.writeValueAsString(envelope), new TypeReference<>() {});
        assertThat(back).isEqualTo(envelope);
    }

    @Test
    void everyPayloadRecordHasARoundTripCase() throws Exception {
        Path root = Path.of(
                Topics.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> payloads = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()));
                if (type.isRecord() && type != EventEnvelope.class && type.getEnclosingClass() == null) {
                    payloads.add(type);
                }
            }
        }
        Set<Class<?>> covered = records().map(Object::getClass).collect(java.util.stream.Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(payloads);
    }

    @Test
    void enumsTravelByName() throws Exception {
        assertThat(MAPPER.writeValueAsString(DeviceStatus.WRITTEN_OFF)).isEqualTo("\"WRITTEN_OFF\"");
        assertThat(MAPPER.readValue("\"MESSAGING_DEVICE\"", DeviceType.class)).isEqualTo(DeviceType.MESSAGING_DEVICE);
        assertThat(MAPPER.readValue("\"STOLEN\"", LossKind.class)).isEqualTo(LossKind.STOLEN);
    }

    @Test
    void typeConstantsNameTheirRecordsAndEveryTopicIsDeclaredOnce() {
        assertThat(DeviceSnapshot.TYPE).isEqualTo(DeviceSnapshot.class.getSimpleName());
        assertThat(PersonSnapshot.TYPE).isEqualTo(PersonSnapshot.class.getSimpleName());
        assertThat(ChargeSnapshot.TYPE).isEqualTo(ChargeSnapshot.class.getSimpleName());
        assertThat(PersonalDeviceDecision.TYPE).isEqualTo(PersonalDeviceDecision.class.getSimpleName());
        assertThat(PersonalDeviceAccessRemoved.TYPE).isEqualTo(PersonalDeviceAccessRemoved.class.getSimpleName());
        assertThat(LossReported.TYPE).isEqualTo(LossReported.class.getSimpleName());
        assertThat(LossReportUpdated.TYPE).isEqualTo(LossReportUpdated.class.getSimpleName());
        assertThat(LossReportRecovered.TYPE).isEqualTo(LossReportRecovered.class.getSimpleName());
        assertThat(LossReportWrittenOff.TYPE).isEqualTo(LossReportWrittenOff.class.getSimpleName());
        assertThat(ReturnTaskOpened.TYPE).isEqualTo(ReturnTaskOpened.class.getSimpleName());
        assertThat(DeviceReturned.TYPE).isEqualTo(DeviceReturned.class.getSimpleName());
        assertThat(ReturnTaskOverdue.TYPE).isEqualTo(ReturnTaskOverdue.class.getSimpleName());
        assertThat(ReturnTaskReminder.TYPE).isEqualTo(ReturnTaskReminder.class.getSimpleName());
        assertThat(LostDeviceSeen.TYPE).isEqualTo(LostDeviceSeen.class.getSimpleName());
        assertThat(DeviceSeenAfterDeparture.TYPE).isEqualTo(DeviceSeenAfterDeparture.class.getSimpleName());
        assertThat(DeviceCheckInState.TYPE).isEqualTo(DeviceCheckInState.class.getSimpleName());
        assertThat(OffboardingRequested.TYPE).isEqualTo(OffboardingRequested.class.getSimpleName());
        assertThat(NotificationDeadLettered.TYPE).isEqualTo(NotificationDeadLettered.class.getSimpleName());

        List<String> names = Topics.ALL.stream().map(Topics.TopicSpec::name).toList();
        assertThat(names)
                .doesNotHaveDuplicates()
                .contains(
                        Topics.DEVICES,
                        Topics.PEOPLE,
                        Topics.CHARGES,
                        Topics.PERSONAL_DEVICES,
                        Topics.LOSS_REPORTS,
                        Topics.NOTIFICATIONS_DEAD_LETTER,
                        Topics.RETURN_TASKS,
                        Topics.DEVICE_ALERTS,
                        Topics.DEVICE_STATE,
                        Topics.PERSONAL_DEVICE_ACCESS,
                        Topics.OFFBOARDINGS);
        // Snapshot topics are compacted so a new reader can rebuild its read model; event topics are not.
        assertThat(Topics.ALL)
                .filteredOn(Topics.TopicSpec::compacted)
                .extracting(Topics.TopicSpec::name)
                .containsExactlyInAnyOrder(Topics.DEVICES, Topics.PEOPLE, Topics.CHARGES, Topics.DEVICE_STATE);
        assertThat(names).allMatch(n -> n.matches("[a-z]+\\.[a-z-]+\\.v\\d+"));
    }
}
