package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.district.testing.Keycloak;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of every service's OpenAPI document against the one declared access table: no operation without an
 * entry, no entry without an operation, and every operation called with every role (a real token of the identity
 * provider), without a sign-in, and with every kind of token the services must refuse, each answer checked against the
 * entry. The services' old page addresses lead into the console, for everyone alike.
 */
@ExtendWith(SystemExtension.class)
class AuthorizationIT {

    /** Older than the services' maximum token age (OIDC_TOKEN_MAX_AGE, 15 minutes), not expired. */
    static final Duration OLDER_THAN_MAX_AGE = Duration.ofMinutes(20);

    /**
     * Callers that are not a valid sign-in: each must get 401 problem+json. Made afresh for each operation: a real token of another client expires in five minutes, and
     * must be refused for its audience, not for its age.
     */
    static final Map<String, Function<String, String>> TOKEN_PROBLEMS = new LinkedHashMap<>();

    static {
        TOKEN_PROBLEMS.put("no token", sub -> null);
        TOKEN_PROBLEMS.put("expired token", sub -> TestTokens.expired(sub, "IT_ADMIN"));
        TOKEN_PROBLEMS.put(
                "token older than the maximum age", sub -> TestTokens.issuedAgo(OLDER_THAN_MAX_AGE, sub, "IT_ADMIN"));
        TOKEN_PROBLEMS.put("token for another client", sub -> TestTokens.forAnotherClient(sub, "IT_ADMIN"));
        TOKEN_PROBLEMS.put(
                "token of the retired development key", sub -> TestTokens.retiredDevelopmentKey(sub, "IT_ADMIN"));
        TOKEN_PROBLEMS.put("token signed by another key", sub -> TestTokens.signedByAnotherKey(sub, "IT_ADMIN"));
        TOKEN_PROBLEMS.put("alg:none token", sub -> TestTokens.unsigned(sub, "IT_ADMIN"));
    }

    private static DistrictSystem system;
    private static List<OpenApi.Operation> operations;
    private static List<AccessTable.Entry> table;
    /** The person the matrix acts as: one district id, a realm user per role. */
    private static String person;

    @BeforeAll
    static void load() {
        system = DistrictSystem.current();
        operations = new ArrayList<>();
        operations.addAll(OpenApi.of("inventory", system.inventory.baseUrl()).operations());
        operations.addAll(OpenApi.of("loss-report", system.lossReport.baseUrl()).operations());
        operations.addAll(OpenApi.of("checkin", system.checkin.baseUrl()).operations());
        table = AccessTable.load();
        person = system.id("AUTHZ");
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
    void theOpenApiDocumentsDeclareTheRolesAndCredentialsOfTheTable() {
        List<String> differences = new ArrayList<>();
        for (OpenApi.Operation op : operations) {
            AccessTable.Entry entry = entry(op);
            if (entry == null) {
                continue;
            }
            Set<String> roles = new TreeSet<>(entry.roles());
            // An operation open to anyone declares no role.
            roles.remove(AccessTable.PUBLIC);
            if (!roles.equals(op.declaredRoles())) {
                differences.add(op.key() + ": document says roles " + op.declaredRoles() + ", table says " + roles);
            }
            if (!entry.schemes().equals(op.declaredSchemes())) {
                differences.add(op.key() + ": document says credentials " + op.declaredSchemes() + ", table says "
                        + entry.schemes());
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        StringBuilder matrix = new StringBuilder("| operation | "
                + String.join(" | ", TOKEN_PROBLEMS.keySet()) + " | " + String.join(" | ", AccessTable.ROLES)
                + " |\n|---|" + " ---|".repeat(TOKEN_PROBLEMS.size() + AccessTable.ROLES.size()) + "\n");
        int calls = 0;
        for (OpenApi.Operation op : operations) {
            AccessTable.Entry entry = entry(op);
            if (entry == null) {
                continue; // reported by the completeness test
            }
            List<String> cells = new ArrayList<>();
            Map<String, Integer> publicAnswers = new LinkedHashMap<>();
            for (Map.Entry<String, Function<String, String>> problem : TOKEN_PROBLEMS.entrySet()) {
                Http.Reply reply = callWithToken(op, problem.getValue().apply(person));
                calls++;
                cells.add(Integer.toString(reply.status()));
                if (entry.isPublic()) {
                    publicAnswers.put(problem.getKey(), reply.status());
                } else if (reply.status() != 401 || !reply.isProblem()) {
                    wrong.add(op.key() + " with " + problem.getKey() + ": expected 401 problem+json, got " + reply);
                }
            }
            for (String role : AccessTable.ROLES) {
                Http.Reply reply = callWithToken(op, TestTokens.token(person, role));
                calls++;
                cells.add(Integer.toString(reply.status()));
                if (reply.status() >= 500) {
                    wrong.add(op.key() + " as " + role + ": server error " + reply);
                } else if (entry.isPublic()) {
                    publicAnswers.put(role, reply.status());
                } else if (entry.allows(role)) {
                    if (reply.status() == 401 || reply.status() == 403 || sendsToSignIn(reply)) {
                        wrong.add(op.key() + " as " + role + ": the role is allowed but was refused: " + reply);
                    }
                } else if (reply.status() != 403 || !reply.isProblem()) {
                    wrong.add(op.key() + " as " + role + ": expected 403 problem+json, got " + reply);
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
    void theServicesOldPageAddressesLeadIntoTheConsoleForEveryone() {
        Map<String, String> moved = new LinkedHashMap<>();
        moved.put(system.lossReport("/"), "/devices");
        moved.put(system.lossReport("/report-loss"), "/devices");
        UUID report = UUID.randomUUID();
        moved.put(system.lossReport("/reports/" + report), "/loss-reports/" + report);
        moved.put(system.lossReport("/reports/not-a-report"), "/my-reports");
        moved.put(system.lossReport("/confirm-sign-out"), "/confirm-sign-out");
        moved.put(system.lossReport("/signed-out"), "/signed-out");
        moved.put(system.checkin("/dashboard"), "/");
        moved.put(system.checkin("/confirm-sign-out"), "/confirm-sign-out");
        moved.put(system.checkin("/signed-out"), "/signed-out");
        List<String> callers = new ArrayList<>(TOKEN_PROBLEMS.keySet());
        callers.addAll(AccessTable.ROLES);
        moved.forEach((old, path) -> {
            for (String caller : callers) {
                String token = TOKEN_PROBLEMS.containsKey(caller)
                        ? TOKEN_PROBLEMS.get(caller).apply(person)
                        : TestTokens.token(person, caller);
                Http.Reply reply = Http.call("GET", old)
                        .token(token)
                        .header("Accept", "text/html")
                        .send();
                assertThat(reply.status())
                        .as(old + " as " + caller + ": " + reply)
                        .isEqualTo(301);
                assertThat(reply.header("location")).as(old).isEqualTo(system.consolePage(path));
            }
        });
        // Their forms are gone: a post to one saves nothing and answers no page.
        Http.Reply posted = Http.call("POST", system.lossReport("/report-loss"))
                .token(TestTokens.token(person, "STAFF"))
                .body("application/x-www-form-urlencoded", "device=X&kind=LOST".getBytes(StandardCharsets.UTF_8))
                .send();
        assertThat(posted.status()).as(posted.toString()).isIn(404, 405);
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

    /** A redirect to the identity provider's login page (the authorization endpoint of the code flow). */
    static boolean sendsToSignIn(Http.Reply reply) {
        String location = reply.header("location");
        return reply.status() / 100 == 3
                && location != null
                && location.startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth");
    }

    /**
     * Calls the operation with a harmless request and a bearer token (none when null): unknown ids in the path, an
     * empty JSON object, a header-only CSV file or an empty form, so that a refusal can only come from the sign-in or
     * the role.
     */
    static Http.Reply callWithToken(OpenApi.Operation op, String token) {
        Http.Call call = Http.call(op.method(), url(op)).token(token);
        if (!op.path().startsWith("/api/")) {
            // As a browser opens a page; the API's calls say nothing (some answer CSV).
            call.header("Accept", "text/html");
        }
        harmlessBody(op, call);
        return call.send();
    }

    private static String url(OpenApi.Operation op) {
        return op.baseUrl()
                + op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static void harmlessBody(OpenApi.Operation op, Http.Call call) {
        if (op.requestTypes().contains("application/json")) {
            call.json("{}");
        } else if (op.requestTypes().contains("text/csv")) {
            call.body("text/csv", "assetTag\n".getBytes(StandardCharsets.UTF_8));
        }
    }
}
