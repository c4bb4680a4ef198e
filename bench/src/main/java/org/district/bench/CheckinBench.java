package org.district.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.district.testing.TestTokens;

/**
 * checkin-service ingestion at 1,000,000 registered devices. Steps the check-in rate up from the pgbench heartbeat
 * baseline measured in the same run (passed in as {@code --baseline-tps}) until p99 exceeds the target or requests
 * fail, and reports the highest rate held with its ratio to the baseline. Then measures the overdue list's first page
 * while ingestion runs at half that rate.
 */
public final class CheckinBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Args.parse(args);
        String base = opts.getOrDefault("base", "http://127.0.0.1:8093");
        int devices = Integer.parseInt(opts.getOrDefault("devices", "1000000"));
        int tokens = Integer.parseInt(opts.getOrDefault("tokens", "50000"));
        double baseline = Double.parseDouble(opts.getOrDefault("baseline-tps", "1000"));
        double targetP99 = Double.parseDouble(opts.getOrDefault("target-p99-ms", "100"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "10")));
        Duration step = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("step-seconds", "20")));
        double overdueRate = Double.parseDouble(opts.getOrDefault("overdue-rate", "20"));
        String multipliers = opts.getOrDefault("multipliers", "1,1.5,2,2.5,3,3.5,4,5,6");

        // Devices that are in service in the seed (i % 10 < 9): assigned or in stock, never lost or retired.
        int stride = Math.max(1, devices / tokens);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= devices && numbers.size() < tokens; i += stride) {
            if (i % 10 < 9 && i % 50 != 0) {
                numbers.add(i);
            }
        }
        System.out.printf("Minting %d DEVICE tokens...%n", numbers.size());
        String[] auth = new String[numbers.size()];
        IntStream.range(0, numbers.size())
                .parallel()
                .forEach(k -> auth[k] = "Bearer " + TestTokens.token(deviceId(numbers.get(k)), "DEVICE"));
        String patch = LocalDate.now().minusDays(5).toString();
        String body = "{\"os\":{\"name\":\"ChromeOS\",\"version\":\"124.0.6367\",\"build\":\"15886\"},"
                + "\"lastPatchDate\":\"" + patch + "\",\"diskEncryption\":true,\"passwordProtection\":true,"
                + "\"network\":{\"site\":\"SCH-07\",\"ipAddress\":\"10.7.1.20\"}}";
        ConstantRateLoad load = new ConstantRateLoad(1024);
        List<ConstantRateLoad.Result> steps = new ArrayList<>();
        ConstantRateLoad.Result best = null;
        for (String m : multipliers.split(",")) {
            double rate = baseline * Double.parseDouble(m.trim());
            ConstantRateLoad.Result r = load.run(
                    String.format("check-ins at %.1fx baseline", Double.parseDouble(m.trim())),
                    rate,
                    warmup,
                    step,
                    i -> checkIn(base, auth[(int) (InventoryBench.mix(i) % auth.length)], body),
                    200);
            System.out.println(r.summary());
            steps.add(r);
            if (r.p(99) > targetP99 || r.errors() > 0 || r.achievedRate() < rate * 0.97) {
                break;
            }
            best = r;
        }
        ConstantRateLoad.Result overdue = null;
        ConstantRateLoad.Result background = null;
        if (best != null) {
            double half = best.targetRate() / 2;
            String itAuth = "Bearer " + TestTokens.token("BENCH-IT", "IT_ADMIN");
            ConstantRateLoad ingest = new ConstantRateLoad(1024);
            CompletableFuture<ConstantRateLoad.Result> bg = CompletableFuture.supplyAsync(() -> {
                try {
                    return ingest.run(
                            "check-ins at half the highest rate",
                            half,
                            warmup,
                            step.plusSeconds(10),
                            i -> checkIn(base, auth[(int) (InventoryBench.mix(i + 7) % auth.length)], body),
                            200);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            ConstantRateLoad reads = new ConstantRateLoad(64);
            overdue = reads.run(
                    "overdue list, first page (50)",
                    overdueRate,
                    warmup,
                    step,
                    i -> get(base + "/api/v1/devices/overdue?limit=50", itAuth),
                    200);
            background = bg.join();
        }

        System.out.println();
        System.out.println(
                "| scenario | rate (req/s) | p50 ms | p99 ms | p99.9 ms | errors | baseline | ratio | target | met |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        for (ConstantRateLoad.Result r : steps) {
            System.out.printf(
                    "| checkin %s | %.0f | %.2f | %.2f | %.2f | %d | %.0f tx/s | %.2fx | p99 <= %.0f ms | %s |%n",
                    r.name(),
                    r.achievedRate(),
                    r.p(50),
                    r.p(99),
                    r.p(99.9),
                    r.errors(),
                    baseline,
                    r.achievedRate() / baseline,
                    targetP99,
                    r.p(99) <= targetP99 && r.errors() == 0 ? "yes" : "NO");
        }
        if (best != null) {
            System.out.printf(
                    "| checkin highest rate held with p99 <= %.0f ms | %.0f | %.2f | %.2f | %.2f | %d | %.0f tx/s |"
                            + " %.2fx | >= 2.5x | %s |%n",
                    targetP99,
                    best.achievedRate(),
                    best.p(50),
                    best.p(99),
                    best.p(99.9),
                    best.errors(),
                    baseline,
                    best.achievedRate() / baseline,
                    best.achievedRate() / baseline >= 2.5 ? "yes" : "NO");
            System.out.printf(
                    "| checkin %s | %.0f | %.2f | %.2f | %.2f | %d | | | | |%n",
                    background.name(),
                    background.achievedRate(),
                    background.p(50),
                    background.p(99),
                    background.p(99.9),
                    background.errors());
            System.out.printf(
                    "| checkin %s, during ingestion | %.0f | %.2f | %.2f | %.2f | %d | | | p99 <= 100 ms | %s |%n",
                    overdue.name(),
                    overdue.achievedRate(),
                    overdue.p(50),
                    overdue.p(99),
                    overdue.p(99.9),
                    overdue.errors(),
                    overdue.p(99) <= 100 && overdue.errors() == 0 ? "yes" : "NO");
        } else {
            System.out.println("| checkin: no step held the target | | | | | | | | | NO |");
        }
        System.exit(0);
    }

    /** The device ids the seed uses: md5("device-" + n) read as a UUID, as PostgreSQL's md5(text)::uuid does. */
    static String deviceId(int n) {
        try {
            String hex = HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("MD5").digest(("device-" + n).getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest checkIn(String base, String auth, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/checkins"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static HttpRequest get(String url, String auth) {
        return InventoryBench.get(url, auth);
    }
}
