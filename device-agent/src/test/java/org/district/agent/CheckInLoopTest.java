package org.district.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.district.agent.TestDoubles.ClockSleeper;
import org.district.agent.TestDoubles.FakeTransport;
import org.district.agent.TestDoubles.FixedRandom;
import org.district.agent.TestDoubles.MutableClock;
import org.district.agent.TestDoubles.RecordingLock;
import org.district.agent.TestDoubles.RecordingWipe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check-in loop, driven by a clock, a sleeper and a random generator it is handed: no test waits. */
class CheckInLoopTest {

    static final String CREDENTIAL = "dc1.0b8f7e52-2f1c-4c55-9b7e-3a1d2c4b5e6f.s3cr3t-Zq9xW2vB7nM4kL1pR8tY";
    static final Instant START = Instant.parse("2026-12-07T08:00:00Z");
    static final Facts FACTS = new Facts(
            new Facts.Os("Debian GNU/Linux", "12", "6.1.0-18-amd64"),
            LocalDate.of(2026, 12, 1),
            null,
            true,
            null,
            new Facts.Network("LINCOLN-HS", "10.12.3.4"));

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(START);
    final ClockSleeper sleeper = new ClockSleeper(clock);
    final FakeTransport server = new FakeTransport();
    final RecordingLock lock = new RecordingLock();
    final RecordingWipe wipe = new RecordingWipe();
    final CheckInLoop.Settings settings =
            new CheckInLoop.Settings(Duration.ofSeconds(3600), Duration.ofSeconds(30), Duration.ofSeconds(3600), 0.1);
    CredentialStore credentials;
    StateStore states;

    @BeforeEach
    void enrolled() throws IOException {
        credentials = new CredentialStore(dir.resolve("lib/credential"));
        credentials.write(CREDENTIAL);
        states = new StateStore(dir.resolve("lib/state.json"));
    }

    CheckInLoop loop(RandomGenerator random) {
        return loop(random, false);
    }

    CheckInLoop loop(RandomGenerator random, boolean wipeEnabled) {
        return new CheckInLoop(
                settings,
                clock,
                sleeper,
                random,
                new ServerClient(java.net.URI.create("https://checkin.district.example"), server, clock),
                credentials,
                states,
                () -> FACTS,
                new CommandExecutor(lock, wipe, wipeEnabled));
    }

    static String reply(long nextCheckInSeconds, String commands) {
        return """
                {"deviceId": "0b8f7e52-2f1c-4c55-9b7e-3a1d2c4b5e6f", "receivedAt": "2026-12-07T08:00:00Z",
                 "commands": [%s], "nextCheckInSeconds": %d,
                 "powerPolicy": {"displaySleepMinutes": 10, "systemSleepMinutes": 30, "wakeOnLanWindow": "02:00-04:00"},
                 "compliant": true, "complianceIssues": [], "someFutureField": {"x": 1}}
                """
                .formatted(commands, nextCheckInSeconds);
    }

    /** The reply with {@code reportedMissing} set to the JSON value given ({@code true}, {@code false}, {@code null}). */
    static String missing(String reply, String value) {
        return reply.replace("\"complianceIssues\": []", "\"complianceIssues\": [], \"reportedMissing\": " + value);
    }

    static String command(String id, String type, String nonce) {
        return """
                {"id": "%s", "type": "%s", "message": "Please return this laptop to the Lincoln HS office.", "nonce": "%s"}
                """
                .formatted(id, type, nonce);
    }

    static JsonNode body(TestDoubles.Request request) throws IOException {
        return Json.MAPPER.readTree(request.body());
    }

    static Duration after(Instant due) {
        return Duration.between(START, due);
    }

    @Nested
    class Schedule {

        @Test
        void theServersIntervalWithJitterWithinBounds() throws Exception {
            CheckInLoop low = loop(new FixedRandom(0.0));
            server.respond(200, reply(1000, ""));
            assertThat(after(low.checkInOnce().nextDueAt())).isEqualTo(Duration.ofSeconds(900));

            CheckInLoop high = loop(new FixedRandom(0.999999));
            server.respond(200, reply(1000, ""));
            assertThat(after(high.checkInOnce().nextDueAt()))
                    .isGreaterThan(Duration.ofSeconds(1099))
                    .isLessThanOrEqualTo(Duration.ofSeconds(1100));

            CheckInLoop real = loop(new SplittableRandom(42));
            for (int i = 0; i < 200; i++) {
                server.respond(200, reply(1000, ""));
                assertThat(after(real.checkInOnce().nextDueAt()))
                        .isBetween(Duration.ofSeconds(900), Duration.ofSeconds(1100));
            }
        }

        @Test
        void theConfiguredDefaultBeforeTheServerHasNamedOne() throws Exception {
            server.respond(200, reply(1000, "").replace("\"nextCheckInSeconds\": 1000,", ""));

            assertThat(after(loop(new FixedRandom(0.5)).checkInOnce().nextDueAt()))
                    .isEqualTo(Duration.ofSeconds(3600));
        }

        @Test
        void backoffDoublesAndCaps() throws Exception {
            CheckInLoop loop = loop(new FixedRandom(0.5));
            List<Long> waits = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                server.respond(503, "");
                waits.add(after(loop.checkInOnce().nextDueAt()).toSeconds());
            }

            // Full jitter at 0.5 of the cap: 30, 60, 120, ... capped at 3600.
            assertThat(waits).containsExactly(15L, 30L, 60L, 120L, 240L, 480L, 960L, 1800L, 1800L, 1800L);
            assertThat(states.load().failures).isEqualTo(10);
        }

        @Test
        void fullJitterReachesTheCapAndNetworkErrorsBackOffToo() throws Exception {
            CheckInLoop loop = loop(new FixedRandom(0.999999));
            server.fail(new ConnectException("Connection refused"))
                    .fail(new HttpTimeoutException("request timed out"))
                    .respond(429, "{\"title\": \"Too many check-ins\", \"status\": 429}");

            assertThat(after(loop.checkInOnce().nextDueAt())).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
            assertThat(after(loop.checkInOnce().nextDueAt())).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
            CheckInLoop.Cycle third = loop.checkInOnce();
            assertThat(third.kind()).isEqualTo(CheckInLoop.Kind.RETRY_LATER);
            assertThat(after(third.nextDueAt())).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(120));
        }

        @Test
        void aSuccessEndsTheBackoff() throws Exception {
            CheckInLoop loop = loop(new FixedRandom(0.5));
            server.respond(503, "")
                    .respond(503, "")
                    .respond(200, reply(3600, ""))
                    .respond(503, "");

            loop.checkInOnce();
            loop.checkInOnce();
            loop.checkInOnce();

            assertThat(after(loop.checkInOnce().nextDueAt())).isEqualTo(Duration.ofSeconds(15));
        }

        @Test
        void retryAfterInSecondsIsRespected() throws Exception {
            server.respond(429, "{\"title\": \"Too many check-ins\"}", "Retry-After", "600");

            assertThat(after(loop(new FixedRandom(0.5)).checkInOnce().nextDueAt()))
                    .isEqualTo(Duration.ofSeconds(600));
        }

        @Test
        void retryAfterAsAnHttpDateIsRespected() throws Exception {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    START.plus(Duration.ofHours(2)).atZone(ZoneOffset.UTC));
            server.respond(503, "", "retry-after", date);

            assertThat(after(loop(new FixedRandom(0.5)).checkInOnce().nextDueAt()))
                    .isEqualTo(Duration.ofHours(2));
        }

        @Test
        void aRetryAfterShorterThanTheBackoffDoesNotShortenIt() throws Exception {
            server.respond(503, "", "Retry-After", "1");

            assertThat(after(loop(new FixedRandom(0.5)).checkInOnce().nextDueAt()))
                    .isEqualTo(Duration.ofSeconds(15));
        }
    }

    @Nested
    class Start {

        @Test
        void theFirstStartEverWaitsARandomTimeWithinTheInterval() throws Exception {
            assertThat(after(loop(new FixedRandom(0.25)).scheduleStart())).isEqualTo(Duration.ofSeconds(900));
            assertThat(states.load().nextDueAt).isEqualTo(START.plus(Duration.ofSeconds(900)));
        }

        @Test
        void theFirstStartNeverWaitsAWholeInterval() throws Exception {
            assertThat(after(loop(new FixedRandom(0.9999999)).scheduleStart()))
                    .isLessThan(Duration.ofSeconds(3600))
                    .isGreaterThan(Duration.ofSeconds(3599));
            states.save(new AgentState());
            assertThat(after(loop(new FixedRandom(0.0)).scheduleStart())).isEqualTo(Duration.ZERO);
        }

        @Test
        void aRestartKeepsAFutureDueTimeAndChecksInThen() throws Exception {
            AgentState state = new AgentState();
            state.nextDueAt = START.plus(Duration.ofSeconds(1234));
            states.save(state);
            server.clock = clock;
            server.respond(200, reply(3600, ""));
            CheckInLoop loop = loop(new FixedRandom(0.5));
            sleeper.afterSleep = d -> {
                if (!server.requests.isEmpty()) {
                    loop.stop();
                }
            };

            loop.run();

            assertThat(server.times).containsExactly(START.plusSeconds(1234));
        }

        @Test
        void aRestartAfterTheDueTimePassedSpreadsOverAtMostFiveMinutes() throws Exception {
            AgentState state = new AgentState();
            state.nextDueAt = START.minus(Duration.ofHours(30));
            states.save(state);

            assertThat(after(loop(new FixedRandom(0.5)).scheduleStart())).isEqualTo(Duration.ofSeconds(150));
            assertThat(after(loop(new FixedRandom(0.9999999)).scheduleStart())).isLessThan(Duration.ofSeconds(300));
        }

        @Test
        void aDueTimeFarBeyondAnyWaitIsPulledIn() throws Exception {
            AgentState state = new AgentState();
            state.nextDueAt = START.plus(Duration.ofDays(400));
            states.save(state);

            assertThat(after(loop(new FixedRandom(0.5)).scheduleStart())).isEqualTo(Duration.ofSeconds(3960));
        }
    }

    @Test
    void aDateTheServerWouldRefuseIsSentAsUnknown() throws Exception {
        Facts future = new Facts(
                FACTS.os(),
                LocalDate.of(2027, 1, 1),
                new Facts.Antivirus("ClamAV 1.0.7", LocalDate.of(1970, 1, 1)),
                true,
                null,
                FACTS.network());
        CheckInLoop loop = new CheckInLoop(
                settings,
                clock,
                sleeper,
                new FixedRandom(0.5),
                new ServerClient(java.net.URI.create("https://checkin.district.example"), server, clock),
                credentials,
                states,
                () -> future,
                new CommandExecutor(lock, wipe, false));
        server.respond(200, reply(3600, ""));

        loop.checkInOnce();

        JsonNode sent = body(server.last());
        assertThat(sent.get("lastPatchDate").isNull()).isTrue();
        assertThat(sent.get("antivirus").toString())
                .isEqualTo("{\"product\":\"ClamAV 1.0.7\",\"definitionsDate\":null}");
    }

    @Nested
    class Results {

        @Test
        void aFailedCheckInKeepsThePendingResultsAndTheyAreSentOnceWhenOneSucceeds() throws Exception {
            AgentState state = new AgentState();
            state.pendingResults.add(new CompletedCommand("5b1e", "n-1", CompletedCommand.Result.DONE));
            states.save(state);
            CheckInLoop loop = loop(new FixedRandom(0.5));
            server.respond(503, "").fail(new ConnectException("Network is unreachable"));
            server.respond(200, reply(3600, "")).respond(200, reply(3600, ""));

            loop.checkInOnce();
            loop.checkInOnce();
            assertThat(states.load().pendingResults).hasSize(1);
            loop.checkInOnce();
            assertThat(states.load().pendingResults).isEmpty();
            loop.checkInOnce();

            String carried = "[{\"id\":\"5b1e\",\"nonce\":\"n-1\",\"result\":\"DONE\"}]";
            assertThat(server.requests).hasSize(4);
            for (int i = 0; i < 3; i++) {
                assertThat(body(server.requests.get(i)).get("completedCommands").toString())
                        .isEqualTo(carried);
            }
            assertThat(body(server.requests.get(3)).get("completedCommands").toString())
                    .isEqualTo("[]");
        }

        @Test
        void atMostTwentyResultsACheckIn() throws Exception {
            AgentState state = new AgentState();
            for (int i = 0; i < 25; i++) {
                state.pendingResults.add(new CompletedCommand("id-" + i, "n", CompletedCommand.Result.DONE));
            }
            states.save(state);
            CheckInLoop loop = loop(new FixedRandom(0.5));
            server.respond(200, reply(3600, "")).respond(200, reply(3600, ""));

            CheckInLoop.Cycle first = loop.checkInOnce();
            loop.checkInOnce();

            assertThat(body(server.requests.get(0)).get("completedCommands")).hasSize(20);
            assertThat(body(server.requests.get(1)).get("completedCommands")).hasSize(5);
            // The rest is reported soon rather than an hour later.
            assertThat(after(first.nextDueAt())).isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Nested
    class Commands {

        @Test
        void aResentCommandIdIsNotRunTwiceButReportedAgain() throws Exception {
            CheckInLoop loop = loop(new FixedRandom(0.5), true);
            String wipeCommand = command("c-1", "WIPE", "n-1");
            server.respond(200, reply(3600, wipeCommand))
                    .respond(200, reply(3600, wipeCommand))
                    .respond(200, reply(3600, ""));

            loop.checkInOnce();
            loop.checkInOnce();
            loop.checkInOnce();

            assertThat(wipe.calls).isEqualTo(1);
            String result = "[{\"id\":\"c-1\",\"nonce\":\"n-1\",\"result\":\"DONE\"}]";
            assertThat(body(server.requests.get(1)).get("completedCommands").toString())
                    .isEqualTo(result);
            assertThat(body(server.requests.get(2)).get("completedCommands").toString())
                    .isEqualTo(result);
        }

        @Test
        void aLockSentAgainWithANewNonceIsRunAgain() throws Exception {
            CheckInLoop loop = loop(new FixedRandom(0.5));
            lock.succeeds = false;
            server.respond(200, reply(3600, command("l-1", "LOCK", "n-1")))
                    .respond(200, reply(3600, command("l-1", "LOCK", "n-1")))
                    .respond(200, reply(3600, command("l-1", "LOCK", "n-2")))
                    .respond(200, reply(3600, ""));

            loop.checkInOnce();
            loop.checkInOnce();
            assertThat(lock.messages).hasSize(1);
            lock.succeeds = true;
            loop.checkInOnce();
            loop.checkInOnce();

            assertThat(lock.messages)
                    .containsExactly(
                            "Please return this laptop to the Lincoln HS office.",
                            "Please return this laptop to the Lincoln HS office.");
            JsonNode last = body(server.last());
            assertThat(last.get("completedCommands").toString())
                    .isEqualTo("[{\"id\":\"l-1\",\"nonce\":\"n-2\",\"result\":\"DONE\"}]");
            assertThat(last.get("locked").asBoolean()).isTrue();
        }

        @Test
        void aSuccessfulLockIsReportedAsLockedFromThenOnEvenAfterARestart() throws Exception {
            server.respond(200, reply(3600, command("l-1", "LOCK", "n-1")))
                    .respond(200, reply(3600, ""))
                    .respond(200, reply(3600, ""));

            CheckInLoop first = loop(new FixedRandom(0.5));
            first.checkInOnce();
            assertThat(body(server.last()).get("locked").asBoolean()).isFalse();
            first.checkInOnce();
            loop(new FixedRandom(0.5)).checkInOnce();

            assertThat(body(server.requests.get(1)).get("locked").asBoolean()).isTrue();
            assertThat(body(server.requests.get(2)).get("locked").asBoolean()).isTrue();
        }

        @Test
        void theReturnMessageComesDownOnlyWhenTheServerSaysTheDeviceIsFound() throws Exception {
            server.respond(200, reply(3600, command("l-1", "LOCK", "n-1")))
                    .respond(200, missing(reply(3600, ""), "null"))
                    .respond(200, missing(reply(3600, ""), "true"))
                    .respond(200, missing(reply(3600, ""), "false"))
                    .respond(200, missing(reply(3600, ""), "false"));
            CheckInLoop loop = loop(new FixedRandom(0.5));

            loop.checkInOnce();
            loop.checkInOnce();
            loop.checkInOnce();
            assertThat(lock.takenDown)
                    .as("still missing, or the server does not say: the message stays")
                    .isZero();
            assertThat(body(server.last()).get("locked").asBoolean()).isTrue();

            loop.checkInOnce();
            assertThat(lock.takenDown).as("found: the message comes down once").isEqualTo(1);
            loop(new FixedRandom(0.5)).checkInOnce();
            assertThat(lock.takenDown).as("and not again after a restart").isEqualTo(1);
            assertThat(body(server.last()).get("locked").asBoolean())
                    .as("the district's lock is over")
                    .isFalse();
        }

        @Test
        void wipeIsRefusedWhenDisabled() throws Exception {
            server.respond(200, reply(3600, command("w-1", "WIPE", "n-1"))).respond(200, reply(3600, ""));
            CheckInLoop loop = loop(new FixedRandom(0.5), false);

            loop.checkInOnce();
            loop.checkInOnce();

            assertThat(wipe.calls).isZero();
            assertThat(body(server.last()).get("completedCommands").toString())
                    .isEqualTo("[{\"id\":\"w-1\",\"nonce\":\"n-1\",\"result\":\"REFUSED\"}]");
        }

        @Test
        void wipeIsRefusedWhenEnabledButNoExecutableIsInstalled() throws Exception {
            wipe.installed = false;
            server.respond(200, reply(3600, command("w-1", "WIPE", "n-1")));

            loop(new FixedRandom(0.5), true).checkInOnce();

            assertThat(wipe.calls).isZero();
            assertThat(states.load().pendingResults)
                    .containsExactly(new CompletedCommand("w-1", "n-1", CompletedCommand.Result.REFUSED));
        }

        @Test
        void locateIsDoneAndTheNextCheckInComesSoonWithTheNetworkAndNoLocation() throws Exception {
            server.respond(200, reply(3600, command("g-1", "LOCATE", "n-1"))).respond(200, reply(3600, ""));
            CheckInLoop loop = loop(new FixedRandom(0.5));

            CheckInLoop.Cycle cycle = loop.checkInOnce();
            loop.checkInOnce();

            assertThat(after(cycle.nextDueAt())).isEqualTo(Duration.ofSeconds(30));
            JsonNode next = body(server.last());
            assertThat(next.get("completedCommands").toString())
                    .isEqualTo("[{\"id\":\"g-1\",\"nonce\":\"n-1\",\"result\":\"DONE\"}]");
            assertThat(next.get("location").isNull()).isTrue();
            assertThat(next.get("network").toString())
                    .isEqualTo("{\"site\":\"LINCOLN-HS\",\"ipAddress\":\"10.12.3.4\"}");
        }

        @Test
        void onlyOneQuickFollowUpInARow() throws Exception {
            lock.succeeds = false;
            CheckInLoop loop = loop(new FixedRandom(0.5));
            server.respond(200, reply(3600, command("l-1", "LOCK", "n-1")))
                    .respond(200, reply(3600, command("l-1", "LOCK", "n-2")));

            assertThat(after(loop.checkInOnce().nextDueAt())).isEqualTo(Duration.ofSeconds(30));
            // The lock failed again: its result waits for the regular check-in instead of hammering the server.
            assertThat(after(loop.checkInOnce().nextDueAt())).isEqualTo(Duration.ofSeconds(3600));
        }

        @Test
        void onlyTheLastHundredCommandIdsAreRemembered() throws Exception {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 105; i++) {
                many.append(i == 0 ? "" : ",").append(command("c-" + i, "LOCATE", "n"));
            }
            server.respond(200, reply(3600, many.toString()));

            loop(new FixedRandom(0.5)).checkInOnce();

            AgentState state = states.load();
            assertThat(state.recentCommands).hasSize(100);
            assertThat(state.recentCommands.get(0).id()).isEqualTo("c-5");
            assertThat(state.pendingResults).hasSize(105);
        }
    }

    @Nested
    class Refusals {

        @Test
        void credentialRefusedLogsReEnrolAndBacksOffAtTheMaximum() throws Exception {
            server.respond(
                    401,
                    "{\"type\": \"about:blank\", \"title\": \"Unauthorized\", \"status\": 401,"
                            + " \"detail\": \"The device credential is not valid\"}");
            CheckInLoop.Cycle cycle;
            try (LogCapture log = new LogCapture()) {
                cycle = loop(new FixedRandom(0.5)).checkInOnce();

                assertThat(log.text()).contains("credential refused; re-enrol").doesNotContain(CREDENTIAL);
            }
            assertThat(cycle.kind()).isEqualTo(CheckInLoop.Kind.CREDENTIAL_REFUSED);
            assertThat(after(cycle.nextDueAt())).isEqualTo(Duration.ofSeconds(3600));
            assertThat(server.last().headers()).containsEntry("Authorization", "Device " + CREDENTIAL);
        }

        @Test
        void aRetiredDeviceIsRefusedLikewise() throws Exception {
            server.respond(409, "{\"title\": \"Device retired\", \"status\": 409}")
                    .respond(403, "{\"title\": \"Forbidden\", \"status\": 403}");
            CheckInLoop loop = loop(new FixedRandom(0.0));

            assertThat(loop.checkInOnce().kind()).isEqualTo(CheckInLoop.Kind.CREDENTIAL_REFUSED);
            CheckInLoop.Cycle second = loop.checkInOnce();
            assertThat(second.kind()).isEqualTo(CheckInLoop.Kind.CREDENTIAL_REFUSED);
            assertThat(after(second.nextDueAt())).isEqualTo(Duration.ofSeconds(3240));
        }

        @Test
        void aMalformedCheckInIsLoggedWithItsErrorsAndRetriedAtTheNormalInterval() throws Exception {
            server.respond(
                    422,
                    """
                    {"type": "https://checkin.district.example/problems/validation", "title": "Invalid check-in",
                     "status": 422, "detail": "2 fields are invalid",
                     "errors": [{"field": "os.version", "message": "must not be blank"},
                                {"field": "network.ipAddress", "message": "is not an IP address"}]}
                    """,
                    "Content-Type",
                    "application/problem+json");
            CheckInLoop.Cycle cycle;
            try (LogCapture log = new LogCapture()) {
                cycle = loop(new FixedRandom(0.5)).checkInOnce();

                assertThat(log.text())
                        .contains("Invalid check-in: 2 fields are invalid")
                        .contains("os.version: must not be blank")
                        .contains("network.ipAddress: is not an IP address");
            }
            assertThat(cycle.kind()).isEqualTo(CheckInLoop.Kind.REJECTED);
            assertThat(after(cycle.nextDueAt())).isEqualTo(Duration.ofSeconds(3600));
        }

        @Test
        void notEnrolledSendsNothing() throws Exception {
            java.nio.file.Files.delete(credentials.file());

            CheckInLoop.Cycle cycle = loop(new FixedRandom(0.5)).checkInOnce();

            assertThat(cycle.kind()).isEqualTo(CheckInLoop.Kind.NOT_ENROLLED);
            assertThat(server.requests).isEmpty();
        }
    }

    @Test
    void theLoopChecksInWhenDueAndStops() throws Exception {
        server.clock = clock;
        CheckInLoop loop = loop(new FixedRandom(0.5));
        for (int i = 0; i < 3; i++) {
            server.respond(200, reply(600, ""));
        }
        sleeper.afterSleep = d -> {
            if (server.requests.size() == 3) {
                loop.stop();
            }
        };

        loop.run();

        // First start: half the default interval; then the server's 600 s (the jitter factor is 1.0 at 0.5).
        assertThat(server.times)
                .containsExactly(START.plusSeconds(1800), START.plusSeconds(2400), START.plusSeconds(3000));
        assertThat(sleeper.sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(60)));
    }
}
