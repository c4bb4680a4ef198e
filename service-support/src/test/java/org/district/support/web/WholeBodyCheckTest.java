package org.district.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A body that reads badly is named field by field, and however much of it is wrong, the reading stays bounded. */
class WholeBodyCheckTest {

    record Entry(@NotNull String id, @NotBlank String nonce) {}

    record Body(
            @NotBlank String name,
            Integer count,
            List<@Valid Entry> entries,
            @Size(max = 20) List<@NotNull @Valid Entry> few) {}

    record Inner(@NotBlank String label, Integer count) {}

    record Outer(@NotNull @Valid Inner inner, @NotBlank String name) {}

    private static ValidatorFactory factory;
    private static WholeBodyCheck check;

    @BeforeAll
    static void check() {
        factory = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        check = new WholeBodyCheck();
        check.mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        check.validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static List<FieldViolation> read(String json) {
        return check.check(json.getBytes(StandardCharsets.UTF_8), check.mapper.constructType(Body.class));
    }

    @Test
    void namesEveryBadFieldOfASmallBody() {
        assertThat(read("{\"name\":\" \",\"count\":\"many\",\"colour\":1,\"entries\":[{\"id\":\"a\"}]}"))
                .extracting(FieldViolation::field)
                .containsExactly("colour", "count", "entries[0].nonce", "name");
    }

    @Test
    void aRecordPartlyUnreadableIsNamedByItsBadFieldsNotAlsoAsMissing() {
        WholeBodyCheck.Reading reading = check.read(
                "{\"inner\":{\"label\":\" \",\"count\":\"many\"}}".getBytes(StandardCharsets.UTF_8),
                check.mapper.constructType(Outer.class));
        assertThat(reading.errors())
                .extracting(FieldViolation::field)
                .containsExactly("inner.count", "inner.label", "name");
        // What could be read is there for the caller's own rules.
        assertThat(reading.value()).isEqualTo(new Outer(new Inner(" ", null), null));
    }

    @Test
    void aBodyOfThousandsOfUnknownFieldsOrEmptyEntriesStopsOnceAnAnswerIsFull() {
        StringBuilder unknown = new StringBuilder("{\"name\":\"x\"");
        for (int i = 0; i < 50_000; i++) {
            unknown.append(",\"a").append(i).append("\":0");
        }
        assertThat(read(unknown.append('}').toString()))
                .hasSize(InvalidException.LISTED_AT_MOST + 1)
                .allSatisfy(v -> assertThat(v.message()).isEqualTo("is not a known field."));

        StringBuilder empties = new StringBuilder("{\"name\":\"x\",\"count\":\"x\",\"entries\":[{}");
        for (int i = 1; i < 50_000; i++) {
            empties.append(",{}");
        }
        assertThat(read(empties.append("]}").toString())).hasSizeLessThanOrEqualTo(InvalidException.LISTED_AT_MOST + 2);

        // Entries that read well (nulls) are not walked by Bean Validation either, where the list has a declared size.
        StringBuilder nulls = new StringBuilder("{\"name\":\"x\",\"count\":\"x\",\"few\":[null");
        for (int i = 1; i < 200_000; i++) {
            nulls.append(",null");
        }
        List<FieldViolation> found = read(nulls.append("]}").toString());
        assertThat(found).extracting(FieldViolation::field).containsExactly("count", "few");
        assertThat(found.get(1).message()).isEqualTo("size must be between 0 and 20");
    }
}
