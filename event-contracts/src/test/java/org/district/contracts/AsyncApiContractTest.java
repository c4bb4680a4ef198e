package org.district.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.district.contracts.EventSamples.EventSample;
import org.district.contracts.hr.OffboardingRequested;
import org.district.contracts.inventory.PersonalAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AsyncAPI document (event-contracts/src/main/resources/asyncapi/events.yaml) describes the events as the services
 * really publish them: one channel per topic of {@link Topics}, one message per event record, and payload schemas that
 * the JSON the services write validates against, and that a record cannot drift from (a property added to or removed
 * from a record, a changed type or enum, fails here until the document follows).
 */
class AsyncApiContractTest {

    private static final AsyncApiDocument DOCUMENT = AsyncApiDocument.load();

    /** Event records produced by HR systems: their schema is lenient (few required properties, unknown ones allowed). */
    private static final Set<Class<?>> PRODUCED_ELSEWHERE = Set.of(OffboardingRequested.class);

    /**
     * Top-level records that are no event themselves but travel inside one (a property of an event record): they have
     * no message and no TYPE, and their schema is checked where an event record's schema names them.
     */
    private static final Set<Class<?>> PARTS_OF_EVENTS = Set.of(PersonalAccess.class);

    static Stream<EventSample> samples() {
        return EventSamples.all();
    }

    static Stream<EventSample> ourSamples() {
        return EventSamples.ours();
    }

    static Stream<Class<?>> eventRecords() {
        return eventRecordTypes().stream();
    }

    @Test
    void everyTopicHasAChannelWithItsPartitionsAndCleanupPolicy() {
        Map<String, JsonNode> channels = channelsByAddress();
        assertThat(channels.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
        for (Topics.TopicSpec topic : Topics.ALL) {
            JsonNode channel = channels.get(topic.name());
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertThat(channel.path("description").asText()).as(topic.name()).containsIgnoringCase("key");
            assertThat(kafka.path("topic").asText()).as(topic.name()).isEqualTo(topic.name());
            assertThat(kafka.path("partitions").asInt()).as(topic.name()).isEqualTo(topic.partitions());
            assertThat(kafka.path("topicConfiguration")
                            .path("cleanup.policy")
                            .get(0)
                            .asText())
                    .as(topic.name())
                    .isEqualTo(topic.compacted() ? "compact" : "delete");
        }
    }

    @Test
    void everyChannelMessageNamesAnEventRecordAndEveryRecordHasOneMessage() {
        Map<String, Class<?>> recordsByType = new HashMap<>();
        eventRecordTypes().forEach(type -> recordsByType.put(WireJson.typeOf(type), type));
        List<String> messageNames = new ArrayList<>();
        for (JsonNode channel : channelsByAddress().values()) {
            channel.path("messages").properties().forEach(entry -> {
                JsonNode message = DOCUMENT.resolve(entry.getValue());
                String name = message.path("name").asText();
                messageNames.add(name);
                assertThat(entry.getKey()).isEqualTo(name);
                assertThat(recordsByType).as("event record for message " + name).containsKey(name);
                Class<?> record = recordsByType.get(name);
                JsonNode overlay = message.path("payload").path("allOf").get(1).path("properties");
                assertThat(overlay.path("eventType").path("const").asText()).isEqualTo(name);
                assertThat(overlay.path("schemaVersion").path("const").asInt())
                        .as(name + " schema version")
                        .isEqualTo(WireJson.schemaVersionOf(record));
                assertThat(overlay.path("data").path("$ref").asText()).isEqualTo("#/components/schemas/" + name);
                assertThat(message.path("bindings").path("kafka").has("key"))
                        .as(name + " documents its key")
                        .isTrue();
            });
        }
        assertThat(messageNames).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(recordsByType.keySet());
    }

    @Test
    void consumersAcceptEachEventOnlyFromTheChannelItIsDocumentedOn() {
        Map<String, String> channelOf = new HashMap<>();
        channelsByAddress()
                .forEach((address, channel) ->
                        channel.path("messages").properties().forEach(entry -> channelOf.put(entry.getKey(), address)));
        assertThat(channelOf).isNotEmpty();
        channelOf.forEach((type, address) -> {
            for (Topics.TopicSpec topic : Topics.ALL) {
                assertThat(Topics.mayCarry(topic.name(), type))
                        .as(type + " on " + topic.name())
                        .isEqualTo(topic.name().equals(address));
            }
        });
        assertThat(Topics.mayCarry(Topics.RETURN_TASKS, "SomethingNew"))
                .as("a type this system does not know is passed over by the consumers, not refused here")
                .isTrue();
    }

    @Test
    void everyOperationUsesMessagesOfItsChannelAndEveryChannelHasAProducer() {
        Set<String> sentOn = new HashSet<>();
        DOCUMENT.root().path("operations").properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            String channelRef = operation.path("channel").path("$ref").asText();
            assertThat(DOCUMENT.at(AsyncApiDocument.pointerOf(channelRef)).isMissingNode())
                    .as(entry.getKey() + " channel")
                    .isFalse();
            assertThat(operation.path("messages"))
                    .as(entry.getKey() + " messages")
                    .isNotEmpty();
            for (JsonNode message : operation.path("messages")) {
                String ref = message.path("$ref").asText();
                assertThat(ref).as(entry.getKey()).startsWith(channelRef + "/messages/");
                assertThat(DOCUMENT.at(AsyncApiDocument.pointerOf(ref)).isMissingNode())
                        .as(ref)
                        .isFalse();
            }
            assertThat(operation.path("tags").get(0).path("name").asText())
                    .as(entry.getKey() + " names its service")
                    .isNotBlank();
            if (operation.path("action").asText().equals("send")) {
                sentOn.add(channelRef);
            }
        });
        assertThat(sentOn).hasSize(Topics.ALL.size());
    }

    /** The JSON the services write, envelope and all, is valid for its message, and so are its headers and key. */
    @ParameterizedTest
    @MethodSource("samples")
    void eventAsTheServicesWriteItMatchesItsMessage(EventSample sample) {
        String messagePointer = messagePointer(sample);
        EventEnvelope<Object> envelope = sample.envelope();

        String json = WireJson.write(envelope);
        assertThat(DOCUMENT.validate(messagePointer + "/payload", json))
                .as("payload %s", json)
                .isEmpty();

        String headers = WireJson.write(WireJson.headers(envelope));
        assertThat(DOCUMENT.validate(messagePointer + "/headers", headers))
                .as("headers %s", headers)
                .isEmpty();

        String key = WireJson.write(sample.key());
        assertThat(DOCUMENT.validate(messagePointer + "/bindings/kafka/key", key))
                .as("key %s", key)
                .isEmpty();
    }

    /** additionalProperties false: a property the schema does not declare is refused, in the data and the envelope. */
    @ParameterizedTest
    @MethodSource("ourSamples")
    void undeclaredPropertyIsRefused(EventSample sample) {
        String payload = messagePointer(sample) + "/payload";
        ObjectNode envelope = tree(sample);
        ((ObjectNode) envelope.get("data")).put("undeclared", "value");
        assertThat(DOCUMENT.validate(payload, envelope.toString())).isNotEmpty();

        ObjectNode extraMetadata = tree(sample);
        extraMetadata.put("undeclared", "value");
        assertThat(DOCUMENT.validate(payload, extraMetadata.toString())).isNotEmpty();
    }

    /** Every property the services write is required: a payload without any one of them is refused. */
    @ParameterizedTest
    @MethodSource("ourSamples")
    void missingPropertyIsRefused(EventSample sample) {
        String payload = messagePointer(sample) + "/payload";
        List<String> names = new ArrayList<>();
        tree(sample).get("data").fieldNames().forEachRemaining(names::add);
        assertThat(names).isNotEmpty();
        for (String name : names) {
            ObjectNode envelope = tree(sample);
            ((ObjectNode) envelope.get("data")).remove(name);
            assertThat(DOCUMENT.validate(payload, envelope.toString()))
                    .as("without " + name)
                    .isNotEmpty();
        }
        ObjectNode withoutEventId = tree(sample);
        withoutEventId.remove("eventId");
        assertThat(DOCUMENT.validate(payload, withoutEventId.toString())).isNotEmpty();
    }

    /**
     * The schema of every event record declares exactly the record's components, each with the JSON type, format, enum
     * and nullability its Java type gives; the records the services produce require every property (Jackson always
     * writes it, null or not) and allow no other.
     */
    @ParameterizedTest
    @MethodSource("eventRecords")
    void recordSchemaDeclaresExactlyTheRecordComponents(Class<?> record) {
        String name = WireJson.typeOf(record);
        JsonNode schema = DOCUMENT.at("/components/schemas/" + name);
        assertThat(schema.isMissingNode()).as("schema " + name).isFalse();
        List<String> components = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();

        assertThat(names(schema.path("properties"))).as(name + " properties").containsExactlyElementsOf(components);
        if (PRODUCED_ELSEWHERE.contains(record)) {
            assertThat(schema.path("required")).isNotEmpty();
        } else {
            assertThat(values(schema.path("required")))
                    .as(name + " required")
                    .containsExactlyInAnyOrderElementsOf(components);
            assertThat(schema.path("additionalProperties").isBoolean()
                            && !schema.path("additionalProperties").asBoolean())
                    .as(name + " additionalProperties: false")
                    .isTrue();
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = DOCUMENT.resolve(schema.path("properties").path(component.getName()));
            assertMatchesJavaType(
                    name + "." + component.getName(), property, component.getType(), component.getGenericType());
        }
    }

    /**
     * As {@link #assertMatchesJavaType(String, JsonNode, Class)}, and also for a list (a JSON array whose items match
     * the element type) and a nested record (a JSON object declaring exactly its components, all required, no other).
     */
    private static void assertMatchesJavaType(String what, JsonNode property, Class<?> type, Type generic) {
        if (List.class.isAssignableFrom(type)) {
            assertThat(property.path("type").asText()).as(what + " (a list)").isEqualTo("array");
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            assertMatchesJavaType(what + "[]", DOCUMENT.resolve(property.path("items")), (Class<?>) element, element);
        } else if (type.isRecord()) {
            Set<String> types = new LinkedHashSet<>();
            property.path("type").forEach(t -> types.add(t.asText()));
            if (property.path("type").isTextual()) {
                types.add(property.path("type").asText());
            }
            types.remove("null");
            assertThat(types).as(what + " (a record)").containsExactly("object");
            List<String> components = Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList();
            assertThat(names(property.path("properties")))
                    .as(what + " properties")
                    .containsExactlyElementsOf(components);
            assertThat(values(property.path("required")))
                    .as(what + " required")
                    .containsExactlyInAnyOrderElementsOf(components);
            assertThat(property.path("additionalProperties").asBoolean(true))
                    .as(what + " additionalProperties: false")
                    .isFalse();
            for (RecordComponent component : type.getRecordComponents()) {
                assertMatchesJavaType(
                        what + "." + component.getName(),
                        DOCUMENT.resolve(property.path("properties").path(component.getName())),
                        component.getType(),
                        component.getGenericType());
            }
        } else {
            assertMatchesJavaType(what, property, type);
        }
    }

    /** Every record travelling inside events is a component of some event record, so its schema is checked there. */
    @Test
    void everyPartOfAnEventIsCarriedByAnEventRecord() {
        for (Class<?> part : PARTS_OF_EVENTS) {
            assertThat(part.isRecord()).as(part.getName()).isTrue();
            assertThat(eventRecordTypes().stream()
                            .flatMap(record -> Arrays.stream(record.getRecordComponents()))
                            .anyMatch(component -> component.getType() == part))
                    .as(part.getSimpleName() + " is a property of an event record")
                    .isTrue();
        }
    }

    /** Every property of every schema says what it is and gives an example, and the example is valid for it. */
    @Test
    void everyPropertyIsDocumentedWithAValidExample() {
        List<String> checked = new ArrayList<>();
        DOCUMENT.at("/components/schemas").properties().forEach(entry -> {
            String schemaPointer = "/components/schemas/" + entry.getKey();
            assertThat(entry.getValue().path("description").asText())
                    .as(schemaPointer)
                    .isNotBlank();
            entry.getValue().path("properties").properties().forEach(property -> {
                String pointer = schemaPointer + "/properties/" + property.getKey();
                JsonNode schema = DOCUMENT.resolve(property.getValue());
                assertThat(schema.has("type")).as(pointer + " type").isTrue();
                assertThat(schema.path("description").asText())
                        .as(pointer + " description")
                        .isNotBlank();
                assertThat(schema.path("examples")).as(pointer + " examples").isNotEmpty();
                for (JsonNode example : schema.path("examples")) {
                    assertThat(DOCUMENT.validate(pointer, example.toString()))
                            .as(pointer + " example " + example)
                            .isEmpty();
                }
                checked.add(pointer);
            });
        });
        assertThat(checked).hasSizeGreaterThan(100);
    }

    /** The pointer of the message an event's producer publishes: in the channel of its topic, named by its type. */
    private static String messagePointer(EventSample sample) {
        JsonNode channel = channelsByAddress().get(sample.topic());
        assertThat(channel).as("channel of " + sample.topic()).isNotNull();
        JsonNode message = channel.path("messages").path(sample.type());
        assertThat(message.isMissingNode())
                .as(sample.type() + " on " + sample.topic())
                .isFalse();
        return AsyncApiDocument.pointerOf(message.path("$ref").asText());
    }

    private static ObjectNode tree(EventSample sample) {
        return (ObjectNode) WireJson.MAPPER.valueToTree(sample.envelope());
    }

    private static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new HashMap<>();
        DOCUMENT.root()
                .path("channels")
                .properties()
                .forEach(entry -> channels.put(entry.getValue().path("address").asText(), entry.getValue()));
        return channels;
    }

    private static void assertMatchesJavaType(String what, JsonNode property, Class<?> type) {
        Set<String> types = new LinkedHashSet<>();
        if (property.path("type").isArray()) {
            property.path("type").forEach(t -> types.add(t.asText()));
        } else {
            types.add(property.path("type").asText());
        }
        String format = property.path("format").asText(null);
        if (type.isPrimitive()) {
            assertThat(types).as(what + " (a primitive) is never null").doesNotContain("null");
        }
        types.remove("null");
        if (type == UUID.class) {
            assertThat(types).as(what).containsExactly("string");
            assertThat(format).as(what).isEqualTo("uuid");
        } else if (type == String.class) {
            assertThat(types).as(what).containsExactly("string");
        } else if (type == Instant.class) {
            assertThat(types).as(what).containsExactly("string");
            assertThat(format).as(what).isEqualTo("date-time");
        } else if (type == LocalDate.class) {
            assertThat(types).as(what).containsExactly("string");
            assertThat(format).as(what).isEqualTo("date");
        } else if (type == BigDecimal.class) {
            assertThat(types).as(what).containsExactly("number");
        } else if (type == long.class || type == Long.class) {
            assertThat(types).as(what).containsExactly("integer");
            assertThat(format).as(what).isEqualTo("int64");
        } else if (type == int.class || type == Integer.class) {
            assertThat(types).as(what).containsExactly("integer");
            assertThat(format).as(what).isEqualTo("int32");
        } else if (type == boolean.class || type == Boolean.class) {
            assertThat(types).as(what).containsExactly("boolean");
        } else if (type.isEnum()) {
            assertThat(types).as(what).containsExactly("string");
            List<String> constants = Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .toList();
            List<String> allowed = new ArrayList<>();
            property.path("enum").forEach(v -> {
                if (!v.isNull()) {
                    allowed.add(v.asText());
                }
            });
            assertThat(allowed).as(what + " enum").containsExactlyElementsOf(constants);
        } else {
            throw new AssertionError(what + ": no JSON mapping known for " + type.getName());
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Every top-level record of org.district.contracts but the envelope and the parts of events: the event records. */
    static List<Class<?>> eventRecordTypes() {
        try {
            Path root = Path.of(Topics.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            List<Class<?>> records = new ArrayList<>();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class"))
                        .sorted()
                        .toList()) {
                    String name = root.relativize(file).toString().replace(File.separatorChar, '.');
                    Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()));
                    if (type.isRecord()
                            && type != EventEnvelope.class
                            && type.getEnclosingClass() == null
                            && !PARTS_OF_EVENTS.contains(type)) {
                        records.add(type);
                    }
                }
            }
            return records;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list the event records", e);
        }
    }
}
