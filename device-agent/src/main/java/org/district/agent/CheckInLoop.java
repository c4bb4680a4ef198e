package org.district.agent;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The check-in loop: waits until a check-in is due, collects the facts, sends them with the pending command results,
 * carries out the commands in the answer, and schedules the next check-in.
 *
 * <ul>
 *   <li>Regular waits: the server's {@code nextCheckInSeconds} (the configured default before its first answer), each
 *       multiplied by a random factor in [1 - jitter, 1 + jitter).
 *   <li>429, 503 (any 5xx) and network failures: exponential backoff from {@code backoff.initial-seconds}, doubling,
 *       capped at {@code backoff.max-seconds}, with full jitter (random in [0, cap]), and never before a Retry-After.
 *   <li>401, 403, 409 (credential refused, device retired): "credential refused; re-enrol" and the maximum backoff.
 *   <li>400, 413, 422 (the agent sent something wrong): the problem is logged and the normal interval kept.
 *   <li>Start: a future {@code nextDueAt} is kept; none at all (first start) waits a random time in [0, interval); one in
 *       the past (the machine was off) waits a random time in [0, min(interval, 300 s)), so a school whose power comes
 *       back does not check in all at once.
 * </ul>
 *
 * Everything that takes time or chance is injected (clock, sleeper, random generator, transport), so tests drive it
 * without waiting.
 */
public final class CheckInLoop {

    private static final Logger LOG = Logger.getLogger(CheckInLoop.class.getName());

    /** The shortest and longest interval taken from the server. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(10);

    static final Duration MAX_INTERVAL = Duration.ofDays(7);
    /** The longest random wait after a start with an overdue check-in. */
    static final Duration OVERDUE_SPREAD = Duration.ofSeconds(300);
    /** The wait before the check-in that reports results of commands just carried out. */
    static final Duration FOLLOW_UP = Duration.ofSeconds(30);
    /** The longest single sleep, so that a wall-clock jump (suspend, resume) is noticed. */
    static final Duration MAX_SLEEP = Duration.ofSeconds(60);

    /** The timing settings of the configuration. */
    public record Settings(Duration defaultInterval, Duration backoffInitial, Duration backoffMax, double jitter) {

        public static Settings of(AgentConfig config) {
            return new Settings(
                    config.defaultInterval(), config.backoffInitial(), config.backoffMax(), config.jitterFraction());
        }
    }

    /** How one check-in ended. */
    public enum Kind {
        ACCEPTED,
        NOT_ENROLLED,
        CREDENTIAL_REFUSED,
        REJECTED,
        RETRY_LATER
    }

    /**
     * One check-in's outcome, for the caller to report.
     *
     * @param status the HTTP status, 0 when none came
     * @param reply the server's answer when accepted, otherwise null
     * @param detail what went wrong, or null (never carries the credential)
     */
    public record Cycle(
            Kind kind,
            int status,
            Instant nextDueAt,
            CheckInReply reply,
            int commandsRun,
            int resultsReported,
            String detail) {}

    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final ServerClient client;
    private final CredentialStore credentials;
    private final StateStore states;
    private final FactCollector facts;
    private final CommandExecutor executor;
    private volatile boolean running = true;
    private boolean followedUp;

    public CheckInLoop(
            Settings settings,
            Clock clock,
            Sleeper sleeper,
            RandomGenerator random,
            ServerClient client,
            CredentialStore credentials,
            StateStore states,
            FactCollector facts,
            CommandExecutor executor) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.client = client;
        this.credentials = credentials;
        this.states = states;
        this.facts = facts;
        this.executor = executor;
    }

    /** Checks in whenever due until {@link #stop()} or an interrupt. */
    public void run() throws InterruptedException {
        Instant due;
        try {
            due = scheduleStart();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot save the state file " + states.file() + ": " + e.getMessage());
            due = clock.instant().plus(backoff(1));
        }
        LOG.info(() -> "device agent started");
        while (running) {
            waitUntil(due);
            if (!running) {
                break;
            }
            try {
                due = checkInOnce().nextDueAt();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "check-in cycle failed: " + e, e);
                due = clock.instant().plus(backoff(1));
            }
        }
        LOG.info("device agent stopped");
    }

    /** Ends {@link #run()} after the current step. */
    public void stop() {
        running = false;
    }

    /** Works out (and saves) when the first check-in after a start is due. */
    public Instant scheduleStart() throws IOException {
        AgentState state = states.load();
        Instant now = clock.instant();
        Duration interval = interval(state);
        Instant due;
        if (state.nextDueAt == null) {
            due = now.plus(uniform(interval));
        } else if (state.nextDueAt.isAfter(now)) {
            // Kept; only a due time beyond any wait this agent would set (a clock that jumped back) is pulled in.
            Duration longest = max(scale(interval, 1 + settings.jitter()), settings.backoffMax());
            due = state.nextDueAt.isAfter(now.plus(longest)) ? now.plus(longest) : state.nextDueAt;
        } else {
            due = now.plus(uniform(min(interval, OVERDUE_SPREAD)));
        }
        state.nextDueAt = due;
        states.save(state);
        Instant first = due;
        LOG.info(() -> "first check-in due at " + first);
        return due;
    }

    /** Checks in now, carries out the commands in the answer, and schedules the next check-in. */
    public Cycle checkInOnce() throws IOException, InterruptedException {
        AgentState state = states.load();
        Optional<String> credential = credentials.read();
        if (credential.isEmpty()) {
            Instant due = clock.instant().plus(jittered(settings.backoffInitial()));
            LOG.warning(() -> "not enrolled: no credential in " + credentials.file()
                    + "; run the agent's enrol command with a code from IT");
            state.nextDueAt = due;
            states.save(state);
            return new Cycle(Kind.NOT_ENROLLED, 0, due, null, 0, 0, "not enrolled");
        }
        List<CompletedCommand> sent = new ArrayList<>(
                state.pendingResults.subList(0, Math.min(CheckInBody.MAX_COMPLETED, state.pendingResults.size())));
        Facts collected = collect();
        CheckInBody body = CheckInBody.of(collected, state.locked, sent);
        ServerClient.CheckInOutcome outcome = client.checkIn(credential.get(), body);

        if (outcome instanceof ServerClient.Accepted accepted) {
            return accepted(state, sent, accepted.reply());
        }
        if (outcome instanceof ServerClient.CredentialRefused refused) {
            state.failures++;
            Instant due = clock.instant().plus(jittered(settings.backoffMax()));
            LOG.severe(() -> "credential refused; re-enrol (HTTP " + refused.status() + ": "
                    + refused.problem().summary() + ")");
            return saved(
                    state,
                    due,
                    new Cycle(
                            Kind.CREDENTIAL_REFUSED,
                            refused.status(),
                            due,
                            null,
                            0,
                            0,
                            refused.problem().summary()));
        }
        if (outcome instanceof ServerClient.Rejected rejected) {
            state.failures = 0;
            Instant due = clock.instant().plus(jittered(interval(state)));
            String errors = rejected.problem().errorList();
            LOG.severe(() -> "check-in refused as malformed (HTTP " + rejected.status() + "): "
                    + rejected.problem().summary() + (errors.isEmpty() ? "" : "; errors: " + errors));
            return saved(
                    state,
                    due,
                    new Cycle(
                            Kind.REJECTED,
                            rejected.status(),
                            due,
                            null,
                            0,
                            0,
                            rejected.problem().summary()));
        }
        ServerClient.RetryLater retry = (ServerClient.RetryLater) outcome;
        state.failures++;
        Duration wait = backoff(state.failures);
        if (retry.retryAfter() != null && retry.retryAfter().compareTo(wait) > 0) {
            wait = retry.retryAfter();
        }
        Instant due = clock.instant().plus(wait);
        Duration w = wait;
        LOG.warning(() -> "check-in failed (" + (retry.status() == 0 ? "no answer" : "HTTP " + retry.status()) + ": "
                + retry.reason() + "); retrying in " + w.toSeconds() + " s");
        return saved(state, due, new Cycle(Kind.RETRY_LATER, retry.status(), due, null, 0, 0, retry.reason()));
    }

    private Cycle accepted(AgentState state, List<CompletedCommand> sent, CheckInReply reply) throws IOException {
        state.failures = 0;
        state.pendingResults.removeAll(sent);
        if (reply.nextCheckInSeconds() != null) {
            state.intervalSeconds = clamp(Duration.ofSeconds(Math.max(0, reply.nextCheckInSeconds())))
                    .toSeconds();
        }
        Instant due = clock.instant().plus(jittered(interval(state)));
        state.nextDueAt = due;
        states.save(state);
        int run = executor.execute(reply.commands(), state, states::save);
        executor.reportedMissing(reply.reportedMissing(), state, states::save);
        boolean followUp = !state.pendingResults.isEmpty() && !followedUp;
        followedUp = followUp;
        if (followUp) {
            // Results to report (commands just carried out, or more than one check-in carries): check in again soon,
            // but only once in a row, so that a command that keeps failing does not make the device hammer the server.
            Instant soon = clock.instant().plus(jittered(min(FOLLOW_UP, interval(state))));
            if (soon.isBefore(due)) {
                due = soon;
            }
        }
        Instant next = due;
        LOG.info(() -> "check-in accepted; " + sent.size() + " result(s) reported, " + run
                + " command(s) carried out; next at " + next);
        return saved(state, due, new Cycle(Kind.ACCEPTED, 200, due, reply, run, sent.size(), null));
    }

    private Cycle saved(AgentState state, Instant due, Cycle cycle) throws IOException {
        state.nextDueAt = due;
        states.save(state);
        return cycle;
    }

    private Facts collect() {
        try {
            return facts.collect().withPlausibleDates(LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "fact collection failed; every fact reported unknown", e);
            return new Facts(null, null, null, null, null, null);
        }
    }

    private void waitUntil(Instant due) throws InterruptedException {
        while (running) {
            Duration left = Duration.between(clock.instant(), due);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            sleeper.sleep(min(left, MAX_SLEEP));
        }
    }

    /** The wait after the n-th failure in a row: random in [0, min(max, initial * 2^(n-1))], at least a second. */
    Duration backoff(int failures) {
        Duration cap = settings.backoffInitial();
        for (int i = 1; i < failures && cap.compareTo(settings.backoffMax()) < 0; i++) {
            cap = cap.multipliedBy(2);
        }
        cap = min(cap, settings.backoffMax());
        return max(scale(cap, random.nextDouble()), Duration.ofSeconds(1));
    }

    /** {@code base} times a random factor in [1 - jitter, 1 + jitter). */
    Duration jittered(Duration base) {
        double j = settings.jitter();
        return scale(base, 1 - j + 2 * j * random.nextDouble());
    }

    private Duration interval(AgentState state) {
        return state.intervalSeconds == null
                ? settings.defaultInterval()
                : clamp(Duration.ofSeconds(state.intervalSeconds));
    }

    private Duration uniform(Duration upper) {
        return scale(upper, random.nextDouble());
    }

    private static Duration clamp(Duration d) {
        return max(MIN_INTERVAL, min(d, MAX_INTERVAL));
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofMillis((long) Math.floor(d.toMillis() * factor));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
