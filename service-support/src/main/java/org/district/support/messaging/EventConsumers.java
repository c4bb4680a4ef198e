package org.district.support.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.support.domain.Failures;
import org.district.support.kafka.KafkaClients;
import org.district.support.kafka.KafkaSettings;
import org.district.support.kafka.TopicInitializer;
import org.district.support.metrics.Meters;
import org.jboss.logging.Logger;

/**
 * Runs Kafka consumer loops with at-least-once delivery and exactly-once effects.
 *
 * <p>Each batch is applied in one database transaction together with the record of its event ids ({@link
 * ProcessedEvents}); offsets are committed only after that transaction commits. While the database is unreachable the
 * loop pauses its partitions and retries the same batch, so nothing is skipped. An event that fails for any other
 * reason is retried on its own and, after three attempts, stored in {@code consumer_dead_letter} and logged, so one bad
 * event never blocks the others. Replicas share the partitions of each group.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    private static final int ATTEMPTS = 3;

    @Inject
    KafkaClients kafka;

    @Inject
    ObjectMapper mapper;

    @Inject
    ProcessedEvents inbox;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    TopicInitializer topics;

    @Inject
    KafkaSettings kafkaSettings;

    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private final String instance = Long.toString(ProcessHandle.current().pid()) + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    /** Starts the group's consumer threads; call once, from a startup observer. */
    public void start(ConsumerSpec spec, EventHandler handler) {
        for (int i = 0; i < spec.threads(); i++) {
            Worker worker = new Worker(spec, handler, spec.group() + "-" + instance + "-" + i);
            workers.add(worker);
            worker.thread.start();
        }
    }

    /** Stops every consumer after its current batch; uncommitted work is redelivered to whoever takes over. */
    void onStop(@Observes ShutdownEvent event) {
        workers.forEach(Worker::stop);
        for (Worker worker : workers) {
            try {
                worker.thread.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    /** Stops and restarts nothing: lets tests and drills stop one group's consumers as a crash would. */
    public void stopGroup(String group) {
        for (Worker worker : workers) {
            if (worker.spec.group().equals(group)) {
                worker.stop();
                try {
                    worker.thread.join(TimeUnit.SECONDS.toMillis(20));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                workers.remove(worker);
            }
        }
    }

    private final class Worker implements Runnable, ConsumerRebalanceListener {
        final ConsumerSpec spec;
        final EventHandler handler;
        final String clientId;
        final Thread thread;
        final Counter processed;
        final Counter duplicates;
        final Counter deadLettered;
        volatile boolean running = true;
        volatile boolean rebalanced;
        KafkaConsumer<String, String> consumer;

        Worker(ConsumerSpec spec, EventHandler handler, String clientId) {
            this.spec = spec;
            this.handler = handler;
            this.clientId = clientId;
            this.thread = new Thread(this, "consumer-" + clientId);
            this.thread.setDaemon(true);
            this.processed = counter("processed");
            this.duplicates = counter("duplicate");
            this.deadLettered = counter("dead_lettered");
        }

        private Counter counter(String outcome) {
            return Meters.counter(
                    registry,
                    "district.consumer.events",
                    "Events consumed, by outcome",
                    "group",
                    spec.group(),
                    "outcome",
                    outcome);
        }

        void stop() {
            running = false;
            KafkaConsumer<String, String> c = consumer;
            if (c != null) {
                c.wakeup();
            }
        }

        @Override
        public void run() {
            long backoff = 0;
            try (KafkaConsumer<String, String> c = kafka.manualCommitConsumer(
                            kafkaSettings.groupPrefix().orElse("") + spec.group(), clientId, spec.maxPollRecords());
                    KafkaClientMetrics metrics = new KafkaClientMetrics(c)) {
                consumer = c;
                metrics.bindTo(registry);
                // Subscribing before the topics exist only produces warnings; wait (bounded) for their creation.
                topics.awaitTopics(Duration.ofSeconds(30));
                c.subscribe(spec.topics(), this);
                while (running) {
                    try {
                        ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                        backoff = 0;
                        if (records.isEmpty()) {
                            continue;
                        }
                        rebalanced = false;
                        if (handleBatch(records)) {
                            commit(records);
                        }
                    } catch (WakeupException e) {
                        if (running) {
                            LOG.debugf("Consumer %s woken up", clientId);
                        }
                    } catch (RuntimeException e) {
                        backoff = backoff == 0 ? 500 : Math.min(backoff * 2, 10_000);
                        LOG.warnf("Consumer %s failed (%s); retrying in %d ms", clientId, e.getMessage(), backoff);
                        pauseFor(backoff);
                    }
                }
            } catch (WakeupException e) {
                LOG.debugf("Consumer %s stopped", clientId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Consumer %s stopped unexpectedly", clientId);
            } finally {
                consumer = null;
            }
        }

        /** Applies the batch; false when it was abandoned (shutdown or rebalance) and must not be committed. */
        private boolean handleBatch(ConsumerRecords<String, String> records) {
            List<ConsumedEvent> events = new ArrayList<>(records.count());
            for (ConsumerRecord<String, String> record : records) {
                try {
                    events.add(parse(record));
                } catch (UnreadableEventException e) {
                    // An event no handler may read (not JSON, no id, or a known type off its own topic): kept for IT.
                    LOG.warnf(
                            "Event at %s-%d@%d not read by %s (%s); moved to consumer_dead_letter",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            spec.group(),
                            // Our own words; a parser's could quote the payload, which stays in the table only.
                            e.getCause() == null
                                    ? e.getMessage()
                                    : "not readable: " + e.getCause().getClass().getSimpleName());
                    deadLettered.increment();
                    deadLetter(
                            spec.group(),
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.key(),
                            null,
                            record.value(),
                            e);
                }
            }
            if (events.isEmpty()) {
                return true;
            }
            long backoff = 0;
            while (running) {
                try {
                    apply(events);
                    return true;
                } catch (Exception e) {
                    if (!isTransient(e)) {
                        LOG.infof(
                                "Batch of %d events failed in %s (%s); applying them one at a time",
                                events.size(), spec.group(), rootMessage(e));
                        return handleOneByOne(events);
                    }
                    backoff = backoff == 0 ? 500 : Math.min(backoff * 2, 10_000);
                    LOG.warnf(
                            "Database unavailable for %s (%s); retrying the batch in %d ms",
                            spec.group(), rootMessage(e), backoff);
                    pauseFor(backoff);
                    if (rebalanced) {
                        rewind(events);
                        return false;
                    }
                }
            }
            rewind(events);
            return false;
        }

        private boolean handleOneByOne(List<ConsumedEvent> events) {
            for (ConsumedEvent event : events) {
                int attempt = 0;
                long backoff = 200;
                while (true) {
                    if (!running || rebalanced) {
                        rewind(events.subList(events.indexOf(event), events.size()));
                        return false;
                    }
                    try {
                        apply(List.of(event));
                        break;
                    } catch (Exception e) {
                        if (isTransient(e)) {
                            pauseFor(backoff);
                            backoff = Math.min(backoff * 2, 10_000);
                            continue;
                        }
                        attempt++;
                        if (attempt >= ATTEMPTS) {
                            LOG.errorf(
                                    e,
                                    "Event %s failed %d times in %s; moved to consumer_dead_letter",
                                    event,
                                    attempt,
                                    spec.group());
                            deadLettered.increment();
                            deadLetter(
                                    spec.group(),
                                    event.topic(),
                                    event.partition(),
                                    event.offset(),
                                    event.key(),
                                    event.eventId().toString(),
                                    event.rawValue(),
                                    e);
                            break;
                        }
                        pauseFor(backoff);
                        backoff = Math.min(backoff * 2, 10_000);
                    }
                }
            }
            return true;
        }

        private void apply(List<ConsumedEvent> events) {
            QuarkusTransaction.requiringNew().run(() -> {
                List<ConsumedEvent> fresh = spec.deduplicate() ? inbox.firstTime(spec.group(), events) : events;
                duplicates.increment(events.size() - fresh.size());
                if (!fresh.isEmpty()) {
                    try {
                        handler.handle(fresh, this::releaseEntities);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                processed.increment(fresh.size());
            });
        }

        /**
         * Between two events of a batch: writes what the last event changed and empties the persistence context. In a
         * batch of hundreds of events (a consumer catching up) the context would otherwise hold every entity loaded so
         * far, and each query's automatic flush would check them all again: the batch's cost would grow with the
         * square of its size.
         */
        private void releaseEntities() {
            em.flush();
            em.clear();
        }

        /** Keeps the group membership alive (polling with all partitions paused) while waiting. */
        private void pauseFor(long millis) {
            KafkaConsumer<String, String> c = consumer;
            if (c == null) {
                return;
            }
            Collection<TopicPartition> assigned = c.assignment();
            c.pause(assigned);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            try {
                while (running && System.nanoTime() < deadline) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    ConsumerRecords<String, String> unexpected =
                            c.poll(Duration.ofMillis(Math.max(1, Math.min(left, 200))));
                    if (!unexpected.isEmpty()) {
                        // Partitions assigned during the wait are not paused; give their records back.
                        for (TopicPartition tp : unexpected.partitions()) {
                            c.seek(tp, unexpected.records(tp).get(0).offset());
                        }
                        c.pause(c.assignment());
                    }
                }
            } catch (WakeupException e) {
                if (running) {
                    throw e;
                }
            } finally {
                c.resume(c.paused());
            }
        }

        /** Moves the consumer back to the first offset of events it will not commit, on partitions it still owns. */
        private void rewind(List<ConsumedEvent> events) {
            KafkaConsumer<String, String> c = consumer;
            if (c == null || events.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> first = new HashMap<>();
            for (ConsumedEvent event : events) {
                first.merge(new TopicPartition(event.topic(), event.partition()), event.offset(), Math::min);
            }
            Collection<TopicPartition> assigned = c.assignment();
            first.forEach((tp, offset) -> {
                if (assigned.contains(tp)) {
                    c.seek(tp, offset);
                }
            });
        }

        private void commit(ConsumerRecords<String, String> records) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition tp : records.partitions()) {
                List<ConsumerRecord<String, String>> list = records.records(tp);
                offsets.put(tp, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
            }
            try {
                consumer.commitSync(offsets);
            } catch (CommitFailedException | RebalanceInProgressException e) {
                // The partitions moved; the new owner re-reads from the last commit and deduplicates.
                LOG.infof("Offsets of %s not committed after a rebalance: %s", spec.group(), e.getMessage());
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                rebalanced = true;
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.debugf("%s assigned %s", clientId, partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            rebalanced = true;
        }
    }

    private ConsumedEvent parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new UnreadableEventException("Record without a value (tombstone) at offset " + record.offset(), null);
        }
        try {
            JsonNode root = mapper.readTree(record.value());
            String id = header(record, EventHeaders.EVENT_ID);
            if (id == null) {
                id = root.path("eventId").asText(null);
            }
            if (id == null) {
                throw new UnreadableEventException("Event without an event id", null);
            }
            String type = header(record, EventHeaders.EVENT_TYPE);
            if (type == null) {
                type = root.path("eventType").asText(null);
            }
            if (!Topics.mayCarry(record.topic(), type)) {
                // Only its owner's topic carries an event of this type: one read elsewhere was forged.
                throw new UnreadableEventException(
                        "A " + type + " event on " + record.topic() + ", which its publisher never writes to", null);
            }
            String correlation = header(record, EventHeaders.CORRELATION_ID);
            if (correlation == null) {
                correlation = root.path("correlationId").asText(null);
            }
            String occurred = root.path("occurredAt").asText(null);
            return new ConsumedEvent(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    UUID.fromString(id),
                    type,
                    root.path("schemaVersion").asInt(1),
                    occurred == null ? null : Instant.parse(occurred),
                    root.path("aggregateVersion").asLong(0),
                    correlation,
                    root.path("data"),
                    record.value(),
                    mapper);
        } catch (UnreadableEventException e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableEventException(
                    "Unreadable event at offset " + record.offset() + ": " + e.getMessage(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void deadLetter(
            String group,
            String topic,
            int partition,
            long offset,
            String key,
            String eventId,
            String payload,
            Throwable error) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into consumer_dead_letter"
                            + " (consumer, topic, partition_no, record_offset, record_key, event_id, payload, error)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, group)
                    .setParameter(2, topic)
                    .setParameter(3, partition)
                    .setParameter(4, offset)
                    .setParameter(5, key)
                    .setParameter(6, eventId)
                    .setParameter(7, payload)
                    .setParameter(8, rootMessage(error))
                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not store dead letter for %s-%d@%d", topic, partition, offset);
        }
    }

    static boolean isTransient(Throwable e) {
        return Failures.isTransient(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
