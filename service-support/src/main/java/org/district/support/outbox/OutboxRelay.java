package org.district.support.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.district.support.kafka.KafkaClients;
import org.district.support.metrics.Meters;
import org.district.support.sql.AdvisoryLocks;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka, oldest first, and marks them published.
 *
 * <p>Every replica runs a relay; a transaction-scoped advisory lock lets one publish at a time, so events leave in
 * sequence order and one aggregate's events stay in order. Each batch is one Kafka transaction ({@code acks=all}): it
 * becomes visible to {@code read_committed} consumers whole or not at all, so a batch that fails half-way (say the
 * broker comes back while it is being sent) is aborted and sent again in order, and no consumer sees a later event of a
 * device before an earlier one. The rows are marked published only after the Kafka transaction committed; after a
 * crash between the two, the batch is sent again and consumers drop the duplicates by event id. While the broker is
 * down, events wait in the table and the relay backs off. While events keep coming, a batch that follows one that
 * published some but was not full starts {@code district.outbox.batch-gap} after it at the earliest, so events
 * committed close together share a Kafka transaction, each of which costs the broker several writes of its own
 * (docs/benchmarks.md); the first after a quiet spell leaves at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Advisory lock key shared by every replica of a service (each service has its own database). */
    static final long RELAY_LOCK = 0x6F7574626F78L;

    private static final String SELECT_BATCH = "select seq, event_id, topic, record_key, payload::text, headers::text"
            + " from outbox_event where published_at is null order by seq limit ? for update skip locked";
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = now() where seq = any(?)";
    private static final String BACKLOG =
            "select count(*), min(created_at) from outbox_event where published_at is null";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KafkaClients kafka;

    @Inject
    OutboxSettings settings;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestCreatedAtMillis = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;
    private KafkaProducer<String, String> producer;
    private boolean transactionsInitialised;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /**
     * Unique per process: replicas never fence each other; a restarted producer in this process fences its own. It
     * starts with the service's name, the prefix its Kafka user is granted (deploy/kafka/access.txt).
     */
    private final String instanceId = java.util.UUID.randomUUID().toString();

    private Counter published;
    private Counter failures;
    private long lastBacklogCheck;

    void onStart(@Observes @Priority(100) StartupEvent event) {
        published = Meters.counter(registry, "district.outbox.published", "Events the outbox relay published");
        failures = Meters.counter(
                registry, "district.outbox.publish.failures", "Relay batches that failed and will be retried");
        Meters.gauge(
                registry, "district.outbox.backlog", "Committed events not yet published", backlog, AtomicLong::get);
        Meters.gauge(
                registry,
                "district.outbox.oldest.unpublished.age.seconds",
                "Age of the oldest committed event not yet published",
                this,
                OutboxRelay::oldestAgeSeconds);
        if (!settings.relayEnabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the batch in flight; events not yet published stay in the table for the next start. */
    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer(Duration.ofSeconds(5));
    }

    /** Committed events not yet published, as last counted (at most a second old while the relay runs). */
    public long backlog() {
        return backlog.get();
    }

    /** Asks the relay to look for events now (called after a transaction with events commits). */
    public void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        long backoffMillis = 0;
        long gapNanos = settings.batchGap().toNanos();
        long lastBatch = System.nanoTime() - gapNanos;
        boolean lastFull = false;
        while (running) {
            try {
                long gap = lastBatch + gapNanos - System.nanoTime();
                if (!lastFull && gap > 0) {
                    TimeUnit.NANOSECONDS.sleep(gap);
                    if (!running) {
                        return;
                    }
                }
                long started = System.nanoTime();
                int count = publishBatch();
                if (count > 0) {
                    // Only batches that published count: a look that found nothing does not delay the next one.
                    lastBatch = started;
                }
                lastFull = count >= settings.batchSize();
                backoffMillis = 0;
                refreshBacklog(false);
                if (lastFull) {
                    continue;
                }
                waitForWork(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.increment();
                backoffMillis = backoffMillis == 0 ? 200 : Math.min(backoffMillis * 2, 10_000);
                LOG.warnf("Outbox relay could not publish (%s); retrying in %d ms", describe(e), backoffMillis);
                refreshBacklog(true);
                try {
                    waitForWork(backoffMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void waitForWork(long millis) throws InterruptedException {
        if (wakeUps.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
        }
    }

    /**
     * Publishes one batch. Returns the number of events published; 0 when there was nothing to do or another replica
     * holds the relay lock.
     */
    int publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryRelayLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Row> rows = selectBatch(connection);
                if (rows.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                List<Long> sent = send(rows);
                markPublished(connection, sent);
                connection.commit();
                published.increment(sent.size());
                return sent.size();
            } catch (SQLException | RuntimeException e) {
                safeRollback(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private boolean tryRelayLock(Connection connection) throws SQLException {
        return AdvisoryLocks.tryForTransaction(connection, RELAY_LOCK);
    }

    private List<Row> selectBatch(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(SELECT_BATCH)) {
            ps.setInt(1, settings.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)));
                }
            }
        }
        return rows;
    }

    /**
     * Sends the rows in order, in one Kafka transaction, and returns their sequence numbers once it committed. Any
     * failure aborts the whole transaction, so nothing of the batch becomes visible and it is retried as a whole.
     */
    private List<Long> send(List<Row> rows) {
        KafkaProducer<String, String> p = producer();
        try {
            p.beginTransaction();
            for (Row row : rows) {
                p.send(toRecord(row));
            }
            p.commitTransaction();
        } catch (ProducerFencedException
                | OutOfOrderSequenceException
                | InvalidProducerEpochException
                | AuthorizationException
                | UnsupportedVersionException e) {
            // Fatal for this producer instance: start over with a fresh one (same transactional id, which fences and
            // aborts whatever it left open).
            closeProducer(Duration.ZERO);
            throw e;
        } catch (KafkaException e) {
            try {
                p.abortTransaction();
            } catch (RuntimeException abortFailure) {
                closeProducer(Duration.ZERO);
            }
            throw e;
        }
        List<Long> seqs = new ArrayList<>(rows.size());
        rows.forEach(row -> seqs.add(row.seq()));
        return seqs;
    }

    /** The transactional producer, created and initialised on first use (and again after a fatal error). */
    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = kafka.transactionalProducer("outbox-relay", applicationName + "-outbox-" + instanceId);
            transactionsInitialised = false;
        }
        if (!transactionsInitialised) {
            // Blocks up to max.block.ms while the broker is unreachable; a timeout is retried on the next attempt.
            producer.initTransactions();
            transactionsInitialised = true;
        }
        return producer;
    }

    private void closeProducer(Duration timeout) {
        KafkaProducer<String, String> p = producer;
        producer = null;
        transactionsInitialised = false;
        if (p != null) {
            try {
                p.close(timeout);
            } catch (RuntimeException e) {
                LOG.debugf("Closing the relay producer: %s", e.getMessage());
            }
        }
    }

    private ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        try {
            Map<String, String> headers = mapper.readValue(row.headers(), new TypeReference<Map<String, String>>() {});
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable headers of outbox event " + row.eventId(), e);
        }
        return record;
    }

    private void markPublished(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(MARK_PUBLISHED)) {
            Array array = connection.createArrayOf("bigint", seqs.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }

    private void refreshBacklog(boolean force) {
        long now = System.currentTimeMillis();
        if (!force && now - lastBacklogCheck < 1000) {
            return;
        }
        lastBacklogCheck = now;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(BACKLOG);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            backlog.set(rs.getLong(1));
            Timestamp oldest = rs.getTimestamp(2);
            oldestCreatedAtMillis.set(oldest == null ? 0 : oldest.getTime());
        } catch (SQLException e) {
            LOG.debugf("Could not read the outbox backlog: %s", e.getMessage());
        }
    }

    private double oldestAgeSeconds() {
        long oldest = oldestCreatedAtMillis.get();
        return oldest == 0 ? 0 : Math.max(0, (Instant.now().toEpochMilli() - oldest) / 1000.0);
    }

    private static void safeRollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debugf("Rollback failed: %s", e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        return e == null ? "unknown" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private record Row(long seq, String eventId, String topic, String key, String payload, String headers) {}
}
