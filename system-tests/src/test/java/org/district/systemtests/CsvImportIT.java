package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CSV imports of devices and people with malformed rows, wrong encodings and a very large file: clear per-row errors,
 * nothing half-saved, and bounded memory (the inventory process runs with a 192 MB heap).
 */
@ExtendWith(SystemExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvImportIT {

    private static final String DEVICE_HEADER =
            "assetTag,serialNumber,type,make,model,school,sensitiveData,acquisitionType,vendor,purchaseOrder,cost,acquiredOn,notes\n";
    private static final String PEOPLE_HEADER = "districtId,givenName,familyName,email,kind,school\n";

    private DistrictSystem system;
    private District district;

    @BeforeAll
    void start() {
        system = DistrictSystem.current();
        district = new District(system);
    }

    @Test
    void malformedRowsAreReportedOneByOneAndTheValidOnesSaved() {
        String a = system.id("CSV");
        String b = system.id("CSV");
        String c = system.id("CSV");
        String csv = DEVICE_HEADER
                + device(a, "LAPTOP", "true", "2025-08-01", "ok") // line 2: valid
                + device(b, "TOASTER", "true", "2025-08-01", "") // line 3: unknown type
                + device(system.id("CSV"), "LAPTOP", "maybe", "2025-08-01", "") // line 4: not a boolean
                + device(system.id("CSV"), "LAPTOP", "true", "01/08/2025", "") // line 5: not a date
                + system.id("CSV") + ",short,row\n" // line 6: too few cells
                + device(a, "LAPTOP", "true", "2025-08-01", "") // line 7: asset tag twice
                + device(c, "TABLET", "false", "2025-08-01", "'=SUM(A1:A2)"); // line 8: valid, formula escaped
        long before = devices();
        JsonNode report = importDevices(csv, "");
        assertThat(report.get("rows").asInt()).as(report.toString()).isEqualTo(7);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(5);
        assertThat(report.get("committed").asBoolean()).isTrue();
        assertThat(errorLines(report)).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(fieldsOfLine(report, 3)).contains("type");
        assertThat(fieldsOfLine(report, 4)).contains("sensitiveData");
        assertThat(fieldsOfLine(report, 5)).contains("acquiredOn");
        assertThat(fieldsOfLine(report, 6)).contains("row");
        assertThat(fieldsOfLine(report, 7)).contains("assetTag");
        assertThat(devices()).isEqualTo(before + 2);

        // The same file again, all or nothing: nothing is saved.
        String again = csv.replace(a, system.id("CSV")).replace(c, system.id("CSV"));
        long beforeAtomic = devices();
        JsonNode atomic = importDevices(again, "?atomic=true");
        assertThat(atomic.get("committed").asBoolean()).isFalse();
        assertThat(atomic.get("rejected").asInt()).isEqualTo(5);
        assertThat(devices()).isEqualTo(beforeAtomic);
    }

    @Test
    void aBrokenHeaderOrAnUnreadableFileIsRefusedWithAProblemNamingIt() {
        Http.Reply unknownColumn = importRaw("/api/v1/devices/import", "text/csv", "assetTag,colour\nX,red\n");
        assertThat(unknownColumn.status()).as(unknownColumn.toString()).isEqualTo(400);
        assertThat(unknownColumn.isProblem()).isTrue();
        assertThat(unknownColumn.text()).contains("header").contains("colour");
        Http.Reply empty = importRaw("/api/v1/people/import", "text/csv", "");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.text()).contains("file");
        Http.Reply unclosedQuote = importRaw("/api/v1/people/import", "text/csv", "\"districtId,givenName\nA,B\n");
        assertThat(unclosedQuote.status()).as(unclosedQuote.toString()).isBetween(400, 499);
        assertThat(unclosedQuote.isProblem()).isTrue();
        Http.Reply unknownCharset = importRaw("/api/v1/people/import", "text/csv; charset=klingon", PEOPLE_HEADER);
        assertThat(unknownCharset.status()).isEqualTo(400);
        assertThat(unknownCharset.text()).contains("Content-Type");
    }

    @Test
    void wrongEncodingsAreCaughtAndDeclaredOnesRead() {
        // Latin-1 bytes sent as UTF-8: the rows before the broken line are saved, the rest is reported, not guessed.
        String first = system.id("ENC");
        String broken = system.id("ENC");
        byte[] latin1 = (PEOPLE_HEADER
                        + person(first, "Anna", "Schmidt")
                        + person(broken, "J\u00fcrgen", "M\u00fcller")
                        + person(system.id("ENC"), "Bea", "Meyer"))
                .getBytes(StandardCharsets.ISO_8859_1);
        Http.Reply asUtf8 = Http.call("POST", system.inventory("/api/v1/people/import"))
                .token(district.itToken())
                .body("text/csv", latin1)
                .send();
        assertThat(asUtf8.status()).as(asUtf8.toString()).isEqualTo(200);
        JsonNode report = asUtf8.json();
        assertThat(report.path("stoppedEarly").asText()).as(report.toString()).isNotBlank();
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(people(first)).isEqualTo(1);
        assertThat(people(broken)).isZero();

        // The same bytes declared as ISO-8859-1 import whole, with the names right.
        String second = system.id("ENC");
        byte[] declared =
                (PEOPLE_HEADER + person(second, "J\u00fcrgen", "M\u00fcller")).getBytes(StandardCharsets.ISO_8859_1);
        Http.Reply asLatin1 = Http.call("POST", system.inventory("/api/v1/people/import"))
                .token(district.itToken())
                .body("text/csv; charset=ISO-8859-1", declared)
                .send();
        assertThat(asLatin1.json().get("created").asInt())
                .as(asLatin1.toString())
                .isEqualTo(1);
        JsonNode saved = Http.get(system.inventory("/api/v1/people?q=" + second), district.itToken())
                .json();
        assertThat(saved.at("/items/0/familyName").asText()).isEqualTo("M\u00fcller");

        // UTF-16 with its byte order mark, declared: read as such.
        String third = system.id("ENC");
        byte[] utf16 = (PEOPLE_HEADER + person(third, "Zo\u00eb", "\u00c5berg")).getBytes(StandardCharsets.UTF_16);
        Http.Reply asUtf16 = Http.call("POST", system.inventory("/api/v1/people/import"))
                .token(district.itToken())
                .body("text/csv; charset=UTF-16", utf16)
                .send();
        assertThat(asUtf16.json().get("created").asInt()).as(asUtf16.toString()).isEqualTo(1);

        // UTF-16 bytes sent as UTF-8: refused or reported, never saved under a mangled name, never a server error.
        String fourth = system.id("ENC");
        byte[] undeclared =
                (PEOPLE_HEADER + person(fourth, "Zo\u00eb", "\u00c5berg")).getBytes(StandardCharsets.UTF_16);
        Http.Reply mislabelled = Http.call("POST", system.inventory("/api/v1/people/import"))
                .token(district.itToken())
                .body("text/csv", undeclared)
                .send();
        assertThat(mislabelled.status()).as(mislabelled.toString()).isLessThan(500);
        if (mislabelled.status() >= 400) {
            assertThat(mislabelled.isProblem()).isTrue();
        } else {
            assertThat(mislabelled.json().get("created").asInt()).isZero();
        }
        assertThat(people(fourth)).isZero();
    }

    @Test
    void aVeryLargeFileIsStreamedThroughASmallHeapWithEveryBadRowCounted() throws IOException {
        int rows = 300_000;
        String prefix = system.id("BULK");
        DistrictSystem.log("CSV: streaming " + rows + " device rows (one in a thousand valid) into inventory-service"
                + " running with -Xmx192m");
        long before = devices();
        Http.Reply reply = Http.call("POST", system.inventory("/api/v1/devices/import"))
                .token(district.itToken())
                .timeout(Duration.ofMinutes(5))
                .stream("text/csv", () -> new GeneratedCsv(prefix, rows))
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.get("rows").asInt()).isEqualTo(rows);
        assertThat(report.get("created").asInt())
                .as(report.path("errors").path(0).toString())
                .isPositive();
        assertThat(report.get("created").asInt()).isEqualTo(rows / 1000);
        assertThat(report.get("rejected").asInt()).isEqualTo(rows - rows / 1000);
        assertThat(report.get("errors")).hasSize(1000);
        assertThat(report.get("errorsTruncated").asBoolean()).isTrue();
        assertThat(report.at("/errors/0/line").asLong()).isEqualTo(2);
        assertThat(report.at("/errors/0/errors/0/field").asText()).isEqualTo("type");
        assertThat(devices()).isEqualTo(before + rows / 1000);

        assertThat(system.inventory.isAlive()).isTrue();
        String metrics = Http.get(system.inventory("/q/metrics"), null).text();
        double maxHeap = sum(metrics, "jvm_memory_max_bytes{area=\"heap\"");
        DistrictSystem.log(String.format(
                "CSV: %d rows imported and reported; heap limit %.0f MB, in use now %.0f MB",
                rows, maxHeap / 1e6, sum(metrics, "jvm_memory_used_bytes{area=\"heap\"") / 1e6));
        assertThat(maxHeap).as("the inventory process ran with a small heap").isLessThan(210e6);
    }

    @Test
    void aDryRunOfAValidFileReportsItWasReadToTheEnd() {
        String csv = DEVICE_HEADER + device(system.id("DRY"), "LAPTOP", "false", "2025-08-01", "");
        JsonNode report = importDevices(csv, "?dryRun=true");
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("rejected").asInt()).isZero();
        assertThat(report.has("stoppedEarly")).as(report.toString()).isFalse();
        assertThat(report.get("created").asInt()).as("what the import would do").isEqualTo(1);
        assertThat(report.get("committed").asBoolean()).isFalse();
    }

    // ---------------------------------------------------------------- helpers

    /** Rows made while they are sent: one valid row in a thousand, the others with an unknown device type. */
    private static final class GeneratedCsv extends InputStream {
        private final String prefix;
        private final int rows;
        private int next = 0;
        private byte[] chunk = DEVICE_HEADER.getBytes(StandardCharsets.UTF_8);
        private int position = 0;

        GeneratedCsv(String prefix, int rows) {
            this.prefix = prefix;
            this.rows = rows;
        }

        @Override
        public int read() {
            if (position >= chunk.length && !refill()) {
                return -1;
            }
            return chunk[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= chunk.length && !refill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }

        private boolean refill() {
            if (next >= rows) {
                return false;
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 500 && next < rows; i++, next++) {
                boolean valid = next % 1000 == 999;
                String tag = prefix + "-" + next;
                out.append(device(tag, valid ? "DESKTOP" : "TOASTER", "false", "2025-08-01", ""));
            }
            chunk = out.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }
    }

    private static String device(String tag, String type, String sensitive, String acquired, String notes) {
        return String.join(
                        ",",
                        tag,
                        "SN" + tag,
                        type,
                        "Dell",
                        "OptiPlex",
                        "E2E-CSV",
                        sensitive,
                        "PURCHASED",
                        "Dell",
                        "PO-" + tag,
                        "649.00",
                        acquired,
                        notes)
                + "\n";
    }

    private String person(String districtId, String given, String family) {
        return String.join(
                        ",",
                        districtId,
                        given,
                        family,
                        districtId.toLowerCase() + "@district.example",
                        "EMPLOYEE",
                        system.school())
                + "\n";
    }

    private JsonNode importDevices(String csv, String query) {
        Http.Reply reply = importRaw("/api/v1/devices/import" + query, "text/csv", csv);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private Http.Reply importRaw(String path, String type, String body) {
        return Http.call("POST", system.inventory(path))
                .token(district.itToken())
                .body(type, body.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    private long devices() {
        return system.inventoryDb.count("select count(*) from device");
    }

    private long people(String districtId) {
        return system.inventoryDb.count("select count(*) from person where upper(district_id) = upper(?)", districtId);
    }

    private static List<Long> errorLines(JsonNode report) {
        List<Long> lines = new ArrayList<>();
        report.get("errors").forEach(e -> lines.add(e.get("line").asLong()));
        return lines;
    }

    private static List<String> fieldsOfLine(JsonNode report, long line) {
        List<String> fields = new ArrayList<>();
        for (JsonNode e : report.get("errors")) {
            if (e.get("line").asLong() == line) {
                e.get("errors").forEach(v -> fields.add(v.get("field").asText()));
            }
        }
        return fields;
    }

    private static double sum(String metrics, String prefix) {
        double total = 0;
        for (String line : metrics.lines().toList()) {
            if (line.startsWith(prefix)) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                double v = Double.parseDouble(value);
                if (v > 0) {
                    total += v;
                }
            }
        }
        return total;
    }
}
