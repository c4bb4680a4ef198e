package org.district.lossreport.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.district.contracts.Topics;
import org.district.contracts.lossreport.NotificationDeadLettered;
import org.district.lossreport.config.NotifySettings;
import org.district.lossreport.repository.Delivery;
import org.district.lossreport.repository.NotificationRepository;
import org.district.support.metrics.Meters;
import org.district.support.outbox.Outbox;
import org.district.support.outbox.OutgoingEvent;
import org.jboss.logging.Logger;

/**
 * Sends recorded notifications. Every replica runs one: a dispatcher claims due rows with {@code FOR UPDATE SKIP
 * LOCKED} (so replicas never take the same row) and hands each to a bounded pool, so one slow or failing recipient holds
 * one slot and never delays the others. A claim is a lease: the row's {@code next_attempt_at} moves past the lease
 * time, so the rows of a worker that crashed mid-delivery become due again and another worker sends them. A failed
 * attempt is retried with exponential backoff; after the last one the row is FAILED and a dead-letter record goes out
 * through the outbox, in the same transaction. A failure that no retry can fix (the mail server refuses the message or
 * recipient with a 5xx reply, the webhook answers a 4xx other than 408 or 429) fails the row at once, so IT sees it
 * minutes or hours sooner than after the whole backoff.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    /** The least time between two claims that take rows, unless the first filled its batch. */
    static final Duration CLAIM_GAP = Duration.ofMillis(50);

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"']+@[^\\s<>()\\[\\],;:\"']+");

    @Inject
    NotifySettings settings;

    @Inject
    NotificationRepository notifications;

    @Inject
    EmailSender email;

    @Inject
    WebhookSender webhook;

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry registry;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private Semaphore slots;
    private ExecutorService pool;
    private Thread dispatcher;
    private Counter sent;
    private Counter retried;
    private Counter failed;
    private Timer latency;
    private Timer delay;

    void onStart(@Observes StartupEvent event) {
        if (!settings.deliveryEnabled()) {
            return;
        }
        if (settings.lease().compareTo(longestAttempt().plusSeconds(5)) < 0) {
            // A lease shorter than an attempt would let a second worker send a message still being sent.
            throw new IllegalStateException("district.notify.lease (" + settings.lease()
                    + ") must exceed the SMTP and webhook timeouts by at least 5 seconds");
        }
        sent = counter("sent");
        retried = counter("retry");
        failed = counter("failed");
        latency = Meters.timer(
                registry, "district.notifications.attempt", "Time to hand one notification to SMTP or a webhook");
        delay = Meters.timer(
                registry,
                "district.notifications.delay",
                "From recording a notification to its first, successful attempt");
        slots = new Semaphore(settings.concurrency());
        AtomicInteger threadNumber = new AtomicInteger();
        pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "notification-delivery-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        dispatcher = new Thread(this::run, "notification-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        if (dispatcher != null) {
            // It may be waiting for a slot; rows it claimed and did not hand out are sent again after their lease.
            dispatcher.interrupt();
            try {
                dispatcher.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pool != null) {
            // Deliveries in flight finish or time out; whatever is not recorded is sent again after its lease.
            pool.shutdown();
            try {
                pool.awaitTermination(settings.smtpTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the dispatcher to look for due notifications now (called after a transaction that added some commits). */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Deliveries being sent by this replica right now. */
    public int inFlight() {
        return inFlight.get();
    }

    private Counter counter(String outcome) {
        return Meters.counter(
                registry,
                "district.notifications.attempts",
                "Notification delivery attempts, by outcome",
                "outcome",
                outcome);
    }

    /**
     * Claims due deliveries in batches and hands them to the pool as its slots free. A batch is as many as the slots
     * take in two rounds: a busy dispatcher asks the database once per batch, not once per finished delivery (claiming
     * one row per freed slot made the claim statement the limit, about a hundred deliveries a second). While
     * notifications keep coming, a claim waits until {@link #CLAIM_GAP} has passed since the last one that took rows,
     * unless that one filled its batch: a claim then takes the rows of several reports (without it, each email was
     * claimed alone, in a transaction of its own, followed by a look for the next due one; docs/benchmarks.md); the
     * first after a quiet spell is immediate. A claimed row that waited here so long that its lease could run out
     * during its attempt is left for the next claim.
     */
    private void run() {
        long backoff = 0;
        long lastClaim = System.nanoTime() - CLAIM_GAP.toNanos();
        boolean lastFull = false;
        int batch = Math.max(2 * settings.concurrency(), 1);
        long freshFor = settings.lease().minus(longestAttempt()).toNanos();
        ArrayDeque<Claimed> ready = new ArrayDeque<>();
        while (running) {
            try {
                if (ready.isEmpty()) {
                    long gap = lastClaim + CLAIM_GAP.toNanos() - System.nanoTime();
                    if (!lastFull && gap > 0) {
                        TimeUnit.NANOSECONDS.sleep(gap);
                        if (!running) {
                            // Stopping: rows claimed now would wait for their lease before another worker sent them.
                            return;
                        }
                    }
                    List<Delivery> claimed = claim(batch);
                    backoff = 0;
                    if (claimed.isEmpty()) {
                        waitForWork(untilNextDue());
                        continue;
                    }
                    lastClaim = System.nanoTime();
                    lastFull = claimed.size() == batch;
                    long now = System.nanoTime();
                    claimed.forEach(d -> ready.add(new Claimed(d, now)));
                }
                slots.acquire();
                Claimed next = ready.poll();
                if (!running || System.nanoTime() - next.at() > freshFor) {
                    slots.release();
                    continue;
                }
                inFlight.incrementAndGet();
                pool.execute(() -> {
                    try {
                        deliver(next.delivery());
                    } finally {
                        inFlight.decrementAndGet();
                        slots.release();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = backoff == 0 ? 200 : Math.min(backoff * 2, 10_000);
                LOG.warnf("Notification dispatcher failed (%s); retrying in %d ms", rootMessage(e), backoff);
                try {
                    waitForWork(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A delivery claimed by this dispatcher, and when (System.nanoTime). */
    private record Claimed(Delivery delivery, long at) {}

    private Duration longestAttempt() {
        return settings.smtpTimeout().compareTo(settings.webhookTimeout()) > 0
                ? settings.smtpTimeout()
                : settings.webhookTimeout();
    }

    private void waitForWork(long millis) throws InterruptedException {
        if (millis > 0 && wakeUps.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
        }
    }

    /** Milliseconds until the earliest scheduled attempt, at most the poll interval. */
    private long untilNextDue() {
        long poll = settings.pollInterval().toMillis();
        Instant due = QuarkusTransaction.requiringNew().call(notifications::nextDue);
        if (due == null) {
            return poll;
        }
        long millis = Duration.between(Instant.now(), due).toMillis();
        return Math.max(1, Math.min(poll, millis));
    }

    List<Delivery> claim(int limit) {
        UUID token = UUID.randomUUID();
        double leaseSeconds = settings.lease().toMillis() / 1000.0;
        return QuarkusTransaction.requiringNew().call(() -> notifications.claim(token, leaseSeconds, limit));
    }

    void deliver(Delivery d) {
        long start = System.nanoTime();
        String error = null;
        boolean permanent = false;
        try {
            switch (d.channel()) {
                case EMAIL -> email.send(d);
                case WEBHOOK -> webhook.send(d);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted while sending";
        } catch (Exception e) {
            error = rootMessage(e);
            permanent = isPermanent(e);
        }
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        String outcome = error;
        boolean hopeless = permanent;
        try {
            QuarkusTransaction.requiringNew().run(() -> record(d, outcome, hopeless));
        } catch (RuntimeException e) {
            // The lease runs out and the message is sent again, with the same Message-ID.
            LOG.warnf("Could not record the delivery of notification %s: %s", d.id(), rootMessage(e));
        }
    }

    /**
     * Whether the failure is one that sending again cannot fix: the mail server's permanent (5xx) refusal of the
     * message or a recipient, a webhook's refusal marked permanent by {@link WebhookSender}, a message the sender
     * refuses to send as it is, or one the mail or HTTP client cannot even build (an IllegalArgumentException: the
     * same message fails the same way on every attempt). Timeouts, refused connections and transient (4xx) SMTP
     * replies are not.
     */
    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp.isPermanent();
            }
            if (t instanceof PermanentDeliveryFailure || t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    private void record(Delivery d, String error, boolean permanent) {
        if (error == null) {
            Optional<Instant> createdAt = notifications.markSent(d);
            sent.increment();
            if (createdAt.isEmpty()) {
                LOG.infof("Notification %s was sent after its claim expired; another worker may send it again", d.id());
            } else if (d.attempt() == 1) {
                delay.record(Duration.between(createdAt.get(), Instant.now()));
            }
            return;
        }
        String shortError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        if (d.attempt() < settings.maxAttempts() && !permanent) {
            double waitSeconds = backoffSeconds(d.attempt());
            notifications.markRetry(d, shortError, waitSeconds);
            retried.increment();
            LOG.infof(
                    "Notification %s (%s) failed attempt %d of %d: %s; retrying in %.1f s",
                    d.id(),
                    d.channel(),
                    d.attempt(),
                    settings.maxAttempts(),
                    withoutAddresses(shortError),
                    waitSeconds);
            return;
        }
        Optional<Instant> failedAt = notifications.markFailed(d, shortError);
        if (failedAt.isEmpty()) {
            return;
        }
        failed.increment();
        // Logs and the dead letter name the notification, never its recipient or subject (an address, a person's
        // name): IT reads those in the notification itself (GET /api/v1/notifications), where access is checked.
        String publicError = withoutAddresses(shortError);
        LOG.warnf(
                "Notification %s (%s) failed %s after %d attempts: %s; dead-lettered",
                d.id(), d.channel(), permanent ? "permanently" : "every time", d.attempt(), publicError);
        UUID key = d.reportId() != null ? d.reportId() : d.eventId();
        outbox.publish(new OutgoingEvent(
                Topics.NOTIFICATIONS_DEAD_LETTER,
                key.toString(),
                "Notification",
                d.id().toString(),
                d.attempt(),
                NotificationDeadLettered.TYPE,
                NotificationDeadLettered.SCHEMA_VERSION,
                new NotificationDeadLettered(
                        d.id(),
                        d.eventId(),
                        d.eventType(),
                        d.reportId(),
                        d.deviceId(),
                        d.channel().name(),
                        d.attempt(),
                        publicError,
                        failedAt.get())));
    }

    /**
     * The error text with every e-mail address in it replaced: mail servers name the refused recipient in their reply
     * ("550 5.1.1 <jane.doe@...>: mailbox unavailable"), and such text goes to logs and events.
     */
    static String withoutAddresses(String error) {
        return error == null ? null : ADDRESS.matcher(error).replaceAll("<address>");
    }

    /** Exponential backoff from the initial wait, capped, with up to 20% jitter so retries do not march in step. */
    double backoffSeconds(int attempt) {
        double base = settings.initialBackoff().toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(base, settings.maxBackoff().toMillis());
        double jitter = capped * 0.2 * ThreadLocalRandom.current().nextDouble();
        return (capped + jitter) / 1000.0;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
