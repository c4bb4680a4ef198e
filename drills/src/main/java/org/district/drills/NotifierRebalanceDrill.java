package org.district.drills;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.district.bench.BearerTokens;
import org.district.bench.LossReportReadModel;
import org.district.bench.SmtpSink;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;

/**
 * Drill 5: a notifier consumer killed mid-batch, and consumer-group rebalances. Replica A of loss-report-service takes
 * the reports and sends the email; replicas B and C only run the consumers (the IT and supervisor notifier groups, 6
 * partitions each), so killing one kills consumers and nothing else. B is killed with SIGKILL while it is consuming
 * (records fetched, batches being applied, offsets not yet committed), restarted, killed again, and C joins later:
 * each step moves partitions between members. No notification may be lost and none doubled.
 */
public final class NotifierRebalanceDrill extends Drill {

    private static final String PROCESSED = "district_consumer_events_total";

    NotifierRebalanceDrill(String[] args) throws Exception {
        super("Drill 5: notifier consumer killed mid-batch, consumer-group rebalances", args);
    }

    public static void main(String[] args) throws Exception {
        execute(new NotifierRebalanceDrill(args));
    }

    @Override
    void run() throws Exception {
        double rate = options.decimal("rate", 20);
        double settle = options.decimal("settle", 10);
        int smtp = options.integer("smtp-port", 2626);
        // The traffic runs until the last step is done (plus a little); this many reportable devices is the cap.
        int total = options.integer("max-reports", 6000);
        ObjectMapper json = new ObjectMapper();

        Stack.say("Preparing: PostgreSQL, a fresh bench broker, an empty drills schema, the SMTP sink");
        stack.ensurePostgres();
        stack.resetBroker();
        Database db = new Database(Service.Kind.LOSS_REPORT.database);
        db.reset();
        SmtpSink mail = closeAtEnd(new SmtpSink(smtp));
        Service a = replica("drill5-lossreport-a", options.integer("port-a", 8192), smtp, true);
        a.start(STARTUP);
        String run = Fixtures.runTag();
        List<LossReportReadModel.Holder> holders = Fixtures.seedLossReportReadModel(db, run, total);
        BearerTokens staff = closeAtEnd(Fixtures.staffTokens(holders));
        Service b = replica("drill5-lossreport-b", options.integer("port-b", 8195), smtp, false);
        b.start(STARTUP);

        Stack.say("Reports at %.0f/s to replica A; B consumes alongside A", rate);
        Traffic traffic = new Traffic(
                        "reports",
                        rate,
                        total,
                        256,
                        i -> Fixtures.lossReport(
                                a.base(),
                                staff.header(holders.get((int) i).districtId()),
                                holders.get((int) i).assetTag(),
                                i))
                .start();
        List<String> steps = new ArrayList<>();
        Pause.seconds(settle);
        steps.add(killWhileConsuming(b, traffic, db));
        Pause.seconds(settle);
        b.start(STARTUP);
        steps.add(String.format("%.1f s: B restarted (joins the groups)", traffic.elapsedSeconds()));
        Pause.seconds(settle);
        steps.add(killWhileConsuming(b, traffic, db));
        Pause.seconds(settle);
        Service c = replica("drill5-lossreport-c", options.integer("port-c", 8196), smtp, false);
        c.start(STARTUP);
        steps.add(String.format("%.1f s: C started (joins the groups)", traffic.elapsedSeconds()));
        Pause.seconds(settle * 2);
        traffic.stop();
        traffic.awaitDone(Duration.ofMinutes(5));
        List<Traffic.Outcome> outcomes = traffic.outcomes();
        Stack.say("All %d reports answered: %s", outcomes.size(), Traffic.summary(outcomes));

        Map<String, Long> stored = new HashMap<>();
        for (Map<String, Object> row : db.rows("select id::text as id, circumstances from loss_report")) {
            stored.put((String) row.get("id"), Fixtures.markerIn((String) row.get("circumstances")));
        }
        long ackMissing = 0;
        for (Traffic.Outcome o : outcomes) {
            if (o.status() == 201
                    && !stored.containsKey(json.readTree(o.body()).path("id").asText())) {
                ackMissing++;
            }
        }
        Map<String, Set<String>> expected = new HashMap<>();
        stored.forEach((id, n) -> expected.put(
                id, Set.of(Fixtures.IT_EMAIL, holders.get((int) (long) n).supervisorEmail())));
        Stack.say("Waiting for every notification (lag 0 in both notifier groups, every email sent)");
        Map<String, Long> lags = new HashMap<>();
        boolean settled;
        try (Broker broker = new Broker()) {
            settled = waitFor(Duration.ofSeconds(300), () -> {
                lags.clear();
                lags.putAll(broker.lags());
                return lags.getOrDefault("it-notifier", 1L) == 0
                        && lags.getOrDefault("supervisor-notifier", 1L) == 0
                        && db.number("select count(*) from notification where status in ('PENDING', 'RETRYING')") == 0
                        && MailCount.of(expected, mail.mails(), SmtpSink.Accepted::reportId).missing == 0;
            });
        }
        Pause.seconds(5);
        MailCount emails = MailCount.of(expected, mail.mails(), SmtpSink.Accepted::reportId);
        long events = db.number("select count(*) from outbox_event where event_type = 'LossReported'");
        Map<String, Long> processedPerGroup = db.counts("select consumer, count(*) from processed_event"
                + " where consumer in ('it-notifier', 'supervisor-notifier') group by consumer order by consumer");
        Map<String, Long> notificationsPerGroup =
                db.counts("select consumer, count(*) from notification group by consumer order by consumer");
        long deadLetters = db.number("select count(*) from consumer_dead_letter");
        double redeliveredA = a.metric(PROCESSED, "outcome=\"duplicate\"", "notifier");
        double redeliveredC = c.metric(PROCESSED, "outcome=\"duplicate\"", "notifier");
        double redelivered = Math.max(0, redeliveredA) + Math.max(0, redeliveredC);

        verdict.count("reports", Traffic.summary(outcomes));
        verdict.count("steps", String.join("; ", steps));
        verdict.count("201 reports not stored", ackMissing);
        verdict.count("LossReported events", events);
        verdict.count("events processed per notifier group (inbox)", processedPerGroup);
        verdict.count("notification rows per group", notificationsPerGroup);
        verdict.count(
                "redelivered events skipped as duplicates (A / C; B's counts died with it)",
                String.format("%.0f / %.0f", redeliveredA, redeliveredC));
        verdict.count("consumer dead letters", deadLetters);
        verdict.count("consumer lag at the end", lags);
        verdict.count("emails per report and recipient", emails.toString());

        verdict.check("every 201 report is stored", ackMissing == 0, ackMissing + " missing");
        verdict.check(
                "B was killed twice in the middle of consuming (records fetched and not yet committed)",
                steps.stream().filter(st -> st.contains("while consuming")).count() == 2,
                String.join("; ", steps));
        verdict.check(
                "both notifier groups processed every event once",
                processedPerGroup.getOrDefault("it-notifier", 0L) == events
                        && processedPerGroup.getOrDefault("supervisor-notifier", 0L) == events
                        && deadLetters == 0,
                events + " events; processed " + processedPerGroup + "; " + deadLetters + " dead letters");
        verdict.check(
                "no notification lost, none doubled: exactly one email to IT and one to the supervisor per report",
                settled && emails.exact(),
                emails + (emails.examples.isEmpty() ? "" : "; e.g. " + emails.examples));
        verdict.headline(String.format(
                "%d reports; 2 kills mid-batch + 3 joins; redelivered and skipped %d; emails %d/%d exactly once,"
                        + " %d missing, %d doubled",
                stored.size(),
                (long) redelivered,
                emails.exactlyOnce,
                emails.expected,
                emails.missing,
                emails.doubled));
    }

    /** A loss-report-service replica; only A sends email. Failed members are noticed after 10 s (not 45 s). */
    private Service replica(String name, int port, int smtp, boolean delivers) {
        return Fixtures.lossReportSettings(service(Service.Kind.LOSS_REPORT, name, port), smtp)
                .property("district.notify.delivery-enabled", Boolean.toString(delivers))
                .property("kafka.session.timeout.ms", "10000")
                .property("kafka.heartbeat.interval.ms", "2000");
    }

    /**
     * Kills the replica (SIGKILL) while its notifier consumers are busy: they applied events within the last moments
     * and their groups have records not yet committed. Right after the kill, counts the events whose effects the
     * database already holds but whose offsets were not committed: the work the next owner of the partitions receives
     * again and must recognise.
     */
    private static String killWhileConsuming(Service s, Traffic traffic, Database db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean busy = false;
        double previous = s.metric(PROCESSED, "outcome=\"processed\"", "notifier");
        double latest = previous;
        try (Broker broker = new Broker()) {
            while (!busy && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(250);
                latest = s.metric(PROCESSED, "outcome=\"processed\"", "notifier");
                busy = previous >= 0 && latest > previous;
                previous = latest;
            }
            s.kill();
            double at = traffic.elapsedSeconds();
            Map<String, Long> uncommitted = new TreeMap<>();
            for (String group : List.of("it-notifier", "supervisor-notifier")) {
                uncommitted.put(group, appliedNotCommitted(broker, db, group));
            }
            return String.format(
                    "%.1f s: B killed (SIGKILL) %s (it had applied %.0f events); events applied in the database but"
                            + " not committed in Kafka: %s",
                    at, busy ? "while consuming" : "(not seen consuming in 60 s)", latest, uncommitted);
        }
    }

    /**
     * Events the group's inbox holds whose offset is at or past the group's committed offset. The inbox is read first
     * and the committed offsets second, so an event counted was still uncommitted after its effects were in the
     * database (the killed member's partitions stay frozen until the group notices it is gone).
     */
    private static long appliedNotCommitted(Broker broker, Database db, String group) throws Exception {
        List<String> applied = new ArrayList<>();
        for (Map<String, Object> row :
                db.rows("select event_id::text as id from processed_event where consumer = ?", group)) {
            applied.add((String) row.get("id"));
        }
        Map<TopicPartition, OffsetAndMetadata> committed = broker.committed(group);
        Map<String, long[]> position = new HashMap<>();
        for (ConsumerRecord<String, String> r : Broker.readAll(Topics.LOSS_REPORTS)) {
            position.put(Broker.header(r, EventHeaders.EVENT_ID), new long[] {r.partition(), r.offset()});
        }
        long count = 0;
        for (String id : applied) {
            long[] p = position.get(id);
            if (p == null) {
                continue;
            }
            OffsetAndMetadata c = committed.get(new TopicPartition(Topics.LOSS_REPORTS, (int) p[0]));
            if (c == null || p[1] >= c.offset()) {
                count++;
            }
        }
        return count;
    }
}
