package org.district.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * inventory-service at 1,000,000 devices: get-by-id and filtered search at steady rates, each against a baseline
 * measured in the same run at the same rate (the service's own liveness endpoint: HTTP, routing and the JVM, no
 * database), so the ratio says what the registry adds on top of the box's floor.
 */
public final class InventoryBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Args.parse(args);
        String base = opts.getOrDefault("base", "http://127.0.0.1:8091");
        String jdbc = opts.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/inventory_bench");
        double getRate = Double.parseDouble(opts.getOrDefault("get-rate", "200"));
        double searchRate = Double.parseDouble(opts.getOrDefault("search-rate", "100"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "15")));
        Duration duration = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("duration", "60")));

        SampledDevices sample = SampledDevices.read(jdbc);
        BearerTokens it = BearerTokens.of("IT_ADMIN", "BENCH-IT");
        ConstantRateLoad load = new ConstantRateLoad(256);
        List<ConstantRateLoad.Result> results = new ArrayList<>();
        System.out.printf(
                "inventory-service benchmark: %,d devices, %d sampled ids, %d schools%n",
                sample.count(), sample.ids().size(), sample.schools().size());

        results.add(load.run(
                "baseline /q/health/live @get-rate",
                getRate,
                warmup,
                duration,
                i -> get(base + "/q/health/live", null),
                200));
        results.add(load.run(
                "GET /api/v1/devices/{id}",
                getRate,
                warmup,
                duration,
                i -> get(base + "/api/v1/devices/" + sample.id(i), it.header()),
                200));
        results.add(load.run(
                "baseline /q/health/live @search-rate",
                searchRate,
                warmup,
                duration,
                i -> get(base + "/q/health/live", null),
                200));
        results.add(load.run(
                "search school+status (50/page)",
                searchRate,
                warmup,
                duration,
                i -> get(
                        base + "/api/v1/devices?status=ASSIGNED&limit=50&school=" + enc(sample.school(i)), it.header()),
                200));
        results.add(load.run(
                "search text q (50/page)",
                searchRate,
                warmup,
                duration,
                i -> get(
                        base + "/api/v1/devices?limit=50&q=" + enc(String.format("%05d", mix(i) % 100000)),
                        it.header()),
                200));
        for (ConstantRateLoad.Result r : results) {
            System.out.println(r.summary());
        }
        Report.print(
                "inventory",
                results,
                Map.of(
                        "GET /api/v1/devices/{id}", "baseline /q/health/live @get-rate",
                        "search school+status (50/page)", "baseline /q/health/live @search-rate",
                        "search text q (50/page)", "baseline /q/health/live @search-rate"),
                Map.of(
                        "GET /api/v1/devices/{id}",
                        20.0,
                        "search school+status (50/page)",
                        50.0,
                        "search text q (50/page)",
                        50.0));
        System.exit(0);
    }

    static long mix(long i) {
        long x = i * 0x9E3779B97F4A7C15L;
        x ^= (x >>> 31);
        return Math.abs(x);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpRequest get(String url, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b.build();
    }
}
