package org.district.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-model load generator: requests are scheduled at a constant rate, whatever the server does, and each
 * latency is measured from the moment the request was <em>due</em>, not from when it was sent. A server that falls
 * behind therefore shows its queueing in the percentiles instead of hiding it (no coordinated omission).
 */
public final class ConstantRateLoad {

    /** What one run measured. */
    public record Result(
            String name,
            double targetRate,
            double achievedRate,
            long requests,
            long errors,
            long maxInFlightSkipped,
            Histogram latencyMicros) {

        public double p(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        public String summary() {
            return String.format(
                    "%-34s rate %7.1f/s (target %6.0f) n=%d errors=%d p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms"
                            + " max=%.2fms",
                    name,
                    achievedRate,
                    targetRate,
                    requests,
                    errors,
                    p(50),
                    p(90),
                    p(99),
                    p(99.9),
                    latencyMicros.getMaxValue() / 1000.0);
        }
    }

    private final HttpClient client;
    private final int maxInFlight;

    public ConstantRateLoad(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4))
                .build();
    }

    /**
     * Sends {@code rate} requests per second for {@code duration} after a warm-up at the same rate (not recorded).
     * A request counts as an error unless its status is in [200, 300) (or equals {@code expectedStatus} when > 0).
     */
    public Result run(
            String name,
            double rate,
            Duration warmup,
            Duration duration,
            LongFunction<HttpRequest> requests,
            int expectedStatus)
            throws InterruptedException {
        return run(name, rate, warmup, duration, requests, expectedStatus, null);
    }

    /** Sees each response of the measured phase (not the warm-up) with the moment it completed. */
    @FunctionalInterface
    public interface ResponseListener {
        void onResponse(long index, int status, String body, long completedNanos);
    }

    /** As the plain {@code run}, handing each measured response to the listener. */
    public Result run(
            String name,
            double rate,
            Duration warmup,
            Duration duration,
            LongFunction<HttpRequest> requests,
            int expectedStatus,
            ResponseListener listener)
            throws InterruptedException {
        runPhase(rate, warmup, requests, expectedStatus, null, null, 0);
        Recorder recorder = new Recorder(3);
        long offset = (long) (warmup.toNanos() / (1e9 / rate));
        long[] counts = runPhase(rate, duration, requests, expectedStatus, recorder, listener, offset);
        Histogram histogram = recorder.getIntervalHistogram();
        double seconds = duration.toNanos() / 1e9;
        return new Result(name, rate, counts[0] / seconds, counts[0], counts[1], counts[2], histogram);
    }

    /** One phase; request indexes start at {@code firstIndex} so the measured phase never reuses warm-up indexes. */
    private long[] runPhase(
            double rate,
            Duration duration,
            LongFunction<HttpRequest> requests,
            int expectedStatus,
            Recorder recorder,
            ResponseListener listener,
            long firstIndex)
            throws InterruptedException {
        long intervalNanos = (long) (1e9 / rate);
        long total = (long) (duration.toNanos() / intervalNanos);
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            // Blocking here (too many requests in flight) delays the send, and the delay is counted: latency is
            // measured from `due`.
            inFlight.acquire();
            long index = firstIndex + i;
            HttpRequest request = requests.apply(index);
            CompletableFuture<HttpResponse<String>> f = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            CompletableFuture<?> tracked = f.handle((response, failure) -> {
                long now = System.nanoTime();
                long latency = (now - due) / 1000;
                if (listener != null && response != null) {
                    listener.onResponse(index, response.statusCode(), response.body(), now);
                }
                inFlight.release();
                boolean ok = failure == null
                        && (expectedStatus > 0
                                ? response.statusCode() == expectedStatus
                                : response.statusCode() >= 200 && response.statusCode() < 300);
                if (!ok) {
                    errors.incrementAndGet();
                }
                if (recorder != null) {
                    recorder.recordValue(Math.max(1, latency));
                }
                done.incrementAndGet();
                return null;
            });
            pending.add(tracked);
            if (pending.size() > 10_000) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        CompletableFuture.allOf(pending.toArray(new CompletableFuture[0]))
                .orTimeout(60, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
        return new long[] {done.get(), errors.get(), 0};
    }
}
