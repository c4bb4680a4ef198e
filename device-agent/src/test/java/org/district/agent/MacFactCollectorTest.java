package org.district.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.district.agent.TestDoubles.resource;
import static org.district.agent.TestDoubles.write;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.district.agent.TestDoubles.FakeRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The macOS collector on recorded command output. */
class MacFactCollectorTest {

    @TempDir
    Path dir;

    @Test
    void aWholeMac() {
        FakeRunner runner = new FakeRunner()
                .answer("sw_vers", resource("macos/sw_vers.txt"))
                .answer("fdesetup status", resource("macos/fdesetup-status-on.txt"))
                .answer("softwareupdate --history", resource("macos/softwareupdate-history.txt"))
                .answer(
                        "system_profiler SPInstallHistoryDataType",
                        resource("macos/system_profiler-installhistory.txt"))
                .answer("route -n get default", resource("macos/route-get-default.txt"))
                .answer("ipconfig getifaddr en0", "192.168.40.23\n");
        Path map = write(dir, "sites", resource("linux/site-map.txt"));

        Facts facts = new MacFactCollector(runner, new SiteResolver(null, map)).collect();

        assertThat(facts)
                .isEqualTo(new Facts(
                        new Facts.Os("macOS", "14.6.1", "23G93"),
                        // The XProtect data update of 08/20 is not an OS patch.
                        LocalDate.of(2024, 8, 13),
                        new Facts.Antivirus("XProtect 5272", LocalDate.of(2024, 8, 20)),
                        true,
                        null,
                        new Facts.Network("ÉCOLE SAINT-JEAN", "192.168.40.23")));
    }

    @Test
    void olderMacOsAndFileVaultOff() {
        assertThat(MacFactCollector.os(Optional.of(resource("macos/sw_vers-catalina.txt"))))
                .isEqualTo(new Facts.Os("Mac OS X", "10.15.7", "19H2026"));
        assertThat(MacFactCollector.fileVault(Optional.of(resource("macos/fdesetup-status-off.txt"))))
                .isFalse();
        assertThat(MacFactCollector.fileVault(Optional.of("FileVault is Off.\nDeferred enablement appears active.\n")))
                .isFalse();
        assertThat(MacFactCollector.fileVault(Optional.empty())).isNull();
    }

    @Test
    void nothingAnsweredIsUnknown() {
        Facts facts = new MacFactCollector(new FakeRunner(), new SiteResolver(null, null)).collect();

        assertThat(facts)
                .isEqualTo(new Facts(
                        new Facts.Os("macOS", "unknown", null),
                        null,
                        null,
                        null,
                        null,
                        new Facts.Network("UNKNOWN", "0.0.0.0")));
    }
}
