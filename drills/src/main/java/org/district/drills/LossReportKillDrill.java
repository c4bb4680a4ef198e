package org.district.drills;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.district.bench.BearerTokens;
import org.district.bench.LossReportReadModel;
import org.district.bench.SmtpSink;
import org.district.contracts.Topics;

/**
 * Drill 1: kill -9 of loss-report-service while 1,000 reports are being submitted, then restart. Each report is sent
 * with an Idempotency-Key, and a report whose first attempt got no 201 is sent again after the restart, byte for byte,
 * as the phone would. Every report that got a 201 must be stored, once, with the submitted content; no 201 may name a
 * report that is not stored (a retry of a report that was committed just before the kill must return that report,
 * not file a second one); every stored report must produce exactly one email to IT and one to the holder's
 * supervisor. "One email" is one message as mail systems count them, by Message-ID: a message whose acceptance by the
 * mail server the kill cut off from the service's record of it is sent again after the lease with the same Message-ID,
 * and that copy is counted and shown, bounded by the deliveries in flight; any other repeat fails the drill (see
 * {@link MailCount}).
 */
public final class LossReportKillDrill extends Drill {

    LossReportKillDrill(String[] args) throws Exception {
        super("Drill 1: kill -9 of loss-report-service during 1,000 reports", args);
    }

    public static void main(String[] args) throws Exception {
        execute(new LossReportKillDrill(args));
    }

    @Override
    void run() throws Exception {
        int total = options.integer("reports", 1000);
        double rate = options.decimal("rate", 20);
        double killAt = options.decimal("kill-at", 0.4);
        int port = options.integer("port", 8192);
        int smtp = options.integer("smtp-port", 2626);
        // Deliveries one replica has in flight at most: the most messages a single kill can cut off from their record.
        int deliveryConcurrency = 16;
        ObjectMapper json = new ObjectMapper();

        Stack.say("Preparing: PostgreSQL, a fresh bench broker, an empty drills schema, the SMTP sink");
        stack.ensurePostgres();
        stack.resetBroker();
        Database db = new Database(Service.Kind.LOSS_REPORT.database);
        db.reset();
        SmtpSink mail = closeAtEnd(new SmtpSink(smtp));
        Service service = Fixtures.lossReportSettings(
                        service(Service.Kind.LOSS_REPORT, "drill1-lossreport", port), smtp)
                .property("district.notify.concurrency", Integer.toString(deliveryConcurrency));
        service.start(STARTUP);

        String run = Fixtures.runTag();
        List<LossReportReadModel.Holder> holders = Fixtures.seedLossReportReadModel(db, run, total);
        BearerTokens staff = closeAtEnd(Fixtures.staffTokens(holders));
        Instant lastSeen = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        java.util.function.LongFunction<java.net.http.HttpRequest> report = i -> Fixtures.lossReport(
                service.base(),
                staff.header(holders.get((int) i).districtId()),
                holders.get((int) i).assetTag(),
                i,
                lastSeen,
                "drill1-" + run + "-" + i);
        Stack.say(
                "Seeded %d laptops held by %d staff members; submitting %d reports at %.0f/s",
                total, LossReportReadModel.staff(holders).size(), total, rate);

        Traffic first = new Traffic("reports", rate, total, 256, report).start();
        long killIndex = (long) (total * killAt);
        first.awaitSent(killIndex);
        long pid = service.pid();
        service.kill();
        long killNanos = System.nanoTime();
        double killedAt = first.elapsedSeconds();
        Stack.say("Killed loss-report-service (pid %d) with SIGKILL after %d of %d requests", pid, killIndex, total);
        service.start(STARTUP);
        double backAt = first.elapsedSeconds();
        long restartedNanos = System.nanoTime();
        first.awaitDone(Duration.ofMinutes(5));
        List<Traffic.Outcome> firstOutcomes = first.outcomes();
        first.writeCsv(stack.logs.resolve("drill1-first-attempts.csv"));
        Stack.say("First attempts: %s", Traffic.summary(firstOutcomes));

        // What the clients were told: the report id of each 201, over the first attempt and the retries.
        Map<Long, String> acknowledged = new HashMap<>();
        long unreadable = 0;
        unreadable += record(firstOutcomes, i -> i, acknowledged, json);
        Map<Long, String> firstAcknowledged = new HashMap<>(acknowledged);

        // Phones retry what got no 201, with the same key and body, until it is acknowledged.
        List<Traffic.Outcome> retryOutcomes = new ArrayList<>();
        for (int pass = 1; pass <= 3 && acknowledged.size() < total; pass++) {
            List<Long> pending = new ArrayList<>();
            for (long i = 0; i < total; i++) {
                if (!acknowledged.containsKey(i)) {
                    pending.add(i);
                }
            }
            Stack.say("Retry pass %d: %d reports", pass, pending.size());
            Traffic retry =
                    new Traffic("retries", rate, pending.size(), 256, j -> report.apply(pending.get((int) j))).start();
            retry.awaitDone(Duration.ofMinutes(5));
            List<Traffic.Outcome> outcomes = retry.outcomes();
            retryOutcomes.addAll(outcomes);
            unreadable += record(outcomes, j -> pending.get((int) j), acknowledged, json);
        }

        // What the database holds: every report of this run, by its marker.
        Map<String, Long> stored = new HashMap<>();
        Map<Long, Integer> storedPerMarker = new HashMap<>();
        for (Map<String, Object> row : db.rows("select id::text as id, circumstances from loss_report")) {
            long marker = Fixtures.markerIn((String) row.get("circumstances"));
            stored.put((String) row.get("id"), marker);
            storedPerMarker.merge(marker, 1, Integer::sum);
        }
        // A retry answered from the idempotency record: its first attempt was committed, but its 201 never arrived.
        long storedBeforeRetries = retryOutcomes.stream()
                .filter(o -> o.status() == 201 && o.replayed())
                .count();

        // Every stored report must reach IT and its holder's supervisor, exactly once each.
        Map<String, Set<String>> expected = new HashMap<>();
        stored.forEach((id, marker) -> expected.put(
                id, Set.of(Fixtures.IT_EMAIL, holders.get((int) (long) marker).supervisorEmail())));
        Stack.say("Waiting for the notifications of %d stored reports (and past the delivery lease)", stored.size());
        boolean settled = waitFor(Duration.ofSeconds(300), () -> {
            boolean leasePassed = System.nanoTime() - restartedNanos
                    > Fixtures.LEASE.plusSeconds(10).toNanos();
            long open = db.number("select count(*) from notification where status in ('PENDING', 'RETRYING')");
            return leasePassed
                    && open == 0
                    && MailCount.of(expected, mail.mails(), SmtpSink.Accepted::reportId).missing == 0;
        });
        // A last look a little later, for any message sent twice after the wait ended.
        Pause.seconds(5);
        MailCount emails = MailCount.of(expected, mail.mails(), SmtpSink.Accepted::reportId, List.of(killNanos));

        long ackMissing = acknowledged.values().stream()
                .filter(id -> !stored.containsKey(id))
                .count();
        long ackWrongContent = acknowledged.entrySet().stream()
                .filter(e -> stored.containsKey(e.getValue()) && stored.get(e.getValue()) != (long) e.getKey())
                .count();
        long storedTwice = storedPerMarker.values().stream().filter(n -> n > 1).count();
        long neverAcknowledged = total - acknowledged.size();
        Map<String, Integer> onTopic = Broker.recordsPerEventId(Topics.LOSS_REPORTS);
        long outboxEvents = db.number("select count(*) from outbox_event where event_type = 'LossReported'");
        long resentRows = db.number("select count(*) from notification where attempts > 1");
        List<Traffic.Outcome> beforeKill = first.dueWhen(t -> t < (long) ((killedAt - 1) * 1e9));

        verdict.count("reports", total);
        verdict.count("first attempts: answers", Traffic.summary(firstOutcomes));
        verdict.count("first attempts until 1 s before the kill", Traffic.summary(beforeKill));
        verdict.count("kill -9 at / service ready again at (s)", String.format("%.1f / %.1f", killedAt, backAt));
        verdict.count("retries (same Idempotency-Key and body): answers", Traffic.summary(retryOutcomes));
        verdict.count("reports acknowledged (201) in the end", acknowledged.size());
        verdict.count("  on the first attempt", firstAcknowledged.size());
        verdict.count(
                "  of which the first attempt had committed without its 201 arriving (retry replayed)",
                storedBeforeRetries);
        verdict.count(
                "201 answers unreadable, or naming another report than an earlier 201 for the request", unreadable);
        verdict.count("reports stored", stored.size());
        verdict.count("201 reports not stored", ackMissing);
        verdict.count("201 reports stored with another request's content", ackWrongContent);
        verdict.count("reports stored more than once", storedTwice);
        verdict.count(
                "LossReported events in the outbox / distinct on the topic", outboxEvents + " / " + onTopic.size());
        verdict.count("notification rows attempted more than once", resentRows);
        verdict.count("emails accepted by SMTP", mail.count());
        verdict.count("emails per stored report and recipient", emails.toString());
        verdict.count("doubled emails that repeat one Message-ID", emails.resentSameMessageId());
        verdict.count(
                "  of which resent across the kill (accepted before it, recorded never, sent again after the lease)",
                emails.resentAcrossKill + " (at most " + deliveryConcurrency + ", the deliveries in flight)");
        verdict.count("first-attempt latency (acknowledged)", Traffic.latency(firstOutcomes));

        verdict.check(
                "every 201 report is stored, with the submitted content",
                ackMissing == 0 && ackWrongContent == 0 && unreadable == 0 && !acknowledged.isEmpty(),
                acknowledged.size() + " acknowledged, " + ackMissing + " missing, " + ackWrongContent
                        + " with other content, " + unreadable + " unreadable");
        verdict.check(
                "no report stored twice (a retry after the crash returns the report already filed)",
                storedTwice == 0,
                storedTwice + " reports stored more than once; " + storedBeforeRetries
                        + " retries answered with the report their first attempt had committed");
        verdict.check(
                "the kill hit acknowledged traffic, and the restarted service acknowledged every retried report",
                beforeKill.stream().anyMatch(Traffic.Outcome::acknowledged)
                        && firstAcknowledged.size() < total
                        && neverAcknowledged == 0,
                firstAcknowledged.size() + " acknowledged on the first attempt, " + neverAcknowledged
                        + " never acknowledged");
        verdict.check(
                "every stored report: exactly one email (one Message-ID) to IT and one to the supervisor; a copy"
                        + " only for a message the kill cut off from its sent record",
                emails.exactPerMessage(deliveryConcurrency) && settled,
                emails + (emails.examples.isEmpty() ? "" : "; e.g. " + emails.examples));
        verdict.headline(String.format(
                "201 on first attempt %d of %d, after retries %d; stored %d, twice %d; 201 not stored %d;"
                        + " emails %d/%d exactly once, %d missing, %d doubled (%d of them the same message resent"
                        + " across the kill)",
                firstAcknowledged.size(),
                total,
                acknowledged.size(),
                stored.size(),
                storedTwice,
                ackMissing,
                emails.exactlyOnce,
                emails.expected,
                emails.missing,
                emails.doubled,
                emails.resentAcrossKill));
    }

    /**
     * Records the report id of every 201 under its request number; returns how many 201 bodies were unreadable or
     * named another report than an earlier 201 for the same request.
     */
    private static long record(
            List<Traffic.Outcome> outcomes,
            java.util.function.LongUnaryOperator reportOf,
            Map<Long, String> acknowledged,
            ObjectMapper json) {
        long unreadable = 0;
        for (Traffic.Outcome o : outcomes) {
            if (o.status() != 201) {
                continue;
            }
            try {
                String id = json.readTree(o.body()).path("id").asText();
                String earlier = acknowledged.putIfAbsent(reportOf.applyAsLong(o.index()), id);
                if (earlier != null && !earlier.equals(id)) {
                    unreadable++;
                }
            } catch (Exception e) {
                unreadable++;
            }
        }
        return unreadable;
    }
}
