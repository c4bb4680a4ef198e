package org.district.drills;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.district.bench.BearerTokens;
import org.district.bench.LossReportReadModel;
import org.district.bench.SmtpSink;
import org.district.contracts.Topics;

/**
 * Drill 2: the Kafka broker stopped for 60 seconds while staff file reports and devices check in. Reports and
 * check-ins must keep being accepted (they only write to the services' databases and outboxes); after the broker
 * returns, the outboxes must drain and every event must arrive once: once on its topic, and once in its effects (the
 * IT and supervisor emails, the LOCK and LOCATE commands queued for a reported device, IT's alert for a lost device
 * seen on the network).
 */
public final class BrokerOutageDrill extends Drill {

    BrokerOutageDrill(String[] args) throws Exception {
        super("Drill 2: Kafka broker stopped for 60 s during reports and check-ins", args);
    }

    public static void main(String[] args) throws Exception {
        execute(new BrokerOutageDrill(args));
    }

    @Override
    void run() throws Exception {
        double outage = options.decimal("outage", 60);
        double before = options.decimal("before", 20);
        double after = options.decimal("after", 30);
        double reportRate = options.decimal("report-rate", 4);
        double checkinRate = options.decimal("checkin-rate", 40);
        double lostRate = options.decimal("lost-rate", 2);
        int smtp = options.integer("smtp-port", 2626);
        // Each report and each lost device's check-in uses its own device, so room for the whole run plus margin.
        double expectedSeconds = before + outage + after + 60;
        int reportDevices = (int) (reportRate * expectedSeconds);
        int lostDevices = (int) (lostRate * expectedSeconds);
        int regularDevices = options.integer("devices", 1000);
        ObjectMapper json = new ObjectMapper();

        Stack.say("Preparing: PostgreSQL, a fresh bench broker, empty drills schemas, the SMTP sink");
        stack.ensurePostgres();
        stack.resetBroker();
        Database reportsDb = new Database(Service.Kind.LOSS_REPORT.database);
        Database checkinDb = new Database(Service.Kind.CHECKIN.database);
        reportsDb.reset();
        checkinDb.reset();
        SmtpSink mail = closeAtEnd(new SmtpSink(smtp));
        Service lossReport = Fixtures.lossReportSettings(
                service(Service.Kind.LOSS_REPORT, "drill2-lossreport", options.integer("lossreport-port", 8192)), smtp);
        Service checkin = service(Service.Kind.CHECKIN, "drill2-checkin", options.integer("checkin-port", 8193))
                // Alert IT at every check-in of a lost device (not at most every 5 minutes), so each lost device's
                // check-in is one event.
                .env("LOST_ALERT_INTERVAL", "PT1S");
        lossReport.start(STARTUP);
        checkin.start(STARTUP);

        String run = Fixtures.runTag();
        List<LossReportReadModel.Holder> holders = Fixtures.seedLossReportReadModel(reportsDb, run, reportDevices);
        Fixtures.seedCheckInDevices(
                checkinDb,
                holders.stream().map(LossReportReadModel.Holder::deviceId).toList(),
                "ASSIGNED",
                run + "R");
        List<UUID> regular = Fixtures.ids(regularDevices);
        List<UUID> lost = Fixtures.ids(lostDevices);
        Fixtures.seedCheckInDevices(checkinDb, regular, "ASSIGNED", run);
        Fixtures.seedCheckInDevices(checkinDb, lost, "LOST", run);
        BearerTokens staff = closeAtEnd(Fixtures.staffTokens(holders));
        String[] regularCredentials = Fixtures.deviceCredentials(regular);
        String[] lostCredentials = Fixtures.deviceCredentials(lost);
        Stack.say(
                "Seeded %d reportable laptops, %d devices checking in, %d lost devices; traffic: %.0f reports/s,"
                        + " %.0f check-ins/s, %.0f lost-device check-ins/s",
                reportDevices, regularDevices, lostDevices, reportRate, checkinRate, lostRate);

        // Check-in markers: regular devices use 0.., lost devices 10,000,000.. so the two never collide.
        long lostBase = 10_000_000L;
        Traffic reports = new Traffic(
                "reports",
                reportRate,
                reportDevices,
                256,
                i -> Fixtures.lossReport(
                        lossReport.base(),
                        staff.header(holders.get((int) i).districtId()),
                        holders.get((int) i).assetTag(),
                        i));
        Traffic checkins = new Traffic(
                "checkins",
                checkinRate,
                (long) (checkinRate * 3600),
                512,
                i -> Fixtures.checkIn(checkin.base(), regularCredentials[(int) (i % regularCredentials.length)], i));
        Traffic lostCheckins = new Traffic(
                "lost-checkins",
                lostRate,
                lostDevices,
                64,
                i -> Fixtures.checkIn(checkin.base(), lostCredentials[(int) i], lostBase + i));
        reports.start();
        checkins.start();
        lostCheckins.start();
        long t0 = reports.startNanos();

        Pause.seconds(before);
        Stack.say("Stopping the broker");
        long stopRequested = System.nanoTime() - t0;
        stack.stopBroker();
        long downAt = System.nanoTime() - t0;
        Stack.say("Broker down; holding it down for %.0f s", outage);
        Pause.seconds(outage / 2);
        lossReport.threadDump("broker down for " + (int) (outage / 2) + " s");
        checkin.threadDump("broker down for " + (int) (outage / 2) + " s");
        Pause.seconds(outage / 2);
        long startRequested = System.nanoTime() - t0;
        stack.startBroker();
        long upAt = System.nanoTime() - t0;
        Stack.say("Broker back after %.1f s down", (upAt - downAt) / 1e9);
        Pause.seconds(after);
        reports.stop();
        checkins.stop();
        lostCheckins.stop();
        for (Traffic t : List.of(reports, checkins, lostCheckins)) {
            t.awaitDone(Duration.ofMinutes(2));
        }

        // What the clients were told, by phase. The broker is unavailable from the stop request until it is back.
        List<Traffic.Outcome> beforeOutage = new java.util.ArrayList<>();
        List<Traffic.Outcome> duringOutage = new java.util.ArrayList<>();
        List<Traffic.Outcome> afterOutage = new java.util.ArrayList<>();
        for (Traffic t : List.of(reports, checkins, lostCheckins)) {
            beforeOutage.addAll(t.dueWhen(n -> n < stopRequested));
            duringOutage.addAll(t.dueWhen(n -> n >= stopRequested && n < upAt));
            afterOutage.addAll(t.dueWhen(n -> n >= upAt));
            t.writeCsv(stack.logs.resolve("drill2-" + t.name + ".csv"));
        }
        List<Traffic.Outcome> reportOutcomes = reports.outcomes();
        Map<String, Long> acknowledgedReports = new HashMap<>();
        for (Traffic.Outcome o : reportOutcomes) {
            if (o.status() == 201) {
                acknowledgedReports.put(json.readTree(o.body()).path("id").asText(), o.index());
            }
        }
        Set<Long> acknowledgedCheckins = checkins.outcomes().stream()
                .filter(Traffic.Outcome::acknowledged)
                .map(Traffic.Outcome::index)
                .collect(Collectors.toSet());
        lostCheckins.outcomes().stream()
                .filter(Traffic.Outcome::acknowledged)
                .forEach(o -> acknowledgedCheckins.add(lostBase + o.index()));

        // Drain: the outboxes empty, the consumers caught up, the emails out.
        Stack.say("Waiting for the outboxes to drain and the consumers to catch up");
        long drainStart = System.nanoTime();
        boolean drained = waitFor(Duration.ofSeconds(180), () -> unpublished(reportsDb) + unpublished(checkinDb) == 0);
        double drainSeconds = (System.nanoTime() - t0 - upAt) / 1e9;
        Map<String, Long> storedReports = new HashMap<>();
        for (Map<String, Object> row : reportsDb.rows("select id::text as id, circumstances from loss_report")) {
            storedReports.put((String) row.get("id"), Fixtures.markerIn((String) row.get("circumstances")));
        }
        Map<String, Set<String>> reportRecipients = new HashMap<>();
        Set<String> reportedDevices = new HashSet<>();
        storedReports.forEach((id, n) -> {
            LossReportReadModel.Holder h = holders.get((int) (long) n);
            reportRecipients.put(id, Set.of(Fixtures.IT_EMAIL, h.supervisorEmail()));
            reportedDevices.add(h.deviceId().toString());
        });
        Map<String, Set<String>> alertRecipients = new HashMap<>();
        for (Map<String, Object> row :
                checkinDb.rows("select event_id::text as id from outbox_event where event_type = 'LostDeviceSeen'")) {
            alertRecipients.put((String) row.get("id"), Set.of(Fixtures.IT_EMAIL));
        }
        boolean settled = waitFor(Duration.ofSeconds(240), () -> {
            List<SmtpSink.Accepted> mails = mail.mails();
            return MailCount.of(reportRecipients, mails, SmtpSink.Accepted::reportId).missing == 0
                    && MailCount.of(alertRecipients, mails, SmtpSink.Accepted::eventId).missing == 0
                    && commandsMissing(checkinDb, reportedDevices) == 0
                    && reportsDb.number("select count(*) from notification where status in ('PENDING', 'RETRYING')")
                            == 0;
        });
        try (Broker broker = new Broker()) {
            waitFor(Duration.ofSeconds(60), () -> broker.lags().values().stream()
                    .allMatch(l -> l == 0));
            verdict.count("consumer lag by group at the end", broker.lags());
        }
        Pause.seconds(5);

        // Counting.
        Map<Long, Long> checkinHistory = new HashMap<>();
        for (Map<String, Object> row : checkinDb.rows("select os_build, count(*) as n from checkin_history"
                + " where os_build like 'drill-%' group by os_build")) {
            checkinHistory.put(Fixtures.markerIn((String) row.get("os_build")), ((Number) row.get("n")).longValue());
        }
        long reportsMissing = acknowledgedReports.keySet().stream()
                .filter(id -> !storedReports.containsKey(id))
                .count();
        long checkinsMissing = acknowledgedCheckins.stream()
                .filter(n -> !checkinHistory.containsKey(n))
                .count();
        long checkinsTwice = checkinHistory.values().stream().filter(n -> n > 1).count();
        EventCount reportEvents = EventCount.of(reportsDb, "LossReported", Topics.LOSS_REPORTS);
        EventCount alertEvents = EventCount.of(checkinDb, "LostDeviceSeen", Topics.DEVICE_ALERTS);
        List<SmtpSink.Accepted> mails = mail.mails();
        MailCount reportMails = MailCount.of(reportRecipients, mails, SmtpSink.Accepted::reportId);
        MailCount alertMails = MailCount.of(alertRecipients, mails, SmtpSink.Accepted::eventId);
        Map<String, Long> commandCounts = checkinDb.counts(
                "select device_id::text || ' ' || type, count(*)" + " from device_command group by device_id, type");
        long commandsExact = 0;
        long commandsWrong = 0;
        for (String device : reportedDevices) {
            for (String type : List.of("LOCK", "LOCATE")) {
                if (commandCounts.getOrDefault(device + " " + type, 0L) == 1) {
                    commandsExact++;
                } else {
                    commandsWrong++;
                }
            }
        }
        long outageAcknowledged =
                duringOutage.stream().filter(Traffic.Outcome::acknowledged).count();

        verdict.count(
                "broker stop requested / down / start requested / back (s)",
                String.format(
                        "%.1f / %.1f / %.1f / %.1f",
                        stopRequested / 1e9, downAt / 1e9, startRequested / 1e9, upAt / 1e9));
        verdict.count("reports: answers", Traffic.summary(reportOutcomes));
        verdict.count("check-ins: answers", Traffic.summary(checkins.outcomes()));
        verdict.count("lost-device check-ins: answers", Traffic.summary(lostCheckins.outcomes()));
        verdict.count("before the outage: answers", Traffic.summary(beforeOutage));
        verdict.count("before the outage: latency", Traffic.latency(beforeOutage));
        verdict.count("broker unavailable: answers", Traffic.summary(duringOutage));
        verdict.count("broker unavailable: latency", Traffic.latency(duringOutage));
        verdict.count("after the broker is back: answers", Traffic.summary(afterOutage));
        verdict.count("after the broker is back: latency", Traffic.latency(afterOutage));
        verdict.count("201 reports not stored", reportsMissing);
        verdict.count("200 check-ins missing from the history / stored twice", checkinsMissing + " / " + checkinsTwice);
        verdict.count(
                "outbox drained (s after the broker was back)", drained ? String.format("%.1f", drainSeconds) : "NO");
        verdict.count("LossReported events", reportEvents.toString());
        verdict.count("LostDeviceSeen events", alertEvents.toString());
        verdict.count("emails for reports (IT + supervisor)", reportMails.toString());
        verdict.count("emails for lost-device alerts (IT)", alertMails.toString());
        verdict.count(
                "LOCK + LOCATE commands of reported devices",
                String.format(
                        "%d expected: %d exactly once, %d missing or doubled",
                        reportedDevices.size() * 2L, commandsExact, commandsWrong));

        verdict.check(
                "reports and check-ins keep being accepted while the broker is down",
                !duringOutage.isEmpty() && outageAcknowledged == duringOutage.size(),
                outageAcknowledged + " of " + duringOutage.size() + " acknowledged: " + Traffic.summary(duringOutage));
        verdict.check(
                "every acknowledged report and check-in is stored",
                reportsMissing == 0 && checkinsMissing == 0 && checkinsTwice == 0,
                reportsMissing + " reports and " + checkinsMissing + " check-ins missing, " + checkinsTwice
                        + " check-ins stored twice");
        verdict.check(
                "the outboxes drain after the broker returns",
                drained,
                drained
                        ? String.format("drained %.1f s after the broker was back", drainSeconds)
                        : "events still unpublished after 180 s");
        verdict.check(
                "every event is on its topic exactly once",
                reportEvents.exact() && alertEvents.exact(),
                "LossReported: " + reportEvents + "; LostDeviceSeen: " + alertEvents);
        verdict.check(
                "every event's effects happen exactly once",
                settled && reportMails.exact() && alertMails.exact() && commandsWrong == 0,
                "report emails: " + reportMails + "; alert emails: " + alertMails + "; commands wrong: "
                        + commandsWrong + (reportMails.examples.isEmpty() ? "" : "; e.g. " + reportMails.examples)
                        + (alertMails.examples.isEmpty() ? "" : "; e.g. " + alertMails.examples));
        verdict.headline(String.format(
                "accepted while down %d/%d; events %d+%d, on topic once %d+%d; emails exactly once %d/%d;"
                        + " commands exactly once %d/%d; drained in %.0f s",
                outageAcknowledged,
                duringOutage.size(),
                reportEvents.outbox,
                alertEvents.outbox,
                reportEvents.once,
                alertEvents.once,
                reportMails.exactlyOnce + alertMails.exactlyOnce,
                reportMails.expected + alertMails.expected,
                commandsExact,
                reportedDevices.size() * 2L,
                drainSeconds));
        Stack.say("Drain wait started %.1f s after the traffic stopped", (System.nanoTime() - drainStart) / 1e9);
    }

    private static long unpublished(Database db) throws Exception {
        return db.number("select count(*) from outbox_event where published_at is null");
    }

    private static long commandsMissing(Database checkinDb, Set<String> devices) throws Exception {
        long have = checkinDb.number(
                "select count(distinct (device_id, type)) from device_command where device_id = any(?::uuid[])",
                (Object) devices.toArray(new String[0]));
        return devices.size() * 2L - have;
    }
}
