package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.district.testing.Keycloak;
import org.district.testing.TestTokens;
import org.district.testing.WebSignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of every service's OpenAPI document against the one declared access table: no operation without an
 * entry, no entry without an operation, and every operation called with every role (a real token of the identity
 * provider for the APIs, a session signed in through its login page for the pages), without a sign-in, and with every
 * kind of token the services must refuse, each answer checked against the entry.
 */
@ExtendWith(SystemExtension.class)
class AuthorizationIT {

    /** Older than the services' maximum token age (OIDC_TOKEN_MAX_AGE, 15 minutes), not expired. */
    static final Duration OLDER_THAN_MAX_AGE = Duration.ofMinutes(20);

    /**
     * Callers that are not a valid sign-in: each must get 401 problem+json (APIs) or be sent to the identity provider's
     * login page (pages). Made afresh for each operation: a real token of another client expires in five minutes, and
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

    /** The page each service's browsers sign in at (any page of its web tenant sends them to the provider). */
    private static final Map<String, String> SIGN_IN_PAGE =
            Map.of("loss-report", "/report-loss", "checkin", "/dashboard");

    /** A page of each service whose forms carry the CSRF token every form post must repeat. */
    private static final Map<String, String> FORM_PAGE =
            Map.of("loss-report", "/confirm-sign-out", "checkin", "/dashboard");

    private static final Pattern CSRF_FIELD =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]*csrf[^\"]*)\" value=\"([^\"]+)\"");

    private static DistrictSystem system;
    private static List<OpenApi.Operation> operations;
    private static List<AccessTable.Entry> table;
    /** The person the matrix acts as: one district id, a realm user per role. */
    private static String person;

    private static final Map<String, PageSession> SESSIONS = new LinkedHashMap<>();

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
            if (entry == null || entry.isPage()) {
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
                } else if (entry.isPage()) {
                    if (!sendsToSignIn(reply)) {
                        wrong.add(op.key() + " with " + problem.getKey()
                                + ": expected a redirect to the identity provider's login page, got " + reply);
                    }
                } else if (reply.status() != 401 || !reply.isProblem()) {
                    wrong.add(op.key() + " with " + problem.getKey() + ": expected 401 problem+json, got " + reply);
                }
            }
            for (String role : AccessTable.ROLES) {
                Http.Reply reply = entry.isPage()
                        ? callSignedIn(op, endsSession(op) ? signIn(op.service(), role) : session(op.service(), role))
                        : callWithToken(op, TestTokens.token(person, role));
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
                } else if (reply.status() != 403 || (!entry.isPage() && !reply.isProblem())) {
                    wrong.add(op.key() + " as " + role + ": expected 403" + (entry.isPage() ? "" : " problem+json")
                            + ", got " + reply);
                } else if (entry.isPage() && !reply.contentType().startsWith("text/html")) {
                    wrong.add(op.key() + " as " + role + ": a page refuses with a page, got " + reply);
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
        harmlessBody(op, call, null);
        return call.send();
    }

    /** The same request from a signed-in browser: its cookies, its origin, and its forms' CSRF token. */
    private static Http.Reply callSignedIn(OpenApi.Operation op, PageSession session) {
        Http.Call call =
                Http.call(op.method(), url(op)).header("Accept", "text/html").header("Cookie", session.cookieHeader());
        if (!op.method().equals("GET")) {
            call.header("Origin", session.origin());
        }
        harmlessBody(op, call, session);
        return call.send();
    }

    private static String url(OpenApi.Operation op) {
        return op.baseUrl()
                + op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static void harmlessBody(OpenApi.Operation op, Http.Call call, PageSession session) {
        if (op.requestTypes().contains("application/json")) {
            call.json("{}");
        } else if (op.requestTypes().contains("text/csv")) {
            call.body("text/csv", "assetTag\n".getBytes(StandardCharsets.UTF_8));
        } else if (op.requestTypes().contains("application/x-www-form-urlencoded")) {
            String form = session == null || session.csrfField() == null
                    ? ""
                    : session.csrfField() + "=" + session.csrfToken();
            call.body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The sign-out path (the web tenant's logout path): a call there ends the session it carries. */
    private static boolean endsSession(OpenApi.Operation op) {
        return op.path().equals("/sign-out");
    }

    /** A browser of the service signed in for the whole run as the matrix's person with one role. */
    private static synchronized PageSession session(String service, String role) {
        return SESSIONS.computeIfAbsent(service + " " + role, key -> signIn(service, role));
    }

    /**
     * A browser of the service signed in as the matrix's person with one role, through the identity provider's login
     * page, with the CSRF token its forms carry.
     */
    private static PageSession signIn(String service, String role) {
        String base = service.equals("loss-report") ? system.lossReport.baseUrl() : system.checkin.baseUrl();
        WebSignIn browser = WebSignIn.as(base + SIGN_IN_PAGE.get(service), person, role);
        HttpResponse<String> page = browser.open(FORM_PAGE.get(service));
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        return csrf.find()
                ? new PageSession(browser, csrf.group(1), csrf.group(2))
                : new PageSession(browser, null, null);
    }

    /** A signed-in browser's cookies and origin, and the CSRF field its forms carry (null when it was shown none). */
    record PageSession(WebSignIn browser, String csrfField, String csrfToken) {

        String cookieHeader() {
            StringBuilder header = new StringBuilder();
            browser.cookies().forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ")
                    .append(name)
                    .append('=')
                    .append(value));
            return header.toString();
        }

        String origin() {
            return browser.origin();
        }
    }
}
