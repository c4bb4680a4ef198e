package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.district.systemtests.District.Device;
import org.district.systemtests.District.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The three services' OpenAPI documents against the running services. Every operation of every document is called
 * with its documented examples (the request body's example, each parameter's example, ids of real objects in the
 * path) and must succeed; then without a credential, with unknown and malformed ids, with every query parameter out of
 * its documented bounds, and with bodies generated from its schema ({@link BadInputs}). Every answer, whatever its
 * status, is validated against the document by swagger-request-validator ({@link Contract}): status, headers, media
 * type and body. Any mismatch fails. Writes {@code target/contract-report.md}: per operation, the inputs sent and the
 * statuses they were answered with.
 */
@ExtendWith(SystemExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractIT {

    /** The roles a call is made with, in order of preference, when the operation admits several. */
    private static final List<String> ROLE_PREFERENCE = List.of("IT_ADMIN", "HR", "AUDITOR", "SUPERVISOR", "STAFF");

    private DistrictSystem system;
    private District district;
    private Person supervisor;
    private Person staff;

    /** How the example call of an operation differs from the document's examples: real ids, unique keys. */
    private final Map<String, Consumer<Call>> scenarios = new LinkedHashMap<>();

    @BeforeAll
    void fixtures() {
        system = DistrictSystem.current();
        district = new District(system);
        DistrictSystem.log("Contract: registering the people, devices, reports and tasks the examples act on");
        supervisor = district.employee(null);
        staff = district.employee(supervisor);
        Person leaving = district.employee(supervisor);
        Device inStock = district.device("LAPTOP", false);
        Device toAssign = district.device("LAPTOP", false);
        Device toReturn = district.device("LAPTOP", false);
        Device toReport = district.device("LAPTOP", false);
        Device reported = district.device("LAPTOP", false);
        Device toRecover = district.device("LAPTOP", false);
        Device toWriteOff = district.device("LAPTOP", false);
        Device checkingIn = district.device("LAPTOP", true);
        Device leavingLaptop = district.device("LAPTOP", false);
        Device quarantined = district.device("LAPTOP", true);
        Device replacement = district.device("LAPTOP", false);
        for (Device d : List.of(toReturn, toReport, reported, toRecover, toWriteOff, checkingIn, quarantined)) {
            district.assign(d, staff);
        }
        district.assign(leavingLaptop, leaving);
        for (Device d : List.of(toReturn, toReport, reported, toRecover, toWriteOff, checkingIn, quarantined)) {
            district.awaitReadModels(d, "ASSIGNED", staff);
        }
        district.awaitReadModels(leavingLaptop, "ASSIGNED", leaving);
        String report = report(reported);
        String reportToRecover = report(toRecover);
        String reportToWriteOff = report(toWriteOff);
        Http.Reply found = Http.post(
                system.lossReport("/api/v1/loss-reports/" + report(quarantined) + "/recovery"),
                district.itToken(),
                Map.of("note", "Handed in at the front office"));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        district.awaitInventoryStatus(quarantined, "QUARANTINED");
        Http.Reply offboarded = Http.post(
                system.checkin("/api/v1/offboardings"),
                district.hrToken(),
                Map.of(
                        "districtId",
                        leaving.districtId(),
                        "lastWorkingDay",
                        DistrictSystem.today().plusDays(14).toString()));
        assertThat(offboarded.status()).as(offboarded.toString()).isEqualTo(201);
        Iterator<JsonNode> tasks = offboarded.json().get("openTasks").iterator();
        String task = tasks.next().get("id").asText();
        String deviceAuthorization = district.deviceAuthorization(checkingIn);
        String charge = district.charge(staff, inStock, "900.00");

        // ------------------------------------------------------------ inventory
        String device = inStock.id().toString();
        scenarios.put("inventory POST /api/v1/devices", c -> c.body()
                .put("assetTag", system.id("CT"))
                .put("serialNumber", system.id("CT-SN"))
                .put("school", system.school()));
        scenarios.put("inventory GET /api/v1/devices/{id}", c -> c.path("id", device));
        scenarios.put("inventory PUT /api/v1/devices/{id}", c -> {
            c.path("id", device);
            JsonNode now = district.inventoryDevice(inStock);
            c.body()
                    .put("assetTag", inStock.assetTag())
                    .put("serialNumber", inStock.serialNumber())
                    .put("school", now.path("school").asText(system.school()));
        });
        scenarios.put("inventory POST /api/v1/devices/{id}/assignment", c -> {
            c.path("id", toAssign.id().toString());
            c.body().put("personDistrictId", staff.districtId());
        });
        scenarios.put(
                "inventory POST /api/v1/devices/{id}/return",
                c -> c.path("id", toReturn.id().toString()));
        scenarios.put("inventory POST /api/v1/charges", c -> c.body()
                .put("personId", staff.id().toString())
                .put("deviceId", inStock.id().toString()));
        scenarios.put("inventory GET /api/v1/charges/{id}", c -> c.path("id", charge));
        scenarios.put("inventory POST /api/v1/charges/{id}/payments", c -> {
            c.path("id", charge);
            c.body().put("paidOn", DistrictSystem.today().toString()).put("reference", system.id("R"));
        });
        scenarios.put("inventory POST /api/v1/charges/{id}/waivers", c -> c.path("id", charge));
        scenarios.put("inventory POST /api/v1/devices/{id}/replacement", c -> {
            c.path("id", reported.id().toString());
            c.body()
                    .put("assetTag", replacement.assetTag())
                    .put("dueOn", DistrictSystem.today().plusDays(7).toString());
            c.body().remove("deviceId");
        });
        scenarios.put("inventory POST /api/v1/people", c -> c.body()
                .put("districtId", system.id("CTP"))
                .put("email", system.id("ctp").toLowerCase() + "@district.example")
                .put("school", system.school()));
        scenarios.put("inventory POST /api/v1/people/bulk", c -> {
            for (JsonNode person : c.bodyArray()) {
                ((ObjectNode) person)
                        .put("districtId", system.id("CTB"))
                        .put("email", system.id("ctb").toLowerCase() + "@district.example")
                        .put("school", system.school());
            }
        });
        scenarios.put(
                "inventory POST /api/v1/devices/import",
                c -> c.text = c.text.replace("LHS-0042", system.id("CTI"))
                        .replace("5CG3281QXZ", system.id("CTI-SN"))
                        .replace("LINCOLN-HS", system.school()));
        scenarios.put(
                "inventory POST /api/v1/people/import",
                c -> c.text = c.text.replace("E10234", system.id("CTI-P"))
                        .replace("jrivera@", system.id("ctip").toLowerCase() + "@")
                        .replace("E10007", supervisor.districtId())
                        .replace("LINCOLN-HS", system.school()));
        scenarios.put("inventory GET /api/v1/people/me", c -> c.as("STAFF"));
        for (String op : List.of(
                "GET /api/v1/people/{id}",
                "PUT /api/v1/people/{id}",
                "GET /api/v1/people/{id}/history",
                "POST /api/v1/people/{id}/aup-acknowledgement",
                "GET /api/v1/people/{id}/balance")) {
            scenarios.merge("inventory " + op, c -> c.path("id", supervisor.id().toString()), Consumer::andThen);
        }
        scenarios.merge(
                "inventory PUT /api/v1/people/{id}",
                c -> c.body()
                        .put("districtId", supervisor.districtId())
                        .put("email", supervisor.email())
                        .put("school", system.school()),
                Consumer::andThen);
        for (String op : List.of(
                "GET /api/v1/devices/{id}/assignments",
                "GET /api/v1/devices/{id}/history",
                "GET /api/v1/devices/{id}/moves",
                "POST /api/v1/devices/{id}/status")) {
            scenarios.putIfAbsent("inventory " + op, c -> c.path("id", device));
        }
        scenarios.put(
                "inventory POST /api/v1/devices/{id}/sanitization",
                c -> c.path("id", quarantined.id().toString()));
        // Personal devices: the staff member registers their own; IT decides (a refusal needs no AUP acknowledgement),
        // the owner asks again after a refusal, IT removes one still waiting.
        String personalToDecide = personalDevice();
        String personalToRenew = personalDevice();
        String personalToRemove = personalDevice();
        Http.Reply refused = Http.post(
                system.inventory("/api/v1/personal-devices/" + personalToRenew + "/decision"),
                district.itToken(),
                Map.of("decision", "REFUSE", "reason", "Bring it to the IT office first"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        scenarios.put("inventory POST /api/v1/personal-devices", c -> {
            c.as("STAFF");
            c.body().put("serialNumber", system.id("PD-SN"));
        });
        scenarios.put("inventory GET /api/v1/personal-devices/{id}", c -> c.path("id", personalToDecide));
        scenarios.put("inventory POST /api/v1/personal-devices/{id}/decision", c -> c.path("id", personalToDecide));
        scenarios.put("inventory POST /api/v1/personal-devices/{id}/renewal", c -> c.as("STAFF")
                .path("id", personalToRenew));
        scenarios.put("inventory POST /api/v1/personal-devices/{id}/removal", c -> c.path("id", personalToRemove));

        // ------------------------------------------------------------ loss-report
        scenarios.put("loss-report POST /api/v1/loss-reports", c -> {
            c.body().put("assetTag", toReport.assetTag()).put("lastSeenAt", hoursAgo(2));
            c.body().remove(List.of("deviceId", "serialNumber"));
            c.as("STAFF");
        });
        for (String op : List.of(
                "GET /api/v1/loss-reports/{id}",
                "PATCH /api/v1/loss-reports/{id}",
                "POST /api/v1/loss-reports/{id}/police-report")) {
            scenarios.put("loss-report " + op, c -> c.path("id", report));
        }
        scenarios.put("loss-report POST /api/v1/loss-reports/{id}/recovery", c -> {
            c.path("id", reportToRecover);
            c.body()
                    .put(
                            "recoveredAt",
                            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        });
        scenarios.put("loss-report POST /api/v1/loss-reports/{id}/write-off", c -> c.path("id", reportToWriteOff));
        // ------------------------------------------------------------ checkin
        String checkinDevice = checkingIn.id().toString();
        scenarios.put("checkin POST /api/v1/checkins", c -> {
            c.authorization(deviceAuthorization);
            c.body().put("deviceId", checkinDevice);
        });
        for (String op : List.of(
                "GET /api/v1/devices/{id}/checkins",
                "GET /api/v1/devices/{id}/commands",
                "POST /api/v1/devices/{id}/commands",
                "GET /api/v1/devices/{id}/locations",
                "GET /api/v1/devices/{id}/credential",
                "POST /api/v1/devices/{id}/enrolment-code")) {
            scenarios.put("checkin " + op, c -> c.path("id", checkinDevice));
        }
        scenarios.put(
                "checkin POST /api/v1/devices/{id}/credential",
                c -> c.path("id", inStock.id().toString()));
        scenarios.put(
                "checkin DELETE /api/v1/devices/{id}/credential",
                c -> c.path("id", inStock.id().toString()));
        scenarios.put("checkin POST /api/v1/devices/{id}/commands/{commandId}/cancel", c -> {
            // The lock the report asked for, waiting for the device's next check-in.
            String command =
                    await().atMost(District.PROPAGATION).until(() -> pendingCommand(reported), Objects::nonNull);
            c.path("id", reported.id().toString()).path("commandId", command);
        });
        scenarios.put("checkin POST /api/v1/enrolments", c -> {
            Http.Reply code = Http.post(
                    system.checkin("/api/v1/devices/" + toAssign.id() + "/enrolment-code"),
                    district.itToken(),
                    Map.of());
            assertThat(code.status()).as(code.toString()).isEqualTo(201);
            c.body().put("code", code.json().get("code").asText());
        });
        scenarios.put("checkin POST /api/v1/offboardings", c -> c.body()
                .put("personId", supervisor.id().toString())
                .put("districtId", supervisor.districtId())
                .put("lastWorkingDay", DistrictSystem.today().plusDays(30).toString()));
        scenarios.put("checkin GET /api/v1/return-tasks/{id}", c -> c.path("id", task));
        scenarios.put("checkin POST /api/v1/return-tasks/{id}/returned", c -> c.path("id", task));
    }

    @Test
    void everyOperationAnswersAsItsDocumentSays() throws Exception {
        List<OpenApi> apis = List.of(
                OpenApi.of("inventory", system.inventory.baseUrl()),
                OpenApi.of("loss-report", system.lossReport.baseUrl()),
                OpenApi.of("checkin", system.checkin.baseUrl()));
        List<String> mismatches = new ArrayList<>();
        List<String> exampleFailures = new ArrayList<>();
        StringBuilder report = new StringBuilder("# Contract report\n\nEvery operation of the three services' OpenAPI"
                + " documents, called with its examples and with generated inputs; every answer validated against the"
                + " document (swagger-request-validator).\n\n| operation | example | inputs | statuses | mismatches |\n"
                + "|---|---|---|---|---|\n");
        int total = 0;
        for (OpenApi api : apis) {
            Contract contract = Contract.of(api);
            for (OpenApi.Operation op : ordered(api.operations())) {
                Map<Integer, Integer> statuses = new TreeMap<>();
                int before = mismatches.size();
                Call example;
                try {
                    example = exampleCall(api, op);
                } catch (RuntimeException | AssertionError e) {
                    exampleFailures.add(op.key() + ": its example could not be prepared: " + e.getMessage());
                    continue;
                }
                Http.Reply answered = example.send();
                total++;
                statuses.merge(answered.status(), 1, Integer::sum);
                check(contract, op, "example", answered, mismatches);
                if (answered.status() >= 400) {
                    exampleFailures.add(op.key() + " answered its example with " + brief(answered));
                }
                List<Call> generated = generatedCalls(api, op, example);
                for (Call call : generated) {
                    Http.Reply reply = call.send();
                    statuses.merge(reply.status(), 1, Integer::sum);
                    check(contract, op, call.name, reply, mismatches);
                }
                total += generated.size();
                report.append("| ")
                        .append(op.key())
                        .append(" | ")
                        .append(answered.status())
                        .append(" | ")
                        .append(generated.size() + 1)
                        .append(" | ")
                        .append(statuses)
                        .append(" | ")
                        .append(mismatches.size() - before)
                        .append(" |\n");
                DistrictSystem.log(String.format(
                        "Contract: %-62s example %d, %4d inputs, statuses %s, %d mismatches",
                        op.key(), answered.status(), generated.size() + 1, statuses, mismatches.size() - before));
            }
        }
        report.append("\nTotal: ").append(total).append(" calls.\n");
        if (!exampleFailures.isEmpty() || !mismatches.isEmpty()) {
            report.append("\n## Failures\n\n");
            exampleFailures.forEach(f -> report.append("- ").append(f).append('\n'));
            mismatches.forEach(m -> report.append("- ").append(m).append('\n'));
        }
        Path file = system.target.resolve("contract-report.md");
        Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
        DistrictSystem.log("Contract: " + total + " calls, " + mismatches.size() + " mismatches; report in " + file);
        assertThat(exampleFailures)
                .as("every operation succeeds with its documented examples")
                .isEmpty();
        assertThat(mismatches)
                .as("every answer as the document says (see target/contract-report.md)")
                .isEmpty();
    }

    /**
     * Each document as the service serves it passes Redocly CLI's recommended rules (redocly.yaml) with no error and no
     * warning, none ignored. The documents are kept in target/openapi, as read.
     */
    @Test
    void everyDocumentPassesTheLinterWithoutAWarning() throws Exception {
        Path redocly = system.root.resolve(".local/tools/node_modules/.bin/redocly");
        assertThat(redocly)
                .as("Redocly CLI is installed by bash scripts/setup.sh")
                .exists();
        Path dir = Files.createDirectories(system.target.resolve("openapi"));
        List<String> findings = new ArrayList<>();
        int ignored = 0;
        for (Map.Entry<String, String> service : Map.of(
                        "inventory", system.inventory.baseUrl(),
                        "loss-report", system.lossReport.baseUrl(),
                        "checkin", system.checkin.baseUrl())
                .entrySet()) {
            Path document = dir.resolve(service.getKey() + ".json");
            Files.writeString(
                    document,
                    Http.JSON
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(OpenApi.of(service.getKey(), service.getValue()).document));
            ProcessBuilder lint = new ProcessBuilder(
                            redocly.toString(),
                            "lint",
                            "--config",
                            system.root.resolve("redocly.yaml").toString(),
                            "--format",
                            "json",
                            document.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            lint.environment().put("REDOCLY_TELEMETRY", "off");
            lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process process = lint.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            JsonNode result = Http.JSON.readTree(out.substring(out.indexOf('{')));
            DistrictSystem.log("Contract: redocly lint " + service.getKey() + ": " + result.path("totals"));
            ignored += result.path("totals").path("ignored").asInt();
            for (JsonNode problem : result.path("problems")) {
                findings.add(service.getKey() + ": " + problem.path("severity").asText() + " "
                        + problem.path("ruleId").asText() + " at "
                        + problem.path("location").path(0).path("pointer").asText() + ": "
                        + problem.path("message").asText());
            }
        }
        assertThat(findings).as("Redocly CLI's findings (recommended rules)").isEmpty();
        assertThat(ignored).as("findings ignored").isZero();
    }

    /** Reads before writes, and what ends an object's life (a credential revoked) last. */
    private static List<OpenApi.Operation> ordered(List<OpenApi.Operation> operations) {
        List<OpenApi.Operation> sorted = new ArrayList<>(operations);
        sorted.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        return sorted;
    }

    private static int rank(OpenApi.Operation op) {
        return switch (op.method()) {
            case "GET" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        };
    }

    private void check(Contract contract, OpenApi.Operation op, String input, Http.Reply reply, List<String> into) {
        for (String problem : contract.check(op.method(), reply)) {
            into.add(op.key() + " [" + input + "] " + reply.status() + ": " + problem + " — "
                    + abbreviate(reply.text()));
        }
    }

    // ---------------------------------------------------------------- the calls

    /** One request to send, built from the document and changed by the operation's scenario. */
    final class Call {
        final String name;
        final OpenApi.Operation op;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String role;
        String authorization;
        boolean anonymous;
        String contentType;
        JsonNode json;
        String text;
        /** A generated body, sent as it is instead of the JSON above. */
        BadInputs.Probe probe;

        Call(String name, OpenApi.Operation op) {
            this.name = name;
            this.op = op;
        }

        Call path(String name, String value) {
            pathValues.put(name, value);
            return this;
        }

        Call as(String role) {
            this.role = role;
            return this;
        }

        void authorization(String value) {
            this.authorization = value;
        }

        ObjectNode body() {
            return (ObjectNode) json;
        }

        ArrayNode bodyArray() {
            return (ArrayNode) json;
        }

        Call copy(String name) {
            Call c = new Call(name, op);
            c.pathValues.putAll(pathValues);
            c.query.putAll(query);
            c.headers.putAll(headers);
            c.role = role;
            c.authorization = authorization;
            c.anonymous = anonymous;
            c.contentType = contentType;
            c.json = json == null ? null : json.deepCopy();
            c.text = text;
            return c;
        }

        String url() {
            String p = op.path();
            for (Map.Entry<String, String> v : pathValues.entrySet()) {
                p = p.replace("{" + v.getKey() + "}", v.getValue());
            }
            p = p.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            StringBuilder url = new StringBuilder(op.baseUrl()).append(p);
            char sep = '?';
            for (Map.Entry<String, String> q : query.entrySet()) {
                url.append(sep).append(enc(q.getKey())).append('=').append(enc(q.getValue()));
                sep = '&';
            }
            return url.toString();
        }

        Http.Reply send() {
            if (probe != null) {
                return sendProbe(this, probe);
            }
            Http.Call call = Http.call(op.method(), url()).timeout(Duration.ofSeconds(60));
            headers.forEach(call::header);
            if (!anonymous) {
                if (authorization != null) {
                    call.authorization(authorization);
                } else if (!op.declaredRoles().isEmpty()) {
                    call.token(token(role(op, role)));
                }
            }
            if (json != null) {
                call.body(contentType == null ? "application/json" : contentType, bytes(json.toString()));
            } else if (text != null) {
                call.body(contentType, bytes(text));
            }
            return call.send();
        }
    }

    /** The operation's documented examples, with the ids and keys its scenario puts in. */
    private Call exampleCall(OpenApi api, OpenApi.Operation op) {
        Call call = new Call("example", op);
        for (JsonNode parameter : parameters(api, op)) {
            String in = parameter.path("in").asText();
            String name = parameter.path("name").asText();
            JsonNode example = example(api, parameter);
            if (in.equals("query") && name.equals("cursor")) {
                // A cursor is the nextCursor of a page before: no example fits every list.
                continue;
            } else if (in.equals("query") && example != null) {
                call.query.put(name, example.asText());
            } else if (in.equals("header") && name.equalsIgnoreCase("Idempotency-Key")) {
                call.headers.put(name, UUID.randomUUID().toString());
            } else if (in.equals("header") && example != null && !name.equalsIgnoreCase("If-Match")) {
                call.headers.put(name, example.asText());
            }
        }
        JsonNode content = op.spec().path("requestBody").path("content");
        Iterator<String> types = content.fieldNames();
        if (types.hasNext()) {
            String type = types.next();
            JsonNode example = content.get(type).get("example");
            if (example == null && content.get(type).has("examples")) {
                example = content.get(type).get("examples").elements().next().get("value");
            }
            call.contentType = type;
            if (type.contains("json")) {
                call.json = example == null ? Http.JSON.createObjectNode() : example.deepCopy();
            } else {
                call.text = example == null ? "" : example.asText();
            }
        }
        Consumer<Call> scenario = scenarios.get(op.key());
        if (scenario != null) {
            scenario.accept(call);
        }
        if (parameters(api, op).stream().anyMatch(p -> p.path("name").asText().equalsIgnoreCase("If-Match"))) {
            // The version the object has now, as a client that has just read it sends it.
            Call read = call.copy("read");
            read.json = null;
            read.text = null;
            Http.Reply now = Http.call("GET", read.url())
                    .token(token(role(op, call.role)))
                    .send();
            call.headers.put("If-Match", now.headers().getOrDefault("etag", "\"0\""));
        }
        return call;
    }

    /** The generated inputs: no credential, unknown and malformed ids, parameters out of bounds, bad bodies. */
    private List<Call> generatedCalls(OpenApi api, OpenApi.Operation op, Call example) {
        List<Call> calls = new ArrayList<>();
        if (signedIn(op)) {
            Call anonymous = example.copy("no credential");
            anonymous.anonymous = true;
            calls.add(anonymous);
        }
        if (op.path().contains("{")) {
            Call unknown = example.copy("unknown id");
            unknown.pathValues.clear();
            calls.add(unknown);
            Call malformed = example.copy("malformed id");
            malformed.pathValues.clear();
            for (String name : pathNames(op)) {
                malformed.pathValues.put(name, "not-an-id");
            }
            calls.add(malformed);
        }
        for (JsonNode parameter : parameters(api, op)) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            for (Map.Entry<String, String> bad :
                    badValues(api.resolve(parameter.path("schema"))).entrySet()) {
                Call call = example.copy("query " + name + " " + bad.getKey());
                call.query.put(name, bad.getValue());
                calls.add(call);
            }
        }
        if (example.json != null && op.bodySchema() != null) {
            for (BadInputs.Probe probe : BadInputs.forOperation(api, op.bodySchema(), example.json)) {
                Call call = example.copy(probe.category() + ": " + probe.name());
                call.probe = probe;
                calls.add(call);
            }
        }
        return calls;
    }

    private Http.Reply sendProbe(Call c, BadInputs.Probe probe) {
        Http.Call call = Http.call(c.op.method(), c.url()).timeout(Duration.ofSeconds(60));
        c.headers.forEach(call::header);
        if (c.headers.containsKey("Idempotency-Key")) {
            call.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (c.authorization != null) {
            call.authorization(c.authorization);
        } else if (!c.op.declaredRoles().isEmpty()) {
            call.token(token(role(c.op, c.role)));
        }
        if (probe.chunked()) {
            call.stream(probe.contentType(), () -> new ByteArrayInputStream(probe.body()));
        } else {
            call.body(probe.contentType(), probe.body());
        }
        return call.send();
    }

    /** Values a parameter of {@code schema} must refuse, by what they break. */
    private static Map<String, String> badValues(JsonNode schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        if (schema == null) {
            return bad;
        }
        String type = schema.path("type").asText("string");
        if (type.equals("integer") || type.equals("number")) {
            bad.put("not a number", "many");
            if (schema.has("minimum")) {
                bad.put("below minimum", String.valueOf(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                bad.put("above maximum", String.valueOf(schema.get("maximum").asLong() + 1));
            }
        } else if (type.equals("boolean")) {
            bad.put("not a truth value", "maybe");
        } else if (type.equals("array")) {
            bad.putAll(badValues(schema.path("items")));
        } else {
            if (schema.has("enum")) {
                bad.put("not in enum", "NOT_A_VALUE");
            }
            String format = schema.path("format").asText("");
            if (format.equals("date") || format.equals("date-time")) {
                bad.put("not a " + format, "2026-13-45");
            }
            if (format.equals("uuid")) {
                bad.put("not a uuid", "not-a-uuid");
            }
            if (schema.has("maxLength")) {
                bad.put("too long", "x".repeat(schema.get("maxLength").asInt() + 1));
            }
        }
        return bad;
    }

    // ---------------------------------------------------------------- who calls

    /** Whether the operation needs a sign-in (any requirement naming a scheme). */
    private static boolean signedIn(OpenApi.Operation op) {
        for (Iterator<JsonNode> it = op.spec().path("security").elements(); it.hasNext(); ) {
            if (it.next().size() > 0) {
                return true;
            }
        }
        return false;
    }

    private static String role(OpenApi.Operation op, String wanted) {
        if (wanted != null) {
            return wanted;
        }
        return ROLE_PREFERENCE.stream()
                .filter(op.declaredRoles()::contains)
                .findFirst()
                .orElse(
                        op.declaredRoles().isEmpty()
                                ? null
                                : op.declaredRoles().iterator().next());
    }

    /** A personal device the staff member registers as their own, waiting for a decision; its id. */
    private String personalDevice() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "LAPTOP");
        body.put("make", "Dell");
        body.put("model", "XPS 13");
        body.put("serialNumber", system.id("PD-SN"));
        body.put("purpose", "Lesson planning at home");
        body.put("lockAndLocateConsent", true);
        Http.Reply created = Http.post(system.inventory("/api/v1/personal-devices"), staff.staffToken(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private String token(String role) {
        if (role == null) {
            return null;
        }
        return switch (role) {
            case "IT_ADMIN" -> district.itToken();
            case "HR" -> district.hrToken();
            case "AUDITOR" -> district.auditorToken();
            case "SUPERVISOR" -> supervisor.supervisorToken();
            default -> staff.staffToken();
        };
    }

    // ---------------------------------------------------------------- the document

    private static List<JsonNode> parameters(OpenApi api, OpenApi.Operation op) {
        List<JsonNode> all = new ArrayList<>();
        api.document.path("paths").path(op.path()).path("parameters").forEach(p -> all.add(api.resolve(p)));
        op.spec().path("parameters").forEach(p -> all.add(api.resolve(p)));
        return all;
    }

    private static JsonNode example(OpenApi api, JsonNode parameter) {
        if (parameter.has("example")) {
            return parameter.get("example");
        }
        JsonNode schema = api.resolve(parameter.path("schema"));
        if (schema != null && schema.has("example")) {
            return schema.get("example");
        }
        return null;
    }

    private static Set<String> pathNames(OpenApi.Operation op) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.path());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    // ---------------------------------------------------------------- fixtures and small things

    private String report(Device device) {
        Http.Reply filed = Http.call("POST", system.lossReport("/api/v1/loss-reports"))
                .token(staff.staffToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of(
                        "assetTag", device.assetTag(),
                        "kind", "LOST",
                        "lastSeenAt", hoursAgo(3),
                        "lastSeenLocation", "Library",
                        "circumstances", "Left on a table after class.",
                        "contactPhone", "+1 555 0100"))
                .send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().get("id").asText();
        await().atMost(District.PROPAGATION)
                .until(() -> district.inventoryStatus(device).equals("LOST"));
        return id;
    }

    /** The id of a command of the device that waits for its next check-in, or null when there is none. */
    private String pendingCommand(Device device) {
        for (JsonNode command : Http.get(
                        system.checkin("/api/v1/devices/" + device.id() + "/commands"), district.itToken())
                .json()) {
            if (command.path("status").asText().equals("PENDING")) {
                return command.get("id").asText();
            }
        }
        return null;
    }

    private static String hoursAgo(int hours) {
        return Instant.now()
                .minus(hours, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String brief(Http.Reply reply) {
        return reply.status() + " " + abbreviate(reply.text());
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
