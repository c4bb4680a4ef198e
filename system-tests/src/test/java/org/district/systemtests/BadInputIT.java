package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.district.systemtests.District.Device;
import org.district.systemtests.District.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every JSON operation of the three services, fed inputs generated from its OpenAPI schema. Every answer must be a
 * 4xx problem+json (or a 2xx where the input was valid after all), never a 5xx, and a refused request must leave the
 * service's tables exactly as they were. Writes {@code target/bad-input-report.md}: inputs tried per operation.
 */
@ExtendWith(SystemExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    /** Tables a request writes (not those that consumers fill from the topics in the background). */
    private static final Map<String, List<String>> REQUEST_TABLES = Map.of(
            "inventory",
            List.of(
                    "device",
                    "device_history",
                    "person",
                    "person_history",
                    "assignment",
                    "charge",
                    "charge_payment",
                    "charge_waiver",
                    "outbox_event"),
            "loss-report",
            List.of("loss_report", "loss_report_entry", "idempotency_key", "outbox_event"),
            "checkin",
            List.of(
                    "device_command",
                    "device_location",
                    "location_read",
                    "offboarding",
                    "return_task",
                    "checkin_history",
                    "outbox_event"));

    private DistrictSystem system;
    private District district;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, JsonNode> seeds = new LinkedHashMap<>();
    /** Authorization headers of operations that take no person's token (the device's check-in). */
    private final Map<String, String> authorizations = new LinkedHashMap<>();

    @BeforeAll
    void fixtures() {
        system = DistrictSystem.current();
        district = new District(system);
        DistrictSystem.log("Bad input: registering the people, devices and reports the probes aim at");
        Person supervisor = district.employee(null);
        Person staff = district.employee(supervisor);
        Device inStock = district.device("LAPTOP", false);
        Device reported = district.device("LAPTOP", false);
        Device recovered = district.device("LAPTOP", false);
        Device writtenOff = district.device("LAPTOP", false);
        Device toReport = district.device("LAPTOP", false);
        Device checkingIn = district.device("LAPTOP", true);
        for (Device d : List.of(reported, recovered, writtenOff, toReport, checkingIn)) {
            district.assign(d, staff);
        }
        for (Device d : List.of(reported, recovered, writtenOff, toReport, checkingIn)) {
            district.awaitReadModels(d, "ASSIGNED", staff);
        }
        String patchReport = report(reported);
        String recoveryReport = report(recovered);
        String writeOffReport = report(writtenOff);

        ids.put("inventory device", inStock.id().toString());
        ids.put("inventory person", supervisor.id().toString());
        ids.put("report to change", patchReport);
        ids.put("report to recover", recoveryReport);
        ids.put("report to write off", writeOffReport);
        ids.put("checkin device", checkingIn.id().toString());
        ids.put("inventory charge", district.charge(staff, inStock, "500.00"));

        String tag = system.id("BADIN");
        seeds.put("inventory POST /api/v1/devices", deviceBody(tag));
        seeds.put(
                "inventory PUT /api/v1/devices/{id}",
                district.inventoryDevice(inStock).deepCopy());
        ((ObjectNode) seeds.get("inventory PUT /api/v1/devices/{id}"))
                .retain("assetTag", "serialNumber", "type", "make", "model", "school", "sensitiveData");
        ((ObjectNode) seeds.get("inventory PUT /api/v1/devices/{id}"))
                .set("acquisition", deviceBody(tag).get("acquisition"));
        seeds.put(
                "inventory POST /api/v1/devices/{id}/assignment",
                Http.JSON
                        .createObjectNode()
                        .put("personDistrictId", staff.districtId())
                        .put("note", "Probe"));
        seeds.put("inventory POST /api/v1/people", personBody(system.id("BADIN-P")));
        seeds.put(
                "inventory POST /api/v1/charges",
                Http.JSON
                        .createObjectNode()
                        .put("personId", staff.id().toString())
                        .put("deviceId", inStock.id().toString())
                        .put("reason", "DAMAGE")
                        .put("amount", new java.math.BigDecimal("40.00"))
                        .put("description", "Probe"));
        seeds.put(
                "inventory POST /api/v1/charges/{id}/payments",
                Http.JSON
                        .createObjectNode()
                        .put("amount", new java.math.BigDecimal("1.00"))
                        .put("paidOn", DistrictSystem.today().toString()));
        seeds.put("inventory PUT /api/v1/people/{id}", personBody(supervisor.districtId()));
        seeds.put(
                "inventory POST /api/v1/people/bulk",
                Http.JSON.createArrayNode().add(personBody(system.id("BADIN-B"))));
        seeds.put("loss-report POST /api/v1/loss-reports", reportBody(toReport));
        seeds.put(
                "loss-report PATCH /api/v1/loss-reports/{id}",
                Http.JSON.createObjectNode().put("note", "Checked the lost and found"));
        seeds.put("checkin POST /api/v1/checkins", checkInBody());
        seeds.put(
                "checkin POST /api/v1/offboardings",
                Http.JSON
                        .createObjectNode()
                        .put("districtId", supervisor.districtId())
                        .put(
                                "lastWorkingDay",
                                DistrictSystem.today().plusDays(30).toString()));
        authorizations.put("checkin POST /api/v1/checkins", district.deviceAuthorization(checkingIn));
    }

    @Test
    void everyJsonOperationRefusesBadInputCleanly() throws Exception {
        List<OpenApi> apis = List.of(
                OpenApi.of("inventory", system.inventory.baseUrl()),
                OpenApi.of("checkin", system.checkin.baseUrl()),
                OpenApi.of("loss-report", system.lossReport.baseUrl()));
        List<String> violations = new ArrayList<>();
        StringBuilder report = new StringBuilder(
                "# Bad-input report\n\nEvery JSON operation of the three services,"
                        + " fed inputs generated from its OpenAPI schema. A refused input must be answered 4xx"
                        + " application/problem+json and leave the service's tables unchanged; a 5xx is always wrong.\n\n"
                        + "| operation | inputs | 2xx | 4xx | 5xx | violations | by category |\n|---|---|---|---|---|---|---|\n");
        int total = 0;
        for (OpenApi api : apis) {
            settle();
            Db db = db(api.service);
            for (OpenApi.Operation op : api.operations()) {
                if (!op.takesJson()) {
                    continue;
                }
                String url = op.baseUrl() + path(op);
                List<BadInputs.Probe> probes = BadInputs.forOperation(api, op.bodySchema(), seeds.get(op.key()));
                Map<BadInputs.Category, Integer> byCategory = new EnumMap<>(BadInputs.Category.class);
                int ok = 0;
                int refused = 0;
                int failed = 0;
                int before = violations.size();
                Map<String, Long> counts = db.counts(REQUEST_TABLES.get(api.service));
                for (BadInputs.Probe probe : probes) {
                    byCategory.merge(probe.category(), 1, Integer::sum);
                    // Asked for at each probe: an operation's probes can outlast a token's five minutes.
                    Http.Reply reply = send(op, url, authorization(op), probe);
                    Map<String, Long> after = db.counts(REQUEST_TABLES.get(api.service));
                    String what = op.key() + " [" + probe.category() + ": " + probe.name() + "]";
                    int status = reply.status();
                    if (status >= 500) {
                        failed++;
                        violations.add(what + " answered " + status + ": " + brief(reply));
                    } else if (status >= 200 && status < 300 && rejectedInReport(reply)) {
                        // A bulk sync reports invalid entries in its 200 answer and saves nothing of them.
                        refused++;
                        if (probe.mustNameField() && !reply.text().contains("\"" + lastSegment(probe.field()) + "\"")) {
                            violations.add(
                                    what + " was rejected without naming " + probe.field() + ": " + brief(reply));
                        }
                        if (!after.equals(counts)) {
                            violations.add(
                                    what + " was rejected in the report but changed rows: " + counts + " -> " + after);
                        }
                    } else if (status >= 200 && status < 300) {
                        ok++;
                        if (!probe.category().mayBeAccepted) {
                            violations.add(what + " was accepted (" + status + "): " + brief(reply));
                        }
                    } else if (status >= 400) {
                        refused++;
                        if (!reply.isProblem()) {
                            violations.add(what + " answered " + status + " without problem+json: " + brief(reply));
                        } else if (probe.mustNameField() && status == 400 && !namesField(reply, probe.field())) {
                            violations.add(
                                    what + " answered 400 without naming " + probe.field() + ": " + brief(reply));
                        }
                        if (!after.equals(counts)) {
                            violations.add(what + " was refused with " + status + " but changed rows: " + counts
                                    + " -> " + after);
                        }
                    } else {
                        violations.add(what + " answered " + status + ": " + brief(reply));
                    }
                    counts = after;
                }
                total += probes.size();
                report.append("| ")
                        .append(op.key())
                        .append(" | ")
                        .append(probes.size())
                        .append(" | ")
                        .append(ok)
                        .append(" | ")
                        .append(refused)
                        .append(" | ")
                        .append(failed)
                        .append(" | ")
                        .append(violations.size() - before)
                        .append(" | ")
                        .append(summary(byCategory))
                        .append(" |\n");
                DistrictSystem.log(String.format(
                        "Bad input: %-62s %4d inputs, %3d accepted, %4d refused, %d server errors",
                        op.key(), probes.size(), ok, refused, failed));
            }
        }
        report.append("\nTotal: ").append(total).append(" inputs.\n");
        List<String> known = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (String v : violations) {
            (knownBug(v) != null ? known : unexpected).add(v);
        }
        if (!unexpected.isEmpty()) {
            report.append("\n## Violations\n\n");
            unexpected.forEach(
                    v -> report.append("- ").append(v.replace("\n", " ")).append('\n'));
        }
        if (!known.isEmpty()) {
            report.append("\n## Known bugs (reported; their own tests are disabled until fixed)\n\n");
            KNOWN_BUGS.keySet().forEach(bug -> report.append("- ").append(bug).append('\n'));
            report.append("\nInputs affected:\n\n");
            known.forEach(v -> report.append("- ").append(v.replace("\n", " ")).append('\n'));
        }
        Path file = system.target.resolve("bad-input-report.md");
        Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
        DistrictSystem.log("Bad input: " + total + " inputs; report in " + file);
        for (Db db : List.of(system.inventoryDb, system.lossReportDb, system.checkinDb)) {
            assertThat(db.tables())
                    .as("every table of " + db.name + " survived the SQL-like strings")
                    .containsAll(REQUEST_TABLES.get(service(db)));
        }
        DistrictSystem.log(
                "Bad input: " + unexpected.size() + " violations, " + known.size() + " inputs hit known bugs");
        assertThat(unexpected)
                .as("bad input answered wrongly (see target/bad-input-report.md)")
                .isEmpty();
    }

    /** Numbers are no text, truth value or date: refused, not converted (they once were). */
    @Test
    void numbersAreRefusedForTextBooleanAndDateFields() {
        ObjectNode device =
                (ObjectNode) seeds.get("inventory POST /api/v1/devices").deepCopy();
        device.put("assetTag", system.id("COERCE")).put("serialNumber", system.id("COERCE-SN"));
        Map<String, Object> wrongTypes = Map.of("sensitiveData", 2, "make", 12345, "warrantyEnd", 20260101);
        for (Map.Entry<String, Object> wrong : wrongTypes.entrySet()) {
            ObjectNode body = device.deepCopy();
            body.set(wrong.getKey(), Http.JSON.valueToTree(wrong.getValue()));
            Http.Reply reply = Http.post(system.inventory("/api/v1/devices"), district.itToken(), body);
            assertThat(reply.status()).as(wrong.getKey() + ": " + reply).isEqualTo(400);
            assertThat(namesField(reply, wrong.getKey())).isTrue();
        }
        ObjectNode checkIn = checkInBody();
        checkIn.put("diskEncryption", 0);
        Http.Reply reply = Http.postAs(
                system.checkin("/api/v1/checkins"), authorizations.get("checkin POST /api/v1/checkins"), checkIn);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    }

    /**
     * Violations caused by bugs already reported, by description: listed in the report and excluded from the main
     * assertion, each checked by its own test (disabled until the fix). None are open now.
     */
    private static final Map<String, Predicate<String>> KNOWN_BUGS = Map.of();

    private static String knownBug(String violation) {
        return KNOWN_BUGS.entrySet().stream()
                .filter(e -> e.getValue().test(violation))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static boolean rejectedInReport(Http.Reply reply) {
        if (!reply.contentType().startsWith("application/json")) {
            return false;
        }
        JsonNode body = reply.json();
        return body.path("rejected").asLong(0) > 0
                && body.path("created").asLong(0) == 0
                && body.path("updated").asLong(0) == 0;
    }

    private static String lastSegment(String field) {
        return field == null ? "" : field.replaceAll(".*[.\\]]", "");
    }

    // ---------------------------------------------------------------- sending

    private Http.Reply send(OpenApi.Operation op, String url, String authorization, BadInputs.Probe probe) {
        Http.Call call =
                Http.call(op.method(), url).authorization(authorization).timeout(Duration.ofSeconds(60));
        if (op.key().equals("loss-report POST /api/v1/loss-reports")) {
            call.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (probe.chunked()) {
            call.stream(probe.contentType(), () -> new ByteArrayInputStream(probe.body()));
        } else {
            call.body(probe.contentType(), probe.body());
        }
        return call.send();
    }

    /** The operation's path with its ids filled in: the fixture it aims at, or an unknown id. */
    private String path(OpenApi.Operation op) {
        String p = op.path();
        String id = null;
        if (op.service().equals("inventory") && p.startsWith("/api/v1/devices/{id}")) {
            id = ids.get("inventory device");
        } else if (op.service().equals("inventory") && p.startsWith("/api/v1/charges/{id}")) {
            id = ids.get("inventory charge");
        } else if (op.service().equals("inventory") && p.startsWith("/api/v1/people/{id}")) {
            id = ids.get("inventory person");
        } else if (op.service().equals("loss-report") && p.endsWith("/recovery")) {
            id = ids.get("report to recover");
        } else if (op.service().equals("loss-report") && p.endsWith("/write-off")) {
            id = ids.get("report to write off");
        } else if (op.service().equals("loss-report") && p.startsWith("/api/v1/loss-reports/{id}")) {
            id = ids.get("report to change");
        } else if (op.service().equals("checkin") && p.startsWith("/api/v1/devices/{id}")) {
            id = ids.get("checkin device");
        }
        String chosen = id == null ? UUID.randomUUID().toString() : id;
        return p.replaceFirst("\\{id}", chosen)
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private String authorization(OpenApi.Operation op) {
        if (authorizations.containsKey(op.key())) {
            return authorizations.get(op.key());
        }
        if (op.declaredRoles().isEmpty() && op.declaredSchemes().isEmpty()) {
            // Open to anyone (a device's agent enrolling with its one-time code): sent without a credential.
            return null;
        }
        if (op.declaredRoles().contains("IT_ADMIN")) {
            return "Bearer " + district.itToken();
        }
        if (op.declaredRoles().contains("HR")) {
            return "Bearer " + district.hrToken();
        }
        throw new IllegalStateException("No token for " + op.key() + " (roles " + op.declaredRoles() + ")");
    }

    private Db db(String service) {
        return switch (service) {
            case "inventory" -> system.inventoryDb;
            case "loss-report" -> system.lossReportDb;
            default -> system.checkinDb;
        };
    }

    private String service(Db db) {
        return db == system.inventoryDb ? "inventory" : db == system.lossReportDb ? "loss-report" : "checkin";
    }

    /** Waits until no service's request tables change any more (events of earlier tests have been applied). */
    private void settle() {
        AtomicReference<String> last = new AtomicReference<>("");
        int[] stable = {0};
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    String now = system.inventoryDb
                                    .counts(REQUEST_TABLES.get("inventory"))
                                    .toString()
                            + system.lossReportDb.counts(REQUEST_TABLES.get("loss-report"))
                            + system.checkinDb.counts(REQUEST_TABLES.get("checkin"))
                            + system.inventoryDb.count("select count(*) from outbox_event where published_at is null")
                            + system.lossReportDb.count("select count(*) from outbox_event where published_at is null")
                            + system.checkinDb.count("select count(*) from outbox_event where published_at is null");
                    stable[0] = now.equals(last.getAndSet(now)) ? stable[0] + 1 : 0;
                    return stable[0] >= 4;
                });
    }

    private static boolean namesField(Http.Reply reply, String field) {
        if (field == null) {
            return true;
        }
        JsonNode problem = reply.json();
        String last = field.replaceAll(".*[.\\]]", "");
        for (JsonNode error : problem.path("errors")) {
            String named = error.path("field").asText("");
            if (named.equals(field) || named.endsWith(last) || named.endsWith(field)) {
                return true;
            }
        }
        return problem.path("detail").asText("").contains(last);
    }

    private static String brief(Http.Reply reply) {
        String text = reply.text().replace('\n', ' ');
        return reply.contentType() + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }

    private static String summary(Map<BadInputs.Category, Integer> byCategory) {
        Map<String, Integer> named = new TreeMap<>();
        byCategory.forEach((k, v) -> named.put(k.name().toLowerCase().replace('_', ' '), v));
        StringBuilder out = new StringBuilder();
        named.forEach((k, v) ->
                out.append(out.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return out.toString();
    }

    // ---------------------------------------------------------------- fixtures

    private String report(Device device) {
        Http.Reply filed = Http.post(system.lossReport("/api/v1/loss-reports"), district.itToken(), reportBody(device));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    private ObjectNode reportBody(Device device) {
        return Http.JSON
                .createObjectNode()
                .put("assetTag", device.assetTag())
                .put("kind", "LOST")
                .put("lastSeenAt", Instant.now().minus(2, ChronoUnit.HOURS).toString())
                .put("lastSeenLocation", "Library")
                .put("circumstances", "Left on a table.")
                .put("contactPhone", "+1 555 0100");
    }

    private ObjectNode deviceBody(String tag) {
        ObjectNode body = Http.JSON
                .createObjectNode()
                .put("assetTag", tag)
                .put("serialNumber", "SN" + tag)
                .put("type", "LAPTOP")
                .put("make", "Dell")
                .put("model", "Latitude 5440")
                .put("school", system.school())
                .put("sensitiveData", false)
                .put("notes", "Probe device");
        body.putObject("acquisition")
                .put("type", "PURCHASED")
                .put("vendor", "Dell")
                .put("purchaseOrder", "PO-1")
                .put("cost", 999.99)
                .put("acquiredOn", "2025-08-01");
        return body;
    }

    private ObjectNode personBody(String districtId) {
        return Http.JSON
                .createObjectNode()
                .put("districtId", districtId)
                .put("givenName", "Probe")
                .put("familyName", "Person")
                .put("email", districtId.toLowerCase() + "@district.example")
                .put("kind", "EMPLOYEE")
                .put("school", system.school())
                .put("aupAcknowledgedOn", DistrictSystem.today().toString());
    }

    private static ObjectNode checkInBody() {
        ObjectNode body = Http.JSON.createObjectNode();
        body.putObject("os")
                .put("name", "Windows 11 Pro")
                .put("version", "10.0.22631")
                .put("build", "22631.3880");
        body.put("lastPatchDate", DistrictSystem.today().minusDays(3).toString());
        body.putObject("antivirus")
                .put("product", "Defender")
                .put("definitionsDate", DistrictSystem.today().minusDays(1).toString());
        body.put("diskEncryption", true);
        body.put("passwordProtection", true);
        body.putObject("network").put("site", "LINCOLN-HS").put("ipAddress", "10.20.30.40");
        body.putObject("location")
                .put("latitude", 40.71)
                .put("longitude", -74.0)
                .put("accuracyMeters", 25);
        body.putArray("completedCommands");
        return body;
    }

    @SuppressWarnings("unused")
    private static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
