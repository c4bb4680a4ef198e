package org.district.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * loss-report-service: at a steady rate of reports, the time from the 201 to both emails (IT and the supervisor)
 * accepted by the SMTP server. The SMTP server is {@link SmtpSink} in this process, so both moments come from one
 * clock. The baseline, measured in the same run at the same rate, is a raw SMTP transaction from this process to the
 * same sink: the floor of mail delivery on this machine.
 */
public final class LossReportBench {

    /** The p99 from a report's 201 to both its emails that a step must hold. */
    static final double TARGET_P99_MS = 1000;

    /** How long the benchmark waits, after a step, for the emails of its measured reports. */
    static final Duration MAIL_WAIT = Duration.ofSeconds(60);

    /** The raw SMTP baseline's warm-up: the sink and a socket need seconds, not the service's minutes. */
    static final Duration BASELINE_WARMUP = Duration.ofSeconds(10);

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Args.parse(args);
        String base = opts.getOrDefault("base", "http://127.0.0.1:8092");
        String jdbc = opts.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/lossreport_bench");
        int smtpPort = Integer.parseInt(opts.getOrDefault("smtp-port", "2525"));
        List<Double> rates = rates(opts.getOrDefault("rates", opts.getOrDefault("rate", "50")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "10")));
        Duration stepWarmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("step-warmup", "30")));
        Duration duration = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("duration", "60")));
        String itEmail = opts.getOrDefault("it-email", "it-bench@district.example");

        // One seed for the whole ladder, each step taking the laptops after the last step's: a report per laptop.
        int reports = 10;
        for (int s = 0; s < rates.size(); s++) {
            Duration w = s == 0 ? warmup : stepWarmup;
            reports += (int) (rates.get(s) * (w.toSeconds() + duration.toSeconds()) * 1.1) + 10;
        }
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<LossReportReadModel.Holder> holders;
        try (Connection c = DriverManager.getConnection(
                jdbc,
                System.getenv().getOrDefault("DB_USER", "district"),
                System.getenv().getOrDefault("DB_PASSWORD", "district-dev-only"))) {
            holders = LossReportReadModel.seed(c, "B", run, reports);
        }
        CpuMeter meter = new CpuMeter(Long.parseLong(opts.getOrDefault("service-pid", "0")));
        List<Step> steps = new ArrayList<>();
        Duration rest = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("rest", "20")));
        try (BearerTokens staff = BearerTokens.of("STAFF", LossReportReadModel.staff(holders));
                SmtpSink sink = new SmtpSink(smtpPort)) {
            // What the stack spends with no report arriving (pollers, heartbeats, timers): a share of each report's
            // CPU below that does not grow with the rate.
            if (!rest.isZero()) {
                CpuMeter.Sample idle = meter.during(() -> pause(rest));
                System.out.printf(
                        "%nCPU at rest over %d s, us a second: machine (service / generator / PostgreSQL / Kafka) %s%n",
                        rest.toSeconds(), idle.per(rest.toSeconds()).cell());
            }
            int offset = 0;
            for (int s = 0; s < rates.size(); s++) {
                double rate = rates.get(s);
                Duration w = s == 0 ? warmup : stepWarmup;
                System.out.printf(
                        "%n--- step %d: %.0f reports/s (%d s warm-up, %d s measured)%n",
                        s + 1, rate, w.toSeconds(), duration.toSeconds());
                Step step = step(
                        base,
                        smtpPort,
                        itEmail,
                        staff,
                        holders.subList(offset, holders.size()),
                        sink,
                        meter,
                        rate,
                        w,
                        duration);
                offset += step.laptopsUsed();
                steps.add(step);
                // Indented: the summary at the end repeats these, and bench/run-all.sh reads the summary's lines.
                System.out.println("  " + step.row());
                System.out.println("  " + step.cpuLine());
                if (!step.held()) {
                    // The deliveries a missed step left queued would be measured by the next one: the ladder stops.
                    break;
                }
            }
            System.out.println();
            System.out.print(sink.turns());
        }
        printTable(steps);
        System.exit(0);
    }

    /** A step of the ladder: its reports, their emails, the raw SMTP baseline at its rate, and its CPU. */
    record Step(
            double rate,
            ConstantRateLoad.Result posts,
            Histogram endToEnd,
            long missing,
            ConstantRateLoad.Result baseline,
            CpuMeter.Sample cpu,
            double compilerShare,
            int laptopsUsed) {

        double p99() {
            return endToEnd.getValueAtPercentile(99) / 1000.0;
        }

        boolean held() {
            return missing == 0 && posts.errors() == 0 && endToEnd.getTotalCount() > 0 && p99() <= TARGET_P99_MS;
        }

        String row() {
            double p99 = p99();
            return String.format(
                    "| lossreport 201 -> both emails accepted by SMTP | %.0f | %.1f | %.1f | %.1f | %d / %d |"
                            + " %.2f | %.0fx | <= 1000 ms (stretch 100 ms) | %s |",
                    posts.achievedRate(),
                    endToEnd.getValueAtPercentile(50) / 1000.0,
                    p99,
                    endToEnd.getValueAtPercentile(99.9) / 1000.0,
                    posts.errors(),
                    missing,
                    baseline.p(99),
                    p99 / Math.max(0.001, baseline.p(99)),
                    held() ? (p99 <= 100 ? "yes (stretch too)" : "yes") : "NO");
        }

        String postsRow() {
            return String.format(
                    "| lossreport POST /api/v1/loss-reports (the 201 itself) | %.0f | %.1f | %.1f | %.1f | %d |"
                            + " | | | |",
                    posts.achievedRate(), posts.p(50), posts.p(99), posts.p(99.9), posts.errors());
        }

        // What a report costs in CPU during the measured phase (the deliveries still running at its end are not
        // counted), and how much of the service's share its JIT compilers took: a share
        // that does not fall towards zero means the service was still warming up while measured.
        String cpuLine() {
            return String.format(
                    "CPU per report at %.0f/s in the measured phase, us: machine (service / generator / PostgreSQL /"
                            + " Kafka) %s; the service's JIT compilers %.0f %% of the service's CPU%s",
                    rate,
                    cpu.per(posts.requests()).cell(),
                    100 * compilerShare,
                    held() ? "" : " (deliveries fell behind: the messages still queued at its end are not counted)");
        }
    }

    static Step step(
            String base,
            int smtpPort,
            String itEmail,
            BearerTokens staff,
            List<LossReportReadModel.Holder> holders,
            SmtpSink sink,
            CpuMeter meter,
            double rate,
            Duration warmup,
            Duration duration)
            throws Exception {
        // Baseline: a raw SMTP transaction at the same rate, timed like everything else (from when it was due).
        ConstantRateLoad.Result baseline = smtpBaseline(smtpPort, rate, BASELINE_WARMUP, duration);
        ObjectMapper json = new ObjectMapper();
        ConstantRateLoad load = new ConstantRateLoad(256);
        Map<String, Long> createdAt = new ConcurrentHashMap<>();
        AtomicInteger used = new AtomicInteger();
        CpuMeter.Sample[] cpuBefore = new CpuMeter.Sample[1];
        long[] compilersBefore = new long[1];
        ConstantRateLoad.Result posts = load.runCalls(
                "POST /api/v1/loss-reports at " + Math.round(rate) + "/s",
                rate,
                warmup,
                duration,
                i -> {
                    used.accumulateAndGet((int) i + 1, Math::max);
                    LossReportReadModel.Holder h = holders.get((int) i);
                    return ConstantRateLoad.Call.of(report(base, staff.header(h.districtId()), h.assetTag()));
                },
                201,
                (i, status, body, at) -> {
                    if (status == 201) {
                        try {
                            JsonNode node = json.readTree(body);
                            createdAt.put(node.path("id").asText(), at);
                        } catch (Exception e) {
                            System.err.println("unreadable 201 body: " + e.getMessage());
                        }
                    }
                },
                () -> {
                    cpuBefore[0] = meter.sample();
                    compilersBefore[0] = meter.serviceCompilers();
                });
        // The CPU of the measured phase, as the benchmark has always counted it: the deliveries the reports started run
        // on after it and are partly not counted, so a step's figure stays comparable with earlier runs'.
        CpuMeter.Sample cpu = meter.sample().minus(cpuBefore[0]);
        long compilers = meter.serviceCompilers() - compilersBefore[0];
        System.out.println(posts.summary());

        // Wait (bounded) for both emails of every measured report.
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        Map<String, long[]> mails = new HashMap<>();
        while (System.nanoTime() < deadline) {
            mails = lastMailPerReport(sink, itEmail, createdAt);
            long complete =
                    mails.values().stream().filter(t -> t[0] > 0 && t[1] > 0).count();
            if (complete >= createdAt.size()) {
                break;
            }
            Thread.sleep(200);
        }
        Histogram endToEnd = new Histogram(3);
        long missing = 0;
        for (Map.Entry<String, Long> report : createdAt.entrySet()) {
            long[] t = mails.get(report.getKey());
            if (t == null || t[0] == 0 || t[1] == 0) {
                missing++;
                continue;
            }
            long bothAccepted = Math.max(t[0], t[1]);
            endToEnd.recordValue(Math.max(1, (bothAccepted - report.getValue()) / 1000));
        }
        return new Step(
                rate,
                posts,
                endToEnd,
                missing,
                baseline,
                cpu,
                (double) compilers / Math.max(1, cpu.service()),
                used.get());
    }

    static void printTable(List<Step> steps) {
        System.out.println();
        System.out.println("| scenario | rate (req/s) | p50 ms | p99 ms | p99.9 ms | errors / missing | baseline p99 ms"
                + " | p99 ratio | target p99 | met |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        for (Step step : steps) {
            System.out.println(step.row());
            System.out.println(step.postsRow());
        }
        Step highest = null;
        for (Step step : steps) {
            if (step.held()) {
                highest = step;
            }
        }
        if (steps.size() > 1) {
            System.out.printf(
                    "| lossreport highest rate held with 201 -> both emails p99 <= 1000 ms | %s | | %s | | | | |"
                            + " >= 200/s | %s |%n",
                    highest == null ? "none" : String.format("%.0f", highest.rate()),
                    highest == null ? "" : String.format("%.1f", highest.p99()),
                    highest != null && highest.rate() >= 200 ? "yes" : "NO");
        }
        System.out.println();
        steps.forEach(step -> System.out.println(step.cpuLine()));
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<Double> rates(String spec) {
        List<Double> rates = new ArrayList<>();
        for (String part : spec.split("[,\\s]+")) {
            if (!part.isBlank()) {
                rates.add(Double.parseDouble(part));
            }
        }
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("no rate in '" + spec + "'");
        }
        return rates;
    }

    /** For each report: when the IT email and when the supervisor email were accepted (0 if not yet). */
    static Map<String, long[]> lastMailPerReport(SmtpSink sink, String itEmail, Map<String, Long> reports) {
        Map<String, long[]> times = new HashMap<>();
        for (SmtpSink.Accepted a : sink.accepted()) {
            if (a.reportId() == null || !reports.containsKey(a.reportId())) {
                continue;
            }
            long[] t = times.computeIfAbsent(a.reportId(), k -> new long[2]);
            int slot = a.recipients().contains(itEmail) ? 0 : 1;
            t[slot] = t[slot] == 0 ? a.acceptedNanos() : Math.min(t[slot], a.acceptedNanos());
        }
        return times;
    }

    static ConstantRateLoad.Result smtpBaseline(int port, double rate, Duration warmup, Duration duration)
            throws InterruptedException {
        org.HdrHistogram.Recorder recorder = new org.HdrHistogram.Recorder(3);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        long interval = (long) (1e9 / rate);
        long total = (long) ((warmup.toNanos() + duration.toNanos()) / interval);
        long warm = warmup.toNanos() / interval;
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
            }
            boolean measured = i >= warm;
            pool.submit(() -> {
                try {
                    SmtpSink.sendOne(port, "baseline-" + UUID.randomUUID());
                    if (measured) {
                        recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        Histogram h = recorder.getIntervalHistogram();
        return new ConstantRateLoad.Result(
                "baseline raw SMTP transaction",
                rate,
                h.getTotalCount() / (duration.toNanos() / 1e9),
                h.getTotalCount(),
                errors.get(),
                h);
    }

    static HttpRequest report(String base, String auth, String assetTag) {
        String body = "{\"assetTag\":\"" + assetTag + "\",\"kind\":\"LOST\",\"lastSeenAt\":\""
                + Instant.now().minusSeconds(3600) + "\",\"lastSeenLocation\":\"Room 114, Lincoln HS\","
                + "\"circumstances\":\"Left on the desk after third period; gone after lunch.\","
                + "\"contactPhone\":\"+1 555 0100\"}";
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/loss-reports"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
