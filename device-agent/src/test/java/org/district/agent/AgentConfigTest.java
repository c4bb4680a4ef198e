package org.district.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

    @TempDir
    Path dir;

    static Properties props(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    @Test
    void defaults() throws Exception {
        AgentConfig c = AgentConfig.from(props("server.url=https://checkin.district.example/\n"));

        assertThat(c.serverUrl()).hasToString("https://checkin.district.example");
        assertThat(c.credentialFile()).isEqualTo(Path.of("/var/lib/district-agent/credential"));
        assertThat(c.stateFile()).isEqualTo(Path.of("/var/lib/district-agent/state.json"));
        assertThat(c.lockMessageFile()).isEqualTo(Path.of("/run/district-agent/lock-message"));
        assertThat(c.site()).isNull();
        assertThat(c.siteMap()).isNull();
        assertThat(c.wipeEnabled()).isFalse();
        assertThat(c.wipeCommand()).isNull();
        assertThat(c.defaultInterval()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(c.backoffInitial()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.backoffMax()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(c.jitterFraction()).isEqualTo(0.1);
    }

    @Test
    void httpsIsRequiredUnlessHttpIsAllowed() throws Exception {
        assertThatThrownBy(() -> AgentConfig.from(props("")))
                .isInstanceOf(AgentConfig.ConfigException.class)
                .hasMessageContaining("server.url is required");
        assertThatThrownBy(() -> AgentConfig.from(props("server.url=http://checkin.district.example")))
                .hasMessageContaining("https");
        assertThat(AgentConfig.from(props("server.url=http://127.0.0.1:8080\nserver.allow-http=true"))
                        .serverUrl())
                .hasToString("http://127.0.0.1:8080");
    }

    @Test
    void badNumbersAreRefused() {
        assertThatThrownBy(() -> AgentConfig.from(props("server.url=https://a.example\njitter.fraction=1.5")))
                .hasMessageContaining("jitter.fraction");
        assertThatThrownBy(() -> AgentConfig.from(props("server.url=https://a.example\nbackoff.initial-seconds=x")))
                .hasMessageContaining("backoff.initial-seconds");
        assertThatThrownBy(() -> AgentConfig.from(
                        props("server.url=https://a.example\nbackoff.initial-seconds=600\nbackoff.max-seconds=60")))
                .hasMessageContaining("must not exceed");
    }

    @Test
    void theFileIsReadAsUtf8() throws Exception {
        Path file = TestDoubles.write(
                dir, "agent.properties", "server.url=https://a.example\nsite=ÉCOLE SAINT-JEAN\nwipe.enabled=true\n");

        AgentConfig c = AgentConfig.load(file);

        assertThat(c.site()).isEqualTo("ÉCOLE SAINT-JEAN");
        assertThat(c.wipeEnabled()).isTrue();
        assertThatThrownBy(() -> AgentConfig.load(dir.resolve("missing.properties")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void usageErrorsAndABadConfigurationHaveTheirExitCodes() {
        var out = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

        assertThat(Main.execute(new String[] {}, out, out)).isEqualTo(Main.USAGE);
        assertThat(Main.execute(new String[] {"enrol", "--config", "x"}, out, out))
                .isEqualTo(Main.USAGE);
        assertThat(Main.execute(new String[] {"frobnicate"}, out, out)).isEqualTo(Main.USAGE);
        assertThat(Main.execute(
                        new String[] {"once", "--config", dir.resolve("none").toString()}, out, out))
                .isEqualTo(Main.BAD_CONFIG);
    }
}
