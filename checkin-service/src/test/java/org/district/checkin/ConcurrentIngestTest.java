package org.district.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Many check-ins at once, several per device, written by concurrent writers (the tests run three): every one is
 * answered 200 (none refused for contention or deadlock), every one answered is in the history, and each device's
 * latest state is its newest check-in. CheckInServiceTest forces the out-of-order commit this can produce.
 */
@QuarkusTest
class ConcurrentIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEVICES = 12;
    private static final int PER_DEVICE = 15;

    @Inject
    Db db;

    @TestHTTPResource("/api/v1/checkins")
    URI checkins;

    @Test
    void concurrentCheckInsAreAllWrittenAndTheLatestStateIsTheNewest() throws Exception {
        List<Feed.Device> devices = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            devices.add(db.known(Feed.laptop("LINCOLN-HS")));
        }
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int round = 0; round < PER_DEVICE; round++) {
            for (Feed.Device d : devices) {
                Map<String, Object> body = Api.checkIn();
                // Each check-in names its own site, so the stored latest state tells which check-in it came from.
                body.put("network", Map.of("site", "SITE-" + round, "ipAddress", "10.1.2." + (round + 1)));
                HttpRequest request = HttpRequest.newBuilder(checkins)
                        .header("Authorization", "Device " + Api.credential(d.id()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build();
                answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.join().statusCode()).as(answer.join().body()).isEqualTo(200);
        }

        for (Feed.Device d : devices) {
            assertThat(db.count("select count(*) from checkin_history where device_id = ?", d.id()))
                    .isEqualTo(PER_DEVICE);
            // The device row holds the newest check-in's time and the site that check-in sent.
            assertThat(db.count(
                            "select count(*) from device d where d.id = ? and d.last_seen_at = (select"
                                    + " max(received_at) from checkin_history h where h.device_id = d.id)",
                            d.id()))
                    .isEqualTo(1);
            assertThat(db.count(
                            "select count(*) from device d where d.id = ? and d.site in (select h.site from"
                                    + " checkin_history h where h.device_id = d.id and h.received_at = d.last_seen_at)",
                            d.id()))
                    .isEqualTo(1);
        }
    }
}
