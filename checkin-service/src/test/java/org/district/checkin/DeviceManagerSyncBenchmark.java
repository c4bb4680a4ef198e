package org.district.checkin;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.district.checkin.mdm.MdmProvider;
import org.district.checkin.mdm.MdmSync;
import org.district.checkin.mdm.google.GoogleAdminProvider;
import org.district.checkin.mdm.intune.IntuneProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long a full sync of 100,000 devices takes from each device manager, all known to inventory and all with news
 * (each gets a check-in): Google Admin's 334 pages of 300 Chromebooks, Intune's 100 pages of 1,000 laptops, from the
 * servers playing them, matched, stored, written. Run on demand (see docs/benchmarks.md):
 * {@code -Ddistrict.bench.mdm=true}; each result is appended to target/mdm-sync-benchmark.txt.
 */
@QuarkusTest
@WithTestResource(value = GoogleAdminServer.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IntuneServer.class, scope = TestResourceScope.GLOBAL)
@EnabledIfSystemProperty(named = "district.bench.mdm", matches = "true")
class DeviceManagerSyncBenchmark {

    private static final int DEVICES = 100_000;

    @Inject
    Db db;

    @Inject
    MdmSync sync;

    @Inject
    GoogleAdminProvider google;

    @Inject
    IntuneProvider intune;

    private final String lastSync = Instant.now()
            .minus(5, ChronoUnit.MINUTES)
            .truncatedTo(ChronoUnit.SECONDS)
            .toString();

    @BeforeEach
    void devices() {
        clear();
        db.execute("insert into device (id, version, asset_tag, serial_number, type, school, ownership, status,"
                + " sensitive_data, registered_at, updated_at, due_on) select gen_random_uuid(), 1,"
                + " 'BENCH-TAG-' || g, 'BENCH-SN-' || g, 'LAPTOP', 'BENCH-HS', 'DISTRICT', 'ASSIGNED', false, now(),"
                + " now(), current_date + 21 from generate_series(1, " + DEVICES + ") g");
        // Every earlier run is two days old: the next sync is a full one.
        db.execute("update mdm_sync_run set started_at = started_at - interval '2 days',"
                + " finished_at = finished_at - interval '2 days'");
    }

    @AfterEach
    void clear() {
        db.execute("delete from mdm_device where serial_number like 'BENCH-SN-%'");
        db.execute("delete from checkin_history where device_id in (select id from device where school = 'BENCH-HS')");
        db.execute("delete from device where school = 'BENCH-HS'");
    }

    @Test
    void aFullGoogleAdminSyncOf100000Chromebooks() throws IOException {
        WireMockServer server = GoogleAdminServer.server();
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(okJson(GoogleAdminServer.file("token.json", Map.of("token", "token-bench")))));
        List<String> pages = pages(
                300,
                i -> GoogleAdminServer.file(
                        "chromeosdevice.json",
                        Map.of(
                                "deviceId",
                                "bench-" + i,
                                "serial",
                                "BENCH-SN-" + i,
                                "status",
                                "ACTIVE",
                                "lastSync",
                                lastSync,
                                "school",
                                "BENCH-HS")));
        for (int p = 0; p < pages.size(); p++) {
            String body = "{\"kind\": \"admin#directory#chromeosdevices\", \"chromeosdevices\": [" + pages.get(p) + "]"
                    + (p + 1 < pages.size() ? ", \"nextPageToken\": \"bench-page-" + (p + 1) + "\"" : "") + "}";
            server.stubFor(get(urlPathEqualTo(GoogleAdminServer.DEVICES))
                    .withQueryParam("pageToken", p == 0 ? absent() : WireMock.equalTo("bench-page-" + p))
                    .willReturn(okJson(body)));
        }
        measure("Google Admin", google, pages.size());
    }

    @Test
    void aFullIntuneSyncOf100000Laptops() throws IOException {
        WireMockServer server = IntuneServer.server();
        server.resetAll();
        server.stubFor(post(urlPathEqualTo(IntuneServer.TOKEN))
                .willReturn(okJson(IntuneServer.file("token.json", Map.of("token", "token-bench")))));
        List<String> pages = pages(
                1000,
                i -> IntuneServer.file(
                        "managed-device.json",
                        Map.of(
                                "id",
                                "bench-" + i,
                                "deviceName",
                                "BENCH-TAG-" + i,
                                "serial",
                                "BENCH-SN-" + i,
                                "lastSync",
                                lastSync,
                                "isEncrypted",
                                "true",
                                "complianceState",
                                "compliant",
                                "managementState",
                                "managed",
                                "actions",
                                "[]")));
        for (int p = 0; p < pages.size(); p++) {
            String next = p + 1 < pages.size()
                    ? IntuneServer.base() + IntuneServer.DEVICES + "?$skiptoken=bench-page-" + (p + 1)
                    : null;
            server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES))
                    .withQueryParam("$skiptoken", p == 0 ? absent() : WireMock.equalTo("bench-page-" + p))
                    .willReturn(okJson(IntuneServer.page(List.of(pages.get(p)), next))));
        }
        measure("Intune", intune, pages.size());
    }

    /** The devices' entries, joined by commas, page by page. */
    private static List<String> pages(int size, IntFunction<String> device) {
        List<String> pages = new ArrayList<>();
        for (int from = 1; from <= DEVICES; from += size) {
            StringBuilder page = new StringBuilder();
            for (int i = from; i < Math.min(DEVICES + 1, from + size); i++) {
                page.append(i > from ? "," : "").append(device.apply(i));
            }
            pages.add(page.toString());
        }
        return pages;
    }

    private void measure(String name, MdmProvider provider, int pages) throws IOException {
        long start = System.nanoTime();
        MdmSync.Result result = sync.run(provider);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(db.text("select kind || ' ' || devices_seen || '/' || check_ins from mdm_sync_run"
                        + " where provider = '" + provider.source() + "' order by id desc limit 1"))
                .isEqualTo("FULL " + DEVICES + "/" + DEVICES);
        String line = name + " full sync: " + DEVICES + " devices, " + pages + " pages, " + DEVICES + " check-ins in "
                + took.toMillis() + " ms";
        System.out.println(line);
        Files.writeString(
                Path.of("target", "mdm-sync-benchmark.txt"),
                line + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
