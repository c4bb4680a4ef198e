package org.district.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;

/** The strict, bounded JSON reading every service's request bodies go through. */
class JsonLimitsTest {

    enum Kind {
        EMPLOYEE,
        STUDENT
    }

    record Body(String name, Kind kind, Boolean active, Integer count) {}

    record Counter(int count) {}

    record Dated(java.time.LocalDate day, java.time.Instant at) {}

    private static final ObjectMapper MAPPER = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new JsonLimits().customize(mapper);
        return mapper;
    }

    @Test
    void readsAWellFormedBody() throws Exception {
        Body body = MAPPER.readValue(
                "{\"name\": \"Pat\", \"kind\": \"STUDENT\", \"active\": true, \"count\": 3}", Body.class);
        assertThat(body).isEqualTo(new Body("Pat", Kind.STUDENT, true, 3));
    }

    @Test
    void readsDatesAndTimesOnlyFromTheirText() throws Exception {
        assertThat(MAPPER.readValue("{\"day\": \"2026-09-01\", \"at\": \"2026-09-01T08:30:00Z\"}", Dated.class))
                .isEqualTo(
                        new Dated(java.time.LocalDate.of(2026, 9, 1), java.time.Instant.parse("2026-09-01T08:30:00Z")));
        assertThat(MAPPER.readValue("{\"day\": null}", Dated.class).day()).isNull();
        for (String day : new String[] {"[]", "[2026, 9, 1]", "20260901", "{}", "true"}) {
            assertThatThrownBy(() -> MAPPER.readValue("{\"day\": " + day + "}", Dated.class))
                    .as(day)
                    .isInstanceOf(MismatchedInputException.class);
        }
        for (String at : new String[] {"[]", "1788000000", "1788000000.5"}) {
            assertThatThrownBy(() -> MAPPER.readValue("{\"at\": " + at + "}", Dated.class))
                    .as(at)
                    .isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void refusesUnknownFieldsEnumNumbersNullPrimitivesAndTrailingTokens() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"nmae\": \"Pat\"}", Body.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"kind\": 1}", Body.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"count\": null}", Counter.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\": \"a\"} {}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void boundsStringsNumbersAndNesting() {
        String longString = "{\"name\": \"" + "x".repeat(200_001) + "\"}";
        assertThatThrownBy(() -> MAPPER.readValue(longString, Body.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("String value length");
        String longNumber = "{\"count\": " + "1".repeat(41) + "}";
        assertThatThrownBy(() -> MAPPER.readValue(longNumber, Body.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Number value length");
        String deep = "[".repeat(40) + "]".repeat(40);
        assertThatThrownBy(() -> MAPPER.readTree(deep))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("nesting depth");
        assertThat(MAPPER.getFactory().streamReadConstraints().getMaxDocumentLength())
                .isEqualTo(2_000_000);
    }

    @Test
    void refusesScalarsOfTheWrongType() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\": true}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\": 42}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"active\": \"true\"}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"count\": \"3\"}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
