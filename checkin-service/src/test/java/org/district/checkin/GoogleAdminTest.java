package org.district.checkin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.district.checkin.mdm.MdmSync;
import org.district.checkin.mdm.google.GoogleAdminProvider;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.lossreport.LossKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Google Admin as a check-in source and command channel, against a server playing Google (the token endpoint and the
 * Directory API, {@link GoogleAdminServer}). Syncs are started by the tests, as the schedule would start them.
 */
@QuarkusTest
@WithTestResource(value = GoogleAdminServer.class, scope = TestResourceScope.GLOBAL)
class GoogleAdminTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Db db;

    @Inject
    MdmSync sync;

    @Inject
    GoogleAdminProvider google;

    private WireMockServer server;

    @BeforeEach
    void google() {
        server = GoogleAdminServer.server();
        server.resetAll();
        token("token-" + UUID.randomUUID());
        // Each test signs in afresh, so what it asserts of the token endpoint does not depend on the tests before it.
        google.forgetCredentials();
    }

    @Test
    void chromebooksKnownToInventoryCheckInThroughGoogleAdminAndUnknownOnesAreListedForIt() throws Exception {
        String school = Feed.unique("GA");
        // On the district's books for two months: its overdue clock runs from its last sync at Google.
        Feed.Device old = db.known(Feed.device(DeviceType.CHROMEBOOK, school)
                .registeredAt(Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS)));
        Feed.Device byTag = db.known(Feed.device(DeviceType.CHROMEBOOK, school));
        String unknownSerial = Feed.unique("UNKNOWN");
        Instant oldSync = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Instant recentSync = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        long expired = LocalDate.now()
                .minusMonths(3)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .toEpochMilli();
        server.stubFor(get(urlPathEqualTo(GoogleAdminServer.DEVICES))
                .withQueryParam("pageToken", absent())
                .willReturn(okJson(GoogleAdminServer.file(
                        "chromeosdevices-page-1.json",
                        Map.ofEntries(
                                Map.entry("deviceId1", "gid-" + old.id()),
                                Map.entry("serial1", "SN-" + old.assetTag()),
                                Map.entry("lastSync1", oldSync.toString()),
                                Map.entry("osVersion1", "118.0.5993.164"),
                                Map.entry("autoUpdateExpiration1", Long.toString(expired)),
                                Map.entry("school", school),
                                Map.entry("deviceId2", "gid-" + byTag.id()),
                                Map.entry("serial2", Feed.unique("GOOGLE-ONLY")),
                                Map.entry("assetTag2", byTag.assetTag().toLowerCase()),
                                Map.entry("lastSync2", recentSync.toString()),
                                Map.entry("nextPageToken", "page-2-of-" + school))))));
        server.stubFor(get(urlPathEqualTo(GoogleAdminServer.DEVICES))
                .withQueryParam("pageToken", WireMock.equalTo("page-2-of-" + school))
                .willReturn(okJson(GoogleAdminServer.file(
                        "chromeosdevices-page-2.json",
                        Map.of(
                                "deviceId3",
                                "gid-" + unknownSerial,
                                "serial3",
                                unknownSerial,
                                "lastSync3",
                                recentSync.toString())))));

        assertThat(sync.run(google)).isEqualTo(MdmSync.Result.SUCCEEDED);

        // Each known Chromebook checked in, from Google Admin, seen when it last synced there.
        for (Feed.Device d : List.of(old, byTag)) {
            assertThat(db.count(
                            "select count(*) from checkin_history where device_id = ? and source = 'GOOGLE_ADMIN'",
                            d.id()))
                    .isEqualTo(1);
        }
        assertThat(db.text(
                        "select floor(extract(epoch from last_seen_at))::bigint::text from device where id = ?",
                        old.id()))
                .isEqualTo(Long.toString(oldSync.getEpochSecond()));
        // Compliance follows: below the ChromeOS minimum and past its auto-update expiration; what Google does not
        // report (screen lock) is not proven. The one in support, on a current release, falls short only there.
        assertThat(db.text("select compliance_issues from device where id = ?", old.id()))
                .contains("OS_VERSION_TOO_OLD", "PATCHES_TOO_OLD", "PASSWORD_PROTECTION_UNKNOWN");
        assertThat(db.text("select compliance_issues from device where id = ?", byTag.id()))
                .isEqualTo("PASSWORD_PROTECTION_UNKNOWN");
        // The provider's answers are untrusted: markup never reaches the database, a malformed address is dropped.
        assertThat(db.text("select site from device where id = ?", byTag.id())).doesNotContain("<", ">");
        assertThat(db.text("select coalesce(ip_address, 'none') from device where id = ?", byTag.id()))
                .isEqualTo("none");
        assertThat(db.text("select ip_address from device where id = ?", old.id()))
                .isEqualTo("10.20.30.41");
        // No personal data beyond the check-in: recent users are neither asked for nor kept.
        assertThat(db.count("select count(*) from mdm_device m where m::text like '%pat.student%'"))
                .isZero();
        assertThat(db.count("select count(*) from checkin_history h where h::text like '%pat.student%'"))
                .isZero();
        List<LoggedRequest> lists = server.findAll(getRequestedFor(urlPathEqualTo(GoogleAdminServer.DEVICES)));
        assertThat(lists).isNotEmpty();
        assertThat(lists.get(0).queryParameter("fields").firstValue())
                .contains("serialNumber", "annotatedAssetId", "lastSync", "autoUpdateExpiration")
                .doesNotContain("recentUsers");

        // The overdue list and the compliance list follow the check-ins.
        Api.it()
                .queryParam("school", school)
                .get("/api/v1/devices/overdue")
                .then()
                .statusCode(200)
                .body("items.deviceId", hasItem(old.id().toString()))
                .body("items.deviceId", not(hasItem(byTag.id().toString())));
        Api.auditor()
                .queryParam("school", school)
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .body("items.deviceId", hasItem(old.id().toString()));

        // The device inventory does not know is listed for IT, not created.
        assertThat(db.count("select count(*) from device where upper(serial_number) = upper(?)", unknownSerial))
                .isZero();
        Api.it()
                .queryParam("provider", "GOOGLE_ADMIN")
                .queryParam("limit", 200)
                .get("/api/v1/mdm/unknown-devices")
                .then()
                .statusCode(200)
                .body("items.serialNumber", hasItem(unknownSerial));
        Api.auditor()
                .get("/api/v1/mdm/sync-runs")
                .then()
                .statusCode(200)
                .body("items[0].provider", equalTo("GOOGLE_ADMIN"))
                .body("items[0].status", equalTo("SUCCEEDED"))
                .body("items[0].pages", equalTo(2))
                .body("items[0].devicesSeen", equalTo(3))
                .body("items[0].checkIns", equalTo(2))
                .body("items[0].unknownDevices", equalTo(1))
                .body("items[0].errors", equalTo(1));
        Api.as("S-" + Feed.RUN, "STAFF").get("/api/v1/mdm/sync-runs").then().statusCode(403);

        // Signed in as the service account, acting for the district's admin (domain-wide delegation), with the
        // device scopes only.
        LoggedRequest tokenRequest =
                server.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0);
        JsonNode claims = assertion(tokenRequest.getBodyAsString());
        assertThat(claims.path("iss").asText()).isEqualTo(GoogleAdminServer.CLIENT_EMAIL);
        assertThat(claims.path("sub").asText()).isEqualTo(GoogleAdminServer.SUBJECT);
        assertThat(claims.path("scope").asText())
                .contains("https://www.googleapis.com/auth/admin.directory.device.chromeos.readonly");

        // How long since the last good sync, for the alerts.
        RestAssured.get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("district_mdm_sync_lag_seconds{provider=\"GOOGLE_ADMIN\""));
    }

    @Test
    void throttlingIsWaitedOutAFailedPageIsAskedAgainFromItsTokenAndAnExpiredTokenIsRenewed() throws Exception {
        Feed.Device chromebook = db.known(Feed.device(DeviceType.CHROMEBOOK, "LINCOLN-HS"));
        String gid = "gid-" + chromebook.id();
        String second = "second-page-" + chromebook.id();
        ManagerScenarios.answeredOnSecondAsk(
                server,
                "first page",
                () -> get(urlPathEqualTo(GoogleAdminServer.DEVICES)).withQueryParam("pageToken", absent()),
                ManagerScenarios.throttled(GoogleAdminServer.file("error-429.json", Map.of())),
                list(List.of(), second));
        ManagerScenarios.answeredOnSecondAsk(
                server,
                "second page",
                () -> get(urlPathEqualTo(GoogleAdminServer.DEVICES))
                        .withQueryParam("pageToken", WireMock.equalTo(second)),
                ManagerScenarios.unavailable(),
                list(List.of(device(gid, chromebook, "ACTIVE", Instant.now())), null));

        assertThat(sync.run(google)).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(db.count(
                        "select count(*) from checkin_history where device_id = ? and source = 'GOOGLE_ADMIN'",
                        chromebook.id()))
                .isEqualTo(1);
        // The first page twice (throttled, then answered); the second page asked again by its token, and the listing
        // not started over.
        server.verify(
                2, getRequestedFor(urlPathEqualTo(GoogleAdminServer.DEVICES)).withQueryParam("pageToken", absent()));
        server.verify(
                2,
                getRequestedFor(urlPathEqualTo(GoogleAdminServer.DEVICES))
                        .withQueryParam("pageToken", WireMock.equalTo(second)));

        // The access token expires early: the Directory API answers 401 to it; a new one is fetched and the same page
        // asked again.
        int tokensBefore =
                server.findAll(postRequestedFor(urlPathEqualTo("/token"))).size();
        server.resetAll();
        token("token-fresh");
        server.stubFor(get(urlPathEqualTo(GoogleAdminServer.DEVICES))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GoogleAdminServer.file("error-401.json", Map.of()))));
        server.stubFor(get(urlPathEqualTo(GoogleAdminServer.DEVICES))
                .atPriority(1)
                .withHeader("Authorization", WireMock.equalTo("Bearer token-fresh"))
                .willReturn(okJson(list(
                        List.of(device(gid, chromebook, "ACTIVE", Instant.now().plusSeconds(1))), null))));
        assertThat(sync.run(google)).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(tokensBefore).isPositive();
        server.verify(1, postRequestedFor(urlPathEqualTo("/token")));
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(GoogleAdminServer.DEVICES))
                        .withHeader("Authorization", WireMock.equalTo("Bearer token-fresh")));
        assertThat(db.count(
                        "select count(*) from checkin_history where device_id = ? and source = 'GOOGLE_ADMIN'",
                        chromebook.id()))
                .isEqualTo(2);
    }

    @Test
    void aChromebookFoundWhileItsDisableIsOnItsWayIsEnabledAgain() throws Exception {
        StolenChromebook listed = aStolenChromebookListed();
        Feed.Device stolen = listed.stolen();
        Feed.Device chromebook = stolen;
        String gid = listed.gid();
        Instant synced = listed.synced();

        // Google takes ten seconds to answer the disable; meanwhile IT records the Chromebook found.
        server.stubFor(post(urlPathEqualTo(GoogleAdminServer.DEVICES + ":batchChangeStatus"))
                .willReturn(okJson(GoogleAdminServer.file("batch-change-status.json", Map.of("deviceId", gid)))
                        .withFixedDelay(10_000)));
        readAs(gid, device(gid, chromebook, "DISABLED", synced));
        CompletableFuture<MdmSync.Result> running = CompletableFuture.supplyAsync(() -> sync.run(google));
        await().atMost(Duration.ofSeconds(30)).until(() -> !server.findAll(
                        postRequestedFor(urlPathEqualTo(GoogleAdminServer.DEVICES + ":batchChangeStatus")))
                .isEmpty());
        Feed.Device found = db.known(stolen.withStatus(DeviceStatus.RECOVERED));
        assertThat(db.text("select status from device_command where device_id = ? and type = 'LOCK'", found.id()))
                .isEqualTo("CANCELLED");
        assertThat(running)
                .as("the disable is still on its way when the Chromebook is found")
                .isNotDone();
        assertThat(running.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(MdmSync.Result.SUCCEEDED);

        // Google disabled it after all: the sync enables it again (the same sync, once its commands are sent), as it
        // does any found Chromebook the district disabled.
        changedOnce(gid, "REENABLE");
        assertThat(db.count(
                        "select count(*) from mdm_device where device_id = ? and not disabled_by_district"
                                + " and not reenable_requested",
                        found.id()))
                .isEqualTo(1);
    }

    /** A Chromebook Google lists (synced by one run), then reported stolen, its LOCK waiting for the next sync. */
    private StolenChromebook aStolenChromebookListed() {
        Feed.Device chromebook = db.known(Feed.device(DeviceType.CHROMEBOOK, "LINCOLN-HS"));
        String gid = "gid-" + chromebook.id();
        Instant synced = Instant.now().minusSeconds(600);
        listOnly(device(gid, chromebook, "ACTIVE", synced));
        assertThat(sync.run(google)).isEqualTo(MdmSync.Result.SUCCEEDED);

        Feed.Device stolen = db.known(chromebook.withStatus(DeviceStatus.STOLEN));
        Feed.lossReported(stolen, LossKind.STOLEN);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from device_command where device_id = ? and type = 'LOCK'"
                                        + " and status = 'PENDING'",
                                stolen.id())
                        == 1);
        return new StolenChromebook(stolen, gid, synced);
    }

    /** A Chromebook Google lists, reported stolen, and disabled by the next sync (asserted on the way). */
    private StolenChromebook aStolenChromebookDisabled() throws Exception {
        StolenChromebook listed = aStolenChromebookListed();
        Feed.Device stolen = listed.stolen();
        Feed.Device chromebook = stolen;
        String gid = listed.gid();
        Instant synced = listed.synced();

        server.resetAll();
        token("token-stolen");
        listOnly(device(gid, chromebook, "ACTIVE", synced));
        batchChangeStatus(gid);
        readAs(gid, device(gid, chromebook, "DISABLED", synced));

        assertThat(sync.run(google)).isEqualTo(MdmSync.Result.SUCCEEDED);
        changedOnce(gid, "DISABLE");
        // Google reports it disabled: the LOCK is done, as an agent's confirmation would make it.
        assertThat(db.text("select status from device_command where device_id = ? and type = 'LOCK'", stolen.id()))
                .isEqualTo("DONE");
        Api.it()
                .get("/api/v1/devices/" + stolen.id() + "/commands")
                .then()
                .statusCode(200)
                .body("find { it.type == 'LOCK' }.status", equalTo("DONE"));

        return new StolenChromebook(stolen, gid, synced);
    }

    /** Google was asked once to change the Chromebook's status by this action (DISABLE, REENABLE). */
    private void changedOnce(String gid, String action) {
        server.verify(
                1,
                postRequestedFor(urlPathEqualTo(GoogleAdminServer.DEVICES + ":batchChangeStatus"))
                        .withRequestBody(containing("\"" + gid + "\""))
                        .withRequestBody(containing("CHANGE_CHROME_OS_DEVICE_STATUS_ACTION_" + action)));
    }

    /** A stolen Chromebook, its entry in Google Admin, and when it last synced there. */
    private record StolenChromebook(Feed.Device stolen, String gid, Instant synced) {}

    @Test
    void aChromebookItFindsInInventoryAloneIsEnabledAgain() throws Exception {
        StolenChromebook disabled = aStolenChromebookDisabled();
        // IT moves it out of STOLEN in inventory; no loss report is closed, so no recovery event comes.
        Feed.Device found = db.known(disabled.stolen().withStatus(DeviceStatus.RECOVERED));
        assertThat(db.count("select count(*) from mdm_device where device_id = ? and reenable_requested", found.id()))
                .isEqualTo(1);
        server.resetAll();
        token("token-found-in-inventory");
        listOnly(device(disabled.gid(), found, "DISABLED", disabled.synced()));
        batchChangeStatus(disabled.gid());
        readAs(disabled.gid(), device(disabled.gid(), found, "ACTIVE", disabled.synced()));
        assertThat(sync.run(google)).isEqualTo(MdmSync.Result.SUCCEEDED);
        changedOnce(disabled.gid(), "REENABLE");
    }

    @Test
    void aStolenChromebookIsDisabledWithinOneSyncAndEnabledAgainOnRecovery() throws Exception {
        StolenChromebook disabled = aStolenChromebookDisabled();
        Feed.Device stolen = disabled.stolen();
        String gid = disabled.gid();
        Instant synced = disabled.synced();
        Feed.Device chromebook = stolen;
        // Found: inventory moves it on, the loss report is closed as recovered, and the next sync enables it again.
        Feed.Device found = db.known(stolen.withStatus(DeviceStatus.RECOVERED));
        Feed.recovered(found);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from mdm_device where device_id = ? and reenable_requested",
                                found.id())
                        == 1);
        server.resetAll();
        token("token-found");
        listOnly(device(gid, chromebook, "DISABLED", synced));
        batchChangeStatus(gid);
        readAs(gid, device(gid, chromebook, "ACTIVE", synced));
        assertThat(sync.run(google)).isEqualTo(MdmSync.Result.SUCCEEDED);
        changedOnce(gid, "REENABLE");
        assertThat(db.count(
                        "select count(*) from mdm_device where device_id = ? and not disabled_by_district"
                                + " and not reenable_requested and provider_status = 'ACTIVE'",
                        found.id()))
                .isEqualTo(1);
    }

    @Test
    void aDeviceThatVanishesLeavesTheListAndLaterSyncsAreIncremental() throws Exception {
        String serial = Feed.unique("VANISHING");
        Feed.Device stand = Feed.device(DeviceType.CHROMEBOOK, "LINCOLN-HS");
        String gid = "gid-" + serial;
        fullSyncDue();
        listOnly(device(gid, stand, "ACTIVE", Instant.now()).replace("SN-" + stand.assetTag(), serial));
        assertThat(sync.run(google)).isEqualTo(MdmSync.Result.SUCCEEDED);
        Api.it()
                .queryParam("limit", 200)
                .get("/api/v1/mdm/unknown-devices")
                .then()
                .statusCode(200)
                .body("items.serialNumber", hasItem(serial));

        // Removed from Google Admin: the next full listing does not have it.
        fullSyncDue();
        server.resetAll();
        token("token-vanish");
        listOnly(null);
        assertThat(sync.run(google)).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(db.count(
                        "select count(*) from mdm_device where provider_device_id = ? and vanished_at is not null",
                        gid))
                .isEqualTo(1);
        Api.it()
                .queryParam("limit", 200)
                .get("/api/v1/mdm/unknown-devices")
                .then()
                .statusCode(200)
                .body("items.serialNumber", not(hasItem(serial)));
        assertThat(db.text("select kind || ':' || vanished from mdm_sync_run order by id desc limit 1"))
                .startsWith("FULL:")
                .isNotEqualTo("FULL:0");

        // The next sync asks only for the devices that synced since the last good one started.
        server.resetAll();
        token("token-incremental");
        listOnly(null);
        assertThat(sync.run(google)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo(GoogleAdminServer.DEVICES))
                        .withQueryParam(
                                "query", matching("sync:[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.\\.")));
        assertThat(db.text("select kind from mdm_sync_run order by id desc limit 1"))
                .isEqualTo("INCREMENTAL");
    }

    @Test
    void twoReplicasNeverSyncAtOnceAndAFailingGoogleNeverStopsTheCheckInRoute() throws Exception {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        Api.credential(laptop.id());
        server.stubFor(get(urlPathEqualTo(GoogleAdminServer.DEVICES))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));
        long before = db.count("select coalesce(max(id), 0) from mdm_sync_run");
        CompletableFuture<MdmSync.Result> first = CompletableFuture.supplyAsync(() -> sync.run(google));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        db.count("select count(*) from mdm_sync_run where id > ? and status = 'RUNNING'", before) == 1);

        // Another replica's turn comes while the first runs: it does not run.
        assertThat(sync.run(google)).isEqualTo(MdmSync.Result.SKIPPED);
        // Agents check in as ever while Google is failing.
        Api.device(laptop.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);

        assertThat(first.get()).isEqualTo(MdmSync.Result.FAILED);
        assertThat(db.count("select count(*) from mdm_sync_run where id > ?", before))
                .isEqualTo(1);
        assertThat(db.text("select error from mdm_sync_run where id > ?", before))
                .contains("503");
        // Every try asked for the same first page.
        server.verify(4, getRequestedFor(urlPathEqualTo(GoogleAdminServer.DEVICES)));
    }

    /** Every run so far counts as two days old: the next is a full listing. */
    private void fullSyncDue() {
        db.execute("update mdm_sync_run set started_at = started_at - interval '2 days',"
                + " finished_at = finished_at - interval '2 days'");
    }

    private void token(String token) {
        server.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(okJson(GoogleAdminServer.file("token.json", Map.of("token", token)))));
    }

    /** Google takes every status change of the device. */
    private void batchChangeStatus(String gid) {
        server.stubFor(post(urlPathEqualTo(GoogleAdminServer.DEVICES + ":batchChangeStatus"))
                .willReturn(okJson(GoogleAdminServer.file("batch-change-status.json", Map.of("deviceId", gid)))));
    }

    /** Google's answer to a read of one device. */
    private void readAs(String gid, String device) {
        server.stubFor(
                get(urlPathEqualTo(GoogleAdminServer.DEVICES + "/" + gid)).willReturn(okJson(device)));
    }

    /** The listing holds this one device (or none), on one page. */
    private void listOnly(String device) {
        server.stubFor(get(urlPathEqualTo(GoogleAdminServer.DEVICES))
                .willReturn(okJson(list(device == null ? List.of() : List.of(device), null))));
    }

    private static String device(String gid, Feed.Device d, String status, Instant lastSync) {
        return GoogleAdminServer.file(
                "chromeosdevice.json",
                Map.of(
                        "deviceId",
                        gid,
                        "serial",
                        "SN-" + d.assetTag(),
                        "status",
                        status,
                        "lastSync",
                        lastSync.truncatedTo(ChronoUnit.MILLIS).toString(),
                        "school",
                        d.school()));
    }

    /** A listing page of Google's shape with these devices, and the next page's token (none when null). */
    private static String list(List<String> devices, String nextPageToken) {
        return "{\"kind\": \"admin#directory#chromeosdevices\", \"etag\": \"\\\"e1\\\"\", \"chromeosdevices\": ["
                + String.join(",", devices) + "]"
                + (nextPageToken == null ? "" : ", \"nextPageToken\": \"" + nextPageToken + "\"")
                + "}";
    }

    /** The claims of the JWT assertion a token request carries (the form's {@code assertion}). */
    private static JsonNode assertion(String form) throws Exception {
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("assertion")) {
                String jwt = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
                return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
            }
        }
        throw new AssertionError("no assertion in the token request: " + form);
    }
}
