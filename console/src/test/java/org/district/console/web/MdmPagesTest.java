package org.district.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.district.console.api.Page;
import org.district.console.api.Views.SyncRun;
import org.district.console.api.Views.UnknownDevice;
import org.junit.jupiter.api.Test;

/** The device managers page: what it reads of the check-in service, and when it warns IT. */
class MdmPagesTest {

    private static final ObjectMapper JSON =
            JsonMapper.builder().findAndAddModules().build();
    private static final Instant NOW = Instant.parse("2026-09-14T14:00:00Z");

    @Test
    void aManagerWhoseLatestSyncSucceededLatelyNeedsNoAttention() {
        MdmPages.Manager google = MdmPages.summary(
                "GOOGLE_ADMIN",
                List.of(
                        run(3, "SUCCEEDED", NOW.minus(Duration.ofMinutes(12)), null),
                        run(2, "FAILED", NOW.minus(Duration.ofMinutes(27)), "Google Admin: gave up after 6 tries")),
                NOW);
        assertThat(google.name()).isEqualTo("Google Admin");
        assertThat(google.lastGood().id()).isEqualTo(3);
        assertThat(google.lastGoodAt()).isEqualTo(NOW.minus(Duration.ofMinutes(11)));
        assertThat(google.failing()).isFalse();
        assertThat(google.stale()).isFalse();
        assertThat(google.attention()).isFalse();
    }

    @Test
    void aFailedLatestSyncIsAWarningAndAnHourWithoutAGoodOneAnother() {
        MdmPages.Manager failedNow = MdmPages.summary(
                "INTUNE",
                List.of(
                        run(9, "FAILED", NOW.minus(Duration.ofMinutes(5)), "Intune: sign-in refused (invalid_client)"),
                        run(8, "SUCCEEDED", NOW.minus(Duration.ofMinutes(20)), null)),
                NOW);
        assertThat(failedNow.name()).isEqualTo("Intune");
        assertThat(failedNow.failing()).isTrue();
        assertThat(failedNow.stale()).as("the last good sync is recent").isFalse();

        MdmPages.Manager stale = MdmPages.summary(
                "INTUNE",
                List.of(
                        run(12, "RUNNING", NOW.minus(Duration.ofMinutes(1)), null),
                        run(11, "FAILED", NOW.minus(Duration.ofMinutes(16)), "Intune: HTTP 503"),
                        run(10, "SUCCEEDED", NOW.minus(Duration.ofMinutes(70)), null)),
                NOW);
        assertThat(stale.failing()).as("the latest is still running").isFalse();
        assertThat(stale.stale()).isTrue();
        assertThat(stale.latest().running()).isTrue();

        MdmPages.Manager neverGood = MdmPages.summary(
                "GOOGLE_ADMIN", List.of(run(1, "FAILED", NOW.minus(Duration.ofMinutes(3)), "no key file")), NOW);
        assertThat(neverGood.lastGood()).isNull();
        assertThat(neverGood.failing()).isTrue();
        assertThat(neverGood.stale()).as("no good sync at all").isTrue();
        assertThat(neverGood.runsRead()).isEqualTo(1);
    }

    @Test
    void commandsTheLastGoodSyncHeldNeedIt() {
        MdmPages.Manager held = MdmPages.summary(
                "INTUNE",
                List.of(
                        run(21, "FAILED", NOW.minus(Duration.ofMinutes(2)), 0, "Intune: HTTP 503"),
                        run(20, "SUCCEEDED", NOW.minus(Duration.ofMinutes(17)), 2, null),
                        run(19, "SUCCEEDED", NOW.minus(Duration.ofMinutes(32)), 0, null)),
                NOW);
        assertThat(held.held()).as("the last good sync's, not a failed one's").isEqualTo(2);
        assertThat(held.attention()).isTrue();

        MdmPages.Manager sentSince = MdmPages.summary(
                "INTUNE",
                List.of(
                        run(23, "SUCCEEDED", NOW.minus(Duration.ofMinutes(2)), 0, null),
                        run(22, "SUCCEEDED", NOW.minus(Duration.ofMinutes(17)), 1, null)),
                NOW);
        assertThat(sentSince.held()).isZero();
        assertThat(sentSince.attention()).isFalse();
    }

    @Test
    void aManagerWithNoSyncIsNeitherFailingNorLate() {
        MdmPages.Manager none = MdmPages.summary("INTUNE", List.of(), NOW);
        assertThat(none.neverSynced()).isTrue();
        assertThat(none.attention()).isFalse();
        assertThat(none.lastGoodAt()).isNull();
    }

    @Test
    void theCodesAreWordsAndTheAddLinkFillsInTheRegistrationForm() {
        assertThat(MdmPages.manager("GOOGLE_ADMIN")).isEqualTo("Google Admin");
        assertThat(MdmPages.manager("INTUNE")).isEqualTo("Intune");
        assertThat(MdmPages.kind("INCREMENTAL")).isEqualTo("Incremental");
        assertThat(MdmPages.kind("FULL")).isEqualTo("Full");
        assertThat(MdmPages.status("SUCCEEDED")).isEqualTo("Succeeded");
        assertThat(MdmPages.status("FAILED")).isEqualTo("Failed");
        assertThat(MdmPages.count(1, "device", "devices")).isEqualTo("1 device");
        assertThat(MdmPages.count(512, "device", "devices")).isEqualTo("512 devices");
        assertThat(MdmPages.addLink(unknown("GOOGLE_ADMIN", "5CD8 1234", "LHS-CB-0457")))
                .isEqualTo("/devices/new?assetTag=LHS-CB-0457&serialNumber=5CD8+1234&type=CHROMEBOOK");
        assertThat(MdmPages.addLink(unknown("INTUNE", "PF3XK9", null)))
                .as("an Intune device: a laptop, the form's own choice")
                .isEqualTo("/devices/new?serialNumber=PF3XK9");
    }

    @Test
    void theConsoleReadsTheCheckInServicesSyncRunsAndUnknownDevices() throws Exception {
        Page<SyncRun> runs = JSON.readValue(
                "{\"items\":[{\"id\":412,\"provider\":\"GOOGLE_ADMIN\",\"kind\":\"INCREMENTAL\",\"status\":\"FAILED\","
                        + "\"startedAt\":\"2026-09-14T13:30:00Z\",\"finishedAt\":\"2026-09-14T13:31:12Z\","
                        + "\"since\":\"2026-09-14T13:05:00Z\",\"pages\":3,\"devicesSeen\":512,\"checkIns\":498,"
                        + "\"unknownDevices\":2,\"vanished\":1,\"commandsSent\":1,\"commandsHeld\":2,"
                        + "\"errors\":4,"
                        + "\"error\":\"Google Admin: gave up after 6 tries (HTTP 503)\"}],\"limit\":100,"
                        + "\"nextCursor\":\"NDEy\"}",
                JSON.getTypeFactory().constructParametricType(Page.class, SyncRun.class));
        SyncRun run = runs.items().get(0);
        assertThat(run.failed()).isTrue();
        assertThat(run.devicesSeen()).isEqualTo(512);
        assertThat(run.commandsHeld()).isEqualTo(2);
        assertThat(run.finishedAt()).isEqualTo(Instant.parse("2026-09-14T13:31:12Z"));
        assertThat(run.error()).contains("HTTP 503");
        assertThat(runs.hasNext()).isTrue();

        Page<UnknownDevice> devices = JSON.readValue(
                "{\"items\":[{\"provider\":\"INTUNE\",\"providerDeviceId\":\"9a7c3e1f\",\"serialNumber\":\"5CD81234XY\","
                        + "\"assetTag\":\"LHS-LT-0457\",\"status\":\"MANAGED\",\"lastSync\":\"2026-09-14T07:55:00Z\","
                        + "\"site\":\"/Staff/Lincoln HS\",\"firstSeenAt\":\"2026-09-01T13:30:00Z\","
                        + "\"lastListedAt\":\"2026-09-14T13:30:00Z\"}],\"limit\":50}",
                JSON.getTypeFactory().constructParametricType(Page.class, UnknownDevice.class));
        assertThat(devices.items().get(0).serialNumber()).isEqualTo("5CD81234XY");
        assertThat(devices.items().get(0).site()).isEqualTo("/Staff/Lincoln HS");
        assertThat(devices.hasNext()).isFalse();
    }

    private static SyncRun run(long id, String status, Instant startedAt, String error) {
        return run(id, status, startedAt, 0, error);
    }

    private static SyncRun run(long id, String status, Instant startedAt, int held, String error) {
        Instant finished = "RUNNING".equals(status) ? null : startedAt.plusSeconds(60);
        return new SyncRun(
                id,
                "GOOGLE_ADMIN",
                "INCREMENTAL",
                status,
                startedAt,
                finished,
                null,
                1,
                10,
                9,
                1,
                0,
                0,
                held,
                0,
                error);
    }

    private static UnknownDevice unknown(String provider, String serialNumber, String assetTag) {
        return new UnknownDevice(provider, "id-1", serialNumber, assetTag, "ACTIVE", NOW, null, NOW, NOW);
    }
}
