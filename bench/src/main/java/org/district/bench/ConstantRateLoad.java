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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

        /** Rate, p50, p99, p99.9 and errors as Markdown table cells ("a | b | ..."), as every report prints them. */
        public String cells() {
            return String.format("%.0f | %.2f | %.2f | %.2f | %d", achievedRate, p(50), p(99), p(99.9), errors);
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
     * One request, ready for the wire: what the generator sends without converting anything per request. Bodies and
     * header maps may be shared between calls.
     */
    public record Call(HttpMethod method, String uri, MultiMap headers, Buffer body) {

        /** The same request from a JDK {@link HttpRequest} (converted per request: for low rates). */
        public static Call of(HttpRequest request) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            request.headers().map().forEach(headers::add);
            Buffer body = request.bodyPublisher().map(ConstantRateLoad::bytes).orElse(null);
            if (body != null && !headers.contains("Content-Type")) {
                headers.add("Content-Type", "application/json");
            }
            return new Call(HttpMethod.valueOf(request.method()), request.uri().toString(), headers, body);
        }
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
        return runCalls(name, rate, warmup, duration, i -> Call.of(requests.apply(i)), expectedStatus, listener);
    }

    /** As {@code run}, with requests already in wire form (for the highest rates, where conversion costs show). */
    public Result runCalls(
            String name,
            double rate,
            Duration warmup,
            Duration duration,
            LongFunction<Call> calls,
            int expectedStatus,
            ResponseListener listener)
            throws InterruptedException {
        return runCalls(name, rate, warmup, duration, calls, expectedStatus, listener, null);
    }

    /** As {@code runCalls}, running {@code beforeMeasuring} (if not null) between the warm-up and the measurement. */
    public Result runCalls(
            String name,
            double rate,
            Duration warmup,
            Duration duration,
            LongFunction<Call> calls,
            int expectedStatus,
            ResponseListener listener,
            Runnable beforeMeasuring)
            throws InterruptedException {
        runPhase(rate, warmup, calls, expectedStatus, null, null, 0);
        if (beforeMeasuring != null) {
            beforeMeasuring.run();
        }
        Recorder recorder = new Recorder(3);
        long offset = (long) (warmup.toNanos() / (1e9 / rate));
        long[] counts = runPhase(rate, duration, calls, expectedStatus, recorder, listener, offset);
        Histogram histogram = recorder.getIntervalHistogram();
        double seconds = duration.toNanos() / 1e9;
        return new Result(name, rate, counts[0] / seconds, counts[0], counts[1], histogram);
    }

    /**
     * One phase; request indexes start at {@code firstIndex} so the measured phase never reuses warm-up indexes. The
     * schedule runs on the event loop itself: a timer ticks every millisecond and sends every request whose due time
     * has come (so no thread sleeps or wakes the event loop once per request; a request sent up to a tick late has
     * that delay in its latency, which is measured from its due time). With {@code maxInFlight} requests out, due
     * requests wait for a free slot, and that wait is counted too.
     */
    private long[] runPhase(
            double rate,
            Duration duration,
            LongFunction<Call> calls,
            int expectedStatus,
            Recorder recorder,
            ResponseListener listener,
            long firstIndex)
            throws InterruptedException {
        long intervalNanos = (long) (1e9 / rate);
        long total = duration.toNanos() / intervalNanos;
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(1);
        long[] next = {0};
        long start = System.nanoTime();
        VERTX.setPeriodic(1, 1, timer -> {
            long now = System.nanoTime();
            while (next[0] < total && start + next[0] * intervalNanos - now <= 0 && inFlight.get() < maxInFlight) {
                long i = next[0]++;
                long due = start + i * intervalNanos;
                long index = firstIndex + i;
                inFlight.incrementAndGet();
                send(calls.apply(index), listener != null).onComplete(outcome -> {
                    long completed = System.nanoTime();
                    Response response = outcome.succeeded() ? outcome.result() : null;
                    if (listener != null && response != null) {
                        listener.onResponse(index, response.status(), response.body(), completed);
                    }
                    boolean ok = response != null
                            && (expectedStatus > 0
                                    ? response.status() == expectedStatus
                                    : response.status() >= 200 && response.status() < 300);
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (recorder != null) {
                        recorder.recordValue(Math.max(1, (completed - due) / 1000));
                    }
                    done.incrementAndGet();
                    inFlight.decrementAndGet();
                });
            }
            if (next[0] == total) {
                VERTX.cancelTimer(timer);
                finished.countDown();
            }
        });
        finished.await();
        // Every request is back once nothing is in flight; one still out after a minute counts as an error.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        if (inFlight.get() > 0) {
            errors.addAndGet(total - done.get());
        }
        return new long[] {done.get(), errors.get()};
    }

    private record Response(int status, String body) {}

    /** Sends the call on the shared event loop; the response body is read as text only when someone looks at it. */
    private io.vertx.core.Future<Response> send(Call call, boolean keepBody) {
        RequestOptions options = new RequestOptions()
                .setMethod(call.method())
                .setAbsoluteURI(call.uri())
                .setHeaders(call.headers())
                .setTimeout(60_000);
        return client.request(options)
                .compose(r -> call.body() == null ? r.send() : r.send(call.body()))
                .compose(r -> r.body().map(b -> new Response(r.statusCode(), keepBody ? b.toString() : null)));
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
