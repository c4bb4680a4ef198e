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
import org.HdrHistogram.Histogram;

/**
 * loss-report-service: at a steady rate of reports, the time from the 201 to both emails (IT and the supervisor)
 * accepted by the SMTP server. The SMTP server is {@link SmtpSink} in this process, so both moments come from one
 * clock. The baseline, measured in the same run at the same rate, is a raw SMTP transaction from this process to the
 * same sink: the floor of mail delivery on this machine.
 */
public final class LossReportBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Args.parse(args);
        String base = opts.getOrDefault("base", "http://127.0.0.1:8092");
        String jdbc = opts.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/lossreport_bench");
        int smtpPort = Integer.parseInt(opts.getOrDefault("smtp-port", "2525"));
        double rate = Double.parseDouble(opts.getOrDefault("rate", "50"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "10")));
        Duration duration = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("duration", "60")));
        String itEmail = opts.getOrDefault("it-email", "it-bench@district.example");

        int reports = (int) (rate * (warmup.toSeconds() + duration.toSeconds()) * 1.1) + 10;
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<LossReportReadModel.Holder> holders;
        try (Connection c = DriverManager.getConnection(
                jdbc,
                System.getenv().getOrDefault("DB_USER", "district"),
                System.getenv().getOrDefault("DB_PASSWORD", "district-dev-only"))) {
            holders = LossReportReadModel.seed(c, "B", run, reports);
        }
        List<String> tags = new ArrayList<>();
        holders.forEach(h -> tags.add(h.assetTag()));
        ObjectMapper json = new ObjectMapper();
        try (BearerTokens staff = BearerTokens.of("STAFF", LossReportReadModel.staff(holders));
                SmtpSink sink = new SmtpSink(smtpPort)) {
            ConstantRateLoad load = new ConstantRateLoad(256);
            // Baseline: a raw SMTP transaction at the same rate, timed like everything else (from when it was due).
            ConstantRateLoad.Result baseline = smtpBaseline(smtpPort, rate, warmup, duration);

            Map<String, Long> createdAt = new ConcurrentHashMap<>();
            CpuMeter meter = new CpuMeter(Long.parseLong(opts.getOrDefault("service-pid", "0")));
            CpuMeter.Sample[] cpuBefore = new CpuMeter.Sample[1];
            long[] compilersBefore = new long[1];
            ConstantRateLoad.Result posts = load.runCalls(
                    "POST /api/v1/loss-reports",
                    rate,
                    warmup,
                    duration,
                    i -> ConstantRateLoad.Call.of(
                            report(base, staff.header(holders.get((int) i).districtId()), tags.get((int) i))),
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
            CpuMeter.Sample cpu = meter.sample().minus(cpuBefore[0]);
            long compilers = meter.serviceCompilers() - compilersBefore[0];
            System.out.println(posts.summary());

            // Wait (bounded) for both emails of every measured report.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Map<String, long[]> mails = new HashMap<>();
            while (System.nanoTime() < deadline) {
                mails = lastMailPerReport(sink, itEmail, createdAt);
                long complete = mails.values().stream()
                        .filter(t -> t[0] > 0 && t[1] > 0)
                        .count();
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
            double p50 = endToEnd.getValueAtPercentile(50) / 1000.0;
            double p99 = endToEnd.getValueAtPercentile(99) / 1000.0;
            System.out.println();
            System.out.println(
                    "| scenario | rate (req/s) | p50 ms | p99 ms | p99.9 ms | errors / missing | baseline p99 ms"
                            + " | p99 ratio | target p99 | met |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
            System.out.printf(
                    "| lossreport 201 -> both emails accepted by SMTP | %.0f | %.1f | %.1f | %.1f | %d / %d |"
                            + " %.2f | %.0fx | < 1000 ms (stretch 100 ms) | %s |%n",
                    posts.achievedRate(),
                    p50,
                    p99,
                    endToEnd.getValueAtPercentile(99.9) / 1000.0,
                    posts.errors(),
                    missing,
                    baseline.p(99),
                    p99 / Math.max(0.001, baseline.p(99)),
                    p99 < 1000 && missing == 0 && posts.errors() == 0
                            ? (p99 <= 100 ? "yes (stretch too)" : "yes")
                            : "NO");
            System.out.printf(
                    "| lossreport POST /api/v1/loss-reports (the 201 itself) | %.0f | %.1f | %.1f | %.1f | %d |"
                            + " | | | |%n",
                    posts.achievedRate(), posts.p(50), posts.p(99), posts.p(99.9), posts.errors());
            System.out.println();
            // What a report costs in CPU during the measured phase (the deliveries it started run on into the wait
            // above and are mostly counted), and how much of the service's share its JIT compilers took: a share that
            // does not fall towards zero means the service was still warming up while measured.
            System.out.println(
                    "CPU per report in the measured phase, us: machine (service / generator / PostgreSQL / Kafka) "
                            + cpu.per(posts.requests()).cell() + "; the service's JIT compilers "
                            + String.format("%.0f %%", 100.0 * compilers / Math.max(1, cpu.service()))
                            + " of the service's CPU");
            System.out.println();
            System.out.print(sink.turns());
        }
        System.exit(0);
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
