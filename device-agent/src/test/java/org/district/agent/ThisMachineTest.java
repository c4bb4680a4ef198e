package org.district.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Linux collector on the machine the tests run on, checked against the machine's own files. */
class ThisMachineTest {

    @Test
    void reportsThisMachinesOsReleaseAndKernel() throws IOException {
        Path osRelease = Path.of("/etc/os-release");
        Path kernel = Path.of("/proc/sys/kernel/osrelease");
        assumeTrue(System.getProperty("os.name").equals("Linux") && Files.isReadable(osRelease));
        // Read here independently: the last NAME= and VERSION_ID= lines, quotes removed.
        Map<String, String> expected = new java.util.HashMap<>();
        for (String line : Files.readAllLines(osRelease)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                expected.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^[\"']|[\"']$", ""));
            }
        }
        assumeTrue(expected.containsKey("VERSION_ID"), "this machine's os-release has no VERSION_ID");

        Facts facts = new LinuxFactCollector(new ProcessCommandRunner(), new SiteResolver(null, null)).collect();

        assertThat(facts.os().name()).isEqualTo(expected.get("NAME"));
        assertThat(facts.os().version()).isEqualTo(expected.get("VERSION_ID"));
        Optional<String> release =
                Files.isReadable(kernel) ? Optional.of(Files.readString(kernel).strip()) : Optional.empty();
        release.ifPresent(r -> assertThat(facts.os().build()).isEqualTo(r));
        assertThat(IpAddresses.isLiteral(facts.network().ipAddress())).isTrue();
    }
}
