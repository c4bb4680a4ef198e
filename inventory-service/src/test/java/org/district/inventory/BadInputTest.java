package org.district.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every JSON operation answers bad input with a 4xx problem naming the field (never a 500 or a stack trace) and
 * writes nothing.
 */
@QuarkusTest
class BadInputTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    ObjectMapper mapper;

    /** An operation taking a JSON body. */
    record Operation(String name, String method, String path) {}

    /** A bad body and what the answer must say: its status and the field it names (null: any field). */
    record Case(String what, String body, int status, String field) {}

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> deviceWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new HashMap<>(Api.purchasedLaptop(Api.unique("BAD"), false));
        body.put("acquisition", new HashMap<>((Map<?, ?>) body.get("acquisition")));
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> acquisition(Map<String, Object> device) {
        return (Map<String, Object>) device.get("acquisition");
    }

    private static Map<String, Object> personWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Api.person(Api.unique("BAD"), null, null);
        change.accept(body);
        return body;
    }

    /** Bad bodies every JSON operation must refuse the same way. */
    private List<Case> common(String unknownFieldBody) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("malformed JSON", "{\"status\": ", 400, "body"));
        cases.add(new Case("not JSON at all", "status=LOST", 400, "body"));
        cases.add(new Case("trailing garbage", "{} {}", 400, "body"));
        cases.add(new Case("unknown field", unknownFieldBody, 400, "colour"));
        cases.add(new Case("arrays nested deep", "[".repeat(100) + "]".repeat(100), 400, null));
        cases.add(new Case("oversized body", "{\"notes\": \"" + "x".repeat(1_100_000) + "\"}", 413, null));
        return cases;
    }

    private List<Case> deviceCases(boolean update) {
        List<Case> cases = common(json(deviceWith(d -> d.put("colour", "silver"))));
        cases.add(new Case(
                "wrong type: boolean", json(deviceWith(d -> d.put("sensitiveData", "maybe"))), 400, "sensitiveData"));
        cases.add(new Case(
                "wrong type: amount",
                json(deviceWith(d -> acquisition(d).put("cost", "cheap"))),
                400,
                "acquisition.cost"));
        cases.add(new Case(
                "wrong type: date", json(deviceWith(d -> d.put("warrantyEnd", "next year"))), 400, "warrantyEnd"));
        cases.add(new Case(
                "wrong type: object", json(deviceWith(d -> d.put("acquisition", "PURCHASED"))), 400, "acquisition"));
        cases.add(
                new Case("wrong type: text", json(deviceWith(d -> d.put("model", Map.of("name", "x")))), 400, "model"));
        cases.add(new Case("unknown enum", json(deviceWith(d -> d.put("type", "PHABLET"))), 400, "type"));
        cases.add(new Case("enum as number", json(deviceWith(d -> d.put("type", 2))), 400, "type"));
        cases.add(new Case("unknown ownership", json(deviceWith(d -> d.put("ownership", "SHARED"))), 400, "ownership"));
        cases.add(new Case(
                "unknown acquisition type",
                json(deviceWith(d -> acquisition(d).put("type", "LEASED"))),
                400,
                "acquisition.type"));
        cases.add(new Case(
                "unknown nested field",
                json(deviceWith(d -> acquisition(d).put("colour", "red"))),
                400,
                "acquisition.colour"));
        cases.add(new Case("missing field", json(deviceWith(d -> d.remove("make"))), 400, "make"));
        cases.add(new Case("null field", json(deviceWith(d -> d.put("sensitiveData", null))), 400, "sensitiveData"));
        cases.add(new Case("blank field", json(deviceWith(d -> d.put("school", "   "))), 400, "school"));
        cases.add(new Case("empty object", "{}", 400, "assetTag"));
        cases.add(new Case("null body", "null", 400, null));
        cases.add(new Case("array body", "[]", 400, "body"));
        cases.add(new Case("long tag", json(deviceWith(d -> d.put("assetTag", "T".repeat(41)))), 400, "assetTag"));
        cases.add(new Case("tag with spaces", json(deviceWith(d -> d.put("assetTag", "bad tag!"))), 400, "assetTag"));
        cases.add(new Case("long model", json(deviceWith(d -> d.put("model", "m".repeat(100_000)))), 400, "model"));
        cases.add(new Case("huge string", json(deviceWith(d -> d.put("notes", "n".repeat(300_000)))), 400, "notes"));
        cases.add(new Case("long notes", json(deviceWith(d -> d.put("notes", "n".repeat(2001)))), 400, "notes"));
        cases.add(new Case(
                "negative cost", json(deviceWith(d -> acquisition(d).put("cost", -5))), 400, "acquisition.cost"));
        cases.add(new Case(
                "enormous cost", json(deviceWith(d -> acquisition(d).put("cost", 1e300))), 400, "acquisition.cost"));
        cases.add(new Case(
                "absurd number",
                json(deviceWith(d -> acquisition(d).put("cost", "1" + "0".repeat(60)))),
                400,
                "acquisition.cost"));
        cases.add(new Case(
                "future acquisition",
                json(deviceWith(d ->
                        acquisition(d).put("acquiredOn", Api.today().plusDays(1).toString()))),
                400,
                "acquisition.acquiredOn"));
        cases.add(new Case(
                "impossible date", json(deviceWith(d -> d.put("warrantyEnd", "2026-02-30"))), 400, "warrantyEnd"));
        // A new personal device may not carry an acquisition; an existing device may not change its ownership.
        cases.add(new Case(
                "personal with acquisition",
                json(deviceWith(d -> {
                    d.put("ownership", "PERSONAL");
                    d.put("ownerDistrictId", "E1");
                })),
                400,
                update ? "ownership" : "acquisition"));
        return cases;
    }

    private List<Case> personCases() {
        List<Case> cases = common(json(personWith(p -> p.put("colour", "blue"))));
        cases.add(new Case("unknown enum", json(personWith(p -> p.put("kind", "TEACHER"))), 400, "kind"));
        cases.add(new Case("bad email", json(personWith(p -> p.put("email", "not-an-email"))), 400, "email"));
        cases.add(new Case(
                "wrong type: date",
                json(personWith(p -> p.put("aupAcknowledgedOn", "yesterday"))),
                400,
                "aupAcknowledgedOn"));
        cases.add(new Case("wrong type: boolean", json(personWith(p -> p.put("active", "sometimes"))), 400, "active"));
        cases.add(new Case("missing field", json(personWith(p -> p.remove("districtId"))), 400, "districtId"));
        cases.add(new Case("long name", json(personWith(p -> p.put("givenName", "g".repeat(81)))), 400, "givenName"));
        cases.add(new Case("empty object", "{}", 400, "districtId"));
        cases.add(new Case("null body", "null", 400, null));
        return cases;
    }

    private List<Case> bulkCases() {
        List<Case> cases = common("[" + json(personWith(p -> p.put("colour", "blue"))) + "]");
        cases.set(3, new Case("unknown field", cases.get(3).body(), 400, "[0].colour"));
        cases.add(new Case("object instead of array", json(personWith(p -> {})), 400, "body"));
        cases.add(new Case("unknown enum", "[" + json(personWith(p -> p.put("kind", "ALIEN"))) + "]", 400, "[0].kind"));
        cases.add(new Case("wrong element", "[1]", 400, "[0]"));
        cases.add(new Case("null body", "null", 400, null));
        return cases;
    }

    private List<Case> assignmentCases() {
        List<Case> cases = common("{\"personDistrictId\": \"E1\", \"colour\": \"red\"}");
        cases.add(new Case("wrong type: uuid", "{\"personId\": \"not-a-uuid\"}", 400, "personId"));
        cases.add(new Case("number for uuid", "{\"personId\": 42}", 400, "personId"));
        cases.add(new Case(
                "long district id", json(Map.of("personDistrictId", "E".repeat(41))), 400, "personDistrictId"));
        cases.add(new Case("long note", json(Map.of("personDistrictId", "E1", "note", "n".repeat(501))), 400, "note"));
        cases.add(new Case("nobody named", "{}", 400, "personId"));
        return cases;
    }

    private List<Case> returnCases() {
        List<Case> cases = common("{\"colour\": \"red\"}");
        cases.add(new Case("long note", json(Map.of("note", "n".repeat(501))), 400, "note"));
        cases.add(new Case("wrong type: text", "{\"note\": [1, 2]}", 400, "note"));
        return cases;
    }

    private List<Case> statusCases() {
        List<Case> cases = common("{\"status\": \"IN_REPAIR\", \"reason\": \"x\", \"colour\": \"red\"}");
        cases.add(new Case("unknown enum", "{\"status\": \"BROKEN\", \"reason\": \"x\"}", 400, "status"));
        cases.add(new Case("enum as number", "{\"status\": 3, \"reason\": \"x\"}", 400, "status"));
        cases.add(new Case("missing reason", "{\"status\": \"IN_REPAIR\"}", 400, "reason"));
        cases.add(new Case("blank reason", "{\"status\": \"IN_REPAIR\", \"reason\": \" \"}", 400, "reason"));
        cases.add(new Case("missing status", "{\"reason\": \"x\"}", 400, "status"));
        cases.add(new Case(
                "wrong type: amount",
                "{\"status\": \"WRITTEN_OFF\", \"reason\": \"x\", \"costOwed\": \"lots\"}",
                400,
                "costOwed"));
        cases.add(new Case(
                "negative amount",
                "{\"status\": \"WRITTEN_OFF\", \"reason\": \"x\", \"costOwed\": -1}",
                400,
                "costOwed"));
        cases.add(new Case(
                "too many decimals",
                "{\"status\": \"WRITTEN_OFF\", \"reason\": \"x\", \"costOwed\": 1.234}",
                400,
                "costOwed"));
        cases.add(
                new Case("long reason", json(Map.of("status", "IN_REPAIR", "reason", "r".repeat(501))), 400, "reason"));
        return cases;
    }

    private List<Case> sanitizationCases() {
        List<Case> cases = common("{\"method\": \"wipe\", \"colour\": \"red\"}");
        cases.add(new Case("missing method", "{\"note\": \"x\"}", 400, "method"));
        cases.add(new Case("long method", json(Map.of("method", "m".repeat(121))), 400, "method"));
        cases.add(new Case("wrong type: text", "{\"method\": {\"name\": \"wipe\"}}", 400, "method"));
        return cases;
    }

    @Test
    void everyJsonOperationRefusesBadInputNamingTheFieldAndWritesNothing() {
        String device = Api.registerLaptop(false);
        String person = Api.createPerson(Api.unique("E"), Api.today());
        String devicePath = "/api/v1/devices/" + device;
        Map<Operation, List<Case>> table = new java.util.LinkedHashMap<>();
        table.put(new Operation("register a device", "POST", "/api/v1/devices"), deviceCases(false));
        table.put(new Operation("update a device", "PUT", devicePath), deviceCases(true));
        table.put(new Operation("assign", "POST", devicePath + "/assignment"), assignmentCases());
        table.put(new Operation("take back", "POST", devicePath + "/return"), returnCases());
        table.put(new Operation("change status", "POST", devicePath + "/status"), statusCases());
        table.put(new Operation("sanitize", "POST", devicePath + "/sanitization"), sanitizationCases());
        table.put(new Operation("create a person", "POST", "/api/v1/people"), personCases());
        table.put(new Operation("update a person", "PUT", "/api/v1/people/" + person), personCases());
        table.put(new Operation("bulk sync", "POST", "/api/v1/people/bulk"), bulkCases());

        Map<String, Long> before = Db.counts(ds);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (var entry : table.entrySet()) {
            Operation op = entry.getKey();
            for (Case c : entry.getValue()) {
                checked++;
                Response r = Api.it().body(c.body()).request(op.method(), op.path());
                String where = op.name() + " / " + c.what() + ": ";
                String body = r.asString();
                if (r.statusCode() != c.status()) {
                    failures.add(where + "expected " + c.status() + ", got " + r.statusCode() + " " + abbreviate(body));
                    continue;
                }
                if (!String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                    failures.add(where + "not a problem: " + r.contentType());
                    continue;
                }
                if (body.contains("Exception") || body.contains("\tat ") || body.contains("org.district")) {
                    failures.add(where + "leaks implementation details: " + abbreviate(body));
                }
                if (c.status() == 400) {
                    List<String> fields = r.jsonPath().getList("errors.field");
                    if (fields == null || fields.isEmpty()) {
                        failures.add(where + "names no field: " + abbreviate(body));
                    } else if (c.field() != null && !fields.contains(c.field())) {
                        failures.add(where + "expected field " + c.field() + ", got " + fields);
                    }
                }
            }
        }
        assertThat(failures).as("of %d bad requests", checked).isEmpty();
        assertThat(Db.counts(ds)).as("nothing written").isEqualTo(before);
        assertThat(Api.statusOf(device)).isEqualTo("IN_STOCK");
    }

    @Test
    void everyBadSearchFilterIsNamedInOneAnswer() {
        Api.it()
                .queryParam("status", "NOPE")
                .queryParam("type", "PHABLET")
                .queryParam("ownership", "RENTED")
                .queryParam("sensitive", "maybe")
                .queryParam("q", "ab")
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.containsInAnyOrder("status", "type", "ownership", "sensitive", "q"));
        Api.it()
                .queryParam("kind", "ALIEN")
                .queryParam("active", "sometimes")
                .queryParam("q", "x")
                .get("/api/v1/people")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("kind", "active", "q"));
    }

    @Test
    void badParametersAndUnsupportedRequestsAreProblemsToo() {
        String device = Api.registerLaptop(false);
        Map<String, Long> before = Db.counts(ds);
        List<String> failures = new ArrayList<>();
        record Check(String what, Response response, int status, String field) {}
        List<Check> checks = List.of(
                new Check(
                        "unknown status filter",
                        Api.it().queryParam("status", "LOST,NOPE").get("/api/v1/devices"),
                        400,
                        "status"),
                new Check(
                        "unknown type filter",
                        Api.it().queryParam("type", "PHABLET").get("/api/v1/devices"),
                        400,
                        "type"),
                new Check("limit too big", Api.it().queryParam("limit", "201").get("/api/v1/devices"), 400, "limit"),
                new Check(
                        "limit not a number",
                        Api.it().queryParam("limit", "ten").get("/api/v1/devices"),
                        400,
                        "limit"),
                new Check("forged cursor", Api.it().queryParam("cursor", "!!").get("/api/v1/devices"), 400, "cursor"),
                new Check("short text search", Api.it().queryParam("q", "ab").get("/api/v1/devices"), 400, "q"),
                new Check(
                        "long text search",
                        Api.it().queryParam("q", "x".repeat(101)).get("/api/v1/devices"),
                        400,
                        "q"),
                new Check(
                        "bad export filter",
                        Api.it().queryParam("ownership", "RENTED").get("/api/v1/devices/export"),
                        400,
                        "ownership"),
                new Check(
                        "bad If-Match",
                        Api.it()
                                .header("If-Match", "yesterday")
                                .body(Api.purchasedLaptop(Api.unique("X"), false))
                                .put("/api/v1/devices/" + device),
                        400,
                        "If-Match"),
                new Check(
                        "bad atomic flag",
                        Api.it()
                                .contentType("text/csv")
                                .body("assetTag\n")
                                .queryParam("atomic", "sure")
                                .post("/api/v1/devices/import"),
                        400,
                        "atomic"),
                new Check(
                        "unknown device",
                        Api.it()
                                .body(Map.of("status", "IN_REPAIR", "reason", "x"))
                                .post("/api/v1/devices/" + java.util.UUID.randomUUID() + "/status"),
                        404,
                        null),
                new Check("malformed id", Api.it().get("/api/v1/devices/%20DROP%20TABLE"), 404, null),
                new Check(
                        "unknown person",
                        Api.it()
                                .body(Api.person(Api.unique("E"), null, null))
                                .put("/api/v1/people/" + java.util.UUID.randomUUID()),
                        404,
                        null),
                new Check(
                        "wrong media type",
                        Api.it()
                                .contentType("application/xml")
                                .body("<device/>")
                                .post("/api/v1/devices"),
                        415,
                        null),
                new Check("wrong method", Api.it().delete("/api/v1/devices/" + device), 405, null),
                new Check("no such address", Api.it().get("/api/v1/gadgets"), 404, null));
        for (Check c : checks) {
            Response r = c.response();
            String where = c.what() + ": ";
            if (r.statusCode() != c.status()) {
                failures.add(
                        where + "expected " + c.status() + ", got " + r.statusCode() + " " + abbreviate(r.asString()));
            } else if (!String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                failures.add(where + "not a problem: " + r.contentType());
            } else if (c.field() != null
                    && !r.jsonPath().getList("errors.field").contains(c.field())) {
                failures.add(where + "expected field " + c.field() + ", got "
                        + r.jsonPath().getList("errors.field"));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(Db.counts(ds)).isEqualTo(before);
    }

    @Test
    void duplicatesAreConflictsNamingTheFieldAndWriteNothing() {
        Map<String, Object> first = Api.purchasedLaptop(Api.unique("DUP"), false);
        String id = Api.it()
                .body(first)
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> other = Api.purchasedLaptop(Api.unique("DUP"), false);
        String otherId = Api.it()
                .body(other)
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Long> before = Db.counts(ds);

        Map<String, Object> steal = new HashMap<>(other);
        steal.put("serialNumber", first.get("serialNumber").toString().toLowerCase());
        Api.it()
                .body(steal)
                .put("/api/v1/devices/" + otherId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("serialNumber"));
        Map<String, Object> both = new HashMap<>(first);
        Api.it()
                .body(both)
                .post("/api/v1/devices")
                .then()
                .statusCode(409)
                .body("errors.field", org.hamcrest.Matchers.hasItems("assetTag", "serialNumber"));
        assertThat(Db.counts(ds)).isEqualTo(before);
        assertThat(id).isNotEqualTo(otherId);
    }

    @Test
    void concurrentRegistrationsOfOneDeviceLetExactlyOneIn() throws Exception {
        Map<String, Object> body = Api.purchasedLaptop(Api.unique("RACE"), false);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<Response> responses = new ArrayList<>();
        try {
            List<java.util.concurrent.Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> Api.it().body(body).post("/api/v1/devices"));
            }
            for (var f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 201).hasSize(3).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getList("errors.field", String.class)).containsAnyOf("assetTag", "serialNumber");
        });
        assertThat(Db.count(ds, "select count(*) from device where asset_tag = ?", body.get("assetTag")))
                .isEqualTo(1);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
