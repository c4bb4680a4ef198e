package org.district.lossreport;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.district.contracts.EventEnvelope;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.district.contracts.inventory.PersonKind;
import org.district.contracts.inventory.PersonSnapshot;
import org.district.lossreport.repository.KnownDeviceRepository;
import org.district.lossreport.repository.KnownPersonRepository;
import org.district.testing.TestKafka;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plays inventory-service in the tests: publishes device and person snapshots to the real snapshot topics, exactly as
 * inventory's outbox does (envelope plus headers), and waits until this service's read model has them.
 */
@ApplicationScoped
public class Inventory {

    static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    ObjectMapper mapper;

    @Inject
    KnownDeviceRepository devices;

    @Inject
    KnownPersonRepository people;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaProducer<String, String> producer;

    /** A new unique code for district ids and asset tags. */
    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** A person as inventory knows them. */
    public record Person(UUID id, String districtId, String email, PersonKind kind, String school, UUID supervisorId) {}

    /** A device as inventory knows it. */
    public record Device(UUID id, String assetTag, String serialNumber, String school, UUID holderId, String holder) {}

    public Person employee(Person supervisor) {
        return person(PersonKind.EMPLOYEE, "LINCOLN-HS", supervisor);
    }

    public Person student(String school) {
        return person(PersonKind.STUDENT, school, null);
    }

    public Person person(PersonKind kind, String school, Person supervisor) {
        String districtId = unique(kind == PersonKind.STUDENT ? "S" : "E");
        Person p = new Person(
                UUID.randomUUID(),
                districtId,
                districtId.toLowerCase() + "@district.example",
                kind,
                school,
                supervisor == null ? null : supervisor.id());
        publishPerson(p, 1);
        return p;
    }

    public void publishPerson(Person p, long version) {
        publishPerson(p, version, true);
    }

    /** Publishes this version of the person, still with the district ({@code active}) or departed. */
    public void publishPerson(Person p, long version, boolean active) {
        PersonSnapshot s = new PersonSnapshot(
                p.id(),
                version,
                version == 1 ? "CREATED" : "UPDATED",
                p.districtId(),
                "Pat",
                "Example",
                p.email(),
                p.kind(),
                p.school(),
                p.supervisorId(),
                active,
                null,
                LocalDate.now().minusDays(10),
                Instant.now());
        send(Topics.PEOPLE, p.id(), PersonSnapshot.TYPE, "Person", version, s);
    }

    /** A laptop assigned to the person (or in stock when null). */
    public Device laptop(Person holder, boolean sensitive) {
        return device(holder, sensitive, holder == null ? DeviceStatus.IN_STOCK : DeviceStatus.ASSIGNED, 1);
    }

    public Device device(Person holder, boolean sensitive, DeviceStatus status, long version) {
        Device d = new Device(
                UUID.randomUUID(),
                unique("TAG"),
                unique("SN"),
                holder == null ? "LINCOLN-HS" : holder.school(),
                holder == null ? null : holder.id(),
                holder == null ? null : holder.districtId());
        publishDevice(d, status, sensitive, version);
        return d;
    }

    /** A phone the person registered as their own (a personal device, assigned to them). */
    public Device personalPhone(Person owner) {
        Device d = new Device(
                UUID.randomUUID(), unique("TAG"), unique("SN"), owner.school(), owner.id(), owner.districtId());
        publishDevice(d, DeviceStatus.ASSIGNED, false, 1, Ownership.PERSONAL);
        return d;
    }

    public void publishDevice(Device d, DeviceStatus status, boolean sensitive, long version) {
        publishDevice(d, status, sensitive, version, Ownership.DISTRICT);
    }

    private void publishDevice(Device d, DeviceStatus status, boolean sensitive, long version, Ownership ownership) {
        DeviceSnapshot s = new DeviceSnapshot(
                d.id(),
                version,
                version == 1 ? "CREATED" : "STATUS_CHANGED",
                d.assetTag(),
                d.serialNumber(),
                DeviceType.LAPTOP,
                "Dell",
                "Latitude 5440",
                d.school(),
                ownership,
                status,
                sensitive,
                d.holderId(),
                d.holder(),
                d.holderId() == null ? null : Instant.now(),
                "PURCHASED",
                "Dell Technologies",
                "PO-1",
                new BigDecimal("1249.00"),
                LocalDate.now().minusYears(1),
                null,
                null,
                null,
                Instant.now(),
                null,
                null);
        send(Topics.DEVICES, d.id(), DeviceSnapshot.TYPE, "Device", version, s);
    }

    /** Waits until the read model holds the devices and people at (at least) version 1. */
    public void awaitKnown(Device... list) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> java.util.Arrays.stream(list)
                        .allMatch(d -> devices.findByIdOptional(d.id()).isPresent())));
    }

    public void awaitKnown(Person... list) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> java.util.Arrays.stream(list)
                        .allMatch(p -> people.findByIdOptional(p.id()).isPresent())));
    }

    /** Waits until the read model holds this version of the device. */
    public void awaitDeviceVersion(Device d, long version) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> devices.findByIdOptional(d.id())
                        .map(k -> k.version >= version)
                        .orElse(false)));
    }

    /** Waits until the read model holds this version of the person. */
    public void awaitPersonVersion(Person p, long version) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> people.findByIdOptional(p.id())
                        .map(k -> k.version >= version)
                        .orElse(false)));
    }

    /** Publishes an event as another service's outbox would. */
    public UUID send(String topic, UUID key, String type, String aggregateType, long version, Object data) {
        return send(UUID.randomUUID(), topic, key, type, aggregateType, version, data);
    }

    /**
     * Publishes an event with the given envelope id: the same id twice is what a producer that retried, or a relay that
     * published again after a crash, puts on the topic.
     */
    public UUID send(
            UUID eventId, String topic, UUID key, String type, String aggregateType, long version, Object data) {
        Instant now = Instant.now();
        EventEnvelope<Object> envelope =
                new EventEnvelope<>(eventId, type, 1, now, aggregateType, key.toString(), version, null, data);
        try {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(topic, key.toString(), mapper.writeValueAsString(envelope));
            record.headers().add(EventHeaders.EVENT_ID, bytes(eventId.toString()));
            record.headers().add(EventHeaders.EVENT_TYPE, bytes(type));
            record.headers().add(EventHeaders.SCHEMA_VERSION, bytes("1"));
            record.headers().add(EventHeaders.OCCURRED_AT, bytes(now.toString()));
            record.headers().add(EventHeaders.AGGREGATE_TYPE, bytes(aggregateType));
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + type, e);
        }
        return eventId;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = TestKafka.admin(bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
