package org.district.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.district.testing.TestApi;
import org.district.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * CSV import and export of devices and people: reports with line numbers and reasons, the row-by-row, atomic and
 * dry-run modes, hostile and foreign-encoded files, and an export that re-imports unchanged.
 */
@QuarkusTest
class ImportExportTest {

    private static final String HEADER = "assetTag,serialNumber,type,make,model,school,ownership,sensitiveData,"
            + "acquisitionType,vendor,purchaseOrder,cost,acquiredOn,donor,warrantyEnd,ownerDistrictId,notes";
    private static final String PEOPLE_HEADER =
            "districtId,givenName,familyName,email,kind,school,supervisorDistrictId,active,departedOn,aupAcknowledgedOn";

    @Inject
    AgroalDataSource ds;

    /** A purchased laptop row at the given school. */
    private static String row(String tag, String school) {
        return tag + ",SN-" + tag + ",LAPTOP,Dell,Latitude 5440," + school
                + ",DISTRICT,false,PURCHASED,Dell Technologies,PO-1,1249.00,2025-08-01,,2028-08-01,,";
    }

    @Test
    void someoneSendingImportAfterImportIsAskedToWait() {
        String importer = Api.unique("IMPORTER");
        String other = Api.unique("IMPORTER");
        int burst = 40; // %test.district.rate-limit.imports.burst (devices and people together)
        byte[] headerOnly = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < burst; i++) {
            String path = i % 2 == 0 ? "/api/v1/devices/import" : "/api/v1/people/import";
            assertThat(importAs(importer, path, headerOnly).statusCode())
                    .as("import %d", i + 1)
                    .isNotEqualTo(429);
        }
        // The allowance refills at 60 a minute here: within a few more quick imports one is refused.
        Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            Response answer = importAs(importer, "/api/v1/devices/import", headerOnly);
            if (answer.statusCode() == 429) {
                refused = answer;
            }
        }
        assertThat(refused).as("an import beyond the allowance is refused").isNotNull();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(importAs(other, "/api/v1/devices/import", headerOnly).statusCode())
                .isNotEqualTo(429);
    }

    private static Response importAs(String subject, String path, byte[] body) {
        return given().header("Authorization", TestTokens.bearer(subject, "IT_ADMIN"))
                .contentType("text/csv")
                .body(body)
                .post(path);
    }

    private static Response importDevices(String csv, String... query) {
        return importCsv("/api/v1/devices/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8), query);
    }

    private static Response importCsv(String path, String contentType, byte[] body, String... query) {
        // Send the Content-Type as given: RestAssured would otherwise declare ISO-8859-1 for text types.
        var request = given().config(RestAssuredConfig.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", TestTokens.bearer(Api.IT_SUBJECT, "IT_ADMIN"))
                .contentType(contentType)
                .body(body);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.post(path);
    }

    private long devicesAt(String school) {
        return Db.count(ds, "select count(*) from device where school = ?", school);
    }

    private static String school() {
        return "IMP-" + Api.unique("S");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> errorAtLine(JsonPath report, int line) {
        List<Map<String, Object>> errors = report.getList("errors");
        return errors.stream()
                .filter(e -> ((Number) e.get("line")).intValue() == line)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no error reported for line " + line + ": " + errors));
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldsOf(Map<String, Object> error) {
        return ((List<Map<String, Object>>) error.get("errors"))
                .stream().map(e -> (String) e.get("field")).toList();
    }

    // ---------------------------------------------------------------- devices

    @Test
    void goodRowsAreKeptAndBadOnesReportedWithLineAndReason() {
        String school = school();
        String t1 = Api.unique("CSV");
        String t2 = Api.unique("CSV");
        String t3 = Api.unique("CSV");
        String csv = HEADER + "\n"
                + row(t1, school) + "\n"
                + row(t2, school).replace(",LAPTOP,", ",PHABLET,") + "\n"
                + row(t3, school) + "\n"
                + row(Api.unique("CSV"), school).replace(",PURCHASED,Dell Technologies,PO-1,1249.00,", ",PURCHASED,,,,")
                + "\n"
                + row(Api.unique("CSV"), school).replace(",2025-08-01,", ",01/08/2025,") + "\n"
                + "TOO,FEW,CELLS\n";
        JsonPath report = importDevices(csv).then().statusCode(200).extract().jsonPath();
        assertThat(report.getLong("rows")).isEqualTo(6);
        assertThat(report.getLong("created")).isEqualTo(2);
        assertThat(report.getLong("rejected")).isEqualTo(4);
        assertThat(report.getBoolean("committed")).isTrue();

        Map<String, Object> badType = errorAtLine(report, 3);
        assertThat(badType.get("key")).isEqualTo(t2);
        assertThat(fieldsOf(badType)).contains("type");
        assertThat(badType.toString()).contains("PHABLET").contains("LAPTOP");
        assertThat(fieldsOf(errorAtLine(report, 5))).contains("vendor", "purchaseOrder", "cost");
        assertThat(fieldsOf(errorAtLine(report, 6))).contains("acquiredOn");
        assertThat(fieldsOf(errorAtLine(report, 7))).contains("row");

        assertThat(devicesAt(school)).isEqualTo(2);
        Api.it()
                .queryParam("q", t1)
                .get("/api/v1/devices")
                .then()
                .body("items[0].acquisition.cost", equalTo(1249.0f))
                .body("items[0].status", equalTo("IN_STOCK"));
    }

    @Test
    void duplicatesWithinTheFileAreReportedOnTheirSecondLine() {
        String school = school();
        String tag = Api.unique("DUP");
        String other = Api.unique("DUP");
        String csv = HEADER + "\n" + row(tag, school) + "\n"
                + row(tag.toLowerCase(), school).replace("SN-" + tag.toLowerCase(), "SN-X" + tag) + "\n"
                + row(other, school).replace("SN-" + other, "SN-" + tag) + "\n";
        JsonPath report = importDevices(csv).then().statusCode(200).extract().jsonPath();
        assertThat(report.getLong("created")).isEqualTo(1);
        assertThat(report.getLong("rejected")).isEqualTo(2);
        assertThat(errorAtLine(report, 3).toString()).contains("assetTag").contains("first on line 2");
        assertThat(errorAtLine(report, 4).toString()).contains("serialNumber").contains("first on line 2");
    }

    @Test
    void atomicImportsKeepNothingUnlessEveryRowIsGood() {
        String school = school();
        String csv = HEADER + "\n" + row(Api.unique("AT"), school) + "\n" + row(Api.unique("AT"), school) + "\n"
                + row(Api.unique("AT"), school).replace(",false,", ",perhaps,") + "\n";
        JsonPath report = importDevices(csv, "atomic", "true")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getBoolean("committed")).isFalse();
        assertThat(report.getLong("rejected")).isEqualTo(1);
        assertThat(fieldsOf(errorAtLine(report, 4))).contains("sensitiveData");
        assertThat(devicesAt(school)).isZero();

        String good = HEADER + "\n" + row(Api.unique("AT"), school) + "\n" + row(Api.unique("AT"), school) + "\n";
        importDevices(good, "atomic", "true")
                .then()
                .statusCode(200)
                .body("committed", equalTo(true))
                .body("created", equalTo(2));
        assertThat(devicesAt(school)).isEqualTo(2);
    }

    @Test
    void aDryRunChecksEveryRowAndKeepsNothing() {
        String school = school();
        String csv = HEADER + "\n" + row(Api.unique("DRY"), school) + "\n"
                + row(Api.unique("DRY"), school).replace(",LAPTOP,", ",,") + "\n";
        importDevices(csv, "dryRun", "true")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("committed", equalTo(false))
                .body("rows", equalTo(2))
                .body("created", equalTo(1))
                .body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].errors.field", hasItem("type"));
        assertThat(devicesAt(school)).isZero();
        importDevices(csv, "dryRun", "maybe").then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
    }

    @Test
    void aBadHeaderIsRefusedAsAWhole() {
        String school = school();
        importDevices("assetTag,serialNumber,colour\n" + row(Api.unique("H"), school) + "\n")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("header"))
                .body("errors.message", hasItem(containsString("'colour' is not known")))
                .body("errors.message", hasItem(containsString("required column 'type' is missing")));
        importDevices(HEADER + ",assetTag\n")
                .then()
                .statusCode(400)
                .body("errors.message", hasItem(containsString("appears twice")));
        importDevices("").then().statusCode(400).contentType("application/problem+json");
        importDevices("\"assetTag,serialNumber\n").then().statusCode(400).contentType("application/problem+json");
        assertThat(devicesAt(school)).isZero();
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        String school = school();
        String tag = Api.unique("Q");
        String after = Api.unique("Q");
        String csv = HEADER + "\r\n"
                + row(tag, school)
                        .replace(",Latitude 5440,", ",\"Latitude 5440, 14\"\"\",")
                        .replaceAll(",$", ",\"dented lid\nsecond line, with comma\"")
                + "\r\n"
                + row(after, school).replace(",LAPTOP,", ",TOASTER,") + "\r\n";
        JsonPath report = importDevices(csv).then().statusCode(200).extract().jsonPath();
        assertThat(report.getLong("created")).isEqualTo(1);
        // The bad row starts on line 4: the quoted line break of the row before is counted.
        assertThat(errorAtLine(report, 4).get("key")).isEqualTo(after);
        Api.it()
                .queryParam("q", tag)
                .get("/api/v1/devices")
                .then()
                .body("items[0].model", equalTo("Latitude 5440, 14\""))
                .body("items[0].notes", equalTo("dented lid\nsecond line, with comma"));
    }

    @Test
    void aFileThatIsNotUtf8IsReportedWhereItBreaksAndEarlierRowsAreKept() throws Exception {
        String school = school();
        String t1 = Api.unique("ENC");
        String t2 = Api.unique("ENC");
        String t3 = Api.unique("ENC");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write((HEADER + "\n" + row(t1, school) + "\n" + row(t2, school) + "\n").getBytes(StandardCharsets.UTF_8));
        body.write(row(Api.unique("ENC"), school).replace("Dell,", "Caf\u00e9,").getBytes(StandardCharsets.ISO_8859_1));
        body.write(("\n" + row(t3, school) + "\n").getBytes(StandardCharsets.UTF_8));
        JsonPath report = importCsv("/api/v1/devices/import", "text/csv", body.toByteArray())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getString("stoppedEarly")).contains("line 4").contains("character encoding");
        assertThat(report.getLong("created")).isEqualTo(2);
        assertThat(report.getBoolean("committed")).isTrue();
        assertThat(devicesAt(school)).isEqualTo(2);

        // Bad bytes in the header: nothing can be read, and the answer says so.
        byte[] badHeader = ("assetTag,serialNumber,caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        importCsv("/api/v1/devices/import", "text/csv", badHeader)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("character encoding"));
    }

    @Test
    void aDeclaredWindows1252FileIsDecoded() {
        String school = school();
        String tag = Api.unique("CP");
        byte[] body = (HEADER + "\r\n" + row(tag, school).replace("Dell,Latitude", "Caf\u00e9 \u2013 Co,Latitude")
                        + "\r\n")
                .getBytes(Charset.forName("windows-1252"));
        importCsv("/api/v1/devices/import", "text/csv; charset=windows-1252", body)
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        Api.it()
                .queryParam("q", tag)
                .get("/api/v1/devices")
                .then()
                .body("items[0].make", equalTo("Caf\u00e9 \u2013 Co"));
        importCsv("/api/v1/devices/import", "text/csv; charset=klingon", body)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Content-Type"));
    }

    @Test
    void anExportReimportsUnchangedAndEscapesFormulaLikeCells() {
        String school = school();
        String owner = Api.employee();
        String holder = Api.employee();
        String plain = Api.registerLaptop(false);
        String formula = Api.unique("F");
        Map<String, Object> hostile = new java.util.HashMap<>(Api.purchasedLaptop(formula, true));
        hostile.put("school", school);
        hostile.put("model", "-2+3 \"special\", edition");
        hostile.put("notes", "=HYPERLINK(\"http://evil.example\",\"click\")\nsecond line");
        hostile.put("acquisition", Map.of("type", "DONATED", "donor", "@Rotary Club", "acquiredOn", "2026-01-15"));
        String hostileId = Api.it()
                .body(hostile)
                .post("/api/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.assign(hostileId, holder);
        Map<String, Object> mine = new java.util.HashMap<>(Api.purchasedLaptop(Api.unique("F"), false));
        mine.put("school", school);
        Api.it().body(mine).post("/api/v1/devices").then().statusCode(201);
        Map<String, Object> personal = new java.util.HashMap<>(Api.purchasedLaptop(Api.unique("F"), false));
        personal.remove("acquisition");
        personal.put("school", school);
        personal.put("ownership", "PERSONAL");
        personal.put("ownerDistrictId", owner);
        Api.it().body(personal).post("/api/v1/devices").then().statusCode(201);
        assertThat(plain).isNotNull();

        String csv = Api.it()
                .queryParam("school", school)
                .get("/api/v1/devices/export")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", containsString("devices.csv"))
                .extract()
                .asString();
        assertThat(csv.split("\r\n", -1)[0]).isEqualTo(HEADER + ",status,assigneeDistrictId,assignedAt,costOwed,id");
        assertThat(csv).contains("\"'=HYPERLINK(").contains("\"'-2+3").contains(",'@Rotary Club,");
        assertThat(csv).doesNotContain(",=HYPERLINK").doesNotContain(",@Rotary");
        Api.auditor()
                .queryParam("school", school)
                .get("/api/v1/devices/export")
                .then()
                .statusCode(200);

        long historyBefore = Db.count(ds, "select count(*) from device_history");
        importDevices(csv)
                .then()
                .statusCode(200)
                .body("rows", equalTo(3))
                .body("unchanged", equalTo(3))
                .body("updated", equalTo(0))
                .body("rejected", equalTo(0));
        assertThat(Db.count(ds, "select count(*) from device_history")).isEqualTo(historyBefore);
        Api.it()
                .get("/api/v1/devices/" + hostileId)
                .then()
                .body("notes", equalTo("=HYPERLINK(\"http://evil.example\",\"click\")\nsecond line"))
                .body("acquisition.donor", equalTo("@Rotary Club"))
                .body("assignee.districtId", equalTo(holder))
                .body("status", equalTo("ASSIGNED"));

        // An edited export updates what changed and nothing else.
        String edited = csv.replace("Latitude 5440", "Latitude 7450");
        importDevices(edited).then().statusCode(200).body("updated", equalTo(2)).body("unchanged", equalTo(1));
    }

    // ---------------------------------------------------------------- people

    private static Response importPeople(String csv, String... query) {
        return importCsv("/api/v1/people/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8), query);
    }

    private static String personRow(String id, String supervisor, String aup) {
        return id + ",Pat,Teacher," + id.toLowerCase() + "@district.example,EMPLOYEE,LINCOLN-HS,"
                + (supervisor == null ? "" : supervisor) + ",true,," + (aup == null ? "" : aup);
    }

    @Test
    void peopleImportSavesAPersonWhoseSupervisorComesLaterInTheFile() {
        String report1 = Api.unique("P");
        String report2 = Api.unique("P");
        String principal = Api.unique("P");
        String csv = PEOPLE_HEADER + "\n"
                + personRow(report1, principal, "2026-01-10") + "\n"
                + personRow(report2, report1, null) + "\n"
                + personRow(principal, null, null) + "\n";
        importPeople(csv).then().statusCode(200).body("created", equalTo(3)).body("rejected", equalTo(0));
        Api.it()
                .get("/api/v1/people/" + Api.personId(report1))
                .then()
                .body("supervisor.districtId", equalTo(principal))
                .body("aupAcknowledgedOn", equalTo("2026-01-10"));
        Api.it().get("/api/v1/people/" + Api.personId(report2)).then().body("supervisor.districtId", equalTo(report1));

        // The same in one transaction.
        String a = Api.unique("P");
        String b = Api.unique("P");
        importPeople(
                        PEOPLE_HEADER + "\n" + personRow(a, b, null) + "\n" + personRow(b, null, null) + "\n",
                        "atomic",
                        "true")
                .then()
                .statusCode(200)
                .body("committed", equalTo(true))
                .body("created", equalTo(2));
    }

    @Test
    void peopleImportReportsBadRowsAndUnknownSupervisors() {
        String good = Api.unique("P");
        String orphan = Api.unique("P");
        String csv = PEOPLE_HEADER + "\n"
                + personRow(good, null, null) + "\n"
                + personRow(orphan, "NOBODY-" + Api.unique("X"), null) + "\n"
                + personRow(Api.unique("P"), null, null).replace(",EMPLOYEE,", ",TEACHER,") + "\n"
                + personRow(Api.unique("P"), null, null).replace("@district.example", "") + "\n"
                + personRow(good, null, null) + "\n"
                + personRow(Api.unique("P"), null, Api.today().plusDays(3).toString()) + "\n";
        JsonPath report = importPeople(csv).then().statusCode(200).extract().jsonPath();
        assertThat(report.getLong("created")).isEqualTo(1);
        assertThat(report.getLong("rejected")).isEqualTo(5);
        assertThat(fieldsOf(errorAtLine(report, 3))).contains("supervisorDistrictId");
        assertThat(fieldsOf(errorAtLine(report, 4))).contains("kind");
        assertThat(fieldsOf(errorAtLine(report, 5))).contains("email");
        assertThat(errorAtLine(report, 6).toString()).contains("first on line 2");
        assertThat(fieldsOf(errorAtLine(report, 7))).contains("aupAcknowledgedOn");
        assertThat(Db.count(ds, "select count(*) from person where district_id = ?", orphan))
                .isZero();
    }

    @Test
    void aPeopleExportReimportsUnchanged() {
        String school = "PEX-" + Api.unique("S");
        String boss = Api.unique("P");
        String leaver = Api.unique("P");
        Map<String, Object> b = Api.person(boss, null, Api.today().minusDays(3));
        b.put("school", school);
        Api.it().body(b).post("/api/v1/people").then().statusCode(201);
        Map<String, Object> l = Api.person(leaver, boss, null);
        l.put("school", school);
        l.put("givenName", "=cmd|' /C calc'!A0");
        l.put("active", false);
        l.put("departedOn", Api.today().minusDays(1).toString());
        Api.it().body(l).post("/api/v1/people").then().statusCode(201);

        String csv = TestApi.as("HR-1", "HR")
                .queryParam("school", school)
                .get("/api/v1/people/export")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv.split("\r\n")[0]).isEqualTo(PEOPLE_HEADER);
        assertThat(csv).contains("'=cmd").contains(",false,");
        importPeople(csv).then().statusCode(200).body("unchanged", equalTo(2)).body("rejected", equalTo(0));
        Api.it()
                .get("/api/v1/people/" + Api.personId(leaver))
                .then()
                .body("givenName", equalTo("=cmd|' /C calc'!A0"))
                .body("active", equalTo(false));
    }
}
