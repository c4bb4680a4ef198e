package org.district.drills;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.HdrHistogram.Histogram;

/**
 * Open-model load for a drill, like the benchmarks' {@code ConstantRateLoad}: request {@code i} is due at {@code
 * start + i / rate} whatever the server does. Unlike a benchmark, a drill must account for every single request, so
 * each one's outcome is kept: status, {@code Retry-After}, body, or the I/O failure, and when it was due and done.
 */
final class Traffic {

    /**
     * What happened to one request. Status 0 means no HTTP answer at all (refused, reset, timed out); {@code replayed}
     * is true when the answer carried {@code Idempotent-Replayed: true} (the stored answer to an earlier attempt).
     */
    record Outcome(
            long index,
            long dueNanos,
            long doneNanos,
            int status,
            String retryAfter,
            boolean replayed,
            String body,
            String failure) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        double latencyMillis() {
            return (doneNanos - dueNanos) / 1e6;
        }
    }

    final String name;
    private final double rate;
    private final long total;
    private final LongFunction<HttpRequest> requests;
    private final Semaphore inFlight;
    private final HttpClient client;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private volatile long startNanos;
    private volatile boolean stopped;
    private Thread thread;

    /** {@code total} requests at {@code rate} per second, at most {@code maxInFlight} outstanding. */
    Traffic(String name, double rate, long total, int maxInFlight, LongFunction<HttpRequest> requests) {
        this.name = name;
        this.rate = rate;
        this.total = total;
        this.requests = requests;
        this.inFlight = new Semaphore(maxInFlight);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, name + "-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    Traffic start() {
        startNanos = System.nanoTime();
        thread = new Thread(this::send, name + "-traffic");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    long startNanos() {
        return startNanos;
    }

    /** Seconds since the traffic started. */
    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Requests handed to the client so far. */
    long sent() {
        return sent.get();
    }

    /** Stops scheduling new requests (those in flight still complete). */
    void stop() {
        stopped = true;
    }

    /** Blocks until request {@code index} has been sent (or the traffic ended). */
    void awaitSent(long index) throws InterruptedException {
        while (sent.get() <= index && thread.isAlive()) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    /** Waits until every scheduled request has been answered or has failed. */
    void awaitDone(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (completed.get() < sent.get() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        if (completed.get() < sent.get()) {
            throw new IllegalStateException(
                    name + ": " + (sent.get() - completed.get()) + " requests still unanswered after " + timeout);
        }
    }

    private void send() {
        long interval = (long) (1e9 / rate);
        try {
            for (long i = 0; i < total && !stopped; i++) {
                long due = startNanos + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                inFlight.acquire();
                long index = i;
                HttpRequest request = requests.apply(index);
                sent.incrementAndGet();
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    long now = System.nanoTime();
                    Outcome outcome = response != null
                            ? new Outcome(
                                    index,
                                    due,
                                    now,
                                    response.statusCode(),
                                    response.headers().firstValue("Retry-After").orElse(null),
                                    response.headers()
                                            .firstValue("Idempotent-Replayed")
                                            .map("true"::equalsIgnoreCase)
                                            .orElse(false),
                                    response.body(),
                                    null)
                            : new Outcome(index, due, now, 0, null, false, null, describe(failure));
                    outcomes.add(outcome);
                    completed.incrementAndGet();
                    inFlight.release();
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    /** Every outcome, in request order. */
    List<Outcome> outcomes() {
        List<Outcome> list = new ArrayList<>(outcomes);
        list.sort(Comparator.comparingLong(Outcome::index));
        return list;
    }

    /** Outcomes whose due moment satisfies the predicate (nanoseconds since the traffic started). */
    List<Outcome> dueWhen(LongPredicate sinceStart) {
        return outcomes().stream()
                .filter(o -> sinceStart.test(o.dueNanos() - startNanos))
                .toList();
    }

    /** Writes every outcome as CSV (seconds due and done after the start, status, failure) for later analysis. */
    void writeCsv(java.nio.file.Path file) throws java.io.IOException {
        StringBuilder out = new StringBuilder("index,due_s,done_s,status,retry_after,failure\n");
        for (Outcome o : outcomes()) {
            out.append(o.index())
                    .append(',')
                    .append(String.format("%.3f", (o.dueNanos() - startNanos) / 1e9))
                    .append(',')
                    .append(String.format("%.3f", (o.doneNanos() - startNanos) / 1e9))
                    .append(',')
                    .append(o.status())
                    .append(',')
                    .append(o.retryAfter() == null ? "" : o.retryAfter())
                    .append(',')
                    .append(o.failure() == null ? "" : o.failure())
                    .append('\n');
        }
        java.nio.file.Files.writeString(file, out);
    }

    /** "200 x 812, 503 x 40, no answer (ConnectException) x 12": how requests ended, by status or failure. */
    static String summary(List<Outcome> list) {
        Map<String, Long> byKind = new TreeMap<>();
        for (Outcome o : list) {
            String kind = o.status() > 0 ? Integer.toString(o.status()) : "no answer (" + o.failure() + ")";
            byKind.merge(kind, 1L, Long::sum);
        }
        StringBuilder out = new StringBuilder();
        byKind.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ")
                .append(k)
                .append(" x ")
                .append(v));
        return out.length() == 0 ? "none" : out.toString();
    }

    /** Latency percentiles of the acknowledged requests, measured from when each was due. */
    static String latency(List<Outcome> list) {
        Histogram h = new Histogram(3);
        list.stream()
                .filter(Outcome::acknowledged)
                .forEach(o -> h.recordValue(Math.max(1, (o.doneNanos() - o.dueNanos()) / 1000)));
        if (h.getTotalCount() == 0) {
            return "no acknowledged requests";
        }
        return String.format(
                "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
