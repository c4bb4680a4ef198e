package org.district.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
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
            String name, double targetRate, double achievedRate, long requests, long errors, Histogram latencyMicros) {

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

    /**
     * One event loop for every generator in the process: the JDK's own HTTP client spent more CPU than the server it
     * measured on a two-core machine, so the load comes from Netty (through Vert.x), which needs a fraction of that.
     */
    private static final Vertx VERTX = Vertx.vertx(new VertxOptions()
            .setEventLoopPoolSize(1)
            .setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1)
            .setBlockedThreadCheckInterval(60_000));

    private final HttpClient client;
    private final int maxInFlight;

    public ConstantRateLoad(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.client = VERTX.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setConnectTimeout(5000)
                        .setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(Math.min(maxInFlight, 256)));
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
        return new Result(name, rate, counts[0] / seconds, counts[0], counts[1], histogram);
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
            send(request).onComplete(outcome -> {
                try {
                    long now = System.nanoTime();
                    long latency = (now - due) / 1000;
                    Response response = outcome.succeeded() ? outcome.result() : null;
                    if (listener != null && response != null) {
                        listener.onResponse(index, response.status(), response.body(), now);
                    }
                    boolean ok = response != null
                            && (expectedStatus > 0
                                    ? response.status() == expectedStatus
                                    : response.status() >= 200 && response.status() < 300);
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (recorder != null) {
                        recorder.recordValue(Math.max(1, latency));
                    }
                    done.incrementAndGet();
                } finally {
                    inFlight.release();
                }
            });
        }
        // Every request is back once all permits are free again; one still out after a minute counts as an error.
        if (inFlight.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS)) {
            inFlight.release(maxInFlight);
        } else {
            errors.addAndGet(total - done.get());
        }
        return new long[] {done.get(), errors.get()};
    }

    private record Response(int status, String body) {}

    /** Sends the request (method, URI, headers and body as the caller built them) on the shared event loop. */
    private io.vertx.core.Future<Response> send(HttpRequest request) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().map().forEach(headers::add);
        Buffer body = request.bodyPublisher().map(ConstantRateLoad::bytes).orElse(null);
        if (body != null && !headers.contains("Content-Type")) {
            headers.add("Content-Type", "application/json");
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setAbsoluteURI(request.uri().toString())
                .setHeaders(headers)
                .setTimeout(60_000);
        return client.request(options)
                .compose(r -> body == null ? r.send() : r.send(body))
                .compose(r -> r.body().map(b -> new Response(r.statusCode(), b.toString())));
    }

    /** The bytes of a body built with {@code BodyPublishers.ofString} (or any other publisher), read synchronously. */
    private static Buffer bytes(HttpRequest.BodyPublisher publisher) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable failure) {
                finished.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                finished.complete(null);
            }
        });
        finished.join();
        return Buffer.buffer(out.toByteArray());
    }
}
