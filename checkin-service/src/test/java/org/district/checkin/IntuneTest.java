package org.district.checkin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.district.checkin.mdm.MdmSync;
import org.district.checkin.mdm.intune.IntuneProvider;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.lossreport.LossKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Intune as a check-in source and command channel, against a server playing Microsoft (the identity
 * platform's token endpoint and Graph's managed devices, {@link IntuneServer}). Syncs are started by the tests, as the
 * schedule would start them.
 */
@QuarkusTest
@WithTestResource(value = IntuneServer.class, scope = TestResourceScope.GLOBAL)
class IntuneTest {

    @Inject
    Db db;

    @Inject
    MdmSync sync;

    @Inject
    IntuneProvider intune;

    private WireMockServer server;

    @BeforeEach
    void intune() {
        server = IntuneServer.server();
        server.resetAll();
        token("token-" + UUID.randomUUID());
        // Each test signs in afresh, so what it asserts of the token endpoint does not depend on the tests before it.
        intune.forgetCredentials();
    }

    @Test
    void intuneLaptopsCheckInTheOverdueAreListedAndAnUnencryptedSensitiveOneIsNotCompliant() {
        String school = Feed.unique("IN");
        // On the district's books for two months, silent in Intune for forty days.
        Feed.Device silent = db.known(Feed.laptop(school)
                .registeredAt(Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS)));
        // Holds sensitive data and is not encrypted.
        Feed.Device unencrypted = db.known(Feed.laptop(school).sensitive());
        Feed.Device noncompliant = db.known(Feed.laptop(school));
        String unknownSerial = Feed.unique("INTUNE-ONLY");
        String impostorSerial = Feed.unique("IMPOSTOR");
        Instant recent = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String second = IntuneServer.base() + IntuneServer.DEVICES + "?$skiptoken=" + school;
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES))
                .withQueryParam("$skiptoken", absent())
                .willReturn(okJson(IntuneServer.page(
                        List.of(
                                device(
                                        "i-" + silent.id(),
                                        silent.assetTag(),
                                        "SN-" + silent.assetTag(),
                                        Instant.now().minus(40, ChronoUnit.DAYS),
                                        true,
                                        "compliant",
                                        "managed",
                                        "[]"),
                                // Its serial number in lower case, named by its asset tag: matched by the serial number
                                // whatever the case. (A name alone never matches a device inventory has a serial
                                // number for: see MdmMatchTest.)
                                device(
                                        "i-" + unencrypted.id(),
                                        unencrypted.assetTag().toLowerCase(),
                                        "sn-" + unencrypted.assetTag().toLowerCase(),
                                        recent,
                                        false,
                                        "compliant",
                                        "managed",
                                        "[]")),
                        second))));
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES))
                .withQueryParam("$skiptoken", WireMock.equalTo(school))
                .willReturn(okJson(IntuneServer.page(
                        List.of(
                                device(
                                        "i-" + noncompliant.id(),
                                        "DESKTOP-7QK2M1",
                                        "SN-" + noncompliant.assetTag(),
                                        recent,
                                        true,
                                        "noncompliant",
                                        "managed",
                                        "[]"),
                                device(
                                        "i-" + unknownSerial,
                                        "KIOSK-04",
                                        unknownSerial,
                                        recent,
                                        true,
                                        "compliant",
                                        "managed",
                                        "[]"),
                                // A computer renamed after another device: its serial number is not that device's,
                                // so the name does not make it that device.
                                device(
                                        "i-" + impostorSerial,
                                        silent.assetTag(),
                                        impostorSerial,
                                        recent,
                                        true,
                                        "compliant",
                                        "managed",
                                        "[]")),
                        null))));

        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);

        for (Feed.Device d : List.of(silent, unencrypted, noncompliant)) {
            assertThat(db.count(
                            "select count(*) from checkin_history where device_id = ? and source = 'INTUNE'", d.id()))
                    .as("one check-in of %s, its own (not the impostor's)", d.assetTag())
                    .isEqualTo(1);
        }
        assertThat(db.count(
                        "select count(*) from mdm_device where provider_device_id = ? and device_id is not null",
                        "i-" + impostorSerial))
                .isZero();
        // The device's history says where each check-in came from.
        Api.auditor()
                .get("/api/v1/devices/" + unencrypted.id() + "/checkins")
                .then()
                .statusCode(200)
                .body("items[0].source", equalTo("INTUNE"))
                .body("items[0].diskEncryption", equalTo(false));
        // Overdue in Intune is overdue here: its clock runs from its last sync there.
        Api.it()
                .queryParam("school", school)
                .get("/api/v1/devices/overdue")
                .then()
                .statusCode(200)
                .body("items.deviceId", hasItem(silent.id().toString()))
                .body("items.deviceId", not(hasItem(unencrypted.id().toString())))
                .body("items.deviceId", not(hasItem(noncompliant.id().toString())));
        // Encryption is read from the device: a sensitive laptop with isEncrypted false is not compliant, whatever
        // Intune's own verdict. What Intune's compliance policy covers is proven for a compliant device only.
        assertThat(db.text("select compliance_issues from device where id = ?", unencrypted.id()))
                .isEqualTo("DISK_ENCRYPTION_OFF");
        assertThat(db.text("select compliance_issues from device where id = ?", noncompliant.id()))
                .contains("PASSWORD_PROTECTION_UNKNOWN", "PATCH_DATE_MISSING", "ANTIVIRUS_MISSING")
                .doesNotContain("DISK_ENCRYPTION");
        Api.auditor()
                .queryParam("school", school)
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .body("items.deviceId", hasItem(unencrypted.id().toString()));

        // The device inventory does not know is listed for IT, not created.
        Api.it()
                .queryParam("provider", "INTUNE")
                .queryParam("limit", 200)
                .get("/api/v1/mdm/unknown-devices")
                .then()
                .statusCode(200)
                .body("items.serialNumber", hasItem(unknownSerial))
                .body("items.serialNumber", hasItem(impostorSerial));
        Api.auditor()
                .queryParam("provider", "INTUNE")
                .get("/api/v1/mdm/sync-runs")
                .then()
                .statusCode(200)
                .body("items[0].provider", equalTo("INTUNE"))
                .body("items[0].status", equalTo("SUCCEEDED"))
                .body("items[0].pages", equalTo(2))
                .body("items[0].devicesSeen", equalTo(5))
                .body("items[0].checkIns", equalTo(3))
                .body("items[0].unknownDevices", equalTo(2));

        // No personal data beyond the check-in: the user's name and address are neither asked for nor kept.
        LoggedRequest first = server.findAll(getRequestedFor(urlPathEqualTo(IntuneServer.DEVICES)))
                .get(0);
        assertThat(first.queryParameter("$select").firstValue())
                .contains("serialNumber", "deviceName", "lastSyncDateTime", "isEncrypted", "complianceState")
                .doesNotContain("userPrincipalName", "emailAddress", "userDisplayName");
        assertThat(db.count("select count(*) from mdm_device m where m::text like '%jordan%'"))
                .isZero();
        assertThat(db.count("select count(*) from checkin_history h where h::text like '%jordan%'"))
                .isZero();
        // Signed in as the district's app registration with the client-credentials flow, for Graph.
        String form = URLDecoder.decode(
                server.findAll(postRequestedFor(urlPathEqualTo(IntuneServer.TOKEN)))
                        .get(0)
                        .getBodyAsString(),
                StandardCharsets.UTF_8);
        assertThat(form)
                .contains("grant_type=client_credentials", "client_id=" + IntuneServer.CLIENT_ID)
                .contains("scope=https://graph.microsoft.com/.default");
    }

    @Test
    void aStolenIntuneLaptopIsLockedThroughIntuneAndAWipeIsSentOnlyAsConfirmed() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        String id = "i-" + laptop.id();
        Instant synced = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        // Intune remembers a remote lock of long ago.
        String oldLock = action("remoteLock", "done", Instant.now().minus(10, ChronoUnit.DAYS));
        listOnly(device(id, laptop, synced, "[" + oldLock + "]", "managed"));
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);

        // The laptop also runs the district's agent.
        Api.credential(laptop.id());
        Feed.Device stolen = reportStolen(laptop);

        // Within one sync: remoteLock and locateDevice through Graph. This laptop cannot be located (Intune refuses),
        // and until Intune reports the new lock, the old one ends nothing.
        server.resetAll();
        token("token-stolen");
        listOnly(device(id, laptop, synced, "[" + oldLock + "]", "managed"));
        readAs(id, device(id, laptop, synced, "[" + oldLock + "]", "managed"));
        server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/remoteLock"))
                .willReturn(aResponse().withStatus(204)));
        notSupported(id, "locateDevice");
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(1, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/remoteLock")));
        server.verify(1, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/locateDevice")));
        assertThat(command(stolen, "LOCK")).isEqualTo("DELIVERED");
        assertThat(command(stolen, "LOCATE")).isEqualTo("FAILED");

        // Intune reports the lock done: the LOCK is done, as an agent's confirmation would make it; not sent again.
        server.resetAll();
        token("token-locked");
        String locked = action("remoteLock", "done", Instant.now());
        listOnly(device(id, laptop, synced, "[" + oldLock + "," + locked + "]", "managed"));
        readAs(id, device(id, laptop, synced, "[" + oldLock + "," + locked + "]", "managed"));
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(command(stolen, "LOCK")).isEqualTo("DONE");
        server.verify(0, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/remoteLock")));

        // A WIPE only as IT confirmed it for this device (its asset tag typed again), sent as Graph's wipe.
        Api.it()
                .body(Map.of("type", "WIPE", "reason", "Stolen; holds records", "confirmAssetTag", laptop.assetTag()))
                .post("/api/v1/devices/" + laptop.id() + "/commands")
                .then()
                .statusCode(201);
        // The laptop's agent checks in before the next sync: the WIPE waits for Intune, which carries it whatever the
        // agent would answer (a thief's agent would refuse it, and a refusal ends a WIPE).
        notHandedTheWipe(laptop);
        assertThat(command(stolen, "WIPE")).isEqualTo("PENDING");
        server.resetAll();
        token("token-wipe");
        String pending = "[" + locked + "," + action("wipe", "pending", Instant.now()) + "]";
        listOnly(device(id, laptop, synced, "[" + locked + "]", "managed"));
        readAs(id, device(id, laptop, synced, pending, "wipePending"));
        server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe"))
                .willReturn(aResponse().withStatus(204)));
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(
                1,
                postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe"))
                        .withRequestBody(containing("\"keepUserData\":false")));
        // Pending in Intune: the command follows what Intune reports.
        assertThat(command(stolen, "WIPE")).isEqualTo("DELIVERED");
        assertThat(db.text(
                        "select provider_status from mdm_device where provider = 'INTUNE' and provider_device_id = ?",
                        id))
                .isEqualTo("WIPE_PENDING");

        // The laptop's own agent (in a thief's hands) is not told of the WIPE Intune carries, and cannot end it by
        // saying it refused it, even holding its id and nonce: only Intune's report ends it.
        String wipeId =
                db.text("select id::text from device_command where device_id = ? and type = 'WIPE'", stolen.id());
        String wipeNonce = db.text("select nonce from device_command where id = ?::uuid", wipeId);
        notHandedTheWipe(laptop);
        Api.device(laptop.id())
                .body(Api.locked(Api.completing(Api.checkIn(), wipeId, wipeNonce, "REFUSED"), true))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);
        assertThat(command(stolen, "WIPE")).isEqualTo("DELIVERED");

        server.resetAll();
        token("token-wiped");
        String wiped = "[" + locked + "," + action("wipe", "done", Instant.now()) + "]";
        listOnly(device(id, laptop, synced.plusSeconds(60), wiped, "wipeIssued"));
        readAs(id, device(id, laptop, synced.plusSeconds(60), wiped, "wipeIssued"));
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(command(stolen, "WIPE")).isEqualTo("DONE");
        server.verify(0, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe")));
        // Intune's remote lock is not the district's to undo: nothing waits to be enabled again on recovery.
        assertThat(db.count(
                        "select count(*) from mdm_device where provider = 'INTUNE' and provider_device_id = ?"
                                + " and disabled_by_district",
                        id))
                .isZero();
    }

    @Test
    void aWipeWaitsForIntuneOnlyWhileItsSyncsSucceedAndTheLaptopStillReportsToItThroughOneEntry() {
        Feed.Device laptop = syncedWithAWipe();
        // It reported to Intune ten minutes ago: its agent is not handed the WIPE, which waits for Intune's sync.
        Api.device(laptop.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);
        assertThat(command(laptop, "WIPE")).isEqualTo("PENDING");

        // No sync of Intune has succeeded for longer than three of its rounds (a day each here; Graph unreachable, its
        // credentials expired): Intune carries nothing meanwhile, so the agent is handed the WIPE.
        syncsAgo("4 days");
        try {
            assertThat(handedTheWipe(laptop)).isEqualTo("DELIVERED");
        } finally {
            syncsAgo("-4 days");
        }

        // Intune last heard from another laptop two days ago (its management removed), though its syncs succeed: its
        // agent is the only way left to reach it.
        Feed.Device quiet = syncedWithAWipe();
        db.execute(
                "update mdm_device set last_sync_at = now() - interval '2 days'"
                        + " where provider = 'INTUNE' and provider_device_id = ?",
                "i-" + quiet.id());
        assertThat(handedTheWipe(quiet)).isEqualTo("DELIVERED");

        // Two entries of Intune claim another laptop, both syncing: the sync sends through neither, so its agent does.
        Feed.Device claimed = syncedWithAWipe();
        db.execute(
                "insert into mdm_device (provider, provider_device_id, serial_number, device_id, last_sync_at,"
                        + " first_seen_at, last_listed_at) select provider, provider_device_id || '-second',"
                        + " serial_number, device_id, now(), now(), now() from mdm_device"
                        + " where provider = 'INTUNE' and provider_device_id = ?",
                "i-" + claimed.id());
        assertThat(handedTheWipe(claimed)).isEqualTo("DELIVERED");
    }

    @Test
    void aWipeHandedToTheAgentBeforeIntuneListedTheLaptopIsSentThroughIntuneInstead() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        enrolledWithAWipe(laptop);
        // Intune does not list the laptop yet: its agent is the only way to reach it, and is handed the WIPE.
        assertThat(handedTheWipe(laptop)).isEqualTo("DELIVERED");
        String wipeId =
                db.text("select id::text from device_command where device_id = ? and type = 'WIPE'", laptop.id());
        String agentNonce = db.text("select nonce from device_command where id = ?::uuid", wipeId);

        // Then Intune lists it, reported to ten minutes ago: the WIPE goes through Intune, once.
        String id = listedTakingAWipe(laptop);
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(1, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe")));
        assertThat(db.text("select sent_via_provider from device_command where id = ?::uuid", wipeId))
                .isEqualTo("INTUNE");
        assertThat(command(laptop, "WIPE")).isEqualTo("DELIVERED");

        // The agent (perhaps a thief's) is no longer handed it, and its REFUSED, with the nonce it was given, ends
        // nothing: only Intune's report ends it.
        notHandedTheWipe(laptop);
        agentRefuses(laptop, wipeId, agentNonce);
        assertThat(command(laptop, "WIPE")).isEqualTo("DELIVERED");
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(1, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe")));
    }

    @Test
    void aStolenLaptopsWipeItsAgentRefusedGoesThroughIntuneOnceIntuneListsIt() {
        // Stolen, running the district's agent, not (yet) in Intune: the agent is handed the WIPE and refuses it, as a
        // thief's agent would; a refusal ends a WIPE.
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS").withStatus(DeviceStatus.STOLEN));
        String wipeId = wipeTheAgentRefused(laptop);

        // Intune then lists it: the refused WIPE is Intune's to send, whatever the agent said.
        String id = listedTakingAWipe(laptop);
        acceptsActions(id);
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(1, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe")));
        assertThat(command(laptop, "WIPE")).isEqualTo("DELIVERED");
        assertThat(db.text("select sent_via_provider from device_command where id = ?::uuid", wipeId))
                .isEqualTo("INTUNE");
    }

    @Test
    void aWipeAnAgentRefusedDuringAnEarlierLossIsNotTakenUpInTheNextOne() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS").withStatus(DeviceStatus.STOLEN));
        wipeTheAgentRefused(laptop);
        // Found the same afternoon (IT's move in inventory: no loss report is closed), and reported lost again the next
        // morning: the refused WIPE was sent during the first loss, and is not IT's decision about the second.
        Feed.Device found = db.known(laptop.withStatus(DeviceStatus.IN_STOCK));
        assertThat(db.count("select count(*) from device where id = ? and missing_since is null", laptop.id()))
                .isEqualTo(1);
        db.known(found.withStatus(DeviceStatus.LOST));
        String id = listedTakingAWipe(laptop);
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(0, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe")));
        assertThat(command(laptop, "WIPE")).isEqualTo("REFUSED");
    }

    @Test
    void aWipeIntuneCannotBeSentThreeTimesIsLeftToTheAgent() {
        Feed.Device laptop = syncedWithAWipe();
        String id = "i-" + laptop.id();
        Instant synced = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        // Intune lists the laptop, but its wipe action keeps answering 503: the WIPE goes back to waiting each time.
        server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        for (int failed = 1; failed <= 3; failed++) {
            listOnly(device(id, laptop, synced, "[]", "managed"));
            assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
            assertThat(command(laptop, "WIPE")).isEqualTo("PENDING");
            if (failed < 3) {
                notHandedTheWipe(laptop);
            }
        }
        // Three failed sends: the agent is the way left to the laptop. Intune's next sync no longer tries, even once
        // its wipe action answers again, so the WIPE does not go on bouncing between the two.
        server.resetRequests();
        server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe"))
                .willReturn(aResponse().withStatus(204)));
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(0, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe")));
        assertThat(handedTheWipe(laptop)).isEqualTo("DELIVERED");
        assertThat(db.text(
                        "select sent_via_provider from device_command where device_id = ? and type = 'WIPE'",
                        laptop.id()))
                .isNull();
    }

    @Test
    void aWipeSentAgainAfterIntuneRefusedOneGoesToTheAgent() {
        Feed.Device laptop = syncedWithAWipe();
        String id = "i-" + laptop.id();
        listOnly(device(id, laptop, Instant.now().minusSeconds(600), "[]", "managed"));
        notSupported(id, "wipe");
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(command(laptop, "WIPE")).isEqualTo("FAILED");

        // IT sends the WIPE again: Intune would refuse it again, so neither Intune's next sync takes it nor does it
        // wait
        // for Intune; the agent takes it.
        wipeFromIt(laptop);
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(1, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe")));
        assertThat(command(laptop, "WIPE")).isEqualTo("PENDING");
        assertThat(handedTheWipe(laptop)).isEqualTo("DELIVERED");
    }

    @Test
    void aSendThatFailsPartWayKeepsWhatIntuneTookAndPutsTheRestBack() {
        // Three stolen laptops Intune lists; their LOCKs go device by device, in the order of their Intune ids.
        Instant synced = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Feed.Device> byId = new java.util.TreeMap<>();
        for (int i = 0; i < 3; i++) {
            Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
            byId.put("i-" + laptop.id(), laptop);
        }
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES))
                .willReturn(okJson(IntuneServer.page(
                        byId.entrySet().stream()
                                .map(e -> device(e.getKey(), e.getValue(), synced, "[]", "managed"))
                                .toList(),
                        null))));
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        List<String> ids = List.copyOf(byId.keySet());
        ids.forEach(this::acceptsActions);
        // The second one's remote lock stays unavailable through every retry.
        server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + ids.get(1) + "/remoteLock"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        byId.values().forEach(this::reportStolen);

        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);

        // The first was taken by Intune before the failure: it stays sent, not sent again at the next sync.
        assertThat(lockSent(byId.get(ids.get(0)))).isEqualTo("DELIVERED/0");
        // The second's request failed: back to waiting, the failure counted.
        assertThat(lockSent(byId.get(ids.get(1)))).isEqualTo("PENDING/1");
        // The third was never tried: back to waiting, the failure counted too (Intune did not take it at this sync; an
        // action that fails for every device hands every WIPE to its agent after the same number of syncs).
        server.verify(0, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + ids.get(2) + "/remoteLock")));
        assertThat(lockSent(byId.get(ids.get(2)))).isEqualTo("PENDING/1");
    }

    @Test
    void aWipeClaimedBeforeTheLaptopWasFoundIsNotSentAfterIt() throws Exception {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        String id = "i-" + laptop.id();
        Instant synced = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        listOnly(device(id, laptop, synced, "[]", "managed"));
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        // Stolen: the loss's LOCK and LOCATE, and IT's WIPE (the laptop runs no agent: Intune is its only way).
        Feed.Device stolen = reportStolen(laptop);
        wipeFromIt(stolen);

        // One sync claims all three; Graph takes ten seconds over the remote lock, sent first. Meanwhile the laptop is
        // found and its report closed as recovered.
        acceptsActions(id);
        server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/remoteLock"))
                .willReturn(aResponse().withStatus(204).withFixedDelay(10_000)));
        server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe"))
                .willReturn(aResponse().withStatus(204)));
        java.util.concurrent.CompletableFuture<MdmSync.Result> running =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> sync.run(intune));
        await().atMost(Duration.ofSeconds(30)).until(() -> !server.findAll(
                        postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/remoteLock")))
                .isEmpty());
        Feed.recovered(stolen);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(command(stolen, "WIPE")));
        assertThat(running)
                .as("the remote lock is still on its way when the laptop is found")
                .isNotDone();
        assertThat(running.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(MdmSync.Result.SUCCEEDED);

        // The WIPE and LOCATE the sync had claimed are not sent: the laptop is back in the district's hands.
        server.verify(0, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe")));
        server.verify(0, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/locateDevice")));
        assertThat(command(stolen, "WIPE")).isEqualTo("CANCELLED");
    }

    @Test
    void aWipeIntuneAnswersForbiddenIsNotItsRefusalOfTheLaptop() {
        Feed.Device laptop = syncedWithAWipe();
        String id = "i-" + laptop.id();
        listOnly(device(id, laptop, Instant.now().minusSeconds(600), "[]", "managed"));
        // The district's app lacks the permission for wipes: a configuration to fix, not a laptop Intune cannot wipe.
        server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": \"Forbidden\", \"message\": \"Application is not"
                                + " authorized to perform this operation.\"}}")));
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(command(laptop, "WIPE")).isEqualTo("PENDING");
        assertThat(db.count(
                        "select count(*) from device_command where device_id = ? and type = 'WIPE'"
                                + " and manager_failures = 1 and manager_refused_at is null",
                        laptop.id()))
                .isEqualTo(1);
    }

    /** The status of the laptop's LOCK, and how many of Intune's sends of it failed: "DELIVERED/0". */
    private String lockSent(Feed.Device laptop) {
        return db.text(
                "select status || '/' || manager_failures from device_command where device_id = ? and type = 'LOCK'",
                laptop.id());
    }

    /** Intune now lists the laptop (it reported ten minutes ago), takes a wipe of it and then reports it pending. */
    private String listedTakingAWipe(Feed.Device laptop) {
        String id = "i-" + laptop.id();
        Instant synced = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        listOnly(device(id, laptop, synced, "[]", "managed"));
        readAs(id, device(id, laptop, synced, "[" + action("wipe", "pending", Instant.now()) + "]", "wipePending"));
        server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/wipe"))
                .willReturn(aResponse().withStatus(204)));
        return id;
    }

    /** IT's WIPE of the laptop, handed to its agent, which refuses it (as a thief's would); the WIPE's id. */
    private String wipeTheAgentRefused(Feed.Device laptop) {
        enrolledWithAWipe(laptop);
        String wipeId =
                db.text("select id::text from device_command where device_id = ? and type = 'WIPE'", laptop.id());
        assertThat(handedTheWipe(laptop)).isEqualTo("DELIVERED");
        agentRefuses(laptop, wipeId, db.text("select nonce from device_command where id = ?::uuid", wipeId));
        assertThat(command(laptop, "WIPE")).isEqualTo("REFUSED");
        return wipeId;
    }

    /** The laptop's agent reports the command REFUSED, with this nonce (answered 200). */
    private static void agentRefuses(Feed.Device laptop, String commandId, String nonce) {
        Api.device(laptop.id())
                .body(Api.completing(Api.checkIn(), commandId, nonce, "REFUSED"))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);
    }

    /** A laptop Intune lists (reported ten minutes ago), enrolled with the district's agent too, and IT's WIPE of it. */
    private Feed.Device syncedWithAWipe() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        listOnly(device(
                "i-" + laptop.id(),
                laptop,
                Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS),
                "[]",
                "managed"));
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        enrolledWithAWipe(laptop);
        return laptop;
    }

    /** The laptop enrolled with the district's agent, and IT's WIPE of it. */
    private static void enrolledWithAWipe(Feed.Device laptop) {
        Api.credential(laptop.id());
        wipeFromIt(laptop);
    }

    /** IT's WIPE of the laptop, its asset tag typed again as confirmation. */
    private static void wipeFromIt(Feed.Device laptop) {
        Api.it()
                .body(Map.of("type", "WIPE", "reason", "Holds records", "confirmAssetTag", laptop.assetTag()))
                .post("/api/v1/devices/" + laptop.id() + "/commands")
                .then()
                .statusCode(201);
    }

    /** The laptop's agent checks in, saying it is locked, and is not handed the WIPE. */
    private static void notHandedTheWipe(Feed.Device laptop) {
        Api.device(laptop.id())
                .body(Api.locked(Api.checkIn(), true))
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("commands.type", not(hasItem("WIPE")));
    }

    /** The laptop's agent checks in and is handed the WIPE; the status of its latest WIPE after. */
    private String handedTheWipe(Feed.Device laptop) {
        Api.device(laptop.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200)
                .body("commands.type", hasItem("WIPE"));
        return command(laptop, "WIPE");
    }

    @Test
    void aComputerEnrolledAsSomeonesOwnCannotClaimADistrictLaptopBySerialNumber() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        String real = "i-" + laptop.id();
        String own = "i-own-" + laptop.id();
        Instant synced = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        // Enrolled by its user as their own device (Intune's managedDeviceOwnerType), reporting the laptop's serial.
        listedWithAnotherReportingItsSerial(laptop, real, own, "DESKTOP-HOME1", "personal", synced);
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        String matchedTo = "select coalesce(device_id::text, 'unknown') from mdm_device where provider = 'INTUNE'"
                + " and provider_device_id = ?";
        assertThat(db.text(matchedTo, own)).isEqualTo("unknown");
        assertThat(db.text(matchedTo, real)).isEqualTo(laptop.id().toString());
        server.verify(getRequestedFor(urlPathEqualTo(IntuneServer.DEVICES))
                .withQueryParam("$select", containing("managedDeviceOwnerType")));
    }

    @Test
    void aLaptopThatTwoIntuneEntriesClaimIsSentNoCommandThroughIntune() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        String real = "i-" + laptop.id();
        String impostor = "i-vm-" + laptop.id();
        Instant synced = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        // A virtual machine enrolled in Intune reports the laptop's serial number under a name of its own.
        String vm = listedWithAnotherReportingItsSerial(laptop, real, impostor, "DESKTOP-VM1", "company", synced);
        String both = IntuneServer.page(List.of(device(real, laptop, synced, "[]", "managed"), vm), null);
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);

        Feed.Device stolen = reportStolen(laptop);

        server.resetAll();
        token("token-two-claims");
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES)).willReturn(okJson(both)));
        readAs(real, device(real, laptop, synced, "[]", "managed"));
        readAs(impostor, vm);
        for (String id : List.of(real, impostor)) {
            server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/remoteLock"))
                    .willReturn(aResponse().withStatus(204)));
        }
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        for (String id : List.of(real, impostor)) {
            server.verify(0, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/remoteLock")));
        }
        assertThat(command(stolen, "LOCK"))
                .as("the LOCK waits for the laptop's agent, or for one of the two entries to go quiet")
                .isEqualTo("PENDING");
        assertThat(db.count("select commands_held from mdm_sync_run order by id desc limit 1"))
                .as("the run tells IT of the LOCK and the LOCATE it could not send")
                .isEqualTo(2);

        // The other entry has not synced for a month (as a re-enrolled laptop's old entry): the LOCK goes through the
        // entry that syncs, and only through it.
        server.resetAll();
        token("token-one-quiet");
        Instant month = synced.minus(30, ChronoUnit.DAYS);
        String quiet =
                device(impostor, "DESKTOP-VM1", "SN-" + laptop.assetTag(), month, true, "compliant", "managed", "[]");
        String fresh = device(real, laptop, synced.plusSeconds(60), "[]", "managed");
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES))
                .willReturn(okJson(IntuneServer.page(List.of(fresh, quiet), null))));
        readAs(real, fresh);
        readAs(impostor, quiet);
        for (String id : List.of(real, impostor)) {
            server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/remoteLock"))
                    .willReturn(aResponse().withStatus(204)));
        }
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(1, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + real + "/remoteLock")));
        server.verify(0, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + impostor + "/remoteLock")));
        assertThat(command(stolen, "LOCK")).isEqualTo("DELIVERED");
        assertThat(db.count("select commands_held from mdm_sync_run order by id desc limit 1"))
                .isZero();

        // The quiet entry comes back saying a remote lock is done on it: it was not sent the LOCK, so its word ends
        // nothing; only the entry the LOCK went through can end it.
        server.resetAll();
        token("token-quiet-says-locked");
        String lockedNow = "[" + action("remoteLock", "done", Instant.now()) + "]";
        String claims = device(
                impostor, "DESKTOP-VM1", "SN-" + laptop.assetTag(), month, true, "compliant", "managed", lockedNow);
        String notYet = device(real, laptop, synced.plusSeconds(120), "[]", "managed");
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES))
                .willReturn(okJson(IntuneServer.page(List.of(notYet, claims), null))));
        readAs(real, notYet);
        readAs(impostor, claims);
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(command(stolen, "LOCK")).isEqualTo("DELIVERED");

        server.resetAll();
        token("token-locked-through-real");
        String locked = device(real, laptop, synced.plusSeconds(180), lockedNow, "managed");
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES))
                .willReturn(okJson(IntuneServer.page(List.of(locked, claims), null))));
        readAs(real, locked);
        readAs(impostor, claims);
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(command(stolen, "LOCK")).isEqualTo("DONE");
    }

    @Test
    void aLockSentThroughAnEntryThatVanishesIsSentAgainThroughTheLaptopsNewEntry() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        String old = "i-old-" + laptop.id();
        String renewed = "i-new-" + laptop.id();
        Instant synced = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        listOnly(device(old, laptop, synced, "[]", "managed"));
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        Feed.Device stolen = reportStolen(laptop);

        server.resetAll();
        token("token-old-entry");
        listOnly(device(old, laptop, synced, "[]", "managed"));
        readAs(old, device(old, laptop, synced, "[]", "managed"));
        acceptsActions(old);
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(1, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + old + "/remoteLock")));
        assertThat(command(stolen, "LOCK")).isEqualTo("DELIVERED");

        // The laptop is enrolled again: Intune's full listing has its new entry only. The old entry can end nothing
        // any more, so the LOCK and the LOCATE are sent again, through the new one.
        server.resetAll();
        token("token-new-entry");
        String enrolledAgain = device(renewed, laptop, synced.plusSeconds(300), "[]", "managed");
        listOnly(enrolledAgain);
        readAs(renewed, enrolledAgain);
        acceptsActions(renewed);
        fullSyncDue();
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(1, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + renewed + "/remoteLock")));
        server.verify(1, postRequestedFor(urlPathEqualTo(IntuneServer.DEVICES + "/" + renewed + "/locateDevice")));
        assertThat(db.text(
                        "select status || ' ' || sent_via_device_id from device_command where device_id = ?"
                                + " and type = 'LOCK'",
                        stolen.id()))
                .isEqualTo("DELIVERED " + renewed);

        server.resetAll();
        token("token-new-entry-locked");
        String locked = device(
                renewed,
                laptop,
                synced.plusSeconds(360),
                "[" + action("remoteLock", "done", Instant.now()) + "]",
                "managed");
        listOnly(locked);
        readAs(renewed, locked);
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(command(stolen, "LOCK")).isEqualTo("DONE");
    }

    /**
     * Intune lists the laptop's own entry and another computer, enrolled as {@code ownerType} ("company" or
     * "personal"), that reports the laptop's serial number under a name of its own; that computer's entry.
     */
    private String listedWithAnotherReportingItsSerial(
            Feed.Device laptop, String real, String other, String otherName, String ownerType, Instant synced) {
        String copy = device(other, otherName, "SN-" + laptop.assetTag(), synced, true, "compliant", "managed", "[]")
                .replace(
                        "\"managedDeviceOwnerType\": \"company\"", "\"managedDeviceOwnerType\": \"" + ownerType + "\"");
        String both = IntuneServer.page(List.of(device(real, laptop, synced, "[]", "managed"), copy), null);
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES)).willReturn(okJson(both)));
        return copy;
    }

    /** Graph answers this action on the device that the device does not support it (400, as Graph words it). */
    private void notSupported(String id, String action) {
        server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/" + action))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(IntuneServer.file("error-400-not-supported.json", Map.of()))));
    }

    /** Graph takes a remote lock and a locate for the device (204). */
    private void acceptsActions(String id) {
        for (String action : List.of("remoteLock", "locateDevice")) {
            server.stubFor(post(urlPathEqualTo(IntuneServer.DEVICES + "/" + id + "/" + action))
                    .willReturn(aResponse().withStatus(204)));
        }
    }

    @Test
    void throttlingExpiredTokensVanishedDevicesAndALinkAwayFromGraph() {
        Feed.Device laptop = db.known(Feed.laptop("LINCOLN-HS"));
        String id = "i-" + laptop.id();
        String second = IntuneServer.base() + IntuneServer.DEVICES + "?$skiptoken=" + laptop.id();
        // The first page is throttled once (Retry-After), the second is unavailable once: each is asked again, the
        // listing is not started over.
        ManagerScenarios.answeredOnSecondAsk(
                server,
                "first page",
                () -> get(urlPathEqualTo(IntuneServer.DEVICES)).withQueryParam("$skiptoken", absent()),
                ManagerScenarios.throttled(IntuneServer.file("error-429.json", Map.of())),
                IntuneServer.page(List.of(), second));
        ManagerScenarios.answeredOnSecondAsk(
                server,
                "second page",
                () -> get(urlPathEqualTo(IntuneServer.DEVICES))
                        .withQueryParam(
                                "$skiptoken", WireMock.equalTo(laptop.id().toString())),
                ManagerScenarios.unavailable(),
                IntuneServer.page(List.of(device(id, laptop, Instant.now(), "[]", "managed")), null));
        fullSyncDue();
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(2, getRequestedFor(urlPathEqualTo(IntuneServer.DEVICES)).withQueryParam("$skiptoken", absent()));
        server.verify(
                2,
                getRequestedFor(urlPathEqualTo(IntuneServer.DEVICES))
                        .withQueryParam(
                                "$skiptoken", WireMock.equalTo(laptop.id().toString())));
        assertThat(db.count(
                        "select count(*) from checkin_history where device_id = ? and source = 'INTUNE'", laptop.id()))
                .isEqualTo(1);

        // The token expires early: Graph answers 401 to it; a new one is fetched and the same page asked again. The
        // sync after a full one asks only for the devices that synced since.
        server.resetAll();
        token("token-fresh");
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(IntuneServer.file("error-401.json", Map.of()))));
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES))
                .atPriority(1)
                .withHeader("Authorization", WireMock.equalTo("Bearer token-fresh"))
                .willReturn(okJson(IntuneServer.page(
                        List.of(device(id, laptop, Instant.now().plusSeconds(1), "[]", "managed")), null))));
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        server.verify(1, postRequestedFor(urlPathEqualTo(IntuneServer.TOKEN)));
        List<LoggedRequest> lists = server.findAll(getRequestedFor(urlPathEqualTo(IntuneServer.DEVICES))
                .withHeader("Authorization", WireMock.equalTo("Bearer token-fresh")));
        assertThat(lists).hasSize(1);
        assertThat(lists.get(0).queryParameter("$filter").firstValue()).startsWith("lastSyncDateTime ge ");
        assertThat(db.count(
                        "select count(*) from checkin_history where device_id = ? and source = 'INTUNE'", laptop.id()))
                .isEqualTo(2);

        // Removed from Intune: a full listing without it marks it vanished.
        server.resetAll();
        token("token-vanish");
        listOnly(null);
        fullSyncDue();
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.SUCCEEDED);
        assertThat(db.count(
                        "select count(*) from mdm_device where provider = 'INTUNE' and provider_device_id = ?"
                                + " and vanished_at is not null",
                        id))
                .isEqualTo(1);

        // A next-page link to anywhere but Graph would carry the district's token there: never followed.
        server.resetAll();
        token("token-link");
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES))
                .willReturn(okJson(IntuneServer.page(
                        List.of(), "https://graph.example.net/v1.0/deviceManagement/managedDevices?$skiptoken=x"))));
        long before = db.count("select coalesce(max(id), 0) from mdm_sync_run");
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.FAILED);
        assertThat(db.text("select error from mdm_sync_run where id > ? and provider = 'INTUNE'", before))
                .contains("does not lead to Microsoft Graph");

        // A listing that does not end (its next page is the page itself) fails the run instead of holding the sync.
        server.resetAll();
        token("token-loop");
        String again = IntuneServer.base() + IntuneServer.DEVICES + "?$skiptoken=again";
        server.stubFor(
                get(urlPathEqualTo(IntuneServer.DEVICES)).willReturn(okJson(IntuneServer.page(List.of(), again))));
        long beforeLoop = db.count("select coalesce(max(id), 0) from mdm_sync_run");
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.FAILED);
        assertThat(db.text("select error from mdm_sync_run where id > ? and provider = 'INTUNE'", beforeLoop))
                .contains("the listing did not end after 2 pages");
        server.verify(2, getRequestedFor(urlPathEqualTo(IntuneServer.DEVICES)));

        // A refused sign-in fails the run with the identity platform's error code, never the secret; the devices'
        // own check-ins go on.
        server.resetAll();
        server.stubFor(post(urlPathEqualTo(IntuneServer.TOKEN))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                IntuneServer.file("token-refused.json", Map.of("clientId", IntuneServer.CLIENT_ID)))));
        intune.forgetCredentials();
        long beforeRefused = db.count("select coalesce(max(id), 0) from mdm_sync_run");
        assertThat(sync.run(intune)).isEqualTo(MdmSync.Result.FAILED);
        assertThat(db.text("select error from mdm_sync_run where id > ? and provider = 'INTUNE'", beforeRefused))
                .contains("invalid_client")
                .doesNotContain(IntuneServer.CLIENT_SECRET);
        server.verify(0, getRequestedFor(urlPathEqualTo(IntuneServer.DEVICES)));
        Api.device(laptop.id())
                .body(Api.checkIn())
                .post("/api/v1/checkins")
                .then()
                .statusCode(200);
    }

    private String command(Feed.Device d, String type) {
        return db.text(
                "select status from device_command where device_id = ? and type = ?"
                        + " order by created_at desc, id desc limit 1",
                d.id(),
                type);
    }

    /** The laptop reported stolen, once its LOCK and LOCATE wait to be sent. */
    private Feed.Device reportStolen(Feed.Device laptop) {
        Feed.Device stolen = db.known(laptop.withStatus(DeviceStatus.STOLEN));
        Feed.lossReported(stolen, LossKind.STOLEN);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from device_command where device_id = ? and status = 'PENDING'"
                                        + " and type in ('LOCK', 'LOCATE')",
                                stolen.id())
                        == 2);
        return stolen;
    }

    /** Every run of Intune so far moved back in time by this interval (a negative one moves it forward again). */
    private void syncsAgo(String interval) {
        db.execute(
                "update mdm_sync_run set started_at = started_at - ?::interval,"
                        + " finished_at = finished_at - ?::interval where provider = 'INTUNE'",
                interval,
                interval);
    }

    /** Every run so far counts as two days old: the next is a full listing. */
    private void fullSyncDue() {
        db.execute("update mdm_sync_run set started_at = started_at - interval '2 days',"
                + " finished_at = finished_at - interval '2 days'");
    }

    private void token(String token) {
        server.stubFor(post(urlPathEqualTo(IntuneServer.TOKEN))
                .willReturn(okJson(IntuneServer.file("token.json", Map.of("token", token)))));
    }

    /** The listing holds this one device (or none), on one page. */
    private void listOnly(String device) {
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES))
                .willReturn(okJson(IntuneServer.page(device == null ? List.of() : List.of(device), null))));
    }

    /** Graph's answer to a read of one device. */
    private void readAs(String id, String device) {
        server.stubFor(get(urlPathEqualTo(IntuneServer.DEVICES + "/" + id)).willReturn(okJson(device)));
    }

    private static String device(String id, Feed.Device d, Instant lastSync, String actions, String managementState) {
        return device(id, d.assetTag(), "SN-" + d.assetTag(), lastSync, true, "compliant", managementState, actions);
    }

    private static String device(
            String id,
            String deviceName,
            String serial,
            Instant lastSync,
            boolean encrypted,
            String complianceState,
            String managementState,
            String actions) {
        return IntuneServer.file(
                "managed-device.json",
                Map.of(
                        "id", id,
                        "deviceName", deviceName,
                        "serial", serial,
                        "lastSync", lastSync.truncatedTo(ChronoUnit.SECONDS).toString(),
                        "isEncrypted", Boolean.toString(encrypted),
                        "complianceState", complianceState,
                        "managementState", managementState,
                        "actions", actions));
    }

    /** One of a device's deviceActionResults, as Graph gives it. */
    private static String action(String name, String state, Instant started) {
        return "{\"actionName\": \"" + name + "\", \"actionState\": \"" + state + "\", \"startDateTime\": \""
                + started.truncatedTo(ChronoUnit.SECONDS) + "\", \"lastUpdatedDateTime\": \""
                + started.truncatedTo(ChronoUnit.SECONDS) + "\"}";
    }
}
