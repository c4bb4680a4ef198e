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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
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
            Histogram latencyMicros,
            Timeline timeline) {

        public Result(
                String name,
                double targetRate,
                double achievedRate,
                long requests,
                long errors,
                Histogram latencyMicros) {
            this(name, targetRate, achievedRate, requests, errors, latencyMicros, null);
        }

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
                            latencyMicros.getMaxValue() / 1000.0)
                    + (timeline == null ? "" : "; " + timeline.describe());
        }
    }

    /**
     * When the slow requests were due: the longest latency of the requests due in each 100 ms of the measured phase,
     * and the wall-clock time the phase started, so that a miss can be laid beside the service's GC log and the
     * database's log (both in wall-clock time) instead of guessed at.
     */
    public record Timeline(Instant started, long[] maxMicrosPerWindow) {

        static final long WINDOW_MILLIS = 100;

        /** The windows whose slowest request took over 100 ms, and the slowest of all with its wall-clock time. */
        public String describe() {
            int worst = -1;
            int slow = 0;
            int first = -1;
            int last = -1;
            for (int i = 0; i < maxMicrosPerWindow.length; i++) {
                if (maxMicrosPerWindow[i] > 100_000) {
                    slow++;
                    first = first < 0 ? i : first;
                    last = i;
                }
                if (worst < 0 || maxMicrosPerWindow[i] > maxMicrosPerWindow[worst]) {
                    worst = i;
                }
            }
            if (worst < 0) {
                return "no timeline";
            }
            DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.S").withZone(ZoneOffset.UTC);
            String worstAt = time.format(started.plusMillis(worst * WINDOW_MILLIS));
            return slow == 0
                    ? String.format("no 100 ms window over 100 ms (slowest due at %s UTC)", worstAt)
                    : String.format(
                            "%d windows of 100 ms over 100 ms, due from %s to %s UTC; slowest due at %s UTC, %.0f ms",
                            slow,
                            time.format(started.plusMillis(first * WINDOW_MILLIS)),
                            time.format(started.plusMillis(last * WINDOW_MILLIS)),
                            worstAt,
                            maxMicrosPerWindow[worst] / 1000.0);
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
        runPhase(rate, warmup, calls, expectedStatus, null, null, 0, null, null);
        if (beforeMeasuring != null) {
            beforeMeasuring.run();
        }
        Recorder recorder = new Recorder(3);
        long offset = (long) (warmup.toNanos() / (1e9 / rate));
        AtomicLongArray windows = new AtomicLongArray((int) (duration.toMillis() / Timeline.WINDOW_MILLIS) + 1);
        Instant[] started = new Instant[1];
        long[] counts = runPhase(rate, duration, calls, expectedStatus, recorder, listener, offset, windows, started);
        Histogram histogram = recorder.getIntervalHistogram();
        double seconds = duration.toNanos() / 1e9;
        long[] maxPerWindow = new long[windows.length()];
        for (int i = 0; i < maxPerWindow.length; i++) {
            maxPerWindow[i] = windows.get(i);
        }
        return new Result(
                name,
                rate,
                counts[0] / seconds,
                counts[0],
                counts[1],
                histogram,
                new Timeline(started[0], maxPerWindow));
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
            long firstIndex,
            AtomicLongArray windows,
            Instant[] started)
            throws InterruptedException {
        long intervalNanos = (long) (1e9 / rate);
        long total = duration.toNanos() / intervalNanos;
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(1);
        long[] next = {0};
        long start = System.nanoTime();
        if (started != null) {
            started[0] = Instant.now();
        }
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
                        long micros = Math.max(1, (completed - due) / 1000);
                        recorder.recordValue(micros);
                        if (windows != null) {
                            int w = (int) Math.min(
                                    windows.length() - 1, (due - start) / (Timeline.WINDOW_MILLIS * 1_000_000));
                            windows.accumulateAndGet(w, micros, Math::max);
                        }
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
