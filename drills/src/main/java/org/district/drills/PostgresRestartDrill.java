package org.district.drills;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.district.bench.BearerTokens;
import org.district.bench.LossReportReadModel;
import org.district.bench.SmtpSink;

/**
 * Drill 3: PostgreSQL restarted under check-in load (and a trickle of loss reports). The services must ride it out
 * without being restarted: while the database is down, clients get 503 with Retry-After, never a 500 or a dropped
 * connection; once it is back, requests succeed again on their own; every check-in answered 2xx (and every report
 * answered 201) is in the database afterwards.
 *
 * <p>This restarts the machine's PostgreSQL server: every other user of it loses their connections for a few seconds.
 * It runs only with {@code --yes}.
 */
public final class PostgresRestartDrill extends Drill {

    PostgresRestartDrill(String[] args) throws Exception {
        super("Drill 3: PostgreSQL restarted under check-in load", args);
    }

    public static void main(String[] args) throws Exception {
        execute(new PostgresRestartDrill(args));
    }

    @Override
    void run() throws Exception {
        boolean fault = !options.flag("no-fault");
        if (fault && !options.flag("yes")) {
            throw new IllegalStateException("this drill restarts the PostgreSQL server, which disconnects every other"
                    + " user of it (other services, other people's tests); run it again with --yes to go ahead");
        }
        double checkinRate = options.decimal("checkin-rate", 100);
        double reportRate = options.decimal("report-rate", 3);
        double before = options.decimal("before", 20);
        double down = options.decimal("down", 10);
        double after = options.decimal("after", 45);
        double recoveryWindow = options.decimal("recovery", 30);
        int devices = options.integer("devices", 2000);
        int smtp = options.integer("smtp-port", 2626);
        ObjectMapper json = new ObjectMapper();

        Stack.say("Preparing: PostgreSQL, a fresh bench broker, empty drills schemas, the SMTP sink");
        stack.ensurePostgres();
        stack.resetBroker();
        Database checkinDb = new Database(Service.Kind.CHECKIN.database);
        Database reportsDb = new Database(Service.Kind.LOSS_REPORT.database);
        checkinDb.reset();
        reportsDb.reset();
        closeAtEnd(new SmtpSink(smtp));
        Service checkin = service(Service.Kind.CHECKIN, "drill3-checkin", options.integer("checkin-port", 8193));
        Service lossReport = Fixtures.lossReportSettings(
                service(Service.Kind.LOSS_REPORT, "drill3-lossreport", options.integer("lossreport-port", 8192)), smtp);
        checkin.start(STARTUP);
        lossReport.start(STARTUP);
        long checkinPid = checkin.pid();
        long lossReportPid = lossReport.pid();

        String run = Fixtures.runTag();
        List<UUID> ids = Fixtures.ids(devices);
        Fixtures.seedCheckInDevices(checkinDb, ids, "ASSIGNED", run);
        String[] credentials = Fixtures.deviceCredentials(ids);
        int reportCapacity = (int) (reportRate * (before + down + after + 600));
        List<LossReportReadModel.Holder> holders = Fixtures.seedLossReportReadModel(reportsDb, run, reportCapacity);
        BearerTokens staff = closeAtEnd(Fixtures.staffTokens(holders));
        Stack.say(
                "Seeded %d devices and %d reportable laptops; %.0f check-ins/s and %.0f reports/s",
                devices, reportCapacity, checkinRate, reportRate);

        Traffic checkins = new Traffic(
                "checkins",
                checkinRate,
                (long) (checkinRate * 7200),
                2048,
                i -> Fixtures.checkIn(checkin.base(), credentials[(int) (i % credentials.length)], i));
        Traffic reports = new Traffic(
                "reports",
                reportRate,
                reportCapacity,
                256,
                i -> Fixtures.lossReport(
                        lossReport.base(),
                        staff.header(holders.get((int) i).districtId()),
                        holders.get((int) i).assetTag(),
                        i));
        checkins.start();
        reports.start();
        long t0 = checkins.startNanos();

        Pause.seconds(before);
        long stopRequested = System.nanoTime() - t0;
        long downAt;
        long upAt;
        if (fault) {
            Stack.say("Stopping PostgreSQL");
            stack.postgres("stop");
            downAt = System.nanoTime() - t0;
            Stack.say("PostgreSQL stopped; starting it again in %.0f s", down);
            Pause.seconds(down / 2);
            checkin.threadDump("PostgreSQL down");
            lossReport.threadDump("PostgreSQL down");
            Pause.seconds(down / 2);
            stack.postgres("start");
            if (!waitFor(Duration.ofSeconds(60), checkinDb::reachable)) {
                throw new IllegalStateException("PostgreSQL did not come back within 60 s of its start");
            }
            upAt = System.nanoTime() - t0;
            Stack.say("PostgreSQL accepting connections again, %.1f s after the stop", (upAt - stopRequested) / 1e9);
        } else {
            Stack.say("--no-fault: PostgreSQL is left alone (this checks the drill itself, never a PASS)");
            downAt = stopRequested;
            Pause.seconds(down);
            upAt = System.nanoTime() - t0;
        }
        Pause.seconds(after);
        checkins.stop();
        reports.stop();
        checkins.awaitDone(Duration.ofMinutes(3));
        reports.awaitDone(Duration.ofMinutes(3));
        checkins.writeCsv(stack.logs.resolve("drill3-checkins.csv"));
        reports.writeCsv(stack.logs.resolve("drill3-reports.csv"));

        List<Traffic.Outcome> all = new ArrayList<>(checkins.outcomes());
        all.addAll(reports.outcomes());
        long end = System.nanoTime() - t0;
        List<Traffic.Outcome> beforeFault = new ArrayList<>();
        List<Traffic.Outcome> duringFault = new ArrayList<>();
        List<Traffic.Outcome> afterFault = new ArrayList<>();
        List<Traffic.Outcome> lastWindow = new ArrayList<>();
        long lastWindowStart = upAt + (long) (recoveryWindow * 1e9);
        for (Traffic t : List.of(checkins, reports)) {
            beforeFault.addAll(t.dueWhen(n -> n < stopRequested));
            duringFault.addAll(t.dueWhen(n -> n >= stopRequested && n < upAt));
            afterFault.addAll(t.dueWhen(n -> n >= upAt));
            lastWindow.addAll(t.dueWhen(n -> n >= lastWindowStart));
        }
        long serverErrors =
                all.stream().filter(o -> o.status() >= 500 && o.status() != 503).count();
        long otherRefusals =
                all.stream().filter(o -> o.status() >= 400 && o.status() < 500).count();
        long unavailable = all.stream().filter(o -> o.status() == 503).count();
        long unavailableWithoutRetryAfter = all.stream()
                .filter(o -> o.status() == 503
                        && (o.retryAfter() == null || o.retryAfter().isBlank()))
                .count();
        long noAnswer = all.stream().filter(o -> o.status() == 0).count();
        double firstSuccessAfter = afterFault.stream()
                .filter(Traffic.Outcome::acknowledged)
                .mapToDouble(o -> (o.doneNanos() - t0 - upAt) / 1e9)
                .min()
                .orElse(Double.NaN);
        double lastFailure = all.stream()
                .filter(o -> !o.acknowledged())
                .mapToDouble(o -> (o.doneNanos() - t0 - upAt) / 1e9)
                .max()
                .orElse(Double.NaN);
        long lastWindowFailures =
                lastWindow.stream().filter(o -> !o.acknowledged()).count();
        boolean samePids = checkin.alive()
                && lossReport.alive()
                && checkin.pid() == checkinPid
                && lossReport.pid() == lossReportPid;
        boolean ready = checkin.ready() && lossReport.ready();

        // Every acknowledged write is in the database.
        Map<Long, Long> history = new HashMap<>();
        for (Map<String, Object> row : checkinDb.rows("select os_build, count(*) as n from checkin_history"
                + " where os_build like 'drill-%' group by os_build")) {
            history.put(Fixtures.markerIn((String) row.get("os_build")), ((Number) row.get("n")).longValue());
        }
        long checkinsAcknowledged = 0;
        long checkinsMissing = 0;
        for (Traffic.Outcome o : checkins.outcomes()) {
            if (o.acknowledged()) {
                checkinsAcknowledged++;
                if (!history.containsKey(o.index())) {
                    checkinsMissing++;
                }
            }
        }
        long checkinsTwice = history.values().stream().filter(n -> n > 1).count();
        Map<String, Object> storedReports = new HashMap<>();
        for (Map<String, Object> row : reportsDb.rows("select id::text as id from loss_report")) {
            storedReports.put((String) row.get("id"), row);
        }
        long reportsAcknowledged = 0;
        long reportsMissing = 0;
        for (Traffic.Outcome o : reports.outcomes()) {
            if (o.status() == 201) {
                reportsAcknowledged++;
                if (!storedReports.containsKey(
                        json.readTree(o.body()).path("id").asText())) {
                    reportsMissing++;
                }
            }
        }

        verdict.count(
                "PostgreSQL stop requested / stopped / accepting again (s)",
                String.format("%.1f / %.1f / %.1f", stopRequested / 1e9, downAt / 1e9, upAt / 1e9));
        verdict.count("before the restart: answers", Traffic.summary(beforeFault));
        verdict.count("database unavailable: answers", Traffic.summary(duringFault));
        verdict.count("after it is back: answers", Traffic.summary(afterFault));
        verdict.count("from " + (int) recoveryWindow + " s after it is back: answers", Traffic.summary(lastWindow));
        verdict.count("5xx other than 503", serverErrors);
        verdict.count("4xx", otherRefusals);
        verdict.count("503 answers / without Retry-After", unavailable + " / " + unavailableWithoutRetryAfter);
        verdict.count("requests with no HTTP answer", noAnswer);
        verdict.count(
                "first 2xx / last failure, seconds after PostgreSQL was back",
                String.format("%.1f / %.1f", firstSuccessAfter, lastFailure));
        verdict.count("same processes throughout (pids)", samePids + " (" + checkinPid + ", " + lossReportPid + ")");
        verdict.count("both services ready at the end", ready);
        verdict.count(
                "check-ins acknowledged / missing / stored twice",
                checkinsAcknowledged + " / " + checkinsMissing + " / " + checkinsTwice);
        verdict.count("reports acknowledged / missing", reportsAcknowledged + " / " + reportsMissing);

        verdict.check(
                "PostgreSQL was really restarted during the load",
                fault && !duringFault.isEmpty(),
                fault
                        ? duringFault.size() + " requests due while it was unavailable"
                        : "--no-fault run: nothing was injected");
        verdict.check(
                "while it is down, clients get 503 with Retry-After: never a 500 or a dropped request",
                serverErrors == 0 && otherRefusals == 0 && noAnswer == 0 && unavailableWithoutRetryAfter == 0,
                serverErrors + " 5xx other than 503, " + otherRefusals + " 4xx, " + noAnswer + " without an answer, "
                        + unavailableWithoutRetryAfter + " 503 without Retry-After; " + Traffic.summary(duringFault));
        verdict.check(
                "the services recover without a restart",
                samePids && ready && lastWindowFailures == 0 && !lastWindow.isEmpty(),
                String.format(
                        "same processes: %s, ready: %s, from %.0f s after PostgreSQL was back: %s",
                        samePids, ready, recoveryWindow, Traffic.summary(lastWindow)));
        verdict.check(
                "every 2xx check-in and every 201 report is in the database afterwards",
                checkinsMissing == 0 && checkinsTwice == 0 && reportsMissing == 0 && checkinsAcknowledged > 0,
                checkinsMissing + " of " + checkinsAcknowledged + " check-ins and " + reportsMissing + " of "
                        + reportsAcknowledged + " reports missing; " + checkinsTwice + " check-ins stored twice");
        verdict.headline(String.format(
                "while down: %s; 5xx other than 503: %d; no answer: %d; recovered in %.1f s, same pids %s;"
                        + " 2xx missing %d",
                Traffic.summary(duringFault),
                serverErrors,
                noAnswer,
                firstSuccessAfter,
                samePids,
                checkinsMissing + reportsMissing));
    }
}
