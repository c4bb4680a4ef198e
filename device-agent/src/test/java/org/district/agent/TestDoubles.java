package org.district.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** Stand-ins for time, chance, programs, the server and the actions, so that tests run without waiting. */
final class TestDoubles {

    private TestDoubles() {}

    /** A test resource's text. */
    static String resource(String name) {
        try (var in = TestDoubles.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} to {@code root/relative}, creating the directories. */
    static Path write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock that moves only when told. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A sleeper that advances the clock instead of waiting, and records each sleep. */
    static final class ClockSleeper implements Sleeper {
        final List<Duration> sleeps = new ArrayList<>();
        private final MutableClock clock;
        Consumer<Duration> afterSleep = d -> {};

        ClockSleeper(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            clock.advance(duration);
            afterSleep.accept(duration);
        }

        Duration total() {
            return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        }
    }

    /** A random generator whose nextDouble() answers the given values in turn (the last one repeatedly). */
    static final class FixedRandom implements RandomGenerator {
        private final double[] values;
        private int next;

        FixedRandom(double... values) {
            this.values = values;
        }

        @Override
        public double nextDouble() {
            double v = values[Math.min(next, values.length - 1)];
            next++;
            return v;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the agent draws doubles only");
        }
    }

    /** Programs answered from recorded output, keyed by the command line joined with spaces. */
    static final class FakeRunner implements CommandRunner {
        final Map<String, Output> answers = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        final List<String> inputs = new ArrayList<>();

        FakeRunner answer(String commandLine, String stdout) {
            answers.put(commandLine, new Output(0, stdout));
            return this;
        }

        FakeRunner fail(String commandLine, int exitCode) {
            answers.put(commandLine, new Output(exitCode, ""));
            return this;
        }

        @Override
        public Optional<Output> run(Duration timeout, List<String> command, String stdin) {
            String line = String.join(" ", command);
            calls.add(line);
            inputs.add(stdin);
            return Optional.ofNullable(answers.get(line));
        }
    }

    /** One request the fake server received. */
    record Request(URI uri, Map<String, String> headers, String body) {}

    /** A server answering from a queue; an IOException in the queue is thrown as a network failure. */
    static final class FakeTransport implements Transport {
        final List<Request> requests = new ArrayList<>();
        final List<Instant> times = new ArrayList<>();
        MutableClock clock;
        private final Deque<Object> answers = new ArrayDeque<>();

        FakeTransport respond(int status, String body, String... headerPairs) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 0; i < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
            }
            answers.add(new Response(status, headers, body.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        FakeTransport fail(IOException e) {
            answers.add(e);
            return this;
        }

        @Override
        public Response post(URI uri, Map<String, String> headers, byte[] body) throws IOException {
            requests.add(new Request(uri, Map.copyOf(headers), new String(body, StandardCharsets.UTF_8)));
            if (clock != null) {
                times.add(clock.instant());
            }
            Object next = answers.poll();
            if (next == null) {
                throw new IllegalStateException("the fake server has no answer left for " + uri);
            }
            if (next instanceof IOException e) {
                throw e;
            }
            return (Response) next;
        }

        Request last() {
            return requests.get(requests.size() - 1);
        }
    }

    /** A lock that records each message and answers as told. */
    static final class RecordingLock implements LockAction {
        final List<String> messages = new ArrayList<>();
        boolean succeeds = true;
        int takenDown;

        @Override
        public boolean lock(String message) {
            messages.add(message);
            return succeeds;
        }

        @Override
        public void takeMessageDown() {
            takenDown++;
        }
    }

    /** A wipe that records each call; never wipes anything. */
    static final class RecordingWipe implements WipeAction {
        int calls;
        boolean installed = true;

        @Override
        public boolean available() {
            return installed;
        }

        @Override
        public boolean wipe() {
            calls++;
            return true;
        }
    }
}
