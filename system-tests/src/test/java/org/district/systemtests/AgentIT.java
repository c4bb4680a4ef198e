package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.district.agent.AgentConfig;
import org.district.agent.CheckInLoop;
import org.district.agent.CommandExecutor;
import org.district.agent.CredentialStore;
import org.district.agent.HttpClientTransport;
import org.district.agent.LinuxFactCollector;
import org.district.agent.LockAction;
import org.district.agent.ProcessCommandRunner;
import org.district.agent.ServerClient;
import org.district.agent.SiteResolver;
import org.district.agent.Sleeper;
import org.district.agent.StateStore;
import org.district.agent.WipeAction;
import org.district.systemtests.District.Device;
import org.district.systemtests.District.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reference agent against the running services, as a district's Linux laptop runs it: the packaged jar enrols
 * with IT's one-time code and checks in with the facts of this machine; the device falls overdue when the agent
 * stops and is back when it checks in again; a loss report sends a LOCK, which the agent carries out (through a lock
 * action that records the call: the machine running the tests has no graphical session to lock) and reports once.
 */
@ExtendWith(SystemExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentIT {

    private static final Duration PROCESS = Duration.ofSeconds(60);

    private DistrictSystem system;
    private District district;
    private Path home;
    private Path config;
    private Path jar;

    @BeforeAll
    void start() throws IOException {
        system = DistrictSystem.current();
        district = new District(system);
        jar = system.root.resolve("device-agent").resolve("target").resolve("device-agent.jar");
        assertThat(jar).as("the agent's jar (packaged by the build)").isRegularFile();
        home = Files.createTempDirectory(system.target, "agent-");
        config = home.resolve("agent.properties");
        Properties p = new Properties();
        p.setProperty("server.url", system.checkin(""));
        // The test services listen on plain HTTP on this machine; a district's agent refuses anything but https.
        p.setProperty("server.allow-http", "true");
        p.setProperty("credential.file", home.resolve("state/credential").toString());
        p.setProperty("state.file", home.resolve("state/state.json").toString());
        p.setProperty("site", "LINCOLN-HS");
        p.setProperty("lock.message.file", home.resolve("run/lock-message").toString());
        try (var out = Files.newBufferedWriter(config)) {
            p.store(out, "AgentIT");
        }
    }

    @Test
    void aLaptopEnrolsChecksInFallsOverdueAndIsLockedWhenReportedLost() throws Exception {
        Person holder = district.employee(null);
        // A type with the district's default grace (the suite shortens the grace of laptops and desktops to none).
        Device laptop = district.device("OTHER", false);
        district.assign(laptop, holder);
        district.awaitReadModels(laptop, "ASSIGNED", holder);

        // Enrol: IT's one-time code, typed into the agent; the credential is stored for the agent alone.
        Http.Reply code = Http.post(
                system.checkin("/api/v1/devices/" + laptop.id() + "/enrolment-code"), district.itToken(), Map.of());
        assertThat(code.status()).as(code.toString()).isEqualTo(201);
        Run enrol = agent("enrol", code.json().get("code").asText());
        assertThat(enrol.exit).as(enrol.toString()).isZero();
        Path credentialFile = home.resolve("state/credential");
        String credential = Files.readString(credentialFile).strip();
        assertThat(credential).startsWith("dc1." + laptop.id() + ".");
        assertThat(Files.getPosixFilePermissions(credentialFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(enrol.output).doesNotContain(credential.substring(credential.lastIndexOf('.') + 1));
        Run reused = agent("enrol", code.json().get("code").asText());
        assertThat(reused.exit).as("a code works once: " + reused).isEqualTo(2);
        assertThat(reused.output).contains("already used");

        // One check-in with this machine's facts, read from the same sources as the test reads them.
        Run once = agent("once");
        assertThat(once.exit).as(once.toString()).isZero();
        assertThat(once.output).contains("check-in accepted");
        JsonNode latest = latestCheckIn(laptop);
        Map<String, String> osRelease = osRelease();
        assertThat(latest.path("osName").asText()).isEqualTo(osRelease.get("NAME"));
        assertThat(latest.path("osVersion").asText())
                .isEqualTo(osRelease.getOrDefault("VERSION_ID", osRelease.get("VERSION")));
        assertThat(latest.path("osBuild").asText())
                .isEqualTo(
                        Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip());
        assertThat(latest.path("site").asText()).isEqualTo("LINCOLN-HS");
        assertThat(latest.path("ipAddress").asText()).isNotBlank();
        assertThat(overdue()).as("checked in today").doesNotContain(laptop.id().toString());

        // Stopped: three weeks without a check-in (the district's grace is two) puts it on IT's overdue list; the
        // test moves the last check-in back rather than waiting, as the days would.
        system.checkinDb.execute(
                "update device set last_seen_at = last_seen_at - interval '21 days', due_on = due_on - 21"
                        + " where id = ?",
                laptop.id());
        assertThat(overdue()).contains(laptop.id().toString());
        assertThat(agent("once").exit).isZero();
        assertThat(overdue())
                .as("back after one check-in")
                .doesNotContain(laptop.id().toString());

        // Reported lost by its holder: the check-in service queues a LOCK with the district's return message.
        Http.Reply report = Http.post(
                system.lossReport("/api/v1/loss-reports"),
                holder.staffToken(),
                Map.of(
                        "assetTag", laptop.assetTag(),
                        "kind", "LOST",
                        "lastSeenAt", Instant.now().minus(2, ChronoUnit.HOURS).toString(),
                        "lastSeenLocation", "Library",
                        "circumstances", "Left on a table.",
                        "contactPhone", "+1 555 0100"));
        assertThat(report.status()).as(report.toString()).isEqualTo(201);

        // The agent's own loop, with a lock action that records what it was asked to do.
        List<String> locks = new ArrayList<>();
        LockAction recording = message -> {
            locks.add(message);
            return true;
        };
        CheckInLoop loop = loop(recording);
        await().atMost(District.PROPAGATION)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    CheckInLoop.Cycle cycle = loop.checkInOnce();
                    assertThat(cycle.kind()).as(String.valueOf(cycle.detail())).isEqualTo(CheckInLoop.Kind.ACCEPTED);
                    return !locks.isEmpty();
                });
        assertThat(locks).hasSize(1);
        assertThat(locks.get(0)).isNotBlank();
        assertThat(commandStatus(laptop, "LOCK")).isEqualTo("DELIVERED");

        // The next check-in reports both done (the LOCK with the lock in force; the LOCATE with the network facts it
        // sends anyway, no invented coordinates), once.
        CheckInLoop.Cycle reported = loop.checkInOnce();
        assertThat(reported.kind()).isEqualTo(CheckInLoop.Kind.ACCEPTED);
        assertThat(reported.resultsReported()).as("LOCK and LOCATE").isEqualTo(2);
        assertThat(commandStatus(laptop, "LOCK")).isEqualTo("DONE");
        assertThat(commandStatus(laptop, "LOCATE")).isEqualTo("DONE");
        CheckInLoop.Cycle after = loop.checkInOnce();
        assertThat(after.resultsReported()).as("reported once").isZero();
        assertThat(after.reply().commands().stream().map(c -> c.type()))
                .as("a lock in force is not sent again")
                .doesNotContain("LOCK");
        assertThat(locks).as("the lock ran once").hasSize(1);
        assertThat(commandStatus(laptop, "LOCK")).isEqualTo("DONE");
    }

    private CheckInLoop loop(LockAction lock) throws Exception {
        AgentConfig settings = AgentConfig.load(config);
        Clock clock = Clock.systemUTC();
        ProcessCommandRunner runner = new ProcessCommandRunner();
        return new CheckInLoop(
                CheckInLoop.Settings.of(settings),
                clock,
                Sleeper.system(),
                new SecureRandom(),
                new ServerClient(settings.serverUrl(), new HttpClientTransport("district-device-agent/test"), clock),
                new CredentialStore(settings.credentialFile()),
                new StateStore(settings.stateFile()),
                new LinuxFactCollector(runner, new SiteResolver(settings.site(), settings.siteMap())),
                new CommandExecutor(
                        lock,
                        new WipeAction() {
                            @Override
                            public boolean available() {
                                return false;
                            }

                            @Override
                            public boolean wipe() {
                                throw new AssertionError("no wipe was asked for");
                            }
                        },
                        false));
    }

    private JsonNode latestCheckIn(Device device) {
        Http.Reply history =
                Http.get(system.checkin("/api/v1/devices/" + device.id() + "/checkins?limit=1"), district.itToken());
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        return history.json().get("items").get(0);
    }

    private List<String> overdue() {
        Http.Reply list = Http.get(
                system.checkin("/api/v1/devices/overdue?school=" + system.school() + "&limit=200"), district.itToken());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return StreamSupport.stream(list.json().get("items").spliterator(), false)
                .map(d -> d.path("deviceId").asText())
                .toList();
    }

    private String commandStatus(Device device, String type) {
        Http.Reply commands =
                Http.get(system.checkin("/api/v1/devices/" + device.id() + "/commands"), district.itToken());
        assertThat(commands.status()).as(commands.toString()).isEqualTo(200);
        for (JsonNode c : commands.json()) {
            if (c.path("type").asText().equals(type)) {
                return c.path("status").asText();
            }
        }
        return null;
    }

    private static Map<String, String> osRelease() throws IOException {
        Path file = Files.isRegularFile(Path.of("/etc/os-release"))
                ? Path.of("/etc/os-release")
                : Path.of("/usr/lib/os-release");
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, eq).strip(), value);
            }
        }
        return values;
    }

    /** The packaged agent run as a district's administrator would run it. */
    private Run agent(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                args[0],
                "--config",
                config.toString()));
        command.addAll(List.of(args).subList(1, args.length));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(PROCESS.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Run(int exit, String output) {}
}
