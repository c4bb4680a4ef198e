package org.district.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

/**
 * Realistic events of every type, as their producers raise them (topic, key, aggregate, as in InventoryEvents,
 * LossReportEvents, DeliveryWorker and CheckInEvents): one with every property set, at the limits the services accept
 * (longest texts, largest amounts), and one with every property that can be null set to null.
 */
final class EventSamples {

    /**
     * One event as its producer publishes it.
     *
     * @param label what the sample shows
     * @param data the event record
     * @param topic the topic its producer publishes it to
     * @param key the record key its producer uses
     * @param ours whether a service of this repository produces it (else HR systems do)
     */
    record EventSample(
            String label,
            Object data,
            String topic,
            String key,
            String aggregateType,
            String aggregateId,
            long aggregateVersion,
            String correlationId,
            boolean ours) {

        /** The envelope the outbox wraps the record in. */
        EventEnvelope<Object> envelope() {
            return WireJson.envelope(data, aggregateType, aggregateId, aggregateVersion, correlationId);
        }

        /** The record's event type (its {@code TYPE} constant). */
        String type() {
            return WireJson.typeOf(data.getClass());
        }

        @Override
        public String toString() {
            return type() + " (" + label + ")";
        }
    }

    static final UUID DEVICE = UUID.fromString("98f60540-0acb-47ab-b6da-e3ab3f498621");
    static final UUID PERSON = UUID.fromString("3b2d7c55-8e0f-4a7e-9c1d-5f6a7b8c9d01");
    static final UUID SUPERVISOR = UUID.fromString("0a4f8e2b-6c1d-4e3f-8a9b-1c2d3e4f5a6b");
    static final UUID REPORT = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    static final UUID TASK = UUID.fromString("1f0e2d3c-4b5a-4697-8877-665544332211");
    static final UUID NOTIFICATION = UUID.fromString("c56a4180-65aa-42ec-a945-5fd21dec0538");
    static final UUID EVENT = UUID.fromString("5f0c5a0e-7c1f-4d55-9a51-2b1c3b1d9f10");
    static final UUID CHARGE = UUID.fromString("6e1b7a52-3c4d-4f8e-9a0b-2c3d4e5f6a7b");
    static final UUID STEP = UUID.fromString("0b6f3a52-9d1e-4c7a-8f20-3e4d5c6b7a81");
    static final UUID REMOVAL = UUID.fromString("4d7e1c2a-5b3f-4e8d-9a6c-1f2e3d4c5b6a");
    static final String CORRELATION = "2818a7d8-d336-4a69-b73a-86a8671164fd";

    /** Microseconds, as the services' instants are (PostgreSQL timestamptz, the outbox's truncated clock). */
    static final Instant AT = Instant.parse("2026-11-29T01:01:56.926498Z");
    /** A whole second: Jackson writes it without a fraction. */
    static final Instant WHOLE_SECOND = Instant.parse("2026-12-31T23:59:59Z");

    static final LocalDate DAY = LocalDate.of(2026, 12, 18);
    /** The last day of a personal device's approval: the end of the school year. */
    static final LocalDate SCHOOL_YEAR_END = LocalDate.of(2027, 6, 30);
    /** The largest amount the services accept (cost, cost owed: at most 1,000,000.00). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000.00");

    private EventSamples() {}

    /** Every sample, of every event record type. */
    static Stream<EventSample> all() {
        return Stream.of(
                        inventory(),
                        charges(),
                        personalDevices(),
                        lossReports(),
                        deadLetters(),
                        returnTasks(),
                        alerts(),
                        deviceStates(),
                        personalDeviceAccess(),
                        offboardings())
                .flatMap(List::stream);
    }

    /** The samples that services of this repository produce. */
    static Stream<EventSample> ours() {
        return all().filter(EventSample::ours);
    }

    private static List<EventSample> inventory() {
        DeviceSnapshot purchasedAndAssigned = new DeviceSnapshot(
                DEVICE,
                Long.MAX_VALUE,
                "ASSIGNED",
                text("LHS-", 40).toUpperCase(),
                text("SN-", 64).toUpperCase(),
                DeviceType.MESSAGING_DEVICE,
                text("Acer ", 80),
                text("Chromebook Spin ", 120),
                "LINCOLN-HS",
                Ownership.DISTRICT,
                DeviceStatus.ASSIGNED,
                true,
                PERSON,
                text("E", 40),
                AT,
                "PURCHASED",
                text("Acer Inc ", 120),
                text("PO-", 60),
                MAX_AMOUNT,
                DAY.minusYears(1),
                null,
                DAY.plusYears(3),
                null,
                AT,
                DAY.plusDays(14),
                null);
        DeviceSnapshot donatedAndWrittenOff = new DeviceSnapshot(
                DEVICE,
                7,
                "STATUS_CHANGED",
                "LHS-0002",
                "SN-DONATED",
                DeviceType.TABLET,
                "Apple",
                "iPad",
                "LINCOLN-HS",
                Ownership.DISTRICT,
                DeviceStatus.WRITTEN_OFF,
                false,
                null,
                null,
                WHOLE_SECOND,
                "DONATED",
                null,
                null,
                new BigDecimal("0.00"),
                DAY,
                text("Lincoln PTA ", 160),
                null,
                new BigDecimal("0.00"),
                WHOLE_SECOND,
                null,
                null);
        DeviceSnapshot personalJustRegistered = new DeviceSnapshot(
                DEVICE,
                0,
                "CREATED",
                "P-0001",
                "SN-PERSONAL",
                DeviceType.SMARTPHONE,
                "Google",
                "Pixel 9",
                "LINCOLN-HS",
                Ownership.PERSONAL,
                DeviceStatus.IN_STOCK,
                false,
                null,
                null,
                null,
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
                null);
        DeviceSnapshot personalApproved = personalLaptop(
                4, "PERSONAL_ACCESS_CHANGED", new PersonalAccess(PersonalAccessStatus.APPROVED, true, SCHOOL_YEAR_END));
        DeviceSnapshot personalAskedFor =
                personalLaptop(0, "CREATED", new PersonalAccess(PersonalAccessStatus.PENDING, false, null));
        PersonSnapshot employee = new PersonSnapshot(
                PERSON,
                Long.MAX_VALUE,
                "UPDATED",
                text("E", 40),
                text("Pat ", 80),
                text("Teacher ", 80),
                longestEmail(),
                PersonKind.EMPLOYEE,
                "LINCOLN-HS",
                SUPERVISOR,
                false,
                DAY,
                DAY.minusMonths(4),
                AT);
        PersonSnapshot student = new PersonSnapshot(
                PERSON,
                0,
                "CREATED",
                "S2001",
                "Sam",
                "Student",
                null,
                PersonKind.STUDENT,
                "LINCOLN-HS",
                null,
                true,
                null,
                null,
                WHOLE_SECOND);
        return List.of(
                device("purchased, assigned, longest texts, largest cost", purchasedAndAssigned, CORRELATION),
                device("donated, written off, nothing owed", donatedAndWrittenOff, null),
                device("personal, nothing optional set", personalJustRegistered, CORRELATION),
                device("personal, approved with consent to lock and locate", personalApproved, CORRELATION),
                device("personal, asked for, not decided yet", personalAskedFor, CORRELATION),
                person("departed employee, longest texts", employee),
                person("student, nothing optional set", student));
    }

    /** A staff member's own laptop, registered by them (asset tag P- and eight letters or digits), with its standing. */
    private static DeviceSnapshot personalLaptop(long version, String change, PersonalAccess access) {
        return new DeviceSnapshot(
                DEVICE,
                version,
                change,
                "P-7K3M9Q2A",
                "C02XL0GHJGH5",
                DeviceType.LAPTOP,
                "Apple",
                "MacBook Air 13",
                "LINCOLN-HS",
                Ownership.PERSONAL,
                DeviceStatus.ASSIGNED,
                false,
                PERSON,
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
                access);
    }

    /**
     * Steps of personal devices' approvals (InventoryEvents): key and aggregate = the device, at its version after the
     * step; the daily expiry and a removal found by check-ins have no correlation id.
     */
    private static List<EventSample> personalDevices() {
        String laptop = "LAPTOP, Apple MacBook Air 13";
        return List.of(
                personalDevice(
                        "asked for, with the owner's purpose, two approvers",
                        new PersonalDeviceDecision(
                                STEP,
                                DEVICE,
                                "P-7K3M9Q2A",
                                laptop,
                                "LINCOLN-HS",
                                PERSON,
                                "E1001",
                                PersonalDeviceStep.REQUESTED,
                                text("Grading and attendance from the classroom. ", 500),
                                null,
                                List.of("E3001", "E3002"),
                                "STAFF:E1001",
                                AT),
                        0,
                        CORRELATION),
                personalDevice(
                        "approved until the end of the school year",
                        new PersonalDeviceDecision(
                                STEP,
                                DEVICE,
                                "P-7K3M9Q2A",
                                laptop,
                                "LINCOLN-HS",
                                PERSON,
                                "E1001",
                                PersonalDeviceStep.APPROVED,
                                null,
                                SCHOOL_YEAR_END,
                                List.of("E3001"),
                                "PRINCIPAL:E3001",
                                AT),
                        1,
                        CORRELATION),
                personalDevice(
                        "refused by IT, no approver on record",
                        new PersonalDeviceDecision(
                                STEP,
                                DEVICE,
                                "P-7K3M9Q2A",
                                laptop,
                                "LINCOLN-HS",
                                PERSON,
                                "E1001",
                                PersonalDeviceStep.REFUSED,
                                "Personal devices are not used in the exam office.",
                                null,
                                List.of(),
                                "IT_ADMIN:IT-0001",
                                WHOLE_SECOND),
                        1,
                        CORRELATION),
                personalDevice(
                        "expired at the end of the school year",
                        new PersonalDeviceDecision(
                                STEP,
                                DEVICE,
                                "P-7K3M9Q2A",
                                laptop,
                                "LINCOLN-HS",
                                PERSON,
                                "E1001",
                                PersonalDeviceStep.EXPIRED,
                                null,
                                SCHOOL_YEAR_END,
                                List.of("E3001"),
                                "system",
                                WHOLE_SECOND),
                        Long.MAX_VALUE,
                        null),
                personalDevice(
                        "access removed, non-compliant past the grace period",
                        new PersonalDeviceDecision(
                                STEP,
                                DEVICE,
                                "P-7K3M9Q2A",
                                laptop,
                                "LINCOLN-HS",
                                PERSON,
                                "E1001",
                                PersonalDeviceStep.ACCESS_REMOVED,
                                "Disk encryption has been off for more than 7 days.",
                                null,
                                List.of("E3001"),
                                "system",
                                AT),
                        6,
                        null),
                personalDevice(
                        "asked again, nothing optional set",
                        new PersonalDeviceDecision(
                                STEP,
                                DEVICE,
                                "P-7K3M9Q2A",
                                laptop,
                                "LINCOLN-HS",
                                PERSON,
                                "E1001",
                                PersonalDeviceStep.RENEWAL_REQUESTED,
                                null,
                                null,
                                List.of(),
                                "STAFF:E1001",
                                WHOLE_SECOND),
                        7,
                        CORRELATION));
    }

    /** Charges: at most 100,000.00 charged; outstanding is the amount less what was paid and waived. */
    private static List<EventSample> charges() {
        BigDecimal largest = new BigDecimal("100000.00");
        return List.of(
                charge(
                        "just recorded, largest amount",
                        new ChargeSnapshot(
                                CHARGE,
                                0,
                                "CREATED",
                                PERSON,
                                DEVICE,
                                ChargeReason.LOSS,
                                largest,
                                new BigDecimal("0.00"),
                                new BigDecimal("0.00"),
                                largest,
                                ChargeStatus.OPEN,
                                AT,
                                AT)),
                charge(
                        "waived in full, smallest amount",
                        new ChargeSnapshot(
                                CHARGE,
                                Long.MAX_VALUE,
                                "WAIVER_RECORDED",
                                PERSON,
                                DEVICE,
                                ChargeReason.DAMAGE,
                                new BigDecimal("0.01"),
                                new BigDecimal("0.00"),
                                new BigDecimal("0.01"),
                                new BigDecimal("0.00"),
                                ChargeStatus.WAIVED,
                                WHOLE_SECOND,
                                WHOLE_SECOND)));
    }

    private static List<EventSample> lossReports() {
        LossReported stolen = new LossReported(
                REPORT,
                "LR-2026-000042",
                DEVICE,
                text("LHS-", 40).toUpperCase(),
                LossKind.STOLEN,
                text("E", 40),
                PERSON,
                "LINCOLN-HS",
                AT,
                text("Bus 12 ", 200),
                text("Left in a backpack on the bus home. ", 4000),
                true,
                text("City PD ", 120),
                text("2026-", 60),
                false,
                AT);
        LossReported lost = new LossReported(
                REPORT,
                "LR-2026-1000000",
                DEVICE,
                "LHS-0001",
                LossKind.LOST,
                "E1001",
                null,
                null,
                WHOLE_SECOND,
                "Gym",
                "Not in the locker.",
                false,
                null,
                null,
                false,
                WHOLE_SECOND);
        LossReported stolenWithoutCaseNumber = new LossReported(
                REPORT,
                "LR-2026-000043",
                DEVICE,
                "LHS-0001",
                LossKind.STOLEN,
                "E1001",
                PERSON,
                "LINCOLN-HS",
                AT,
                "Car park",
                "Taken from a car.",
                false,
                null,
                null,
                true,
                AT);
        return List.of(
                lossReport("stolen, police told, longest texts", stolen, 0),
                lossReport("lost, nothing optional set", lost, 0),
                lossReport("stolen, police report owed", stolenWithoutCaseNumber, 0),
                lossReport(
                        "reclassified with a case number and note",
                        new LossReportUpdated(
                                REPORT,
                                DEVICE,
                                LossKind.STOLEN,
                                true,
                                text("City PD ", 120),
                                text("2026-", 60),
                                false,
                                text("Reclassified. ", 2000),
                                "IT-1",
                                AT),
                        Long.MAX_VALUE),
                lossReport(
                        "note only, nothing optional set",
                        new LossReportUpdated(
                                REPORT, DEVICE, LossKind.LOST, false, null, null, false, null, "IT-1", WHOLE_SECOND),
                        1),
                lossReport(
                        "found, with the longest note",
                        new LossReportRecovered(REPORT, DEVICE, AT, "IT-1", text("Found in the gym. ", 2000)),
                        2),
                lossReport("found, no note", new LossReportRecovered(REPORT, DEVICE, WHOLE_SECOND, "IT-1", null), 2),
                lossReport(
                        "largest cost owed",
                        new LossReportWrittenOff(REPORT, DEVICE, MAX_AMOUNT, AT, "IT-1", text("Never found. ", 2000)),
                        3),
                lossReport(
                        "nothing owed, no note",
                        new LossReportWrittenOff(REPORT, DEVICE, new BigDecimal("0.00"), WHOLE_SECOND, "IT-1", null),
                        3));
    }

    private static List<EventSample> deadLetters() {
        NotificationDeadLettered aboutAReport = new NotificationDeadLettered(
                NOTIFICATION,
                EVENT,
                LossReported.TYPE,
                REPORT,
                DEVICE,
                "EMAIL",
                Integer.MAX_VALUE,
                text("550 5.1.1 <address>: mailbox unavailable. ", 1000),
                AT);
        NotificationDeadLettered notAboutAReport = new NotificationDeadLettered(
                NOTIFICATION,
                EVENT,
                DeviceSeenAfterDeparture.TYPE,
                null,
                null,
                "WEBHOOK",
                1,
                "HTTP 410 Gone",
                WHOLE_SECOND);
        return List.of(
                new EventSample(
                        "about a report, longest error",
                        aboutAReport,
                        Topics.NOTIFICATIONS_DEAD_LETTER,
                        REPORT.toString(),
                        "Notification",
                        NOTIFICATION.toString(),
                        Integer.MAX_VALUE,
                        CORRELATION,
                        true),
                new EventSample(
                        "about no report or device, permanent failure",
                        notAboutAReport,
                        Topics.NOTIFICATIONS_DEAD_LETTER,
                        EVENT.toString(),
                        "Notification",
                        NOTIFICATION.toString(),
                        1,
                        null,
                        true));
    }

    private static List<EventSample> returnTasks() {
        return List.of(
                returnTask("sensitive device", new ReturnTaskOpened(TASK, DEVICE, PERSON, DAY, true, AT)),
                returnTask("ordinary device", new ReturnTaskOpened(TASK, DEVICE, PERSON, DAY, false, WHOLE_SECOND)),
                returnTask(
                        "with the longest note",
                        new DeviceReturned(TASK, DEVICE, PERSON, AT, text("IT-", 40), text("Boxed. ", 1000))),
                returnTask("no note", new DeviceReturned(TASK, DEVICE, PERSON, WHOLE_SECOND, "IT-1", null)),
                returnTask("escalated", new ReturnTaskOverdue(TASK, DEVICE, PERSON, DAY, AT)),
                returnTask(
                        "a loaner escalated again",
                        new ReturnTaskOverdue(TASK, DEVICE, PERSON, DAY, AT, ReturnReason.LOAN, 3)),
                returnTask("a loaner", new ReturnTaskOpened(TASK, DEVICE, PERSON, DAY, false, AT, ReturnReason.LOAN)),
                returnTask(
                        "due soon",
                        new ReturnTaskReminder(
                                TASK,
                                DEVICE,
                                PERSON,
                                DAY,
                                ReturnReason.DEPARTURE,
                                ReturnTaskReminder.Reminder.DUE_SOON,
                                AT)),
                returnTask(
                        "due today",
                        new ReturnTaskReminder(
                                TASK,
                                DEVICE,
                                PERSON,
                                DAY,
                                ReturnReason.LOAN,
                                ReturnTaskReminder.Reminder.DUE_TODAY,
                                WHOLE_SECOND)));
    }

    private static List<EventSample> deviceStates() {
        DeviceCheckInState.LastCommand wiped = new DeviceCheckInState.LastCommand(
                TASK, DeviceCheckInState.CommandType.WIPE, DeviceCheckInState.CommandResult.REFUSED, AT);
        return List.of(
                deviceState(
                        "non-compliant, overdue, a command refused",
                        new DeviceCheckInState(
                                DEVICE,
                                Long.MAX_VALUE,
                                DeviceCheckInState.Change.OVERDUE_STARTED,
                                false,
                                List.of("OS_VERSION_TOO_OLD", "PATCHES_TOO_OLD", "DISK_ENCRYPTION_UNKNOWN"),
                                true,
                                DAY.plusDays(1),
                                DAY,
                                AT,
                                wiped,
                                WHOLE_SECOND)),
                deviceState(
                        "compliant after a check-in",
                        new DeviceCheckInState(
                                DEVICE,
                                2,
                                DeviceCheckInState.Change.COMPLIANCE_CHANGED,
                                true,
                                List.of(),
                                false,
                                null,
                                DAY,
                                AT,
                                null,
                                AT)),
                deviceState(
                        "never checked in, holds sensitive data",
                        new DeviceCheckInState(
                                DEVICE,
                                1,
                                DeviceCheckInState.Change.COMPLIANCE_CHANGED,
                                false,
                                List.of("NEVER_CHECKED_IN"),
                                false,
                                null,
                                DAY,
                                null,
                                null,
                                AT)),
                deviceState(
                        "no verdict, a lock done",
                        new DeviceCheckInState(
                                DEVICE,
                                3,
                                DeviceCheckInState.Change.COMMAND_COMPLETED,
                                null,
                                List.of(),
                                false,
                                null,
                                DAY,
                                WHOLE_SECOND,
                                new DeviceCheckInState.LastCommand(
                                        TASK,
                                        DeviceCheckInState.CommandType.LOCK,
                                        DeviceCheckInState.CommandResult.DONE,
                                        WHOLE_SECOND),
                                WHOLE_SECOND)));
    }

    /**
     * CheckInEvents: key and aggregate = the device, aggregate version = the device's state version; the overdue job's
     * changes have no correlation id.
     */
    private static EventSample deviceState(String label, DeviceCheckInState state) {
        return new EventSample(
                label,
                state,
                Topics.DEVICE_STATE,
                DEVICE.toString(),
                "Device",
                DEVICE.toString(),
                state.version(),
                state.change() == DeviceCheckInState.Change.OVERDUE_STARTED ? null : CORRELATION,
                true);
    }

    private static List<EventSample> alerts() {
        return List.of(
                alert(
                        "located, IPv4",
                        new LostDeviceSeen(DEVICE, AT, text("LINCOLN-HS ", 60), "10.1.2.3", true, "203.0.113.45")),
                alert(
                        "not located, longest IPv6",
                        new LostDeviceSeen(
                                DEVICE,
                                WHOLE_SECOND,
                                "LINCOLN-HS",
                                "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255",
                                false,
                                "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255")),
                alert(
                        "a device manager's report: no observed address",
                        new LostDeviceSeen(DEVICE, AT, "LINCOLN-HS", "10.1.2.3", false, null)),
                alert(
                        "after the last working day",
                        new DeviceSeenAfterDeparture(DEVICE, PERSON, DAY, AT, "LINCOLN-HS", "10.1.2.3")));
    }

    /**
     * Personal devices whose access ended (CheckInEvents): key and aggregate = the device, version 0; a removal found by
     * the violation job has no correlation id, IT's removal has its request's.
     */
    private static List<EventSample> personalDeviceAccess() {
        return List.of(
                personalDeviceAccess(
                        "non-compliant past the grace period",
                        new PersonalDeviceAccessRemoved(
                                REMOVAL,
                                DEVICE,
                                "C02XL0GHJGH5",
                                "E1001",
                                "LINCOLN-HS",
                                PersonalDeviceAccessRemoved.Reason.NON_COMPLIANT,
                                List.of("DISK_ENCRYPTION_OFF", "PATCHES_TOO_OLD", "ANTIVIRUS_MISSING"),
                                AT),
                        null),
                personalDeviceAccess(
                        "removed by IT for a policy violation",
                        new PersonalDeviceAccessRemoved(
                                REMOVAL,
                                DEVICE,
                                "C02XL0GHJGH5",
                                "E1001",
                                "LINCOLN-HS",
                                PersonalDeviceAccessRemoved.Reason.POLICY_VIOLATION,
                                List.of(),
                                WHOLE_SECOND),
                        CORRELATION),
                personalDeviceAccess(
                        "approval expired, no serial number, nothing optional set",
                        new PersonalDeviceAccessRemoved(
                                REMOVAL,
                                DEVICE,
                                null,
                                "E1001",
                                "LINCOLN-HS",
                                PersonalDeviceAccessRemoved.Reason.APPROVAL_EXPIRED,
                                List.of(),
                                AT),
                        null));
    }

    private static List<EventSample> offboardings() {
        return List.of(
                new EventSample(
                        "by person id, nothing optional set",
                        new OffboardingRequested(PERSON, null, DAY, null, null),
                        Topics.OFFBOARDINGS,
                        PERSON.toString(),
                        "Person",
                        PERSON.toString(),
                        0,
                        null,
                        false),
                new EventSample(
                        "by district id, all set",
                        new OffboardingRequested(null, text("E", 40), DAY, "HR-7", AT),
                        Topics.OFFBOARDINGS,
                        "E1001",
                        "Person",
                        "E1001",
                        0,
                        CORRELATION,
                        false));
    }

    /** InventoryEvents: key and aggregate id = device id, aggregate version = snapshot version. */
    private static EventSample device(String label, DeviceSnapshot d, String correlationId) {
        String id = d.id().toString();
        return new EventSample(label, d, Topics.DEVICES, id, "Device", id, d.version(), correlationId, true);
    }

    /** InventoryEvents: key and aggregate id = charge id, aggregate version = snapshot version. */
    private static EventSample charge(String label, ChargeSnapshot c) {
        String id = c.id().toString();
        return new EventSample(label, c, Topics.CHARGES, id, "Charge", id, c.version(), CORRELATION, true);
    }

    /** InventoryEvents: key and aggregate id = device id, aggregate version = the device's version after the step. */
    private static EventSample personalDevice(
            String label, PersonalDeviceDecision step, long deviceVersion, String correlationId) {
        String id = step.deviceId().toString();
        return new EventSample(
                label, step, Topics.PERSONAL_DEVICES, id, "Device", id, deviceVersion, correlationId, true);
    }

    /** CheckInEvents: key and aggregate = the device, version 0. */
    private static EventSample personalDeviceAccess(
            String label, PersonalDeviceAccessRemoved removed, String correlationId) {
        String id = removed.deviceId().toString();
        return new EventSample(label, removed, Topics.PERSONAL_DEVICE_ACCESS, id, "Device", id, 0, correlationId, true);
    }

    private static EventSample person(String label, PersonSnapshot p) {
        String id = p.id().toString();
        return new EventSample(label, p, Topics.PEOPLE, id, "Person", id, p.version(), CORRELATION, true);
    }

    /** LossReportEvents: key = device id, aggregate = the report at its version. */
    private static EventSample lossReport(String label, Object data, long reportVersion) {
        return new EventSample(
                label,
                data,
                Topics.LOSS_REPORTS,
                DEVICE.toString(),
                "LossReport",
                REPORT.toString(),
                reportVersion,
                CORRELATION,
                true);
    }

    /** CheckInEvents: key = device id, aggregate = the task, version 0. */
    private static EventSample returnTask(String label, Object data) {
        return new EventSample(
                label, data, Topics.RETURN_TASKS, DEVICE.toString(), "ReturnTask", TASK.toString(), 0, null, true);
    }

    /** CheckInEvents: key and aggregate = the device, version 0. */
    private static EventSample alert(String label, Object data) {
        return new EventSample(
                label,
                data,
                Topics.DEVICE_ALERTS,
                DEVICE.toString(),
                "Device",
                DEVICE.toString(),
                0,
                CORRELATION,
                true);
    }

    /** Text of exactly {@code length} characters, starting with {@code start}. */
    static String text(String start, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(start);
        }
        return text.substring(0, length);
    }

    /** A valid e-mail address of 254 characters, the longest the services accept (64-character local part). */
    static String longestEmail() {
        String domain = text("a", 60) + "." + text("b", 60) + "." + text("c", 59) + ".example";
        return text("pat.teacher", 64) + "@" + domain;
    }
}
