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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.district.checkin.mdm.MdmSync;
import org.district.checkin.mdm.google.GoogleAdminProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long a full Google Admin sync of 100,000 Chromebooks takes, all known to inventory and all with news (each gets
 * a check-in): 334 pages of 300 from the server playing Google, matched, stored, written. Run on demand (see
 * docs/benchmarks.md): {@code -Ddistrict.bench.google-admin=true}.
 */
@QuarkusTest
@WithTestResource(value = GoogleAdminServer.class, scope = TestResourceScope.GLOBAL)
@EnabledIfSystemProperty(named = "district.bench.google-admin", matches = "true")
class GoogleAdminSyncBenchmark {

    private static final int DEVICES = 100_000;
    private static final int PAGE = 300;

    @Inject
    Db db;

    @Inject
    MdmSync sync;

    @Inject
    GoogleAdminProvider google;

    @Test
    void aFullSyncOf100000Chromebooks() throws IOException {
        db.execute("delete from mdm_device where serial_number like 'BENCH-SN-%'");
        db.execute("delete from checkin_history where device_id in (select id from device where school = 'BENCH-HS')");
        db.execute("delete from device where school = 'BENCH-HS'");
        db.execute("insert into device (id, version, asset_tag, serial_number, type, school, ownership, status,"
                + " sensitive_data, registered_at, updated_at, due_on) select gen_random_uuid(), 1,"
                + " 'BENCH-TAG-' || g, 'BENCH-SN-' || g, 'CHROMEBOOK', 'BENCH-HS', 'DISTRICT', 'ASSIGNED', false, now(),"
                + " now(), current_date + 21 from generate_series(1, " + DEVICES + ") g");
        db.execute("update mdm_sync_run set started_at = started_at - interval '2 days',"
                + " finished_at = finished_at - interval '2 days'");
        WireMockServer server = GoogleAdminServer.server();
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(okJson(GoogleAdminServer.file("token.json", Map.of("token", "token-bench")))));
        String lastSync = Instant.now()
                .minus(5, ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.MILLIS)
                .toString();
        int pages = (DEVICES + PAGE - 1) / PAGE;
        for (int p = 0; p < pages; p++) {
            StringBuilder body = new StringBuilder(
                    "{\"kind\": \"admin#directory#chromeosdevices\", \"etag\": \"\\\"bench\\\"\", \"chromeosdevices\": [");
            for (int i = p * PAGE + 1; i <= Math.min(DEVICES, (p + 1) * PAGE); i++) {
                if (i > p * PAGE + 1) {
                    body.append(',');
                }
                body.append(GoogleAdminServer.file(
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
            }
            body.append(']');
            if (p + 1 < pages) {
                body.append(", \"nextPageToken\": \"bench-page-").append(p + 1).append('"');
            }
            body.append('}');
            server.stubFor(get(urlPathEqualTo(GoogleAdminServer.DEVICES))
                    .withQueryParam("pageToken", p == 0 ? absent() : WireMock.equalTo("bench-page-" + p))
                    .willReturn(okJson(body.toString())));
        }

        long start = System.nanoTime();
        MdmSync.Result result = sync.run(google);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(db.text("select devices_seen || '/' || check_ins from mdm_sync_run order by id desc limit 1"))
                .isEqualTo(DEVICES + "/" + DEVICES);
        String line = "Google Admin full sync: " + DEVICES + " devices, " + pages + " pages, " + DEVICES
                + " check-ins in " + took.toMillis() + " ms";
        System.out.println(line);
        Files.writeString(Path.of("target", "google-admin-sync-benchmark.txt"), line + "\n");
        db.execute("delete from mdm_device where serial_number like 'BENCH-SN-%'");
        db.execute("delete from checkin_history where device_id in (select id from device where school = 'BENCH-HS')");
        db.execute("delete from device where school = 'BENCH-HS'");
    }
}
