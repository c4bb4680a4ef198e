package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of every service's OpenAPI document against the one declared access table: no operation without an
 * entry, no entry without an operation, and every operation called with every role, without a token, and with an
 * expired token, a token signed by another key and an unsigned token, each answer checked against the entry.
 */
@ExtendWith(SystemExtension.class)
class AuthorizationIT {

    /** Callers that are not a valid sign-in: each must get 401 (APIs) or the sign-in page (pages). */
    private static final Map<String, Function<String, String>> TOKEN_PROBLEMS = new LinkedHashMap<>();

    static {
        TOKEN_PROBLEMS.put("no token", sub -> null);
        TOKEN_PROBLEMS.put("expired token", sub -> TestTokens.expired(sub, "IT_ADMIN"));
        TOKEN_PROBLEMS.put("token signed by another key", sub -> TestTokens.signedByAnotherKey(sub, "IT_ADMIN"));
        TOKEN_PROBLEMS.put("alg:none token", sub -> TestTokens.unsigned(sub, "IT_ADMIN"));
    }

    private static DistrictSystem system;
    private static List<OpenApi.Operation> operations;
    private static List<AccessTable.Entry> table;

    @BeforeAll
    static void load() {
        system = DistrictSystem.current();
        operations = new ArrayList<>();
        operations.addAll(OpenApi.of("inventory", system.inventory.baseUrl()).operations());
        operations.addAll(OpenApi.of("loss-report", system.lossReport.baseUrl()).operations());
        operations.addAll(OpenApi.of("checkin", system.checkin.baseUrl()).operations());
        table = AccessTable.load();
    }

    @Test
    void everyOperationHasExactlyOneEntryAndEveryEntryAnOperation() {
        Set<String> documented =
                operations.stream().map(OpenApi.Operation::key).collect(Collectors.toCollection(TreeSet::new));
        List<String> declared = table.stream().map(AccessTable.Entry::key).toList();
        Set<String> missing = new TreeSet<>(documented);
        declared.forEach(missing::remove);
        Set<String> stale = new TreeSet<>(declared);
        stale.removeAll(documented);
        Set<String> twice = declared.stream()
                .filter(k -> declared.indexOf(k) != declared.lastIndexOf(k))
                .collect(Collectors.toCollection(TreeSet::new));
        DistrictSystem.log("Access table: " + declared.size() + " entries, " + documented.size()
                + " operations in the three OpenAPI documents");
        assertThat(missing).as("operations with no entry in access-table.yaml").isEmpty();
        assertThat(stale).as("access-table.yaml entries that name no operation").isEmpty();
        assertThat(twice).as("operations listed twice").isEmpty();
    }

    @Test
    void theOpenApiDocumentsDeclareTheRolesOfTheTable() {
        List<String> differences = new ArrayList<>();
        for (OpenApi.Operation op : operations) {
            AccessTable.Entry entry = entry(op);
            if (entry == null || entry.isPage()) {
                continue;
            }
            Set<String> expected = new TreeSet<>(entry.roles());
            expected.addAll(entry.credentials());
            if (!expected.equals(op.declaredRoles())) {
                differences.add(op.key() + ": document says " + op.declaredRoles() + ", table says " + expected);
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        StringBuilder matrix = new StringBuilder("| operation | none | expired | other key | alg none | "
                + String.join(" | ", AccessTable.ROLES) + " |\n|---|---|---|---|---|"
                + " ---|".repeat(AccessTable.ROLES.size()) + "\n");
        int calls = 0;
        for (OpenApi.Operation op : operations) {
            AccessTable.Entry entry = entry(op);
            if (entry == null) {
                continue; // reported by the completeness test
            }
            List<String> cells = new ArrayList<>();
            Map<String, Integer> publicAnswers = new LinkedHashMap<>();
            String person = system.id("AUTHZ");
            for (Map.Entry<String, Function<String, String>> problem : TOKEN_PROBLEMS.entrySet()) {
                Http.Reply reply = call(op, problem.getValue().apply(person));
                calls++;
                cells.add(Integer.toString(reply.status()));
                if (entry.isPublic()) {
                    publicAnswers.put(problem.getKey(), reply.status());
                } else if (entry.isPage()) {
                    if (!redirectsToSignIn(reply)) {
                        wrong.add(op.key() + " with " + problem.getKey() + ": expected a redirect to /sign-in, got "
                                + reply);
                    }
                } else if (reply.status() != 401 || !reply.isProblem()) {
                    wrong.add(op.key() + " with " + problem.getKey() + ": expected 401 problem+json, got " + reply);
                }
            }
            for (String role : AccessTable.ROLES) {
                String subject = role.equals("DEVICE") ? UUID.randomUUID().toString() : person;
                Http.Reply reply = call(op, TestTokens.token(subject, role));
                calls++;
                cells.add(Integer.toString(reply.status()));
                if (reply.status() >= 500) {
                    wrong.add(op.key() + " as " + role + ": server error " + reply);
                } else if (entry.isPublic()) {
                    publicAnswers.put(role, reply.status());
                } else if (entry.allows(role)) {
                    if (reply.status() == 401 || reply.status() == 403 || redirectsToSignIn(reply)) {
                        wrong.add(op.key() + " as " + role + ": the role is allowed but was refused: " + reply);
                    }
                } else if (reply.status() != 403 || (!entry.isPage() && !reply.isProblem())) {
                    wrong.add(op.key() + " as " + role + ": expected 403" + (entry.isPage() ? "" : " problem+json")
                            + ", got " + reply);
                }
            }
            if (entry.isPublic() && publicAnswers.values().stream().distinct().count() != 1) {
                wrong.add(op.key() + " is public, but its answer depends on the caller: " + publicAnswers);
            }
            if (entry.isPublic() && publicAnswers.containsValue(401)) {
                wrong.add(op.key() + " is public, but answered 401: " + publicAnswers);
            }
            matrix.append("| ")
                    .append(op.key())
                    .append(" | ")
                    .append(String.join(" | ", cells))
                    .append(" |\n");
        }
        Path report = system.target.resolve("access-matrix.md");
        Files.writeString(report, matrix.toString(), StandardCharsets.UTF_8);
        DistrictSystem.log(
                "Authorization: " + calls + " calls over " + operations.size() + " operations; matrix in " + report);
        assertThat(wrong).as("answers that do not match access-table.yaml").isEmpty();
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        for (ServiceProcess service : List.of(system.inventory, system.lossReport, system.checkin)) {
            for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi")) {
                Http.Reply reply = Http.get(service.baseUrl() + path, null);
                assertThat(reply.status())
                        .as(service.name + path + ": " + reply)
                        .isEqualTo(200);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static AccessTable.Entry entry(OpenApi.Operation op) {
        return table.stream().filter(e -> e.key().equals(op.key())).findFirst().orElse(null);
    }

    private static boolean redirectsToSignIn(Http.Reply reply) {
        String location = reply.header("location");
        return reply.status() / 100 == 3 && location != null && location.contains("/sign-in");
    }

    /**
     * Calls the operation with a harmless request: unknown ids in the path, an empty JSON object, a header-only CSV
     * file, or an empty form carrying a matching CSRF pair (so a refusal can only come from the sign-in or the role).
     */
    static Http.Reply call(OpenApi.Operation op, String token) {
        String path = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        Http.Call call = Http.call(op.method(), op.baseUrl() + path).token(token);
        if (op.requestTypes().contains("application/json")) {
            call.json("{}");
        } else if (op.requestTypes().contains("text/csv")) {
            call.body("text/csv", "assetTag\n".getBytes(StandardCharsets.UTF_8));
        } else if (op.requestTypes().contains("application/x-www-form-urlencoded")) {
            String csrf = "c".repeat(43);
            call.header("Cookie", "district_csrf=" + csrf);
            call.body("application/x-www-form-urlencoded", ("csrf=" + csrf).getBytes(StandardCharsets.UTF_8));
        }
        return call.send();
    }
}
