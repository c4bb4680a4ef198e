package org.district.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.district.testing.TestTokens;

/**
 * The Authorization headers of the people a benchmark or a drill acts as: real access tokens of the identity provider
 * the services trust (test-support's {@link TestTokens}, which signs each person in at the provider's token endpoint,
 * creating them in its realm on first use). All are fetched before the load starts, and renewed in the background
 * while it runs: the provider's access tokens live five minutes and the services refuse older ones, a run lasts
 * longer, and a request built on the load generator's thread must only read a header, never wait for the provider.
 */
public final class BearerTokens implements AutoCloseable {

    /** How often the background renewal asks for each person's token (a new one is fetched a minute before expiry). */
    static final Duration RENEW_EVERY = Duration.ofSeconds(20);

    private static final int FETCHERS = 4;

    private final String role;
    private final List<String> people;
    private final Map<String, String> headers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewal;

    private BearerTokens(String role, Collection<String> people) {
        this.role = role;
        this.people = List.copyOf(new java.util.LinkedHashSet<>(people));
        this.renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bearer-token-renewal");
            t.setDaemon(true);
            return t;
        });
    }

    /** The tokens of {@code people} (district ids) holding {@code role}, fetched now and then kept fresh. */
    public static BearerTokens of(String role, Collection<String> people) {
        BearerTokens tokens = new BearerTokens(role, people);
        tokens.fetchAllPatiently();
        long every = RENEW_EVERY.toMillis();
        tokens.renewal.scheduleWithFixedDelay(tokens::renew, every, every, TimeUnit.MILLISECONDS);
        return tokens;
    }

    /** The tokens of one person. */
    public static BearerTokens of(String role, String person) {
        return of(role, List.of(person));
    }

    /** {@code Bearer <token>} of a person given at creation. */
    public String header(String person) {
        String header = headers.get(person);
        if (header == null) {
            throw new IllegalArgumentException(person + " is not one of the people these tokens were fetched for");
        }
        return header;
    }

    /** The header of the only person (or the first). */
    public String header() {
        return header(people.get(0));
    }

    @Override
    public void close() {
        renewal.shutdownNow();
    }

    /**
     * A benchmark may have just restarted PostgreSQL with its memory settings (scripts/postgres.sh tune) under an
     * identity provider that was already running: its first requests can then fail on a stale database connection
     * ("unauthorized_client, Unexpected error when authenticating client") until its pool replaces them. Such a
     * failure is tried again twice, two seconds apart, and said; a third one ends the benchmark.
     */
    private void fetchAllPatiently() {
        for (int attempt = 1; ; attempt++) {
            try {
                fetchAll();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
                System.out.printf("Signing in failed (%s); trying again in 2 s%n", e.getMessage());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The first sign-in of each person costs the provider a user (on first use) and a password check: in parallel. */
    private void fetchAll() {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(FETCHERS, Math.max(1, people.size())));
        try {
            List<Future<String>> fetched = people.stream()
                    .map(p -> pool.submit(() -> headers.put(p, "Bearer " + TestTokens.token(p, role))))
                    .toList();
            for (Future<String> f : fetched) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching tokens", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Could not get a token from the identity provider: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            pool.shutdown();
        }
        System.out.printf(
                "Signed in %d %s (%s) at the identity provider in %.1f s%n",
                people.size(), people.size() == 1 ? "person" : "people", role, (System.nanoTime() - started) / 1e9);
    }

    /** Cheap while a token is fresh (test-support caches it); a new one is fetched in its last minute. */
    private void renew() {
        try {
            for (String person : people) {
                headers.put(person, "Bearer " + TestTokens.token(person, role));
            }
        } catch (RuntimeException e) {
            // The next round tries again; a token still valid keeps being used meanwhile.
            System.err.println("Could not renew a token: " + e.getMessage());
        }
    }
}
