package org.district.checkin.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.district.checkin.config.CheckInSettings;
import org.district.support.domain.DomainException;
import org.district.support.domain.Failures;
import org.district.support.domain.UnavailableException;
import org.district.support.metrics.Meters;
import org.jboss.logging.Logger;

/**
 * Group commit for check-ins. Request threads hand validated check-ins to a bounded queue and wait asynchronously; a
 * batcher thread drains the queue into batches (up to {@code batch-size}, waiting at most {@code linger} for more)
 * and hands each to one of {@code writers} writer threads, which writes it in one transaction and completes the
 * waiting requests only after the commit, so every 2xx answer is durable. A full queue is answered at once with 503
 * and Retry-After.
 */
@ApplicationScoped
public class CheckInWriter {

    private static final Logger LOG = Logger.getLogger(CheckInWriter.class);
    private static final int ATTEMPTS = 3;

    @Inject
    CheckInService checkIns;

    @Inject
    CheckInSettings settings;

    @Inject
    MeterRegistry registry;

    private ArrayBlockingQueue<PendingCheckIn> queue;
    private volatile boolean accepting;
    private volatile boolean running;
    private Thread batcher;
    private ExecutorService writers;
    private Semaphore freeWriters;
    private Counter rejected;
    private Counter written;
    private DistributionSummary batchSizes;
    private Timer batchTimer;

    /** Starts after the history partitions exist (see HistoryPartitions, priority 150). */
    void onStart(@Observes @Priority(200) StartupEvent event) {
        CheckInSettings.Ingest ingest = settings.ingest();
        queue = new ArrayBlockingQueue<>(ingest.queueCapacity());
        rejected = Meters.counter(
                registry, "district.checkin.rejected.busy", "Check-ins refused because the write queue was full");
        written = Meters.counter(registry, "district.checkin.written", "Check-ins durably written");
        batchSizes = DistributionSummary.builder("district.checkin.batch.size")
                .description("Check-ins per write transaction")
                .register(registry);
        batchTimer = Meters.timer(registry, "district.checkin.batch.duration", "Time to write and commit one batch");
        Meters.gauge(
                registry,
                "district.checkin.queue.depth",
                "Check-ins waiting for the writer",
                queue,
                ArrayBlockingQueue::size);
        running = true;
        accepting = true;
        int count = Math.max(1, ingest.writers());
        freeWriters = new Semaphore(count);
        AtomicInteger numbers = new AtomicInteger();
        writers = Executors.newFixedThreadPool(count, task -> {
            Thread t = new Thread(task, "checkin-writer-" + numbers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        batcher = new Thread(this::run, "checkin-batcher");
        batcher.setDaemon(true);
        batcher.start();
    }

    /** Stops taking check-ins, writes those already queued, then stops. */
    void onStop(@Observes ShutdownEvent event) {
        accepting = false;
        running = false;
        // One 15 s budget for both, inside the service's shutdown timeout.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        try {
            Thread b = batcher;
            if (b != null) {
                b.join(TimeUnit.SECONDS.toMillis(15));
            }
            ExecutorService w = writers;
            if (w != null) {
                w.shutdown();
                w.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PendingCheckIn left;
        while (queue != null && (left = queue.poll()) != null) {
            left.reply().completeExceptionally(busy());
        }
    }

    /**
     * Queues a validated check-in; the future completes once it is committed (or refused). {@code credentialSha256}
     * is the hash of the presented device credential, to be checked in the write; {@code observedAddress} the address
     * the request came from, as this service saw it.
     */
    public CompletableFuture<CheckInReply> submit(
            UUID deviceId, byte[] credentialSha256, CheckInRequest body, Instant receivedAt, String observedAddress) {
        if (!accepting) {
            throw busy();
        }
        PendingCheckIn pending = new PendingCheckIn(
                deviceId, credentialSha256, body, receivedAt, new CompletableFuture<>(), observedAddress);
        if (!queue.offer(pending)) {
            rejected.increment();
            throw busy();
        }
        return pending.reply();
    }

    /**
     * Writes check-ins a device manager reported (org.district.checkin.mdm), on the caller's thread, in batches of
     * {@code batch-size}, each in its own transaction with the same retries and one-by-one fallback as the queue's
     * batches. The agents' queue is not used, so a device manager's sync never takes its room. Returns how many were
     * accepted (a retired or written-off device's report is refused, as its agent's check-in would be).
     */
    public int writeReported(List<ReportedCheckIn> reported) throws InterruptedException {
        int max = Math.max(1, settings.ingest().batchSize());
        int accepted = 0;
        for (int from = 0; from < reported.size(); from += max) {
            List<PendingCheckIn> items = new ArrayList<>(max);
            for (ReportedCheckIn r : reported.subList(from, Math.min(reported.size(), from + max))) {
                items.add(new PendingCheckIn(
                        r.deviceId(),
                        null,
                        r.body(),
                        r.reportedAt(),
                        new CompletableFuture<>(),
                        r.source(),
                        r.updatesEnded(),
                        null));
            }
            write(items);
            for (PendingCheckIn p : items) {
                if (p.reply().isDone() && !p.reply().isCompletedExceptionally()) {
                    accepted++;
                }
            }
        }
        return accepted;
    }

    /**
     * The batcher: takes the first waiting check-in, gathers more for at most {@code linger} (up to {@code batch-size}),
     * then waits for a free writer and hands it the batch, with whatever arrived while it waited. So batches are small
     * when writers are idle and grow as the load does, and one batch is written while the next is being gathered.
     */
    private void run() {
        CheckInSettings.Ingest ingest = settings.ingest();
        int max = ingest.batchSize();
        long lingerNanos = ingest.linger().toNanos();
        while (running || !queue.isEmpty()) {
            List<PendingCheckIn> items = new ArrayList<>(max);
            try {
                PendingCheckIn first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                items.add(first);
                queue.drainTo(items, max - 1);
                long deadline = System.nanoTime() + lingerNanos;
                while (items.size() < max) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    PendingCheckIn next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    items.add(next);
                    queue.drainTo(items, max - items.size());
                }
                freeWriters.acquire();
                queue.drainTo(items, max - items.size());
                submit(items);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                items.forEach(p -> p.reply().completeExceptionally(busy()));
                return;
            }
        }
    }

    /** Hands a batch to the writer whose place the caller took in {@code freeWriters}. */
    private void submit(List<PendingCheckIn> items) {
        try {
            writers.execute(() -> {
                try {
                    write(items);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    items.forEach(p -> p.reply().completeExceptionally(busy()));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Check-in writer failed a batch of %d", items.size());
                    items.forEach(p -> p.reply().completeExceptionally(UnavailableException.databaseUnreachable()));
                } finally {
                    freeWriters.release();
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: nothing was written, the devices check in again later.
            freeWriters.release();
            items.forEach(p -> p.reply().completeExceptionally(busy()));
        }
    }

    private void write(List<PendingCheckIn> items) throws InterruptedException {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                List<CheckInService.Outcome> outcomes =
                        QuarkusTransaction.requiringNew().call(() -> checkIns.write(items));
                batchTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                batchSizes.record(items.size());
                deliver(items, outcomes);
                return;
            } catch (RuntimeException e) {
                if (Failures.isRetryNow(e) && attempt < ATTEMPTS) {
                    continue;
                }
                DomainException failure = Failures.classify(e);
                if (failure instanceof UnavailableException unavailable) {
                    // The database is unreachable (or kept refusing): nothing was written, the devices retry later.
                    LOG.warnf("Check-in batch of %d not written: %s", items.size(), unavailable.getMessage());
                    items.forEach(p -> p.reply().completeExceptionally(unavailable));
                    return;
                }
                if (items.size() > 1) {
                    // One check-in the database refuses must not fail the others: write them one by one.
                    LOG.warnf("Check-in batch of %d failed (%s); writing its check-ins one by one", items.size(), e);
                    for (PendingCheckIn p : items) {
                        write(List.of(p));
                    }
                    return;
                }
                LOG.errorf(
                        e,
                        "Check-in of device %s could not be written",
                        items.get(0).deviceId());
                items.get(0)
                        .reply()
                        .completeExceptionally(failure != null ? failure : UnavailableException.databaseUnreachable());
                return;
            }
        }
    }

    private void deliver(List<PendingCheckIn> items, List<CheckInService.Outcome> outcomes) {
        int ok = 0;
        for (int i = 0; i < items.size(); i++) {
            CheckInService.Outcome outcome = outcomes.get(i);
            if (outcome.refusal() != null) {
                items.get(i).reply().completeExceptionally(outcome.refusal());
            } else {
                ok++;
                items.get(i).reply().complete(outcome.reply());
            }
        }
        written.increment(ok);
    }

    static UnavailableException busy() {
        return UnavailableException.busy("The service is receiving more check-ins than it can write right now. Nothing"
                + " was saved; check in again shortly.");
    }
}
