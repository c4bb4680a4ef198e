package org.district.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.district.agent.CheckInLoop;
import org.district.agent.CommandExecutor;
import org.district.agent.CredentialStore;
import org.district.agent.FactCollector;
import org.district.agent.Facts;
import org.district.agent.HttpClientTransport;
import org.district.agent.LockAction;
import org.district.agent.ServerClient;
import org.district.agent.Sleeper;
import org.district.agent.StateStore;
import org.district.agent.Transport;
import org.district.agent.WipeAction;

/**
 * The agent soak: many copies of the reference agent's check-in loop in one JVM, each with its own device, credential
 * and state file, checking in every few seconds against a running checkin-service that the script restarts half-way.
 * Counts every request each agent sent and how it ended, per second; at the end compares, device by device, the
 * check-ins the agents had accepted with the rows of the check-in history (nothing lost), and the most requests in
 * one second after the restart with the steady rate before it (no thundering herd).
 *
 * <p>Arguments: base URL, agents, seconds, output directory. Database from DB_HOST, DB_PORT, DB_USER, DB_PASSWORD and
 * SOAK_DB.
 */
public final class AgentSoak {

    private AgentSoak() {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int agents = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out);
        String run = Long.toString(System.currentTimeMillis(), 36);

        List<UUID> devices = new ArrayList<>();
        Map<UUID, String> credentials = new HashMap<>();
        try (Connection c = connect()) {
            seed(c, run, agents, devices, credentials);
        }
        System.out.printf("Seeded %d devices with credentials (run %s)%n", agents, run);

        long start = System.nanoTime();
        AtomicLongArray attempts = new AtomicLongArray(seconds + 120);
        AtomicLongArray accepted = new AtomicLongArray(seconds + 120);
        AtomicLongArray failed = new AtomicLongArray(seconds + 120);
        Map<UUID, AtomicLong> acceptedByDevice = new ConcurrentHashMap<>();
        List<CheckInLoop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        HttpClientTransport http = new HttpClientTransport("district-device-agent/soak");
        for (UUID device : devices) {
            Path home = out.resolve("agents").resolve(device.toString());
            Files.createDirectories(home);
            CredentialStore store = new CredentialStore(home.resolve("credential"));
            store.write(credentials.get(device));
            AtomicLong mine = acceptedByDevice.computeIfAbsent(device, d -> new AtomicLong());
            Transport counting = (uri, headers, body) -> {
                int second = (int) Math.min(attempts.length() - 1, (System.nanoTime() - start) / 1_000_000_000L);
                attempts.incrementAndGet(second);
                try {
                    Transport.Response r = http.post(uri, headers, body);
                    if (r.status() == 200) {
                        accepted.incrementAndGet(second);
                        mine.incrementAndGet();
                    } else {
                        failed.incrementAndGet(second);
                    }
                    return r;
                } catch (IOException e) {
                    failed.incrementAndGet(second);
                    throw e;
                }
            };
            Clock clock = Clock.systemUTC();
            CheckInLoop loop = new CheckInLoop(
                    // Server interval; backoff from 2 s doubling to at most 30 s, with the agent's full jitter.
                    new CheckInLoop.Settings(
                            Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(30), 0.1),
                    clock,
                    Sleeper.system(),
                    new SecureRandom(),
                    new ServerClient(base, counting, clock),
                    store,
                    new StateStore(home.resolve("state.json")),
                    FIXED_FACTS,
                    new CommandExecutor(NO_LOCK, NO_WIPE, false));
            loops.add(loop);
            Thread t = new Thread(
                    () -> {
                        try {
                            loop.run();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "agent-" + device);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        loops.forEach(CheckInLoop::stop);
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            t.join(30_000);
        }

        // Per second, and the restart as the agents saw it: the first failure, and the first success after it.
        StringBuilder csv = new StringBuilder("second,attempts,accepted,failed\n");
        int firstFailure = -1;
        int back = -1;
        for (int s = 0; s < seconds; s++) {
            csv.append(s)
                    .append(',')
                    .append(attempts.get(s))
                    .append(',')
                    .append(accepted.get(s))
                    .append(',')
                    .append(failed.get(s))
                    .append('\n');
            if (firstFailure < 0 && failed.get(s) > 0) {
                firstFailure = s;
            }
            if (firstFailure >= 0 && back < 0 && s > firstFailure && accepted.get(s) > 0) {
                back = s;
            }
        }
        Files.writeString(out.resolve("agent-soak-per-second.csv"), csv.toString());
        // Totals include the check-ins that completed while the agents were being stopped.
        long totalAttempts = sum(attempts, 0, attempts.length());
        long totalAccepted = sum(accepted, 0, accepted.length());
        long totalFailed = sum(failed, 0, failed.length());
        // Steady rate: the minute before the outage, after the first minute's start-up spread.
        int steadyFrom = Math.max(60, (firstFailure < 0 ? seconds : firstFailure) - 60);
        int steadyTo = firstFailure < 0 ? seconds : firstFailure;
        double steady = (double) sum(attempts, steadyFrom, steadyTo) / Math.max(1, steadyTo - steadyFrom);
        long peakAfter = 0;
        if (back >= 0) {
            for (int s = back; s < Math.min(seconds, back + 60); s++) {
                peakAfter = Math.max(peakAfter, attempts.get(s));
            }
        }

        // Nothing lost: every check-in an agent had accepted is a row of the history, device by device.
        long stored = 0;
        int devicesShort = 0;
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(
                        "select device_id, count(*) from checkin_history where device_id = any(?) group by device_id")) {
            ps.setArray(1, c.createArrayOf("uuid", devices.toArray()));
            Map<UUID, Long> rows = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
            for (UUID d : devices) {
                long have = rows.getOrDefault(d, 0L);
                stored += have;
                if (have != acceptedByDevice.get(d).get()) {
                    devicesShort++;
                }
            }
        }
        String summary = String.format(
                "agents %d, %d s; requests %d, accepted %d, failed (outage, retried) %d; history rows %d; devices whose"
                        + " history differs from what their agent had accepted %d%n"
                        + "outage seen from second %d, first check-in accepted again at second %s; steady rate %.1f"
                        + " requests/s (seconds %d-%d); most requests in one second in the minute after the restart %d"
                        + " (%.2fx steady)%n",
                agents,
                seconds,
                totalAttempts,
                totalAccepted,
                totalFailed,
                stored,
                devicesShort,
                firstFailure,
                back < 0 ? "never" : Integer.toString(back),
                steady,
                steadyFrom,
                steadyTo,
                peakAfter,
                steady == 0 ? 0 : peakAfter / steady);
        Files.writeString(out.resolve("agent-soak-summary.txt"), summary);
        System.out.print(summary);
        System.exit(devicesShort == 0 && back >= 0 ? 0 : 1);
    }

    private static long sum(AtomicLongArray a, int from, int to) {
        long total = 0;
        for (int i = from; i < to; i++) {
            total += a.get(i);
        }
        return total;
    }

    private static Connection connect() throws Exception {
        String url = "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432") + "/"
                + env("SOAK_DB", "checkin_soak");
        return DriverManager.getConnection(url, env("DB_USER", "district"), env("DB_PASSWORD", "district-dev-only"));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Devices in the read model, each with a credential whose hash is stored as IT's issuing would store it. */
    private static void seed(Connection c, String run, int count, List<UUID> devices, Map<UUID, String> credentials)
            throws Exception {
        SecureRandom random = new SecureRandom();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (PreparedStatement ps = c.prepareStatement("insert into device (id, version, asset_tag, type, school,"
                + " ownership, status, sensitive_data, registered_at, updated_at, due_on, credential_sha256,"
                + " credential_issued_at, credential_issued_by) values (?, 1, ?, 'LAPTOP', 'SOAK-HS', 'DISTRICT',"
                + " 'IN_STOCK', false, now(), now(), current_date + 14, ?, now(), 'SYSTEM:agent-soak')")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                byte[] secret = new byte[32];
                random.nextBytes(secret);
                String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
                ps.setObject(1, id);
                ps.setString(2, "SOAK-" + run + "-" + i);
                ps.setBytes(3, sha.digest(encoded.getBytes(StandardCharsets.US_ASCII)));
                ps.addBatch();
                devices.add(id);
                credentials.put(id, "dc1." + id + "." + encoded);
            }
            ps.executeBatch();
        }
    }

    private static final Facts FIXED_FACTS_VALUE = new Facts(
            new Facts.Os("Debian GNU/Linux", "12", "6.1.0-soak"),
            LocalDate.now().minusDays(2),
            new Facts.Antivirus("ClamAV 1.0.7", LocalDate.now()),
            true,
            null,
            new Facts.Network("SOAK-HS", "10.99.0.1"));

    /** The same facts for every agent: the soak measures the loop and the service, not reading the machine. */
    private static final FactCollector FIXED_FACTS = () -> FIXED_FACTS_VALUE;

    private static final LockAction NO_LOCK = message -> false;

    private static final WipeAction NO_WIPE = new WipeAction() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public boolean wipe() {
            return false;
        }
    };
}
