package org.district.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

/**
 * checkin-service ingestion at 1,000,000 registered devices. Steps the check-in rate up from the pgbench heartbeat
 * baseline measured in the same run (passed in as {@code --baseline-tps}) until p99 exceeds the target or requests
 * fail, and reports the highest rate held with its ratio to the baseline. Then measures the overdue list's first page
 * while ingestion runs at half that rate.
 */
public final class CheckInBench {

    /** How the devices of the check-in ladder authenticate, as the results name it. */
    static final String CREDENTIAL = "device credential";

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Args.parse(args);
        String base = opts.getOrDefault("base", "http://127.0.0.1:8093");
        int devices = Integer.parseInt(opts.getOrDefault("devices", "1000000"));
        int senders = Integer.parseInt(opts.getOrDefault("credentials", "50000"));
        double baseline = Double.parseDouble(opts.getOrDefault("baseline-tps", "1000"));
        double targetP99 = Double.parseDouble(opts.getOrDefault("target-p99-ms", "100"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "10")));
        Duration step = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("step-seconds", "20")));
        Duration prewarm = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("prewarm-seconds", "90")));
        double overdueRate = Double.parseDouble(opts.getOrDefault("overdue-rate", "20"));
        String multipliers = opts.getOrDefault("multipliers", "1,1.5,2,2.5,3,3.5,4,5,6");
        String floorMultipliers = opts.getOrDefault("floor-multipliers", "1,1.25,1.5,1.75,2,2.5,3");
        long baselineCpu = Long.parseLong(opts.getOrDefault("baseline-cpu-us", "0"));
        CpuMeter meter = new CpuMeter(Long.parseLong(opts.getOrDefault("service-pid", "0")));
        Map<ConstantRateLoad.Result, CpuMeter.Sample> cpu = new IdentityHashMap<>();
        Measures measures = new Measures(
                meter,
                new StallMeter(),
                Integer.parseInt(opts.getOrDefault("retries", "1")),
                cpu,
                new IdentityHashMap<>());

        // Devices that are in service in the seed (i % 10 < 9): assigned or in stock, never lost or retired.
        int stride = Math.max(1, devices / senders);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= devices && numbers.size() < senders; i += stride) {
            if (i % 10 < 9 && i % 50 != 0) {
                numbers.add(i);
            }
        }
        // Devices sign in with their enrolment credential (people and systems use the identity provider; devices do
        // not). Requests in wire form, built once: per request the generator only picks a device's headers.
        System.out.printf("Preparing %d devices' credential headers...%n", numbers.size());
        MultiMap[] headers = new MultiMap[numbers.size()];
        IntStream.range(0, numbers.size())
                .parallel()
                .forEach(k -> headers[k] = MultiMap.caseInsensitiveMultiMap()
                        .add("Authorization", authorization(deviceId(numbers.get(k))))
                        .add("Content-Type", "application/json"));
        String patch = LocalDate.now().minusDays(5).toString();
        Buffer body = Buffer.buffer("{\"os\":{\"name\":\"ChromeOS\",\"version\":\"124.0.6367\",\"build\":\"15886\"},"
                + "\"lastPatchDate\":\"" + patch + "\",\"diskEncryption\":true,\"passwordProtection\":true,"
                + "\"network\":{\"site\":\"SCH-07\",\"ipAddress\":\"10.7.1.20\"}}");
        String checkins = base + "/api/v1/checkins";
        LongFunction<ConstantRateLoad.Call> checkIn = i -> new ConstantRateLoad.Call(
                HttpMethod.POST, checkins, headers[(int) (InventoryBench.mix(i) % headers.length)], body);
        ConstantRateLoad load = new ConstantRateLoad(1024);
        // Before any step: check-ins at a third of the baseline rate, not recorded, so the JIT compiler has finished
        // its
        // work on the check-in path before the first measured step (it takes about a core for a minute).
        if (!prewarm.isZero()) {
            System.out.printf(
                    "Pre-warming: check-ins at %.0f/s for %d s (not recorded)%n", baseline / 3, prewarm.toSeconds());
            load.runCalls("pre-warm", baseline / 3, prewarm, Duration.ofSeconds(1), checkIn, 0, null);
        }
        List<ConstantRateLoad.Result> steps = new ArrayList<>();
        Ladder ladder = stepUp(
                load,
                "check-ins (" + CREDENTIAL + ")",
                multipliers,
                baseline,
                targetP99,
                warmup,
                step,
                checkIn,
                200,
                steps,
                measures);
        ConstantRateLoad.Result best = ladder.held();

        // The ceiling of this machine for any HTTP service measured this way: the same generator against the same
        // process's liveness endpoint (no token, no body, no database), stepped up the same way.
        MultiMap none = MultiMap.caseInsensitiveMultiMap();
        String live = base + "/q/health/live";
        List<ConstantRateLoad.Result> floorSteps = new ArrayList<>();
        ConstantRateLoad.Result floor = floorMultipliers.equals("none")
                ? null
                : stepUp(
                                load,
                                "HTTP floor (/q/health/live)",
                                floorMultipliers,
                                baseline,
                                targetP99,
                                Duration.ofSeconds(5),
                                step,
                                i -> new ConstantRateLoad.Call(HttpMethod.GET, live, none, null),
                                200,
                                floorSteps,
                                measures)
                        .held();

        // The overdue list while check-ins run at half the highest rate held; a miss is run once more, like a step.
        List<ConstantRateLoad.Result[]> overdueAttempts = new ArrayList<>();
        if (best != null) {
            double half = best.targetRate() / 2;
            BearerTokens it = BearerTokens.of("IT_ADMIN", "BENCH-IT");
            for (int attempt = 1; attempt <= 1 + measures.retries(); attempt++) {
                String suffix = attempt > 1 ? " (attempt " + attempt + ")" : "";
                ConstantRateLoad ingest = new ConstantRateLoad(1024);
                long offset = attempt * 1_000_000L;
                CompletableFuture<ConstantRateLoad.Result> bg = CompletableFuture.supplyAsync(() -> {
                    try {
                        return ingest.runCalls(
                                "check-ins at half the highest rate" + suffix,
                                half,
                                warmup,
                                step.plusSeconds(10),
                                i -> checkIn.apply(i + 7 + offset),
                                200,
                                null);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                ConstantRateLoad reads = new ConstantRateLoad(64);
                ConstantRateLoad.Result[] pair = new ConstantRateLoad.Result[2];
                pair[1] = reads.runCalls(
                        "overdue list, first page (50)" + suffix,
                        overdueRate,
                        warmup,
                        step,
                        i -> ConstantRateLoad.Call.of(get(base + "/api/v1/devices/overdue?limit=50", it.header())),
                        200,
                        null,
                        measures.stallMeter()::reset);
                measures.stalls().put(pair[1], measures.stallMeter().window());
                pair[0] = bg.join();
                System.out.println(pair[1].summary() + "; "
                        + measures.stalls().get(pair[1]).describe());
                overdueAttempts.add(pair);
                if (overdueHeld(pair[1])) {
                    break;
                }
                if (attempt <= measures.retries()) {
                    System.out.println("  missed; running the overdue list once more");
                }
            }
        }

        System.out.println();
        System.out.println(
                "| scenario | rate (req/s) | p50 ms | p99 ms | p99.9 ms | errors | baseline | ratio | target | met"
                        + " | CPU us/request: machine (service / generator / PostgreSQL / Kafka)"
                        + " | longest stall / steal, ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |");
        for (ConstantRateLoad.Result r : steps) {
            stepRow(r, baseline, targetP99, cpu.get(r), measures.stalls().get(r));
        }
        if (best != null) {
            System.out.printf(
                    "| checkin highest rate held with p99 <= %.0f ms (%s) | %s | %.0f tx/s | %.2fx | >= 2.5x | %s |"
                            + " |%n",
                    targetP99,
                    CREDENTIAL,
                    best.cells(),
                    baseline,
                    best.achievedRate() / baseline,
                    reaches(best, baseline) ? "yes" : "NO");
        }
        ConstantRateLoad.Result first = ladder.heldAtFirstAttempts();
        if (first != best) {
            System.out.printf(
                    "| checkin highest rate held before any step needed a second attempt (%s) | %s | %.0f tx/s |"
                            + " %s | >= 2.5x | %s | |%n",
                    CREDENTIAL,
                    first == null ? "none | | | |" : first.cells(),
                    baseline,
                    first == null ? "none" : String.format("%.2fx", first.achievedRate() / baseline),
                    first != null && reaches(first, baseline) ? "yes" : "NO");
        }
        if (best != null) {
            for (ConstantRateLoad.Result[] pair : overdueAttempts) {
                StallMeter.Window w = measures.stalls().get(pair[1]);
                System.out.printf("| checkin %s | %s | | | | | | |%n", pair[0].name(), pair[0].cells());
                System.out.printf(
                        "| checkin %s, during ingestion | %s | | | p99 <= 100 ms | %s | | %s |%n",
                        pair[1].name(),
                        pair[1].cells(),
                        overdueHeld(pair[1]) ? "yes" : "NO",
                        w == null ? "" : w.cell());
            }
        } else {
            System.out.println("| checkin: no step held the target | | | | | | | | | NO | |");
        }
        for (ConstantRateLoad.Result r : floorSteps) {
            stepRow(r, baseline, targetP99, cpu.get(r), measures.stalls().get(r));
        }
        if (floor != null) {
            System.out.printf(
                    "%nHTTP floor of this machine with this generator: %.0f requests/s held (%.2fx the baseline);"
                            + " check-ins held: %s%n",
                    floor.achievedRate(),
                    floor.achievedRate() / baseline,
                    best == null
                            ? "none"
                            : String.format(
                                    "%.0f/s (%.2fx the baseline, %.0f%% of the floor)",
                                    best.achievedRate(),
                                    best.achievedRate() / baseline,
                                    100 * best.achievedRate() / floor.achievedRate()));
        }
        if (baselineCpu > 0 && floor != null) {
            // On a machine whose cores are all busy, the rate is the cores divided by what one request costs, so the
            // ratio of CPU costs predicts the ratio of rates, whatever the noise in one step's percentiles.
            CpuMeter.Sample f = cpu.get(floor);
            System.out.printf(
                    "CPU per request, whole machine: heartbeat transaction (pgbench and PostgreSQL) %d us; liveness"
                            + " request %d us (service %d, generator %d), %.2fx.%n",
                    baselineCpu, f.machine(), f.service(), f.generator(), baselineCpu / (double) f.machine());
            if (best != null) {
                CpuMeter.Sample c = cpu.get(best);
                System.out.printf(
                        "Check-in (%s) %d us (service %d, generator %d, PostgreSQL %d): with every core busy,"
                                + " %.2fx the baseline's rate (its CPU per transaction over a check-in's).%n",
                        CREDENTIAL,
                        c.machine(),
                        c.service(),
                        c.generator(),
                        c.postgres(),
                        baselineCpu / (double) c.machine());
            }
            System.out.printf(
                    "2.5x needs a check-in to cost at most %.0f us of the whole machine.%n", baselineCpu / 2.5);
        }
        System.exit(0);
    }

    /**
     * Runs the multipliers of the baseline rate in order until a step misses the p99 target, fails requests or cannot
     * be sent at its rate; returns the last step held (null if none), adding every step run to {@code steps}. A missed
     * step is run once more ({@code retries} times in all) before the ladder stops: on a shared machine a single stall
     * of half a second puts more than 1 % of a 20 s step's requests above 100 ms. Every attempt is reported, with the
     * longest stall the machine imposed on the generator during it, so a miss can be told from a stall.
     */
    static Ladder stepUp(
            ConstantRateLoad load,
            String what,
            String multipliers,
            double baseline,
            double targetP99,
            Duration warmup,
            Duration step,
            LongFunction<ConstantRateLoad.Call> calls,
            int expectedStatus,
            List<ConstantRateLoad.Result> steps,
            Measures measures)
            throws InterruptedException {
        ConstantRateLoad.Result best = null;
        ConstantRateLoad.Result firstAttempts = null;
        boolean retried = false;
        for (String m : multipliers.split(",")) {
            double multiplier = Double.parseDouble(m.trim());
            ConstantRateLoad.Result held = null;
            for (int attempt = 1; attempt <= 1 + measures.retries() && held == null; attempt++) {
                String name = String.format("%s at %.2fx baseline", what, multiplier)
                        + (attempt > 1 ? " (attempt " + attempt + ")" : "");
                ConstantRateLoad.Result r =
                        measures.step(load, name, baseline * multiplier, warmup, step, calls, expectedStatus);
                steps.add(r);
                if (held(r, targetP99)) {
                    held = r;
                    if (attempt == 1 && !retried) {
                        firstAttempts = r;
                    }
                } else if (attempt <= measures.retries()) {
                    retried = true;
                    System.out.println("  missed; running the step once more");
                }
            }
            if (held == null) {
                break;
            }
            best = held;
        }
        return new Ladder(best, firstAttempts);
    }

    /**
     * What a ladder held: the highest step, and the highest step reached before any step needed a second attempt
     * (what the ladder would have reported without retries). Either is null when nothing was held.
     */
    record Ladder(ConstantRateLoad.Result held, ConstantRateLoad.Result heldAtFirstAttempts) {}

    /**
     * What each step cost and suffered, besides its latencies: the CPU per request (by consumer) and the machine's
     * stalls during it; {@code retries} is how many more attempts a missed step gets.
     */
    record Measures(
            CpuMeter meter,
            StallMeter stallMeter,
            int retries,
            Map<ConstantRateLoad.Result, CpuMeter.Sample> cpu,
            Map<ConstantRateLoad.Result, StallMeter.Window> stalls) {

        ConstantRateLoad.Result step(
                ConstantRateLoad load,
                String name,
                double rate,
                Duration warmup,
                Duration step,
                LongFunction<ConstantRateLoad.Call> calls,
                int expectedStatus)
                throws InterruptedException {
            ConstantRateLoad.Result[] result = new ConstantRateLoad.Result[1];
            StallMeter.Window[] window = new StallMeter.Window[1];
            CpuMeter.Sample used = meter.during(() -> {
                try {
                    result[0] = load.runCalls(name, rate, warmup, step, calls, expectedStatus, null, stallMeter::reset);
                    window[0] = stallMeter.window();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            ConstantRateLoad.Result r = result[0];
            // The sample spans the warm-up too, which ran at the same rate: divide by both phases' requests.
            long requests = Math.round(r.requests() * (1 + warmup.toNanos() / (double) step.toNanos()));
            CpuMeter.Sample perRequest = used.per(requests);
            cpu.put(r, perRequest);
            stalls.put(r, window[0]);
            System.out.println(r.summary() + " " + perRequest.describe() + "; " + window[0].describe());
            return r;
        }
    }

    private static void stepRow(
            ConstantRateLoad.Result r,
            double baseline,
            double targetP99,
            CpuMeter.Sample perRequest,
            StallMeter.Window stalls) {
        System.out.printf(
                "| checkin %s | %s | %.0f tx/s | %.2fx | p99 <= %.0f ms | %s | %s | %s |%n",
                r.name(),
                r.cells(),
                baseline,
                r.achievedRate() / baseline,
                targetP99,
                held(r, targetP99) ? "yes" : "NO",
                perRequest == null ? "" : perRequest.cell(),
                stalls == null ? "" : stalls.cell());
    }

    static boolean overdueHeld(ConstantRateLoad.Result r) {
        return r.p(99) <= 100 && r.errors() == 0;
    }

    /**
     * Whether a step held is at 2.5x the baseline or above: asked for at 2.5x or more, and delivered within half a
     * percent of it. held() lets a step deliver 3 % less than asked; comparing the delivered rate with 2.5x itself would
     * fail the 2.5x step whenever the generator fell a fraction of a request a second short (12,043.5 of 12,043.54/s).
     */
    static boolean reaches(ConstantRateLoad.Result r, double baseline) {
        return r.targetRate() / baseline >= 2.5 - 1e-9 && r.achievedRate() >= r.targetRate() * 0.995;
    }

    static boolean held(ConstantRateLoad.Result r, double targetP99) {
        return r.p(99) <= targetP99 && r.errors() == 0 && r.achievedRate() >= r.targetRate() * 0.97;
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

    /** The Authorization header of one device: its enrolment credential. */
    public static String authorization(String deviceId) {
        return "Device dc1." + deviceId + "." + benchSecret(deviceId);
    }

    /**
     * The benchmark's credential secret of a device: md5("bench-secret-" + id) in hex, as bench/checkin-bench.sh
     * stores its SHA-256 for every seeded device. Benchmark data only; real secrets are 256 random bits.
     */
    static String benchSecret(String deviceId) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5")
                            .digest(("bench-secret-" + deviceId).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest get(String url, String auth) {
        return InventoryBench.get(url, auth);
    }
}
