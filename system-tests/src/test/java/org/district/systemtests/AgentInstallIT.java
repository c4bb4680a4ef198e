package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The device agent's installer, run as on a district laptop: device-agent/install/check-install.sh installs the
 * packaged agent in a mount namespace of its own (private copies of /etc, /opt and /var/lib, so this machine is left as
 * it was) and checks the system user, the files and their permissions, the polkit rule, and the systemd unit: valid
 * (systemd-analyze verify), enabled for the next boot (systemctl is-enabled, which needs no running systemd), and
 * sandboxed (systemd-analyze security's exposure rating at most 4.5), and the root helper that shows a LOCK's return
 * message. Needs root, as installing does.
 */
class AgentInstallIT {

    @Test
    void theInstallerPutsTheAgentInPlaceWithAnEnabledHardenedSystemdUnit() throws IOException, InterruptedException {
        // Installing takes root, and a private mount namespace keeps this machine as it was; where the test command
        // runs without them (a developer's own account), there is nothing this test can install into.
        assumeTrue(
                "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "installing the agent needs root and unshare");
        Path root = Path.of(System.getProperty("district.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path jar = root.resolve("device-agent/target/device-agent.jar");
        assertThat(jar).as("the packaged agent").isRegularFile();
        Process check = new ProcessBuilder(
                        "bash",
                        root.resolve("device-agent/install/check-install.sh").toString(),
                        jar.toString())
                .redirectErrorStream(true)
                .start();
        boolean finished = check.waitFor(2, TimeUnit.MINUTES);
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            check.destroyForcibly();
        }
        DistrictSystem.log("Agent install check:\n" + output);
        assertThat(finished).as("the install check finished").isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("ok: unit verified by systemd-analyze")
                .contains("ok: unit enabled (multi-user.target)")
                .contains("install checked");
    }
}
