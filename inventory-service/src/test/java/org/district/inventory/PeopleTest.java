package org.district.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.district.testing.TestApi;
import org.district.testing.TestDb;
import org.junit.jupiter.api.Test;

/** People records: create, read, update with version checks, the nightly bulk sync, departures and the AUP. */
@QuarkusTest
class PeopleTest {

    private static final String PEOPLE = "/api/v1/people";

    @Inject
    AgroalDataSource ds;

    @Test
    void createsReadsAndUpdatesAPersonWithVersionChecks() {
        String supervisor = Api.employee();
        String districtId = Api.unique("E").toLowerCase();
        Map<String, Object> body =
                Api.person(districtId, supervisor, Api.today().minusDays(20));
        body.put("email", "Pat.Teacher@District.Example");
        Response created = TestApi.as("HR-1", "HR").body(body).post(PEOPLE);
        created.then()
                .statusCode(201)
                .header("ETag", "\"v0\"")
                .header("Location", endsWith(PEOPLE + "/" + created.path("id")))
                .body("districtId", equalTo(districtId.toUpperCase()))
                .body("email", equalTo("pat.teacher@district.example"))
                .body("supervisor.districtId", equalTo(supervisor))
                .body("supervisor.name", equalTo("Pat Teacher"))
                .body("active", equalTo(true))
                .body("aupCurrent", equalTo(true));
        String id = created.path("id");

        Api.it()
                .get(PEOPLE + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"v0\"")
                .body("id", equalTo(id));

        Map<String, Object> change = new HashMap<>(body);
        change.put("familyName", "Principal");
        Api.it()
                .header("If-Match", "\"v0\"")
                .body(change)
                .put(PEOPLE + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"v1\"")
                .body("familyName", equalTo("Principal"));
        change.put("familyName", "Stale");
        Api.it()
                .header("If-Match", "\"v0\"")
                .body(change)
                .put(PEOPLE + "/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        Api.it()
                .header("If-Match", "version-zero")
                .body(change)
                .put(PEOPLE + "/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        Api.it().get(PEOPLE + "/" + id).then().body("familyName", equalTo("Principal"));

        List<Map<String, Object>> history = Api.it()
                .get(PEOPLE + "/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(history).extracting(h -> h.get("action")).containsExactly("UPDATED", "CREATED");
        assertThat(history.get(0).toString())
                .contains("familyName")
                .contains("Teacher")
                .contains("Principal");
        assertThat(history.get(0).get("actor")).isEqualTo("IT_ADMIN:" + Api.IT_SUBJECT);

        Api.it()
                .body(Api.person(districtId, null, null))
                .post(PEOPLE)
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("districtId"));
        Api.it().get(PEOPLE + "/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theDistrictIdCannotChange() {
        String districtId = Api.unique("E");
        String id = Api.createPerson(districtId, null);
        Api.it()
                .body(Api.person(Api.unique("E"), null, null))
                .put(PEOPLE + "/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("districtId"))
                .body("errors[0].message", containsString(districtId));
        Api.it().get(PEOPLE + "/" + id).then().body("districtId", equalTo(districtId));
    }

    @Test
    void aSupervisorMustExistAndNotBeThePersonThemself() {
        String districtId = Api.unique("E");
        Api.it()
                .body(Api.person(districtId, "NOBODY-" + Api.unique("X"), null))
                .post(PEOPLE)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("supervisorDistrictId"))
                .body("errors[0].message", containsString("no known person"));
        Api.it()
                .body(Api.person(districtId, districtId, null))
                .post(PEOPLE)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("supervisorDistrictId"));
        String id = Api.createPerson(districtId, null);
        Api.it()
                .body(Api.person(districtId, districtId.toLowerCase(), null))
                .put(PEOPLE + "/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("themself"));
    }

    @Test
    void aLongHistoryShowsTheLatest500Entries() {
        String districtId = Api.employee();
        String id = Api.personId(districtId);
        TestDb.of(ds)
                .execute(
                        "insert into person_history (person_id, occurred_at, actor, action)"
                                + " select ?::uuid, now() - (n || ' minutes')::interval, 'IT_ADMIN:E1', 'UPDATED'"
                                + " from generate_series(1, 520) n",
                        id);
        List<Map<String, Object>> history = Api.it()
                .get(PEOPLE + "/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(history).hasSize(500);
    }

    @Test
    void aDepartureIsRecorded() {
        String districtId = Api.employee();
        String id = Api.personId(districtId);
        Map<String, Object> departed = Api.person(districtId, null, Api.today().minusDays(30));
        departed.put("active", true);
        departed.put("departedOn", Api.today().plusDays(367).toString());
        Api.it()
                .body(departed)
                .put(PEOPLE + "/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("departedOn"));

        // HR announces the leaving date ahead: the person stays active until then.
        departed.put("departedOn", Api.today().plusDays(10).toString());
        Api.it()
                .body(departed)
                .put(PEOPLE + "/" + id)
                .then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("departedOn", equalTo(Api.today().plusDays(10).toString()));
        Api.it().get(PEOPLE + "/" + id + "/history").then().body("[0].action", equalTo("LEAVING_DATE_SET"));

        departed.put("active", false);
        departed.remove("departedOn");
        Api.it()
                .body(departed)
                .put(PEOPLE + "/" + id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("departedOn", equalTo(Api.today().toString()));
        Api.it().get(PEOPLE + "/" + id + "/history").then().body("[0].action", equalTo("DEPARTED"));
        Api.it()
                .queryParam("active", "false")
                .queryParam("q", districtId)
                .get(PEOPLE)
                .then()
                .body("items.districtId", hasItem(districtId));
        Api.it()
                .queryParam("active", "true")
                .queryParam("q", districtId)
                .get(PEOPLE)
                .then()
                .body("items.districtId", org.hamcrest.Matchers.not(hasItem(districtId)));
    }

    @Test
    void theAupAcknowledgementIsRecordedOncePerDay() {
        String districtId = Api.unique("E");
        String id = Api.createPerson(districtId, Api.today().minusDays(400));
        Api.it().get(PEOPLE + "/" + id).then().body("aupCurrent", equalTo(false));
        TestApi.as(districtId, "STAFF")
                .post(PEOPLE + "/" + id + "/aup-acknowledgement")
                .then()
                .statusCode(200)
                .body("aupAcknowledgedOn", equalTo(Api.today().toString()))
                .body("aupCurrent", equalTo(true));
        TestApi.as(districtId, "STAFF")
                .post(PEOPLE + "/" + id + "/aup-acknowledgement")
                .then()
                .statusCode(200);
        Api.it()
                .get(PEOPLE + "/" + id + "/history")
                .then()
                .body("action", equalTo(List.of("AUP_ACKNOWLEDGED", "CREATED")))
                .body("[0].actor", equalTo("STAFF:" + districtId));

        Map<String, Object> future =
                Api.person(Api.unique("E"), null, Api.today().plusDays(1));
        Api.it().body(future).post(PEOPLE).then().statusCode(400).body("errors[0].field", equalTo("aupAcknowledgedOn"));
        Api.it()
                .post(PEOPLE + "/" + java.util.UUID.randomUUID() + "/aup-acknowledgement")
                .then()
                .statusCode(404);
    }

    @Test
    void listsPeopleWithFiltersAndStablePages() {
        String school = "PPL-" + Api.unique("S");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String districtId = Api.unique("L");
            Map<String, Object> body = Api.person(districtId, null, null);
            body.put("school", school);
            body.put("kind", i == 0 ? "STUDENT" : "EMPLOYEE");
            Api.it().body(body).post(PEOPLE).then().statusCode(201);
            ids.add(districtId);
        }
        ids.sort(String::compareTo);
        Response first =
                Api.it().queryParam("school", school).queryParam("limit", 2).get(PEOPLE);
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue());
        Response second = Api.it()
                .queryParam("school", school)
                .queryParam("limit", 2)
                .queryParam("cursor", first.path("nextCursor").toString())
                .get(PEOPLE);
        second.then().body("items", hasSize(1)).body("nextCursor", nullValue());
        List<String> seen = new ArrayList<>(first.path("items.districtId"));
        seen.addAll(second.path("items.districtId"));
        assertThat(seen).containsExactlyElementsOf(ids);
        Api.it()
                .queryParam("school", school)
                .queryParam("kind", "student")
                .get(PEOPLE)
                .then()
                .body("items", hasSize(1));
        Api.it().queryParam("q", "ab").get(PEOPLE).then().statusCode(400).body("errors[0].field", equalTo("q"));
        Api.it()
                .queryParam("kind", "ALIEN")
                .get(PEOPLE)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        Api.it()
                .queryParam("active", "maybe")
                .get(PEOPLE)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("active"));
    }

    // ---------------------------------------------------------------- the nightly sync

    @Test
    void theBulkSyncSavesGoodEntriesAndReportsBadOnesByIndex() {
        String boss = Api.unique("B");
        String existing = Api.employee();
        Map<String, Object> changedExisting =
                Api.person(existing, null, Api.today().minusDays(30));
        changedExisting.put("familyName", "Renamed");
        Map<String, Object> missingName = Api.person(Api.unique("B"), null, null);
        missingName.remove("givenName");
        String duplicate = Api.unique("B");
        List<Object> batch = new ArrayList<>();
        batch.add(Api.person(duplicate, boss, null)); // 0: its supervisor comes later in the batch
        batch.add(missingName); // 1
        batch.add(Api.person(Api.unique("B"), "NOBODY-" + Api.unique("X"), null)); // 2
        batch.add(Api.person(duplicate, null, null)); // 3: the same district id again
        batch.add(null); // 4
        batch.add(changedExisting); // 5
        batch.add(Api.person(boss, null, null)); // 6
        JsonPath report = TestApi.as("SIS-SYNC", "HR")
                .body(batch)
                .post(PEOPLE + "/bulk")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getLong("rows")).isEqualTo(7);
        assertThat(report.getLong("created")).isEqualTo(2);
        assertThat(report.getLong("updated")).isEqualTo(1);
        assertThat(report.getLong("rejected")).isEqualTo(4);
        assertThat(report.getList("errors.index", Integer.class)).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(report.getString("errors.find { it.index == 1 }.errors[0].field"))
                .isEqualTo("givenName");
        assertThat(report.getString("errors.find { it.index == 2 }.errors[0].field"))
                .isEqualTo("supervisorDistrictId");
        assertThat(report.getString("errors.find { it.index == 3 }.errors[0].message"))
                .contains("first at index 0");
        assertThat(report.getString("errors.find { it.index == 4 }.errors[0].field"))
                .isEqualTo("[4]");
        Api.it().get(PEOPLE + "/" + Api.personId(duplicate)).then().body("supervisor.districtId", equalTo(boss));
        Api.it().get(PEOPLE + "/" + Api.personId(existing)).then().body("familyName", equalTo("Renamed"));

        // The same sync the next night changes nothing.
        batch.remove(4);
        batch.remove(3);
        batch.remove(2);
        batch.remove(1);
        TestApi.as("SIS-SYNC", "HR")
                .body(batch)
                .post(PEOPLE + "/bulk")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(3))
                .body("created", equalTo(0))
                .body("updated", equalTo(0));
    }

    @Test
    void theBulkSyncTakesUpTo5000EntriesPerRequest() {
        long before = Db.count(ds, "select count(*) from person");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            tooMany.add(Map.of());
        }
        Api.it()
                .body(tooMany)
                .post(PEOPLE + "/bulk")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", containsString("5000"));
        assertThat(Db.count(ds, "select count(*) from person")).isEqualTo(before);

        // Exactly 5000 is accepted (here all invalid, so each is reported and nothing is written).
        List<Map<String, Object>> full = new ArrayList<>(tooMany.subList(0, 5000));
        TestApi.as("SIS-SYNC", "HR")
                .body(full)
                .post(PEOPLE + "/bulk")
                .then()
                .statusCode(200)
                .body("rows", equalTo(5000))
                .body("rejected", equalTo(5000))
                .body("errors", hasSize(1000))
                .body("errorsTruncated", equalTo(true))
                .body("errors[999].index", equalTo(999));
        assertThat(Db.count(ds, "select count(*) from person")).isEqualTo(before);
    }

    @Test
    void aBulkSyncCanBeAtomicOrADryRun() {
        String a = Api.unique("AT");
        String b = Api.unique("AT");
        Map<String, Object> bad = Api.person(Api.unique("AT"), null, null);
        bad.put("kind", "EMPLOYEE");
        bad.put("email", "not an email");
        Api.it()
                .queryParam("atomic", "true")
                .body(List.of(Api.person(a, null, null), bad))
                .post(PEOPLE + "/bulk")
                .then()
                .statusCode(200)
                .body("committed", equalTo(false))
                .body("errors[0].index", equalTo(1))
                .body("errors[0].errors[0].field", equalTo("email"));
        Api.it()
                .queryParam("dryRun", "true")
                .body(List.of(Api.person(b, null, null)))
                .post(PEOPLE + "/bulk")
                .then()
                .statusCode(200)
                .body("committed", equalTo(false))
                .body("dryRun", equalTo(true));
        assertThat(Db.count(ds, "select count(*) from person where district_id in (?, ?)", a, b))
                .isZero();
    }
}
