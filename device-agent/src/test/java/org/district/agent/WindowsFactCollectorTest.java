package org.district.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.district.agent.TestDoubles.resource;
import static org.district.agent.TestDoubles.write;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.district.agent.TestDoubles.FakeRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Windows collector on recorded PowerShell 5 and 7 output. */
class WindowsFactCollectorTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @TempDir
    Path dir;

    private static String ps(String script) {
        return "powershell.exe -NoProfile -NonInteractive -Command " + script;
    }

    @Test
    void aWholeMachineFromPowerShell5() {
        FakeRunner runner = new FakeRunner()
                .answer(ps(WindowsFactCollector.OS), resource("windows/win32-operatingsystem-ps5.json"))
                .answer(ps(WindowsFactCollector.HOTFIX), resource("windows/get-hotfix-ps5.json"))
                .answer(ps(WindowsFactCollector.BITLOCKER), resource("windows/get-bitlockervolume-on.json"))
                .answer(ps(WindowsFactCollector.DEFENDER), resource("windows/get-mpcomputerstatus-ps5.json"))
                .answer(ps(WindowsFactCollector.ROUTE), resource("windows/get-netroute-default-ps5.json"))
                .answer(
                        ps(String.format(WindowsFactCollector.ADDRESS, 12)),
                        resource("windows/get-netipaddress-ps5.json"));
        Path map = write(dir, "sites", resource("linux/site-map.txt"));

        Facts facts = new WindowsFactCollector(runner, new SiteResolver(null, map), CHICAGO).collect();

        assertThat(facts)
                .isEqualTo(new Facts(
                        new Facts.Os("Microsoft Windows 11 Education", "10.0.22631", "22631"),
                        LocalDate.of(2024, 12, 4),
                        // Signatures at 2024-12-05T03:30Z: still the 4th on a machine in Chicago.
                        new Facts.Antivirus("Microsoft Defender Antivirus", LocalDate.of(2024, 12, 4)),
                        true,
                        null,
                        new Facts.Network("LINCOLN-HS", "10.12.3.4")));
    }

    @Test
    void powerShell7IsoDatesAndEnumStrings() {
        assertThat(WindowsFactCollector.lastPatchDate(Json.tree(resource("windows/get-hotfix-ps7.json")), CHICAGO))
                .isEqualTo(LocalDate.of(2024, 12, 4));
        assertThat(WindowsFactCollector.bitLocker(Json.tree(resource("windows/get-bitlockervolume-off-ps7.json"))))
                .isFalse();
    }

    @Test
    void aSingleHotFixIsAnObjectNotAnArray() {
        String one = "{\"HotFixID\": \"KB5044033\", \"InstalledOn\": {\"value\": \"\\/Date(1728968400000)\\/\","
                + " \"DateTime\": \"Tuesday, October 15, 2024 12:00:00 AM\"}}";

        assertThat(WindowsFactCollector.lastPatchDate(Json.tree(one), CHICAGO)).isEqualTo(LocalDate.of(2024, 10, 15));
    }

    @Test
    void disabledDefenderIsNoAntivirus() {
        assertThat(WindowsFactCollector.antivirus(
                        Json.tree(resource("windows/get-mpcomputerstatus-disabled-ps7.json")), CHICAGO))
                .isNull();
    }

    @Test
    void nothingAnsweredIsUnknown() {
        Facts facts = new WindowsFactCollector(new FakeRunner(), new SiteResolver(null, null), CHICAGO).collect();

        assertThat(facts)
                .isEqualTo(new Facts(
                        new Facts.Os("Windows", "unknown", null),
                        null,
                        null,
                        null,
                        null,
                        new Facts.Network("UNKNOWN", "0.0.0.0")));
    }

    @Test
    void powerShellDateForms() {
        assertThat(PowerShellDates.localDate(
                        Json.tree("\"\\/Date(1733369400000)\\/\"").get(), ZoneId.of("UTC")))
                .contains(LocalDate.of(2024, 12, 5));
        assertThat(PowerShellDates.localDate(
                        Json.tree("\"2024-12-05T03:30:00Z\"").get(), CHICAGO))
                .contains(LocalDate.of(2024, 12, 4));
        assertThat(PowerShellDates.localDate(Json.tree("\"not a date\"").get(), CHICAGO))
                .isEqualTo(Optional.empty());
    }
}
