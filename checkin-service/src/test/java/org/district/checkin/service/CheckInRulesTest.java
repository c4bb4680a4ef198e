package org.district.checkin.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.domain.Violations;
import org.district.support.problem.ProblemMappers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CheckInRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        // The default interpolator, with expression language, as the service's own validator uses.
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void acceptsAddressLiteralsOnlyAndNeverHostNames() {
        assertThat(CheckInRules.isIpAddress("10.20.30.40")).isTrue();
        assertThat(CheckInRules.isIpAddress("255.255.255.255")).isTrue();
        assertThat(CheckInRules.isIpAddress("2001:db8::17")).isTrue();
        assertThat(CheckInRules.isIpAddress("::1")).isTrue();
        assertThat(CheckInRules.isIpAddress("::ffff:10.0.0.1")).isTrue();

        assertThat(CheckInRules.isIpAddress("256.1.1.1")).isFalse();
        assertThat(CheckInRules.isIpAddress("10.1.1")).isFalse();
        assertThat(CheckInRules.isIpAddress("localhost")).isFalse();
        assertThat(CheckInRules.isIpAddress("example.org")).isFalse();
        assertThat(CheckInRules.isIpAddress("a:b:zz")).isFalse();
        assertThat(CheckInRules.isIpAddress(".1:2")).isFalse();
        assertThat(CheckInRules.isIpAddress("1:2:3:4:5:6:7:8:9")).isFalse();
    }

    /**
     * The check-in's hand-written checks against Bean Validation of the same record, on a valid body and on every
     * boundary of every declared constraint: the same fields, with the same messages.
     */
    @Test
    void checksExactlyWhatTheRecordDeclares() {
        Map<String, CheckInRequest> cases = cases();
        List<String> differences = new ArrayList<>();
        Set<String> flagged = new TreeSet<>();
        int invalid = 0;
        for (Map.Entry<String, CheckInRequest> c : cases.entrySet()) {
            Set<String> expected = validator.validate(c.getValue()).stream()
                    .map(v -> Violations.fieldName(v.getPropertyPath()) + ": " + v.getMessage())
                    .collect(Collectors.toCollection(TreeSet::new));
            List<FieldViolation> errors = new ArrayList<>();
            CheckInRules.declared(errors, c.getValue());
            Set<String> actual = errors.stream()
                    .map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!expected.equals(actual)) {
                differences.add(c.getKey() + ": Bean Validation " + expected + ", CheckInRules " + actual);
            }
            expected.forEach(e -> flagged.add(e.substring(0, e.indexOf(':')).replaceAll("\\[\\d+]", "[]")));
            invalid += expected.isEmpty() ? 0 : 1;
        }
        assertThat(differences).isEmpty();
        assertThat(invalid).as("cases that break a constraint").isEqualTo(cases.size() - 1);
        // A constraint added to the record without a case here (and so perhaps without a check) fails this test.
        assertThat(flagged).containsAll(constrainedFields(CheckInRequest.class, ""));
    }

    @Test
    void validateRefusesWithEveryWrongFieldSortedAndAcceptsAValidBody() {
        CheckInRules.validate(valid(), TODAY);
        CheckInRequest body = with(
                valid(),
                b -> new CheckInRequest(
                        null,
                        new CheckInRequest.Os(" ", "x".repeat(41), null),
                        b.lastPatchDate(),
                        b.antivirus(),
                        null,
                        b.passwordProtection(),
                        b.network(),
                        b.location(),
                        b.locked(),
                        b.completedCommands()));
        assertThatThrownBy(() -> CheckInRules.validate(body, TODAY))
                .isInstanceOfSatisfying(InvalidException.class, e -> {
                    assertThat(ProblemMappers.problemFor(e).status()).isEqualTo(400);
                    assertThat(e.violations())
                            .extracting(FieldViolation::field)
                            .containsExactly("os.name", "os.version");
                });
        CheckInRequest future = with(
                valid(),
                b -> new CheckInRequest(
                        null,
                        b.os(),
                        TODAY.plusDays(2),
                        b.antivirus(),
                        b.diskEncryption(),
                        b.passwordProtection(),
                        new CheckInRequest.Network("SCH-1", "999.1.1.1"),
                        b.location(),
                        b.locked(),
                        b.completedCommands()));
        assertThatThrownBy(() -> CheckInRules.validate(future, TODAY))
                .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("lastPatchDate", "network.ipAddress"));
        CheckInRequest nul = with(
                valid(),
                b -> new CheckInRequest(
                        null,
                        new CheckInRequest.Os("Win\u0000dows", "10", null),
                        b.lastPatchDate(),
                        b.antivirus(),
                        b.diskEncryption(),
                        b.passwordProtection(),
                        new CheckInRequest.Network("SCH\u0000", "10.0.0.1"),
                        b.location(),
                        b.locked(),
                        b.completedCommands()));
        assertThatThrownBy(() -> CheckInRules.validate(nul, TODAY))
                .as("text PostgreSQL cannot store is refused by field, not by the database")
                .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("network.site", "os.name"));
    }

    @Test
    void aDeviceCannotPutALineBreakOrMarkupIntoWhatReachesAnAlert() {
        for (String[] bad : new String[][] {
            {"LINCOLN-HS\nBcc: thief@evil.example", "Windows"},
            {"LINCOLN-HS\r", "Windows"},
            {"LINCOLN-HS\u2028library", "Windows"},
            {"<b>LINCOLN-HS</b>", "Windows"},
            {"https://evil.example/x", "Windows"},
            {"LINCOLN-HS: see ftp://evil.example", "Windows"},
            {"LINCOLN-HS", "Windows\r\nX-Forged: yes"},
            {"LINCOLN-HS", "Windows\u001b[31m"},
            {"LINCOLN-HS\u202E", "Windows"},
            {"LINCOLN-HS", "Windows\u202Esmodniw"},
            {"LINCOLN-HS", "\u2067Windows"}
        }) {
            CheckInRequest body = with(
                    valid(),
                    b -> copy(
                            b,
                            new CheckInRequest.Os(bad[1], "10", null),
                            b.antivirus(),
                            new CheckInRequest.Network(bad[0], "10.0.0.1"),
                            b.location()));
            assertThatThrownBy(() -> CheckInRules.validate(body, TODAY))
                    .as("site %s, os %s", bad[0], bad[1])
                    .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field)
                            .containsExactly(bad[0].equals("LINCOLN-HS") ? "os.name" : "network.site"));
        }
        for (String site : new String[] {"LINCOLN-HS", "Room 204 / Library", "École Saint-Jean (annex)", "Gym #2"}) {
            CheckInRequest body = with(
                    valid(),
                    b -> copy(b, b.os(), b.antivirus(), new CheckInRequest.Network(site, "10.0.0.1"), b.location()));
            CheckInRules.validate(body, TODAY);
        }
    }

    @Test
    void aListOfTooManyCompletedCommandsIsOneErrorWhateverItsEntriesHold() {
        List<CheckInRequest.CompletedCommand> empties = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            empties.add(i % 2 == 0 ? null : new CheckInRequest.CompletedCommand(null, null, null));
        }
        assertThatThrownBy(() -> CheckInRules.validate(commands(empties), TODAY))
                .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("completedCommands"));
    }

    @Test
    void aFieldRefusedByItsDeclaredConstraintDoesNotHideAnotherFieldsRule() {
        CheckInRequest body = with(
                valid(),
                b -> new CheckInRequest(
                        null,
                        new CheckInRequest.Os("x".repeat(61), "10", null),
                        TODAY.plusDays(30),
                        b.antivirus(),
                        b.diskEncryption(),
                        b.passwordProtection(),
                        new CheckInRequest.Network("<b>site</b>", "example.org"),
                        b.location(),
                        b.locked(),
                        b.completedCommands()));
        assertThatThrownBy(() -> CheckInRules.validate(body, TODAY))
                .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("lastPatchDate", "network.ipAddress", "network.site", "os.name"));
    }

    private static Map<String, CheckInRequest> cases() {
        Map<String, CheckInRequest> cases = new LinkedHashMap<>();
        cases.put("valid", valid());
        cases.put("no os", with(valid(), b -> copy(b, null, b.antivirus(), b.network(), b.location())));
        for (String[] os : new String[][] {
            {null, "1", null},
            {"", "1", null},
            {" \t", "1", null},
            {"\u2003", "1", null},
            {"x".repeat(61), "1", null},
            {"ChromeOS", null, null},
            {"ChromeOS", " ", null},
            {"ChromeOS", "1".repeat(41), null},
            {"ChromeOS", "1", "b".repeat(61)},
            {"", "", "b".repeat(61)}
        }) {
            cases.put(
                    "os " + Arrays.toString(os),
                    with(
                            valid(),
                            b -> copy(
                                    b,
                                    new CheckInRequest.Os(os[0], os[1], os[2]),
                                    b.antivirus(),
                                    b.network(),
                                    b.location())));
        }
        for (String product : new String[] {null, "", "  ", "p".repeat(81)}) {
            cases.put(
                    "antivirus " + product,
                    with(
                            valid(),
                            b -> copy(
                                    b,
                                    b.os(),
                                    new CheckInRequest.Antivirus(product, TODAY),
                                    b.network(),
                                    b.location())));
        }
        cases.put("no network", with(valid(), b -> copy(b, b.os(), b.antivirus(), null, b.location())));
        for (String[] network : new String[][] {
            {null, "10.0.0.1"},
            {" ", "10.0.0.1"},
            {"s".repeat(61), "10.0.0.1"},
            {"SCH-1", null},
            {"SCH-1", ""},
            {"SCH-1", "1".repeat(46)}
        }) {
            cases.put(
                    "network " + Arrays.toString(network),
                    with(
                            valid(),
                            b -> copy(
                                    b,
                                    b.os(),
                                    b.antivirus(),
                                    new CheckInRequest.Network(network[0], network[1]),
                                    b.location())));
        }
        for (Double[] location : new Double[][] {
            {null, 10.0, 5.0},
            {-90.000001, 10.0, 5.0},
            {90.5, 10.0, null},
            {45.0, null, 5.0},
            {45.0, -180.25, 5.0},
            {45.0, 180.0000001, 5.0},
            {45.0, 10.0, -0.5},
            {45.0, 10.0, 100000.01},
            {null, null, -1.0},
            // What 1e999 and -1e999 read as.
            {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}
        }) {
            cases.put(
                    "location " + Arrays.toString(location),
                    with(
                            valid(),
                            b -> copy(
                                    b,
                                    b.os(),
                                    b.antivirus(),
                                    b.network(),
                                    new CheckInRequest.Location(location[0], location[1], location[2]))));
        }
        List<CheckInRequest.CompletedCommand> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(new CheckInRequest.CompletedCommand(UUID.randomUUID(), "a".repeat(32)));
        }
        cases.put("21 completed commands", commands(many));
        List<CheckInRequest.CompletedCommand> withNull =
                new ArrayList<>(List.of(new CheckInRequest.CompletedCommand(UUID.randomUUID(), "a".repeat(32))));
        withNull.add(null);
        cases.put("a null completed command", commands(withNull));
        cases.put(
                "a completed command without its nonce",
                commands(List.of(new CheckInRequest.CompletedCommand(UUID.randomUUID(), " "))));
        cases.put(
                "a completed command with a nonce not as it was sent",
                commands(List.of(new CheckInRequest.CompletedCommand(UUID.randomUUID(), "A".repeat(32)))));
        cases.put(
                "a completed command with a nonce one digit too long",
                commands(List.of(new CheckInRequest.CompletedCommand(UUID.randomUUID(), "a".repeat(33)))));
        cases.put(
                "a completed command with a result that is not one",
                commands(List.of(new CheckInRequest.CompletedCommand(UUID.randomUUID(), "a".repeat(32), "done"))));
        cases.put(
                "a completed command without its id",
                commands(List.of(new CheckInRequest.CompletedCommand(null, "a".repeat(32)))));
        return cases;
    }

    private static CheckInRequest valid() {
        return new CheckInRequest(
                UUID.randomUUID(),
                new CheckInRequest.Os("Windows", "10.0.22631", "3880"),
                TODAY.minusDays(3),
                new CheckInRequest.Antivirus("Defender", TODAY),
                true,
                true,
                new CheckInRequest.Network("SCH-1", "10.0.0.1"),
                new CheckInRequest.Location(90.0, -180.0, 100000.0),
                true,
                List.of(new CheckInRequest.CompletedCommand(UUID.randomUUID(), "a".repeat(32))));
    }

    private static CheckInRequest with(CheckInRequest body, UnaryOperator<CheckInRequest> change) {
        return change.apply(body);
    }

    private static CheckInRequest copy(
            CheckInRequest b,
            CheckInRequest.Os os,
            CheckInRequest.Antivirus antivirus,
            CheckInRequest.Network network,
            CheckInRequest.Location location) {
        return new CheckInRequest(
                b.deviceId(),
                os,
                b.lastPatchDate(),
                antivirus,
                b.diskEncryption(),
                b.passwordProtection(),
                network,
                location,
                b.locked(),
                b.completedCommands());
    }

    private static CheckInRequest commands(List<CheckInRequest.CompletedCommand> commands) {
        CheckInRequest b = valid();
        return new CheckInRequest(
                b.deviceId(),
                b.os(),
                b.lastPatchDate(),
                b.antivirus(),
                b.diskEncryption(),
                b.passwordProtection(),
                b.network(),
                b.location(),
                b.locked(),
                commands);
    }

    /** Every property path of the record (nested records followed) that carries a Bean Validation constraint. */
    private static Set<String> constrainedFields(Class<?> type, String prefix) {
        Set<String> fields = new TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + component.getName();
            if (isConstrained(component.getAnnotations())) {
                fields.add(path);
            }
            if (component.getAnnotatedType() instanceof AnnotatedParameterizedType list
                    && isConstrained(list.getAnnotatedActualTypeArguments()[0].getAnnotations())) {
                fields.add(path + "[]");
            }
            if (component.isAnnotationPresent(Valid.class)
                    && component.getType().isRecord()) {
                fields.addAll(constrainedFields(component.getType(), path + "."));
            }
        }
        return fields;
    }

    private static boolean isConstrained(Annotation[] annotations) {
        return Arrays.stream(annotations)
                .anyMatch(a -> a.annotationType().getPackageName().equals("jakarta.validation.constraints"));
    }
}
