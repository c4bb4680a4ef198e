package org.district.drills;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drill 4: kill -9 of checkin-service under check-in load, then restart. The service answers a check-in only after
 * the group commit that wrote it; so every check-in that got a 200 must be in the check-in history after the restart
 * (exactly once), whatever was in flight when the process died.
 */
public final class CheckInKillDrill extends Drill {

    CheckInKillDrill(String[] args) throws Exception {
        super("Drill 4: kill -9 of checkin-service under check-in load", args);
    }

    public static void main(String[] args) throws Exception {
        execute(new CheckInKillDrill(args));
    }

    @Override
    void run() throws Exception {
        double rate = options.decimal("rate", 100);
        double killAfter = options.decimal("kill-after", 20);
        double afterRestart = options.decimal("after-restart", 15);
        int devices = options.integer("devices", 2000);
        int port = options.integer("port", 8193);
        // Open-ended: the traffic runs until it has gone on for a while against the restarted service.
        long total = (long) (rate * 3600);

        Stack.say("Preparing: PostgreSQL, a fresh bench broker, an empty drills schema");
        stack.ensurePostgres();
        stack.resetBroker();
        Database db = new Database(Service.Kind.CHECKIN.database);
        db.reset();
        Service service = service(Service.Kind.CHECKIN, "drill4-checkin", port);
        service.start(STARTUP);

        String run = Fixtures.runTag();
        List<UUID> ids = Fixtures.ids(devices);
        Fixtures.seedCheckInDevices(db, ids, "ASSIGNED", run);
        String[] credentials = Fixtures.deviceCredentials(ids);
        Stack.say("Seeded %d devices; check-ins at %.0f/s, kill -9 after %.0f s", devices, rate, killAfter);

        Traffic traffic = new Traffic(
                        "checkins",
                        rate,
                        total,
                        1024,
                        i -> Fixtures.checkIn(service.base(), credentials[(int) (i % credentials.length)], i))
                .start();
        Pause.seconds(killAfter);
        long pid = service.pid();
        service.kill();
        double killedAt = traffic.elapsedSeconds();
        Stack.say("Killed checkin-service (pid %d) with SIGKILL after %d check-ins", pid, traffic.sent());
        service.start(STARTUP);
        double backAt = traffic.elapsedSeconds();
        Pause.seconds(afterRestart);
        traffic.stop();
        traffic.awaitDone(Duration.ofMinutes(3));
        List<Traffic.Outcome> outcomes = traffic.outcomes();
        Stack.say("All %d check-ins answered or failed: %s", outcomes.size(), Traffic.summary(outcomes));

        Map<Long, Long> stored = new HashMap<>();
        for (Map<String, Object> row : db.rows(
                "select os_build, count(*) as n from checkin_history where os_build like 'drill-%' group by os_build")) {
            stored.put(Fixtures.markerIn((String) row.get("os_build")), ((Number) row.get("n")).longValue());
        }
        long acknowledged = 0;
        long ackMissing = 0;
        long ackTwice = 0;
        long unacknowledgedStored = 0;
        for (Traffic.Outcome o : outcomes) {
            long n = stored.getOrDefault(o.index(), 0L);
            if (o.acknowledged()) {
                acknowledged++;
                if (n == 0) {
                    ackMissing++;
                }
            } else if (n > 0) {
                unacknowledgedStored++;
            }
            if (n > 1) {
                ackTwice++;
            }
        }
        long historyRows = stored.values().stream().mapToLong(Long::longValue).sum();
        List<Traffic.Outcome> beforeKill = traffic.dueWhen(t -> t < (long) ((killedAt - 1) * 1e9));
        List<Traffic.Outcome> restarted = traffic.dueWhen(t -> t > (long) ((backAt + 2) * 1e9));
        long errorsAfterRestart =
                restarted.stream().filter(o -> !o.acknowledged()).count();

        verdict.count("check-ins sent", outcomes.size());
        verdict.count("answers", Traffic.summary(outcomes));
        verdict.count("kill -9 at / service ready again at (s)", String.format("%.1f / %.1f", killedAt, backAt));
        verdict.count("200 answers", acknowledged);
        verdict.count("check-in history rows of this run", historyRows);
        verdict.count("200 check-ins missing from the history", ackMissing);
        verdict.count("check-ins stored more than once", ackTwice);
        verdict.count("check-ins stored without a 200 (in flight at the kill)", unacknowledgedStored);
        verdict.count("answers until 1 s before the kill", Traffic.summary(beforeKill));
        verdict.count("answers from 2 s after the restart", Traffic.summary(restarted));
        verdict.count("acknowledged latency", Traffic.latency(outcomes));

        verdict.check(
                "every check-in answered 200 is in the history after the restart",
                ackMissing == 0 && acknowledged > 0,
                acknowledged + " acknowledged, " + ackMissing + " missing");
        verdict.check("no check-in stored twice", ackTwice == 0, ackTwice + " stored more than once");
        verdict.check(
                "check-ins were acknowledged before the kill and after the restart",
                beforeKill.stream().anyMatch(Traffic.Outcome::acknowledged)
                        && restarted.stream().anyMatch(Traffic.Outcome::acknowledged),
                "before: " + Traffic.summary(beforeKill) + "; after: " + Traffic.summary(restarted) + " ("
                        + errorsAfterRestart + " not acknowledged)");
        verdict.headline(String.format(
                "200: %d of %d; in history %d (%d without 200); 200 missing %d; stored twice %d",
                acknowledged, outcomes.size(), historyRows, unacknowledgedStored, ackMissing, ackTwice));
    }
}
