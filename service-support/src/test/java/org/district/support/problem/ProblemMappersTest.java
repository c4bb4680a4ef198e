package org.district.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.district.support.domain.ConflictException;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.domain.NotFoundException;
import org.district.support.domain.NotPermittedException;
import org.district.support.domain.StaleVersionException;
import org.district.support.domain.UnavailableException;
import org.district.support.domain.Violations;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemMappersTest {

    // ---------------------------------------------------------------- SQLState mapping, as answered over HTTP

    /** The problem answering a database refusal, as {@link Failures} names it. */
    private static ProblemException answerTo(SQLException e) {
        return ProblemMappers.classify(new PersistenceException(e));
    }

    @Test
    void aUniqueViolationIsAConflictNamingTheColumnsInCamelCase() {
        ProblemException p = answerTo(new SQLException(
                "ERROR: duplicate key value violates unique constraint \"device_serial_number_key\"\n"
                        + "  Detail: Key (serial_number)=(SN-1) already exists.",
                "23505"));
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.slug()).isEqualTo("duplicate");
        assertThat(p.errors()).extracting(FieldViolation::field).containsExactly("serialNumber");
        assertThat(p.errors()).extracting(FieldViolation::message).containsExactly("must be unique");
        assertThat(p.getMessage()).contains("serialNumber").doesNotContain("SN-1");

        ProblemException composite =
                answerTo(new SQLException("Detail: Key (consumer, event_id)=(a, b) already exists.", "23505"));
        assertThat(composite.errors()).extracting(FieldViolation::field).containsExactly("consumer,eventId");

        ProblemException anonymous = answerTo(new SQLException("duplicate", "23505"));
        assertThat(anonymous.status()).isEqualTo(409);
        assertThat(anonymous.errors()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "23503, 409, reference-missing-or-in-use",
        "22001, 400, validation-failed",
        "22P02, 400, validation-failed",
        "23514, 400, validation-failed",
        "23502, 400, validation-failed",
        "40001, 503, retry",
        "40P01, 503, retry",
        "55P03, 503, retry",
        "08006, 503, service-unavailable",
        "08001, 503, service-unavailable",
        "57P01, 503, service-unavailable",
        "53300, 503, service-unavailable",
        "53100, 503, service-unavailable",
    })
    void mapsSqlStates(String state, int status, String slug) {
        ProblemException p = answerTo(new SQLException("boom", state));
        assertThat(p).isNotNull();
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.slug()).isEqualTo(slug);
        assertThat(p.getMessage()).doesNotContain("boom");
        if (status == 503) {
            assertThat(p.headers()).containsKey("Retry-After");
        }
    }

    @Test
    void aPoolTimeoutWithoutStateIsAnOutageWithRetryAfter() {
        ProblemException p = answerTo(new SQLException("Sorry, acquisition timeout!"));
        assertThat(p.status()).isEqualTo(503);
        assertThat(p.headers())
                .containsEntry("Retry-After", Integer.toString(UnavailableException.UNREACHABLE_RETRY_AFTER_SECONDS));
    }

    // ---------------------------------------------------------------- domain refusals

    @Test
    void everyDomainRefusalHasItsStatusTypeAndFields() {
        ProblemException notFound = ProblemMappers.problemFor(new NotFoundException("device", "x"));
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.slug()).isEqualTo("not-found");
        assertThat(notFound.getMessage()).isEqualTo("No device with id 'x' was found.");

        ProblemException conflict = ProblemMappers.problemFor(
                ConflictException.illegalMove("illegal-transition", "LOST cannot go to IN_STOCK.", List.of("FOUND")));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.slug()).isEqualTo("illegal-transition");
        assertThat(conflict.errors()).isEmpty();

        ProblemException onField = ProblemMappers.problemFor(
                ConflictException.onField("duplicate-asset-tag", "assetTag", "is already used by another device."));
        assertThat(onField.errors())
                .containsExactly(new FieldViolation("assetTag", "is already used by another device."));

        ProblemException invalid = ProblemMappers.problemFor(new InvalidException(List.of(
                new FieldViolation("type", "must be one of LAPTOP."),
                new FieldViolation("make", "must not be blank"))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.slug()).isEqualTo("validation-failed");
        assertThat(invalid.errors()).extracting(FieldViolation::field).containsExactly("type", "make");
        assertThat(invalid.getMessage()).isEqualTo("2 fields are not valid; see errors.");

        List<FieldViolation> thousands = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            thousands.add(new FieldViolation("completedCommands[" + i + "].id", "must not be null"));
        }
        ProblemException tooMany = ProblemMappers.problemFor(new InvalidException(thousands));
        assertThat(tooMany.errors())
                .as("one answer lists a bounded number of fields")
                .hasSize(InvalidException.LISTED_AT_MOST)
                .first()
                .isEqualTo(thousands.get(0));
        assertThat(tooMany.getMessage()).isEqualTo("More than 100 fields are not valid; errors lists the first 100.");

        assertThat(ProblemMappers.problemFor(StaleVersionException.of("device", 3, 2))
                        .status())
                .isEqualTo(412);
        assertThat(ProblemMappers.problemFor(new NotPermittedException("not yours"))
                        .status())
                .isEqualTo(403);

        ProblemException busy = ProblemMappers.problemFor(UnavailableException.busy("Too many."));
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.slug()).isEqualTo("busy");
        assertThat(busy.headers()).containsEntry("Retry-After", "1");
    }

    @Test
    void classifyFindsTheProblemDeepInACauseChain() {
        Exception wrapped = new IllegalStateException(
                "commit failed",
                new PersistenceException(new RuntimeException(new SQLException("Key (asset_tag)=(X)", "23505"))));
        ProblemException p = ProblemMappers.classify(wrapped);
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.errors()).extracting(FieldViolation::field).containsExactly("assetTag");

        ProblemException http = ProblemException.internalError();
        assertThat(ProblemMappers.classify(new RuntimeException(http))).isSameAs(http);
        assertThat(ProblemMappers.classify(new RuntimeException(new NotFoundException("device", "x")))
                        .status())
                .isEqualTo(404);
        assertThat(ProblemMappers.classify(new jakarta.persistence.OptimisticLockException())
                        .status())
                .isEqualTo(409);
        assertThat(ProblemMappers.classify(new IllegalArgumentException("bug"))).isNull();
    }

    // ---------------------------------------------------------------- JSON paths

    @Test
    void jsonPathJoinsFieldsAndIndexes() {
        List<JsonMappingException.Reference> path = List.of(
                new JsonMappingException.Reference(null, "people"),
                new JsonMappingException.Reference(null, 3),
                new JsonMappingException.Reference(null, "supervisor"),
                new JsonMappingException.Reference(null, "districtId"));
        assertThat(ProblemMappers.jsonPath(path)).isEqualTo("people[3].supervisor.districtId");
        assertThat(ProblemMappers.jsonPath(List.of(
                        new JsonMappingException.Reference(null, 0), new JsonMappingException.Reference(null, "kind"))))
                .isEqualTo("[0].kind");
        assertThat(ProblemMappers.jsonPath(List.of())).isEmpty();
    }

    enum Kind {
        EMPLOYEE,
        STUDENT
    }

    record Money(BigDecimal cost, LocalDate acquiredOn) {}

    record Body(String name, Kind kind, Boolean active, UUID personId, Money acquisition, List<Money> items) {}

    private static final ObjectMapper STRICT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    private static ProblemException problemFor(String json) {
        try {
            STRICT.readValue(json, Body.class);
        } catch (JsonProcessingException e) {
            return ProblemMappers.jsonProblem(e);
        }
        throw new AssertionError("expected " + json + " to be refused");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\": |body",
                "{\"colour\": \"red\"}|colour",
                "{\"acquisition\": {\"vendor\": \"x\"}}|acquisition.vendor",
                "{\"kind\": \"TEACHER\"}|kind",
                "{\"kind\": 1}|kind",
                "{\"active\": \"maybe\"}|active",
                "{\"personId\": \"not-a-uuid\"}|personId",
                "{\"acquisition\": {\"cost\": \"cheap\"}}|acquisition.cost",
                "{\"acquisition\": {\"acquiredOn\": \"01/09/2026\"}}|acquisition.acquiredOn",
                "{\"acquisition\": \"PURCHASED\"}|acquisition",
                "{\"items\": [{\"cost\": 1}, {\"cost\": \"x\"}]}|items[1].cost",
                "{\"items\": {}}|items",
                "[1, 2]|body",
            })
    void jsonProblemsNameTheField(String json, String field) {
        ProblemException p = problemFor(json);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).singleElement().extracting(FieldViolation::field).isEqualTo(field);
        assertThat(p.getMessage()).doesNotContain("com.fasterxml").doesNotContain("org.district");
    }

    @Test
    void enumProblemsListTheAllowedValues() {
        assertThat(problemFor("{\"kind\": \"TEACHER\"}").errors().get(0).message())
                .contains("EMPLOYEE, STUDENT")
                .contains("TEACHER");
        assertThat(problemFor("{\"name\": ").errors().get(0).message()).contains("not well-formed JSON");
    }

    // ---------------------------------------------------------------- Bean Validation paths

    record Acquisition(@NotNull LocalDate acquiredOn) {}

    record Input(@NotBlank String assetTag, @Valid Acquisition acquisition, List<@Valid Acquisition> history) {}

    record Tags(List<@NotBlank String> tags) {}

    static class Resource {
        public void register(@Valid @NotNull Input input) {}

        public void bulk(@NotNull @Size(max = 1) List<@Valid Input> inputs) {}
    }

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Set<String> fieldNames(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> Violations.fieldName(v.getPropertyPath()))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void fieldNameDropsTheMethodAndParameterOfABodyParameter() throws Exception {
        Method register = Resource.class.getMethod("register", Input.class);
        Input bad =
                new Input(" ", new Acquisition(null), List.of(new Acquisition(LocalDate.now()), new Acquisition(null)));
        assertThat(fieldNames(
                        validator.forExecutables().validateParameters(new Resource(), register, new Object[] {bad})))
                .containsExactlyInAnyOrder("assetTag", "acquisition.acquiredOn", "history[1].acquiredOn");
    }

    @Test
    void fieldNameOfAParameterItselfIsTheParameterName() throws Exception {
        Method register = Resource.class.getMethod("register", Input.class);
        assertThat(fieldNames(
                        validator.forExecutables().validateParameters(new Resource(), register, new Object[] {null})))
                .containsExactly("input");
        Method bulk = Resource.class.getMethod("bulk", List.class);
        Input ok = new Input("T1", null, List.of());
        assertThat(fieldNames(validator
                        .forExecutables()
                        .validateParameters(new Resource(), bulk, new Object[] {List.of(ok, ok)})))
                .containsExactly("inputs");
        assertThat(fieldNames(validator.forExecutables().validateParameters(new Resource(), bulk, new Object[] {
                    List.of(new Input("", null, List.of()))
                })))
                .as("an array body is named like its JSON path")
                .containsExactly("[0].assetTag");
    }

    @Test
    void fieldNameOfAPlainBeanIsItsPropertyPath() {
        Input bad = new Input(null, new Acquisition(null), List.of());
        assertThat(fieldNames(validator.validate(bad))).containsExactlyInAnyOrder("assetTag", "acquisition.acquiredOn");
    }

    @Test
    void aListElementIsNamedByItsIndexAlone() {
        assertThat(fieldNames(validator.validate(new Tags(List.of("a", " ")))))
                .as("not tags[1].<list element>")
                .containsExactly("tags[1]");
    }
}
