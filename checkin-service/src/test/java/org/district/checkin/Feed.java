package org.district.checkin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.district.contracts.EventEnvelope;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.contracts.hr.OffboardingRequested;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.inventory.PersonKind;
import org.district.contracts.inventory.PersonSnapshot;
import org.district.contracts.inventory.PersonalAccess;
import org.district.contracts.inventory.PersonalAccessStatus;
import org.district.contracts.lossreport.LossKind;
import org.district.contracts.lossreport.LossReportRecovered;
import org.district.contracts.lossreport.LossReported;
import org.district.testing.KafkaProbe;

/**
 * Publishes what other services would publish (inventory snapshots, loss reports, HR offboardings) to the real test
 * broker, in the real envelope with the real headers, so the service under test consumes them as in production.
 */
final class Feed {

    static final String BOOTSTRAP = "127.0.0.1:9192";
    static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ObjectMapper MAPPER =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Feed() {}

    static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** A device as inventory would describe it; change it with the with* methods, then publish. */
    record Device(
            UUID id,
            long version,
            String assetTag,
            DeviceType type,
            String school,
            Ownership ownership,
            DeviceStatus status,
            boolean sensitiveData,
            UUID assigneeId,
            String assigneeDistrictId,
            Instant assignedAt,
            Instant updatedAt,
            PersonalAccess personalAccess) {

        Device withStatus(DeviceStatus next) {
            return new Device(
                    id,
                    version + 1,
                    assetTag,
                    type,
                    school,
                    ownership,
                    next,
                    sensitiveData,
                    assigneeId,
                    assigneeDistrictId,
                    assignedAt,
                    Instant.now(),
                    personalAccess);
        }

        Device assignedTo(Person person, Instant at) {
            return new Device(
                    id,
                    version + 1,
                    assetTag,
                    type,
                    school,
                    ownership,
                    DeviceStatus.ASSIGNED,
                    sensitiveData,
                    person.id(),
                    person.districtId(),
                    at,
                    at,
                    personalAccess);
        }

        /** Taken back: nobody holds it any more. */
        Device unassigned() {
            return new Device(
                    id,
                    version + 1,
                    assetTag,
                    type,
                    school,
                    ownership,
                    status,
                    sensitiveData,
                    null,
                    null,
                    null,
                    Instant.now(),
                    personalAccess);
        }

        Device registeredAt(Instant at) {
            return new Device(
                    id,
                    version,
                    assetTag,
                    type,
                    school,
                    ownership,
                    status,
                    sensitiveData,
                    assigneeId,
                    assigneeDistrictId,
                    assignedAt,
                    at,
                    personalAccess);
        }

        /** A personal device (no standing under the policy yet: as a snapshot from before it existed). */
        Device personal() {
            return new Device(
                    id,
                    version,
                    assetTag,
                    type,
                    school,
                    Ownership.PERSONAL,
                    status,
                    sensitiveData,
                    assigneeId,
                    assigneeDistrictId,
                    assignedAt,
                    updatedAt,
                    personalAccess);
        }

        /**
         * The next snapshot, with the personal device's standing: {@code status}, the owner's consent to locking and
         * locating, and an approval's last day (June 30 next for APPROVED, yesterday for EXPIRED).
         */
        Device withAccess(PersonalAccessStatus status, boolean lockAndLocateConsent) {
            LocalDate today = LocalDate.now();
            LocalDate juneNext = LocalDate.of(today.getMonthValue() > 6 ? today.getYear() + 1 : today.getYear(), 6, 30);
            LocalDate expiresOn =
                    switch (status) {
                        case APPROVED -> juneNext;
                        case EXPIRED -> today.minusDays(1);
                        default -> personalAccess == null ? null : personalAccess.expiresOn();
                    };
            return new Device(
                    id,
                    version + 1,
                    assetTag,
                    type,
                    school,
                    ownership,
                    this.status,
                    sensitiveData,
                    assigneeId,
                    assigneeDistrictId,
                    assignedAt,
                    Instant.now(),
                    new PersonalAccess(status, lockAndLocateConsent, expiresOn));
        }

        /** Approved by the principal, with or without the owner's consent to locking and locating. */
        Device approved(boolean lockAndLocateConsent) {
            return withAccess(PersonalAccessStatus.APPROVED, lockAndLocateConsent);
        }

        Device sensitive() {
            return new Device(
                    id,
                    version,
                    assetTag,
                    type,
                    school,
                    ownership,
                    status,
                    true,
                    assigneeId,
                    assigneeDistrictId,
                    assignedAt,
                    updatedAt,
                    personalAccess);
        }
    }

    record Person(UUID id, String districtId, UUID supervisorId, String school) {}

    static Device laptop(String school) {
        return device(DeviceType.LAPTOP, school);
    }

    static Device device(DeviceType type, String school) {
        return new Device(
                UUID.randomUUID(),
                0,
                unique("TAG"),
                type,
                school,
                Ownership.DISTRICT,
                DeviceStatus.IN_STOCK,
                false,
                null,
                null,
                null,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null);
    }

    static Person person(String school) {
        return new Person(UUID.randomUUID(), unique("E"), UUID.randomUUID(), school);
    }

    static DeviceSnapshot snapshot(Device d) {
        return snapshot(d, null);
    }

    /** The device's snapshot, a loaner due back on {@code dueOn} when it is not null. */
    static DeviceSnapshot snapshot(Device d, LocalDate dueOn) {
        return new DeviceSnapshot(
                d.id(),
                d.version(),
                "UPDATED",
                d.assetTag(),
                "SN-" + d.assetTag(),
                d.type(),
                "Dell",
                "Latitude",
                d.school(),
                d.ownership(),
                d.status(),
                d.sensitiveData(),
                d.assigneeId(),
                d.assigneeDistrictId(),
                d.assignedAt(),
                d.ownership() == Ownership.DISTRICT ? "PURCHASED" : null,
                "Dell",
                "PO-1",
                new BigDecimal("900.00"),
                LocalDate.of(2024, 8, 1),
                null,
                null,
                null,
                d.updatedAt(),
                dueOn,
                d.personalAccess());
    }

    static void publish(Device d) {
        send(
                Topics.DEVICES,
                d.id().toString(),
                "Device",
                d.id().toString(),
                d.version(),
                DeviceSnapshot.TYPE,
                snapshot(d));
    }

    static void publish(Person p) {
        publish(p, 1, true, null);
    }

    /**
     * The person's snapshot at {@code version}, as inventory sends it after HR's sync set them inactive or gave them a
     * leaving date ({@code departedOn}).
     */
    static void publish(Person p, long version, boolean active, LocalDate departedOn) {
        PersonSnapshot snapshot = new PersonSnapshot(
                p.id(),
                version,
                version == 1 ? "CREATED" : "UPDATED",
                p.districtId(),
                "Pat",
                "Teacher",
                p.districtId().toLowerCase() + "@district.example",
                PersonKind.EMPLOYEE,
                p.school(),
                p.supervisorId(),
                active,
                departedOn,
                LocalDate.now().minusDays(10),
                Instant.now());
        send(Topics.PEOPLE, p.id().toString(), "Person", p.id().toString(), version, PersonSnapshot.TYPE, snapshot);
    }

    /** The device's snapshot as a loaner: assigned (as it is) and due back on {@code dueOn}. */
    static void publishLoan(Device d, LocalDate dueOn) {
        send(
                Topics.DEVICES,
                d.id().toString(),
                "Device",
                d.id().toString(),
                d.version(),
                DeviceSnapshot.TYPE,
                snapshot(d, dueOn));
    }

    /** Publishes a loss report of the device; the id of its event (its consumers record it once processed). */
    static UUID lossReported(Device d, LossKind kind) {
        LossReported event = new LossReported(
                UUID.randomUUID(),
                "LR-2026-" + SEQUENCE.incrementAndGet(),
                d.id(),
                d.assetTag(),
                kind,
                "E-REPORTER",
                d.assigneeId(),
                d.school(),
                Instant.now(),
                "Library",
                "Left on a table",
                false,
                null,
                null,
                kind == LossKind.STOLEN,
                Instant.now());
        return send(
                Topics.LOSS_REPORTS,
                d.id().toString(),
                "LossReport",
                event.reportId().toString(),
                1,
                LossReported.TYPE,
                event);
    }

    static void recovered(Device d) {
        LossReportRecovered event =
                new LossReportRecovered(UUID.randomUUID(), d.id(), Instant.now(), "E-IT", "Found in the gym");
        send(
                Topics.LOSS_REPORTS,
                d.id().toString(),
                "LossReport",
                event.reportId().toString(),
                2,
                LossReportRecovered.TYPE,
                event);
    }

    static void offboardingRequested(Person p, LocalDate lastDay) {
        OffboardingRequested event = new OffboardingRequested(null, p.districtId(), lastDay, "hr-feed", Instant.now());
        send(Topics.OFFBOARDINGS, p.districtId(), "Person", p.districtId(), 0, OffboardingRequested.TYPE, event);
    }

    private static UUID send(
            String topic,
            String key,
            String aggregateType,
            String aggregateId,
            long version,
            String type,
            Object data) {
        UUID eventId = UUID.randomUUID();
        Instant now = Instant.now();
        EventEnvelope<Object> envelope =
                new EventEnvelope<>(eventId, type, 1, now, aggregateType, aggregateId, version, "test-" + RUN, data);
        try {
            KafkaProbe.produce(
                    BOOTSTRAP,
                    topic,
                    key,
                    MAPPER.writeValueAsString(envelope),
                    Map.of(
                            EventHeaders.EVENT_ID,
                            eventId.toString(),
                            EventHeaders.EVENT_TYPE,
                            type,
                            EventHeaders.SCHEMA_VERSION,
                            "1",
                            EventHeaders.OCCURRED_AT,
                            now.toString(),
                            EventHeaders.AGGREGATE_TYPE,
                            aggregateType,
                            EventHeaders.CORRELATION_ID,
                            "test-" + RUN));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readerFor(type).readValue(MAPPER.readTree(json).path("data"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
