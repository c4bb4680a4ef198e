package org.district.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.district.testing.TestApi;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceRegistryTest {

    @Inject
    EntityManager em;

    /**
     * A text search answers the same pages whichever plan it takes: the trigram index and a sort when the fragment
     * matches few devices, the walk in asset-tag order when it matches more than the cap (5 in tests).
     */
    @Test
    void textSearchPagesInAssetTagOrderWhetherTheFragmentIsRareOrCommon() {
        String school = "SRCH-" + UUID.randomUUID().toString().substring(0, 6);
        String common = "Qx" + UUID.randomUUID().toString().substring(0, 6);
        List<String> tags = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tags.add(registerIn(school, "TXT", "Latitude " + common + (i < 2 ? " rare" + common : "")));
        }
        List<String> sorted = tags.stream().sorted().toList();
        List<String> rare = tags.subList(0, 2).stream().sorted().toList();

        // 8 matches: more than the cap. 2 matches: within it. Paged 3 at a time, and in one page.
        assertThat(allPages(common, 3)).containsExactlyElementsOf(sorted);
        assertThat(allPages(common, 50)).containsExactlyElementsOf(sorted);
        assertThat(allPages("rare" + common, 1)).containsExactlyElementsOf(rare);
        assertThat(allPages("rare" + common, 50)).containsExactlyElementsOf(rare);
        assertThat(allPages("none" + common, 50)).isEmpty();
    }

    /** Registers a laptop at the school (with this model, when given) and returns its asset tag. */
    private static String registerIn(String school, String tagPrefix, String model) {
        Map<String, Object> body = new HashMap<>(Api.purchasedLaptop(Api.unique(tagPrefix), false));
        body.put("school", school);
        if (model != null) {
            body.put("model", model);
        }
        return Api.it()
                .body(body)
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("assetTag");
    }

    private static List<String> allPages(String q, int limit) {
        List<String> tags = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = Api.it().queryParam("q", q).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/devices");
            page.then().statusCode(200);
            tags.addAll(page.path("items.assetTag"));
            cursor = page.path("nextCursor");
        } while (cursor != null && tags.size() < 100);
        return tags;
    }

    @Test
    void registersReadsAndUpdatesADeviceWithVersionChecks() {
        String tag = Api.unique("TAG");
        Response created = Api.it().body(Api.purchasedLaptop(tag, true)).post("/api/v1/devices");
        created.then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/devices/" + created.path("id")))
                .header("ETag", "\"v0\"")
                .body("assetTag", equalTo(tag))
                .body("status", equalTo("IN_STOCK"))
                .body("ownership", equalTo("DISTRICT"))
                .body("acquisition.type", equalTo("PURCHASED"))
                .body("acquisition.cost", equalTo(1249.0f));
        String id = created.path("id");

        Map<String, Object> change = new HashMap<>(Api.purchasedLaptop(tag, true));
        change.put("model", "Latitude 7450");
        change.put("serialNumber", created.path("serialNumber"));
        Api.it()
                .header("If-Match", "\"v0\"")
                .body(change)
                .put("/api/v1/devices/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"v1\"")
                .body("model", equalTo("Latitude 7450"));

        // A second writer holding the old ETag is refused and changes nothing.
        change.put("model", "Stale write");
        Api.it()
                .header("If-Match", "\"v0\"")
                .body(change)
                .put("/api/v1/devices/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        Api.it().get("/api/v1/devices/" + id).then().body("model", equalTo("Latitude 7450"));

        Api.it()
                .get("/api/v1/devices/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].action", equalTo("UPDATED"))
                .body("items[0].changes.field", hasItem("model"))
                .body("items[0].changes.find { it.field == 'model' }.from", equalTo("Latitude 5440"))
                .body("items[0].actor", org.hamcrest.Matchers.startsWith("IT_ADMIN:"))
                .body("items[1].action", equalTo("REGISTERED"));
    }

    @Test
    void refusesDuplicateTagsAndSerialsWithoutWritingAnything() {
        String tag = Api.unique("TAG");
        Map<String, Object> body = Api.purchasedLaptop(tag, false);
        Api.it().body(body).post("/api/v1/devices").then().statusCode(201);

        Map<String, Object> sameTag = new HashMap<>(Api.purchasedLaptop(tag.toLowerCase(), false));
        Api.it()
                .body(sameTag)
                .post("/api/v1/devices")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("assetTag"));

        Map<String, Object> sameSerial = new HashMap<>(Api.purchasedLaptop(Api.unique("TAG"), false));
        sameSerial.put("serialNumber", body.get("serialNumber"));
        Api.it()
                .body(sameSerial)
                .post("/api/v1/devices")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("serialNumber"));

        Long count = (Long) em.createQuery("select count(d) from Device d where d.assetTag = :t")
                .setParameter("t", tag)
                .getSingleResult();
        assertThat(count).isEqualTo(1);
    }

    private long deviceCount() {
        return (Long) em.createQuery("select count(d) from Device d").getSingleResult();
    }

    @Test
    void oneAnswerNamesEveryBadAndMissingFieldOfABody() {
        long before = deviceCount();
        // A number for a text, an unknown type, a wrong value inside the acquisition, a field nobody knows, and the
        // required serial number, make, model and school missing: all in one 400, none on a later try.
        Api.it()
                .body(Map.of(
                        "assetTag",
                        12,
                        "type",
                        "TOASTER",
                        "colour",
                        "silver",
                        "acquisition",
                        Map.of("type", "PURCHASED", "acquiredOn", "last spring")))
                .post("/api/v1/devices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.hasItems(
                                "assetTag",
                                "type",
                                "colour",
                                "acquisition.acquiredOn",
                                "serialNumber",
                                "make",
                                "model",
                                "school"))
                .body("errors.find { it.field == 'type' }.message", org.hamcrest.Matchers.containsString("LAPTOP"))
                .body(
                        "errors.find { it.field == 'assetTag' }.message",
                        org.hamcrest.Matchers.startsWith("must be text"));
        assertThat(deviceCount()).as("nothing saved").isEqualTo(before);

        // One bad field alone is still answered as before, naming it.
        Map<String, Object> oneBad = new HashMap<>(Api.purchasedLaptop(Api.unique("TAG"), false));
        oneBad.put("type", "TOASTER");
        Api.it()
                .body(oneBad)
                .post("/api/v1/devices")
                .then()
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void answersBadInputWithProblemDetailsNamingTheField() {
        Api.it()
                .body("{\"assetTag\": ")
                .post("/api/v1/devices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));

        Map<String, Object> wrongEnum = new HashMap<>(Api.purchasedLaptop(Api.unique("TAG"), false));
        wrongEnum.put("type", "PHABLET");
        Api.it()
                .body(wrongEnum)
                .post("/api/v1/devices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("LAPTOP"));

        Map<String, Object> wrongType = new HashMap<>(Api.purchasedLaptop(Api.unique("TAG"), false));
        wrongType.put("sensitiveData", "maybe");
        Api.it()
                .body(wrongType)
                .post("/api/v1/devices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sensitiveData"));

        Map<String, Object> unknownField = new HashMap<>(Api.purchasedLaptop(Api.unique("TAG"), false));
        unknownField.put("colour", "silver");
        Api.it()
                .body(unknownField)
                .post("/api/v1/devices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));

        Map<String, Object> noAcquisition = new HashMap<>(Api.purchasedLaptop(Api.unique("TAG"), false));
        noAcquisition.remove("acquisition");
        Api.it()
                .body(noAcquisition)
                .post("/api/v1/devices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("acquisition"));

        Map<String, Object> futurePurchase = new HashMap<>(Api.purchasedLaptop(Api.unique("TAG"), false));
        futurePurchase.put(
                "acquisition",
                Map.of(
                        "type",
                        "PURCHASED",
                        "vendor",
                        "Dell",
                        "purchaseOrder",
                        "PO-9",
                        "cost",
                        -5,
                        "acquiredOn",
                        "2099-01-01"));
        Api.it()
                .body(futurePurchase)
                .post("/api/v1/devices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("acquisition.cost"));

        Api.it()
                .body(Map.of())
                .post("/api/v1/devices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("assetTag"))
                .body("errors.field", hasItem("sensitiveData"));

        Api.it()
                .body("x".repeat(2_000_000))
                .post("/api/v1/devices")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");

        // Sent in chunks, a body states no length to check: it is refused before it is read, not read up to the
        // CSV uploads' larger limit.
        String chunkedTag = Api.unique("CHUNK");
        HttpResponse<String> chunked = TestApi.postInChunks(
                "/api/v1/devices",
                "Bearer " + TestTokens.token(Api.IT_SUBJECT, "IT_ADMIN"),
                "application/json",
                "{\"assetTag\": \"" + chunkedTag + "\", \"notes\": \"" + "x".repeat(2_000_000) + "\"}");
        assertThat(chunked.statusCode()).isEqualTo(411);
        assertThat(chunked.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(chunked.body()).contains("Content-Length");
        Api.it().queryParam("q", chunkedTag).get("/api/v1/devices").then().body("items", hasSize(0));

        Api.it()
                .contentType("application/xml")
                .body("<device/>")
                .post("/api/v1/devices")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("JSON for the API"))
                .body("detail", containsString("CSV for an import"));

        Api.it().get("/api/v1/devices/" + UUID.randomUUID()).then().statusCode(404);
        Api.it().get("/api/v1/devices/not-an-id").then().statusCode(404).contentType("application/problem+json");
        Api.it()
                .queryParam("status", "MISSING")
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Api.it()
                .queryParam("limit", "100000")
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        // Every bad parameter of one request is named, the page's and the filters' alike.
        Api.it()
                .queryParam("limit", "100000")
                .queryParam("status", "MISSING")
                .queryParam("sort", "colour")
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("status", "sort", "limit"));
        Api.it()
                .queryParam("limit", "-1")
                .queryParam("kind", "ALIEN")
                .get("/api/v1/people")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("kind", "limit"));
    }

    @Test
    void donatedAndPersonalDevicesRecordTheirOrigin() {
        Map<String, Object> donated = new HashMap<>(Api.purchasedLaptop(Api.unique("TAG"), false));
        donated.put("type", "TABLET");
        donated.put("acquisition", Map.of("type", "DONATED", "donor", "Rotary Club", "acquiredOn", "2026-01-15"));
        Api.it()
                .body(donated)
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .body("acquisition.type", equalTo("DONATED"))
                .body("acquisition.donor", equalTo("Rotary Club"))
                .body("acquisition.vendor", nullValue());

        String owner = Api.employee();
        Map<String, Object> personal = new HashMap<>(Api.purchasedLaptop(Api.unique("TAG"), false));
        personal.remove("acquisition");
        personal.put("type", "SMARTPHONE");
        personal.put("ownership", "PERSONAL");
        personal.put("ownerDistrictId", owner);
        String id = Api.it()
                .body(personal)
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .body("status", equalTo("ASSIGNED"))
                .body("assignee.districtId", equalTo(owner))
                .extract()
                .path("id");

        Api.it()
                .body(Map.of("personDistrictId", owner))
                .post("/api/v1/devices/" + id + "/assignment")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:district:problem:personal-device"));
    }

    @Test
    void searchesWithFiltersAndStablePagination() {
        String school = "SEARCH-" + Api.unique("S");
        List<String> tags = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tags.add(registerIn(school, "PAGE", null));
        }
        tags.sort(String::compareTo);

        Response first =
                Api.it().queryParam("school", school).queryParam("limit", 2).get("/api/v1/devices");
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue());
        Response second = Api.it()
                .queryParam("school", school)
                .queryParam("limit", 2)
                .queryParam("cursor", first.path("nextCursor").toString())
                .get("/api/v1/devices");
        Response third = Api.it()
                .queryParam("school", school)
                .queryParam("limit", 2)
                .queryParam("cursor", second.path("nextCursor").toString())
                .get("/api/v1/devices");
        third.then().body("items", hasSize(1)).body("nextCursor", nullValue());

        List<String> seen = new java.util.ArrayList<>();
        seen.addAll(first.path("items.assetTag"));
        seen.addAll(second.path("items.assetTag"));
        seen.addAll(third.path("items.assetTag"));
        assertThat(seen).containsExactlyElementsOf(tags);

        Api.it()
                .queryParam("q", tags.get(2).substring(tags.get(2).length() - 8))
                .queryParam("school", school)
                .get("/api/v1/devices")
                .then()
                .body("items.assetTag", hasItem(tags.get(2)));

        String csv = Api.it()
                .queryParam("school", school)
                .get("/api/v1/devices/export")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv.lines()).hasSize(6);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("assetTag,serialNumber,type");
        tags.forEach(t -> assertThat(csv).contains(t));

        given().get("/api/v1/devices").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void sortsByEachColumnBothWaysAndPagesThroughEachOrder() {
        // Values that sort the same way in Java and in the database's collation: one case, same length.
        String token = Api.unique("SRT");
        String schoolA = "SORTA-" + token;
        String schoolB = "SORTB-" + token;
        record Row(String tag, String make, String model, String type, String status, String school) {}
        List<Row> rows = new java.util.ArrayList<>();
        String[][] specs = {
            {"Lenovo", "C200", "LAPTOP", "IN_STOCK", schoolA},
            {"Acer", "C300", "CHROMEBOOK", "ASSIGNED", schoolB},
            {"Dell", "C100", "TABLET", "IN_STOCK", schoolB},
            {"Acer", "C100", "LAPTOP", "ASSIGNED", schoolA},
            {"Dell", "C100", "CHROMEBOOK", "IN_STOCK", schoolA},
            {"Lenovo", "C200", "TABLET", "ASSIGNED", schoolB},
        };
        for (int i = 0; i < specs.length; i++) {
            String[] spec = specs[i];
            String tag = token + "-" + "416253".charAt(i);
            Map<String, Object> body = new HashMap<>(Api.purchasedLaptop(tag, false));
            body.put("make", spec[0]);
            body.put("model", spec[1]);
            body.put("type", spec[2]);
            body.put("school", spec[4]);
            String id = Api.it()
                    .body(body)
                    .post("/api/v1/devices")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            if (spec[3].equals("ASSIGNED")) {
                Api.assign(id, Api.employee());
            }
            rows.add(new Row(tag, spec[0], spec[1], spec[2], spec[3], spec[4]));
        }
        Map<String, java.util.Comparator<Row>> orders = Map.of(
                "assetTag", java.util.Comparator.comparing(Row::tag),
                "device",
                        java.util.Comparator.comparing(Row::make)
                                .thenComparing(Row::model)
                                .thenComparing(Row::tag),
                "type", java.util.Comparator.comparing(Row::type).thenComparing(Row::tag),
                "status", java.util.Comparator.comparing(Row::status).thenComparing(Row::tag),
                "school", java.util.Comparator.comparing(Row::school).thenComparing(Row::tag));
        orders.forEach((sort, order) -> {
            List<String> ascending = rows.stream().sorted(order).map(Row::tag).toList();
            assertThat(sortedPages(token, sort, 2))
                    .as("sort=%s, two at a time", sort)
                    .containsExactlyElementsOf(ascending);
            assertThat(sortedPages(token, "-" + sort, 4))
                    .as("sort=-%s, four at a time", sort)
                    .containsExactlyElementsOf(reversed(ascending));
        });

        // The export lists the same devices in the same order.
        String csv = Api.it()
                .queryParam("q", token)
                .queryParam("sort", "-device")
                .get("/api/v1/devices/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))))
                .containsExactlyElementsOf(sortedPages(token, "-device", 50));

        // A sort nobody offers is named with the other bad parameters; a cursor continues only its own order.
        Api.it()
                .queryParam("sort", "owner")
                .queryParam("type", "TOASTER")
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("sort", "type"))
                .body("errors.find { it.field == 'sort' }.message", containsString("assetTag, device, type"));
        String byStatus = Api.it()
                .queryParam("q", token)
                .queryParam("sort", "status")
                .queryParam("limit", 2)
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        Api.it()
                .queryParam("q", token)
                .queryParam("sort", "type")
                .queryParam("cursor", byStatus)
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void sortsByHolderAndFollowsRenamesReassignmentsAndReturns() {
        String token = Api.unique("HLD");
        // Family names in mixed case: the order ignores case. The unassigned device sorts first.
        String[][] holders = {{"Zoe", "adams"}, {"Ann", "Baker"}, {"Bob", "Baker"}, {"Cy", "Chen"}};
        List<String> people = new java.util.ArrayList<>();
        for (String[] name : holders) {
            String districtId = Api.unique("H");
            Map<String, Object> person =
                    Api.person(districtId, null, Api.today().minusDays(30));
            person.put("givenName", name[0]);
            person.put("familyName", name[1]);
            Api.it().body(person).post("/api/v1/people").then().statusCode(201);
            people.add(districtId);
        }
        // Tags in an order unlike the holders', so a list in tag order would fail.
        String[] tags = {token + "-4", token + "-1", token + "-3", token + "-2", token + "-0"};
        List<String> ids = new java.util.ArrayList<>();
        for (String tag : tags) {
            ids.add(Api.it()
                    .body(Api.purchasedLaptop(tag, false))
                    .post("/api/v1/devices")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        for (int i = 0; i < people.size(); i++) {
            Api.assign(ids.get(i), people.get(i));
        }
        // adams, Baker Ann, Baker Bob, Chen; the fifth device has no holder.
        List<String> byHolder = List.of(tags[4], tags[0], tags[1], tags[2], tags[3]);
        assertThat(sortedPages(token, "holder", 2)).containsExactlyElementsOf(byHolder);
        assertThat(sortedPages(token, "-holder", 3)).containsExactlyElementsOf(reversed(byHolder));

        // HR renames Zoe Adams to Zoe Young: her device moves to the end, whatever path renamed her.
        Map<String, Object> renamed =
                Api.person(people.get(0), null, Api.today().minusDays(30));
        renamed.put("givenName", "Zoe");
        renamed.put("familyName", "Young");
        TestApi.as("SIS-SYNC", "HR")
                .body(List.of(renamed))
                .post("/api/v1/people/bulk")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1));
        assertThat(sortedPages(token, "holder", 2)).containsExactly(tags[4], tags[1], tags[2], tags[3], tags[0]);

        // Chen's device comes back (no holder: first), and the spare one goes to Ann Baker (with her other one).
        Api.it()
                .body(Map.of())
                .post("/api/v1/devices/" + ids.get(3) + "/return")
                .then()
                .statusCode(200);
        Api.assign(ids.get(4), people.get(1));
        List<String> now = sortedPages(token, "holder", 50);
        assertThat(now.get(0)).isEqualTo(tags[3]);
        assertThat(now.subList(1, 3)).containsExactlyInAnyOrder(tags[1], tags[4]);
        assertThat(now.subList(1, 3)).isSorted();
        assertThat(now.subList(3, 5)).containsExactly(tags[2], tags[0]);
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** Every page of the devices matching {@code q} in the order {@code sort}, {@code limit} at a time. */
    private static List<String> sortedPages(String q, String sort, int limit) {
        List<String> tags = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = Api.it().queryParam("q", q).queryParam("sort", sort).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/devices");
            page.then().statusCode(200);
            tags.addAll(page.path("items.assetTag"));
            cursor = page.path("nextCursor");
        } while (cursor != null && tags.size() < 100);
        return tags;
    }

    @Test
    void searchTreatsWildcardsAsPlainText() {
        String school = "WILD-" + Api.unique("S");
        Map<String, Object> body = new HashMap<>(Api.purchasedLaptop(Api.unique("W"), false));
        body.put("school", school);
        body.put("model", "Latitude 100% recycled_case");
        String id = Api.it()
                .body(body)
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.it().body(Map.of("personDistrictId", Api.employee())).post("/api/v1/devices/" + id + "/assignment");
        Map<String, Object> other = new HashMap<>(Api.purchasedLaptop(Api.unique("W"), false));
        other.put("school", school);
        other.put("model", "Latitude 1000 recycledXcase");
        Api.it().body(other).post("/api/v1/devices").then().statusCode(201);

        for (String q : List.of("100%", "d_case", "0% r")) {
            List<String> found = Api.it()
                    .queryParam("school", school)
                    .queryParam("q", q)
                    .get("/api/v1/devices")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.id");
            assertThat(found).as("q=%s", q).containsExactly(id);
        }
        Api.it()
                .queryParam("school", school)
                .queryParam("q", "%%%")
                .get("/api/v1/devices")
                .then()
                .body("items", hasSize(0));
        // Filters combine with AND.
        Api.it()
                .queryParam("school", school)
                .queryParam("status", "ASSIGNED,LOST")
                .queryParam("type", "LAPTOP")
                .get("/api/v1/devices")
                .then()
                .body("items.id", org.hamcrest.Matchers.contains(id));
        Api.it()
                .queryParam("school", school)
                .queryParam("status", "IN_STOCK")
                .queryParam("ownership", "PERSONAL")
                .get("/api/v1/devices")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void searchAndExportKeepOnlyTheDevicesThatHoldSensitiveDataWhenAsked() {
        String school = "SENS-" + Api.unique("S");
        Map<String, Object> sensitive = new HashMap<>(Api.purchasedLaptop(Api.unique("S"), true));
        sensitive.put("school", school);
        String sensitiveId = Api.it()
                .body(sensitive)
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> plain = new HashMap<>(Api.purchasedLaptop(Api.unique("S"), false));
        plain.put("school", school);
        String plainId = Api.it()
                .body(plain)
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Api.it()
                .queryParam("school", school)
                .queryParam("sensitive", "true")
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(sensitiveId));
        Api.it()
                .queryParam("school", school)
                .queryParam("sensitive", "false")
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(plainId));
        String csv = Api.it()
                .queryParam("school", school)
                .queryParam("sensitive", "true")
                .get("/api/v1/devices/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains((String) sensitive.get("assetTag")).doesNotContain((String) plain.get("assetTag"));
        Api.it()
                .queryParam("sensitive", "maybe")
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("sensitive"));
    }
}
