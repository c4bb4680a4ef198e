package org.district.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.Ownership;
import org.district.inventory.domain.DeviceLifecycle;
import org.junit.jupiter.api.Test;

/** Assignment, return, every lifecycle move and the history they leave, through the API. */
@QuarkusTest
class AssignmentLifecycleTest {

    private static final String DEVICES = "/api/v1/devices/";

    // ---------------------------------------------------------------- assignment rules

    @Test
    void assignmentNeedsAnAupAcknowledgementWithinTheLast365Days() {
        String never = Api.unique("E");
        Api.createPerson(never, null);
        String lapsed = Api.unique("E");
        Api.createPerson(lapsed, Api.today().minusDays(366));
        String lastDay = Api.unique("E");
        Api.createPerson(lastDay, Api.today().minusDays(365));
        String today = Api.unique("E");
        Api.createPerson(today, Api.today());

        for (String refused : List.of(never, lapsed)) {
            String device = Api.registerLaptop(false);
            Api.it()
                    .body(Map.of("personDistrictId", refused))
                    .post(DEVICES + device + "/assignment")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:district:problem:aup-not-acknowledged"))
                    .body(
                            "detail",
                            containsString("has not acknowledged the Acceptable Use Policy in the last 365 days"))
                    .body(
                            "detail",
                            containsString(
                                    refused.equals(never)
                                            ? "never"
                                            : Api.today().minusDays(366).toString()));
            assertThat(Api.statusOf(device)).isEqualTo("IN_STOCK");
            assertThat(Api.history(device)).hasSize(1);
        }
        for (String accepted : List.of(lastDay, today)) {
            String device = Api.registerLaptop(false);
            Api.it()
                    .body(Map.of("personDistrictId", accepted, "note", "start of term"))
                    .post(DEVICES + device + "/assignment")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ASSIGNED"))
                    .body("assignee.districtId", equalTo(accepted));
        }
        // The person view says the same thing the assignment rule does.
        Api.it().get("/api/v1/people/" + Api.personId(lapsed)).then().body("aupCurrent", equalTo(false));
        Api.it().get("/api/v1/people/" + Api.personId(lastDay)).then().body("aupCurrent", equalTo(true));
    }

    @Test
    void onlyActivePeopleReceiveDevices() {
        String leaver = Api.employee();
        Map<String, Object> departed = Api.person(leaver, null, Api.today().minusDays(10));
        departed.put("active", false);
        Api.it()
                .body(departed)
                .put("/api/v1/people/" + Api.personId(leaver))
                .then()
                .statusCode(200);
        String device = Api.registerLaptop(false);
        Api.it()
                .body(Map.of("personDistrictId", leaver))
                .post(DEVICES + device + "/assignment")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:person-departed"))
                .body("detail", containsString("has departed"));
    }

    @Test
    void assignmentNamesAKnownPerson() {
        String device = Api.registerLaptop(false);
        Api.it()
                .body(Map.of("personDistrictId", "NOBODY-" + Api.unique("X")))
                .post(DEVICES + device + "/assignment")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("personDistrictId"));
        Api.it()
                .body(Map.of("personId", java.util.UUID.randomUUID().toString()))
                .post(DEVICES + device + "/assignment")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("personId"));
        Api.it()
                .body(Map.of())
                .post(DEVICES + device + "/assignment")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("personId"));
        // By id works as well as by district id.
        String person = Api.employee();
        Api.it()
                .body(Map.of("personId", Api.personId(person)))
                .post(DEVICES + device + "/assignment")
                .then()
                .statusCode(200)
                .body("assignee.districtId", equalTo(person));
    }

    @Test
    void onlyInStockDevicesAreAssigned() {
        String person = Api.employee();
        String assigned = Api.registerLaptop(false);
        Api.assign(assigned, Api.employee());
        String repair = Api.registerLaptop(false);
        Api.status(repair, "IN_REPAIR").then().statusCode(200);
        String quarantined = Api.registerLaptop(true);
        Api.status(quarantined, "QUARANTINED").then().statusCode(200);
        for (String device : List.of(assigned, repair, quarantined)) {
            Response r = Api.it().body(Map.of("personDistrictId", person)).post(DEVICES + device + "/assignment");
            r.then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:district:problem:not-assignable"))
                    .body("detail", containsString("Only IN_STOCK devices can be assigned"));
        }
        Api.it()
                .body(Map.of("personDistrictId", person))
                .post(DEVICES + quarantined + "/assignment")
                .then()
                .body("detail", containsString("sanitized first"));
    }

    @Test
    void concurrentAssignmentsOfOneDeviceLetExactlyOneWin() throws Exception {
        String device = Api.registerLaptop(false);
        List<String> people = List.of(Api.employee(), Api.employee(), Api.employee(), Api.employee());
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String person : people) {
                calls.add(() -> Api.it()
                        .body(Map.of("personDistrictId", person))
                        .post(DEVICES + device + "/assignment")
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses)
                    .containsOnly(200, 409)
                    .filteredOn(s -> s == 200)
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        Api.it().get(DEVICES + device + "/assignments").then().body("$", hasSize(1));
    }

    // ---------------------------------------------------------------- return, quarantine, sanitization

    @Test
    void aReturnedSensitiveDeviceIsQuarantinedUntilSanitized() {
        String person = Api.employee();
        String device = Api.registerLaptop(true);
        Api.assign(device, person);
        Api.it()
                .body(Map.of("note", "end of year"))
                .post(DEVICES + device + "/return")
                .then()
                .statusCode(200)
                .body("status", equalTo("QUARANTINED"))
                .body("assignee", nullValue());

        // Neither assignment nor a plain status change gets it out of quarantine.
        Api.it()
                .body(Map.of("personDistrictId", person))
                .post(DEVICES + device + "/assignment")
                .then()
                .statusCode(409);
        Api.status(device, "IN_STOCK")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:sanitize-first"));
        assertThat(Api.statusOf(device)).isEqualTo("QUARANTINED");

        Api.it()
                .body(Map.of("method", "NIST 800-88 purge", "note", "disk replaced"))
                .post(DEVICES + device + "/sanitization")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_STOCK"));
        Map<String, Object> sanitized = Api.history(device).get(0);
        assertThat(sanitized)
                .containsEntry("action", "SANITIZED")
                .containsEntry("fromStatus", "QUARANTINED")
                .containsEntry("toStatus", "IN_STOCK");
        assertThat((String) sanitized.get("reason"))
                .contains("NIST 800-88 purge")
                .contains("disk replaced");

        Api.it()
                .body(Map.of("method", "again"))
                .post(DEVICES + device + "/sanitization")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:not-quarantined"));
        Api.assign(device, person);
    }

    @Test
    void aQuarantinedDeviceDoesNotReachStockThroughRepair() {
        String device = Api.registerLaptop(true);
        Api.assign(device, Api.employee());
        Api.it().body(Map.of()).post(DEVICES + device + "/return").then().body("status", equalTo("QUARANTINED"));
        Api.status(device, "IN_REPAIR").then().statusCode(200);
        Api.status(device, "IN_STOCK")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:sanitize-first"));
        assertThat(Api.statusOf(device)).isEqualTo("IN_REPAIR");
        // The way back is through quarantine and sanitization.
        Api.status(device, "QUARANTINED").then().statusCode(200);
        Api.it()
                .body(Map.of("method", "wipe"))
                .post(DEVICES + device + "/sanitization")
                .then()
                .statusCode(200);

        // A device sent to repair from stock comes back to stock directly.
        String fromStock = Api.registerLaptop(true);
        Api.status(fromStock, "IN_REPAIR").then().statusCode(200);
        Api.status(fromStock, "IN_STOCK").then().statusCode(200).body("status", equalTo("IN_STOCK"));
    }

    @Test
    void aReturnedOrdinaryDeviceGoesBackToStock() {
        String person = Api.employee();
        String device = Api.registerLaptop(false);
        Api.assign(device, person);
        Api.it().post(DEVICES + device + "/return").then().statusCode(200).body("status", equalTo("IN_STOCK"));
        Api.it()
                .body(Map.of())
                .post(DEVICES + device + "/return")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:not-assigned"));
        // Taking a device back is its own operation, not a status change.
        Api.assign(device, person);
        Api.status(device, "IN_STOCK").then().statusCode(409).body("type", equalTo("urn:district:problem:use-return"));
        Api.status(device, "ASSIGNED")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:use-assignment"));
    }

    @Test
    void personalDevicesAreNeitherAssignedNorReturned() {
        String owner = Api.employee();
        String device = Api.registerPersonal(owner);
        Api.it()
                .body(Map.of("personDistrictId", Api.employee()))
                .post(DEVICES + device + "/assignment")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:personal-device"));
        Api.it()
                .body(Map.of())
                .post(DEVICES + device + "/return")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:personal-device"));
        Api.it()
                .get(DEVICES + device)
                .then()
                .body("status", equalTo("ASSIGNED"))
                .body("assignee.districtId", equalTo(owner));
    }

    // ---------------------------------------------------------------- loss, recovery, write-off

    @Test
    void writingOffALostDeviceRecordsTheCostOwed() {
        String person = Api.employee();
        String device = Api.registerLaptop(false);
        Api.assign(device, person);
        Api.status(device, "LOST").then().statusCode(200);
        Api.it()
                .body(Map.of("status", "IN_REPAIR", "reason", "x", "costOwed", 10))
                .post(DEVICES + device + "/status")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("costOwed"));
        Api.it()
                .body(Map.of("status", "WRITTEN_OFF", "reason", "never found", "costOwed", 350.5))
                .post(DEVICES + device + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("WRITTEN_OFF"))
                .body("costOwed", equalTo(350.5f))
                .body("assignee", nullValue());
        Map<String, Object> entry = Api.history(device).get(0);
        assertThat(entry).containsEntry("action", "WRITTEN_OFF").containsEntry("fromStatus", "LOST");
        assertThat(changesOf(entry)).contains(Map.of("field", "costOwed", "to", "350.5"));
        Api.it().get(DEVICES + device + "/assignments").then().body("[0].endReason", equalTo("written off"));
    }

    @Test
    void recoveryOfASensitiveDeviceEndsInQuarantineWithTwoHistoryEntries() {
        String person = Api.employee();
        String device = Api.registerLaptop(true);
        Api.assign(device, person);
        Api.status(device, "STOLEN").then().statusCode(200);
        Api.status(device, "RECOVERED").then().statusCode(200).body("status", equalTo("QUARANTINED"));
        List<Map<String, Object>> history = Api.history(device);
        assertThat(history.get(1))
                .containsEntry("action", "RECOVERED")
                .containsEntry("fromStatus", "STOLEN")
                .containsEntry("toStatus", "RECOVERED");
        assertThat(history.get(0))
                .containsEntry("action", "QUARANTINED")
                .containsEntry("fromStatus", "RECOVERED")
                .containsEntry("toStatus", "QUARANTINED");
        Api.it()
                .get(DEVICES + device + "/assignments")
                .then()
                .body("[0].endReason", equalTo("recovered"))
                .body("[0].endedAt", notNullValue());

        String plain = Api.registerLaptop(false);
        Api.status(plain, "LOST").then().statusCode(200);
        Api.status(plain, "RECOVERED").then().statusCode(200).body("status", equalTo("RECOVERED"));
        Api.status(plain, "IN_STOCK").then().statusCode(200);
    }

    // ---------------------------------------------------------------- every move against the lifecycle table

    private Map<DeviceStatus, Supplier<String>> districtStates() {
        Map<DeviceStatus, Supplier<String>> states = new EnumMap<>(DeviceStatus.class);
        states.put(DeviceStatus.IN_STOCK, () -> Api.registerLaptop(false));
        states.put(DeviceStatus.ASSIGNED, () -> {
            String d = Api.registerLaptop(false);
            Api.assign(d, Api.employee());
            return d;
        });
        states.put(DeviceStatus.LOST, () -> moved(Api.registerLaptop(false), "LOST"));
        states.put(DeviceStatus.STOLEN, () -> moved(Api.registerLaptop(false), "STOLEN"));
        states.put(DeviceStatus.RECOVERED, () -> moved(Api.registerLaptop(false), "LOST", "RECOVERED"));
        states.put(DeviceStatus.QUARANTINED, () -> moved(Api.registerLaptop(false), "QUARANTINED"));
        states.put(DeviceStatus.IN_REPAIR, () -> moved(Api.registerLaptop(false), "IN_REPAIR"));
        states.put(DeviceStatus.RETIRED, () -> moved(Api.registerLaptop(false), "RETIRED"));
        states.put(DeviceStatus.WRITTEN_OFF, () -> moved(Api.registerLaptop(false), "LOST", "WRITTEN_OFF"));
        return states;
    }

    private Map<DeviceStatus, Supplier<String>> personalStates() {
        Map<DeviceStatus, Supplier<String>> states = new EnumMap<>(DeviceStatus.class);
        states.put(DeviceStatus.ASSIGNED, () -> Api.registerPersonal(Api.employee()));
        states.put(DeviceStatus.LOST, () -> moved(Api.registerPersonal(Api.employee()), "LOST"));
        states.put(DeviceStatus.STOLEN, () -> moved(Api.registerPersonal(Api.employee()), "STOLEN"));
        states.put(DeviceStatus.RECOVERED, () -> moved(Api.registerPersonal(Api.employee()), "LOST", "RECOVERED"));
        states.put(DeviceStatus.WRITTEN_OFF, () -> moved(Api.registerPersonal(Api.employee()), "LOST", "WRITTEN_OFF"));
        states.put(DeviceStatus.RETIRED, () -> moved(Api.registerPersonal(Api.employee()), "RETIRED"));
        return states;
    }

    private static String moved(String device, String... statuses) {
        for (String status : statuses) {
            Api.status(device, status).then().statusCode(200).body("status", equalTo(status));
        }
        return device;
    }

    /** Moves the district wants done through their own operations (assignment, return, sanitization). */
    private static boolean hasItsOwnOperation(DeviceStatus from, DeviceStatus to) {
        return to == DeviceStatus.ASSIGNED
                || (from == DeviceStatus.ASSIGNED && (to == DeviceStatus.IN_STOCK || to == DeviceStatus.QUARANTINED))
                || (from == DeviceStatus.QUARANTINED && to == DeviceStatus.IN_STOCK);
    }

    @Test
    void everyDistrictStatusChangeFollowsTheLifecycle() {
        List<String> failures = new ArrayList<>();
        for (var state : districtStates().entrySet()) {
            DeviceStatus from = state.getKey();
            checkEveryMoveFrom(
                    from,
                    state.getValue(),
                    to -> DeviceLifecycle.allows(Ownership.DISTRICT, from, to) && !hasItsOwnOperation(from, to),
                    failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyPersonalStatusChangeFollowsTheLifecycle() {
        List<String> failures = new ArrayList<>();
        for (var state : personalStates().entrySet()) {
            DeviceStatus from = state.getKey();
            checkEveryMoveFrom(
                    from, state.getValue(), to -> DeviceLifecycle.allows(Ownership.PERSONAL, from, to), failures);
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Tries every status from {@code from}: each allowed move on a fresh device in that state, every refused move on
     * one shared device (a refused move changes nothing, which is checked after each).
     */
    private static void checkEveryMoveFrom(
            DeviceStatus from,
            Supplier<String> deviceInState,
            java.util.function.Predicate<DeviceStatus> allowed,
            List<String> failures) {
        String shared = deviceInState.get();
        int entries = Api.history(shared).size();
        for (DeviceStatus to : DeviceStatus.values()) {
            String move = from + " -> " + to + ": ";
            if (allowed.test(to)) {
                Response r = Api.status(deviceInState.get(), to.name());
                if (r.statusCode() != 200 || !to.name().equals(r.path("status"))) {
                    failures.add(move + "expected 200 and " + to + ", got " + r.statusCode() + " " + r.asString());
                }
                continue;
            }
            Response r = Api.status(shared, to.name());
            if (r.statusCode() != 409 || !r.contentType().startsWith("application/problem+json")) {
                failures.add(move + "expected 409 problem, got " + r.statusCode() + " " + r.asString());
                continue;
            }
            String detail = r.path("detail");
            if (detail == null || detail.isBlank()) {
                failures.add(move + "409 without a sentence saying why");
            }
        }
        if (!from.name().equals(Api.statusOf(shared)) || Api.history(shared).size() != entries) {
            failures.add(from + ": a refused move changed the device");
        }
    }

    // ---------------------------------------------------------------- history and assignments

    @Test
    void historyRecordsWhoWhenWhatFromAndToForEachStep() {
        String person = Api.employee();
        Instant start = Instant.now().minusSeconds(5);
        String device = Api.registerLaptop(false);
        Api.assign(device, person);
        Api.it()
                .body(Map.of("note", "broken hinge"))
                .post(DEVICES + device + "/return")
                .then()
                .statusCode(200);
        Api.it()
                .body(Map.of("status", "IN_REPAIR", "reason", "hinge replacement"))
                .post(DEVICES + device + "/status")
                .then()
                .statusCode(200);
        Instant end = Instant.now().plusSeconds(5);

        List<Map<String, Object>> history = Api.history(device);
        assertThat(history)
                .extracting(h -> h.get("action"))
                .containsExactly("STATUS_CHANGED", "RETURNED", "ASSIGNED", "REGISTERED");
        for (Map<String, Object> entry : history) {
            assertThat(entry).containsEntry("actor", "IT_ADMIN:" + Api.IT_SUBJECT);
            Instant when = Instant.parse((String) entry.get("occurredAt"));
            assertThat(when).isBetween(start, end);
        }

        Map<String, Object> registered = history.get(3);
        assertThat(registered).doesNotContainKey("fromStatus").containsEntry("toStatus", "IN_STOCK");
        assertThat(changesOf(registered)).anySatisfy(c -> assertThat(c).containsEntry("field", "assetTag"));

        Map<String, Object> assigned = history.get(2);
        assertThat(assigned).containsEntry("fromStatus", "IN_STOCK").containsEntry("toStatus", "ASSIGNED");
        assertThat(changesOf(assigned)).contains(Map.of("field", "assignee", "to", person));

        Map<String, Object> returned = history.get(1);
        assertThat(returned)
                .containsEntry("fromStatus", "ASSIGNED")
                .containsEntry("toStatus", "IN_STOCK")
                .containsEntry("reason", "broken hinge");
        assertThat(changesOf(returned)).contains(Map.of("field", "assignee", "from", person));

        Map<String, Object> repair = history.get(0);
        assertThat(repair)
                .containsEntry("fromStatus", "IN_STOCK")
                .containsEntry("toStatus", "IN_REPAIR")
                .containsEntry("reason", "hinge replacement");
        assertThat(changesOf(repair)).contains(Map.of("field", "status", "from", "IN_STOCK", "to", "IN_REPAIR"));
    }

    @Test
    void historyPagesNewestFirstWithACursor() {
        String device = Api.registerLaptop(false);
        moved(device, "IN_REPAIR", "IN_STOCK", "IN_REPAIR", "IN_STOCK");
        Response first = Api.it().queryParam("limit", 2).get(DEVICES + device + "/history");
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue());
        Response second = Api.it()
                .queryParam("limit", 2)
                .queryParam("cursor", first.path("nextCursor").toString())
                .get(DEVICES + device + "/history");
        Response third = Api.it()
                .queryParam("limit", 2)
                .queryParam("cursor", second.path("nextCursor").toString())
                .get(DEVICES + device + "/history");
        third.then()
                .body("items", hasSize(1))
                .body("nextCursor", nullValue())
                .body("items[0].action", equalTo("REGISTERED"));
        List<Integer> ids = new ArrayList<>();
        ids.addAll(first.path("items.id"));
        ids.addAll(second.path("items.id"));
        ids.addAll(third.path("items.id"));
        assertThat(ids).hasSize(5).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        Api.it()
                .queryParam("cursor", "%%%")
                .get(DEVICES + device + "/history")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        Api.it().get(DEVICES + java.util.UUID.randomUUID() + "/history").then().statusCode(404);
    }

    @Test
    void assignmentsListWhoHeldTheDeviceAndWhen() {
        String first = Api.employee();
        String second = Api.employee();
        String device = Api.registerLaptop(false);
        Api.assign(device, first);
        Api.it().body(Map.of()).post(DEVICES + device + "/return").then().statusCode(200);
        Api.assign(device, second);
        Api.it()
                .get(DEVICES + device + "/assignments")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].person.districtId", equalTo(second))
                .body("[0].person.name", equalTo("Pat Teacher"))
                .body("[0].assignedBy", containsString("IT_ADMIN:"))
                .body("[0].endedAt", nullValue())
                .body("[1].person.districtId", equalTo(first))
                .body("[1].endedAt", notNullValue())
                .body("[1].endedBy", containsString("IT_ADMIN:"))
                .body("[1].endReason", equalTo("returned"));
        Api.auditor()
                .get(DEVICES + device + "/assignments")
                .then()
                .statusCode(200)
                .body("$", hasSize(2));
        Api.it()
                .get(DEVICES + java.util.UUID.randomUUID() + "/assignments")
                .then()
                .statusCode(404);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changesOf(Map<String, Object> entry) {
        List<Map<String, Object>> changes = (List<Map<String, Object>>) entry.get("changes");
        List<Map<String, Object>> compact = new ArrayList<>();
        for (Map<String, Object> c : changes) {
            Map<String, Object> copy = new java.util.HashMap<>(c);
            copy.values().removeIf(java.util.Objects::isNull);
            compact.add(copy);
        }
        return compact;
    }
}
