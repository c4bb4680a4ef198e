package org.district.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.district.agent.TestDoubles.FixedRandom;
import org.district.agent.TestDoubles.MutableClock;
import org.district.agent.TestDoubles.RecordingLock;
import org.district.agent.TestDoubles.RecordingWipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against the JDK's HTTP server on the loopback address, standing in for the check-in service. */
class HttpRoundTripTest {

    static final String DEVICE = "0b8f7e52-2f1c-4c55-9b7e-3a1d2c4b5e6f";
    static final String CREDENTIAL = "dc1." + DEVICE + ".kR7vP2xQ9mW4tZ8nB3cF6hJ1yL5sD0gA";

    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }
    }

    record Answer(int status, String contentType, String body) {}

    @TempDir
    Path dir;

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Deque<Answer> answers = new ArrayDeque<>();
    Path config;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            Answer answer;
            synchronized (answers) {
                answer = answers.poll();
            }
            if (answer == null) {
                answer = new Answer(500, "text/plain", "no answer queued");
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
        config = TestDoubles.write(
                dir,
                "etc/agent.properties",
                String.join(
                        "\n",
                        "server.url=" + baseUrl(),
                        "server.allow-http=true",
                        "credential.file=" + dir.resolve("lib/district-agent/credential"),
                        "state.file=" + dir.resolve("lib/district-agent/state.json"),
                        "site=LINCOLN-HS",
                        ""));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(int status, String contentType, String body) {
        synchronized (answers) {
            answers.add(new Answer(status, contentType, body));
        }
    }

    record Run(int exitCode, String out, String err, String log) {}

    Run main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (LogCapture log = new LogCapture();
                PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = Main.execute(args, o, e);
            return new Run(
                    code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), log.text());
        }
    }

    @Test
    void enrolExchangesTheCodeAndStoresTheCredential() throws IOException {
        answer(
                201,
                "application/json",
                """
                {"deviceId": "%s", "credential": "%s", "issuedAt": "2026-12-07T08:00:00Z"}
                """
                        .formatted(DEVICE, CREDENTIAL));

        Run run = main("enrol", "--config", config.toString(), "ABCD-EFGH-JKMN-PQRS");

        assertThat(run.exitCode()).isZero();
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/enrolments");
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"code\":\"ABCD-EFGH-JKMN-PQRS\"}");
        Path file = dir.resolve("lib/district-agent/credential");
        assertThat(Files.readString(file)).isEqualTo(CREDENTIAL + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(run.out()).isEqualTo("enrolled as device " + DEVICE + "; credential stored in " + file + "\n");
        assertThat(run.out() + run.err() + run.log()).doesNotContain(CREDENTIAL).doesNotContain("kR7vP2xQ9");
    }

    @Test
    void reEnrolmentReplacesTheCredential() throws IOException {
        new CredentialStore(dir.resolve("lib/district-agent/credential")).write("dc1." + DEVICE + ".old-secret");
        answer(
                201,
                "application/json",
                """
                {"deviceId": "%s", "credential": "%s", "issuedAt": "2026-12-07T08:00:00Z"}
                """
                        .formatted(DEVICE, CREDENTIAL));

        assertThat(main("enrol", "--config", config.toString(), "ABCD-EFGH-JKMN-PQRS")
                        .exitCode())
                .isZero();

        assertThat(Files.readString(dir.resolve("lib/district-agent/credential")))
                .isEqualTo(CREDENTIAL + "\n");
        try (var files = Files.list(dir.resolve("lib/district-agent"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("credential");
        }
    }

    @Test
    void aWrongCodeIsAProblemPrintedAsTitleAndDetail() {
        answer(
                400,
                "application/problem+json",
                """
                {"type": "https://checkin.district.example/problems/enrolment-code", "title": "Invalid enrolment code",
                 "status": 400, "detail": "The code is not one IT issued",
                 "errors": [{"field": "code", "message": "unknown code"}]}
                """);

        Run run = main("enrol", "--config", config.toString(), "ABCD-EFGH-JKMN-PQRZ");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Invalid enrolment code: The code is not one IT issued\n");
        assertThat(dir.resolve("lib/district-agent/credential")).doesNotExist();
    }

    @Test
    void aUsedCodeIsAConflict() {
        answer(
                409,
                "application/problem+json",
                """
                {"type": "about:blank", "title": "Enrolment code already used",
                 "status": 409, "detail": "Ask IT for a new code", "errors": []}
                """);

        Run run = main("enrol", "--config", config.toString(), "ABCD-EFGH-JKMN-PQRS");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Enrolment code already used: Ask IT for a new code\n");
    }

    @Test
    void aCheckInRoundTripSendsExactlyThisJson() throws Exception {
        CredentialStore credentials = new CredentialStore(dir.resolve("lib/district-agent/credential"));
        credentials.write(CREDENTIAL);
        StateStore states = new StateStore(dir.resolve("lib/district-agent/state.json"));
        AgentState state = new AgentState();
        state.pendingResults.add(new CompletedCommand(
                "7d0c3a52-5f7b-4d9e-8c1a-2b3c4d5e6f70", "q8Zr2LmN", CompletedCommand.Result.REFUSED));
        states.save(state);
        answer(
                200,
                "application/json",
                """
                {"deviceId": "%s", "receivedAt": "2026-12-07T08:00:00.123Z",
                 "commands": [{"id": "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", "type": "LOCATE", "message": null,
                               "nonce": "Yt5Kp0Qs"}],
                 "nextCheckInSeconds": 1800,
                 "powerPolicy": {"displaySleepMinutes": 10, "systemSleepMinutes": 30, "wakeOnLanWindow": "02:00-04:00"},
                 "compliant": false,
                 "complianceIssues": [{"code": "NO_ANTIVIRUS", "description": "No antivirus product reported"}]}
                """
                        .formatted(DEVICE));
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
        Facts facts = new Facts(
                new Facts.Os("Debian GNU/Linux", "12", "6.1.0-18-amd64"),
                LocalDate.of(2026, 12, 1),
                null,
                null,
                null,
                new Facts.Network("LINCOLN-HS", "10.12.3.4"));
        CheckInLoop loop = new CheckInLoop(
                new CheckInLoop.Settings(
                        Duration.ofSeconds(3600), Duration.ofSeconds(30), Duration.ofSeconds(3600), 0.1),
                clock,
                d -> {
                    throw new AssertionError("no sleeping in a single check-in");
                },
                new FixedRandom(0.5),
                new ServerClient(URI.create(baseUrl()), new HttpClientTransport("district-device-agent/test"), clock),
                credentials,
                states,
                () -> facts,
                new CommandExecutor(new RecordingLock(), new RecordingWipe(), false));

        CheckInLoop.Cycle cycle = loop.checkInOnce();

        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/checkins");
        assertThat(request.header("Authorization")).isEqualTo("Device " + CREDENTIAL);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body())
                .isEqualTo("{\"os\":{\"name\":\"Debian GNU/Linux\",\"version\":\"12\",\"build\":\"6.1.0-18-amd64\"},"
                        + "\"lastPatchDate\":\"2026-12-01\","
                        + "\"antivirus\":null,"
                        + "\"diskEncryption\":null,"
                        + "\"passwordProtection\":null,"
                        + "\"network\":{\"site\":\"LINCOLN-HS\",\"ipAddress\":\"10.12.3.4\"},"
                        + "\"location\":null,"
                        + "\"locked\":false,"
                        + "\"completedCommands\":[{\"id\":\"7d0c3a52-5f7b-4d9e-8c1a-2b3c4d5e6f70\","
                        + "\"nonce\":\"q8Zr2LmN\",\"result\":\"REFUSED\"}]}");
        assertThat(cycle.kind()).isEqualTo(CheckInLoop.Kind.ACCEPTED);
        assertThat(cycle.reply().deviceId()).isEqualTo(DEVICE);
        assertThat(cycle.reply().compliant()).isFalse();
        assertThat(cycle.reply().complianceIssues())
                .containsExactly(new CheckInReply.Issue("NO_ANTIVIRUS", "No antivirus product reported"));
        assertThat(cycle.commandsRun()).isEqualTo(1);
        assertThat(states.load().pendingResults)
                .containsExactly(new CompletedCommand(
                        "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", "Yt5Kp0Qs", CompletedCommand.Result.DONE));
        assertThat(states.load().intervalSeconds).isEqualTo(1800);
    }

    @Test
    void onceAgainstABusyServerFailsWithoutPrintingTheCredential() throws IOException {
        new CredentialStore(dir.resolve("lib/district-agent/credential")).write(CREDENTIAL);
        answer(503, "application/problem+json", "{\"title\": \"Service unavailable\", \"status\": 503}");

        Run run = main("once", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("check-in failed (HTTP 503): Service unavailable");
        assertThat(received.get(0).header("Authorization")).isEqualTo("Device " + CREDENTIAL);
        assertThat(run.out() + run.err() + run.log()).doesNotContain(CREDENTIAL);
    }

    @Test
    void factsPrintsJsonWithoutTheCredentialOrPendingResults() throws IOException {
        new CredentialStore(dir.resolve("lib/district-agent/credential")).write(CREDENTIAL);

        Run run = main("facts", "--config", config.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Json.MAPPER.readTree(run.out()).get("network").get("site").asText())
                .isEqualTo("LINCOLN-HS");
        assertThat(Json.MAPPER.readTree(run.out()).has("completedCommands")).isFalse();
        assertThat(run.out() + run.err() + run.log()).doesNotContain(CREDENTIAL);
        assertThat(received).isEmpty();
    }
}
