package org.district.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.district.testing.WebSignIn;

/**
 * The console at 1,000,000 devices, as district IT uses it: the home page (counts from three services), the devices
 * list (a school's assigned devices, first page of 50; a school's sorted by status descending; all of them sorted by
 * make and model) and a device page (its record, history, check-ins, commands, credential, open loss report), each
 * signed in as IT and at a steady rate, against the console's own liveness
 * endpoint at the same rate in the same run. Each page's time includes the services' answers it waits for.
 */
public final class ConsoleBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Args.parse(args);
        String base = opts.getOrDefault("base", "http://127.0.0.1:8094");
        String jdbc = opts.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/inventory_bench");
        double rate = Double.parseDouble(opts.getOrDefault("rate", "20"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "15")));
        Duration duration = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("duration", "60")));

        SampledDevices sample = SampledDevices.read(jdbc);
        ConstantRateLoad load = new ConstantRateLoad(256);
        List<ConstantRateLoad.Result> results = new ArrayList<>();
        System.out.printf(
                "console benchmark: %,d devices, %d sampled ids, %d schools, %.0f pages/s%n",
                sample.count(), sample.ids().size(), sample.schools().size(), rate);

        String baseline = "baseline /q/health/live";
        results.add(load.run(baseline, rate, warmup, duration, i -> get(base + "/q/health/live", null), 200));
        // Each page, by the path of its i-th request.
        Map<String, LongFunction<String>> pages = new LinkedHashMap<>();
        pages.put("home /", i -> "/");
        pages.put(
                "devices list (school, assigned)",
                i -> "/devices?status=ASSIGNED&school=" + InventoryBench.enc(sample.school(i)));
        pages.put(
                "devices list sorted (school, by status, descending)",
                i -> "/devices?sort=-status&school=" + InventoryBench.enc(sample.school(i)));
        pages.put("devices list sorted (all, by make and model)", i -> "/devices?sort=device");
        pages.put("devices list sorted (all, by holder)", i -> "/devices?sort=holder");
        pages.put("device page /devices/{id}", i -> "/devices/" + sample.id(i));
        Map<String, String> baselines = new LinkedHashMap<>();
        Map<String, Double> targets = new LinkedHashMap<>();
        for (Map.Entry<String, LongFunction<String>> page : pages.entrySet()) {
            // Each scenario signs in afresh: a session renews its tokens after a few minutes and then answers with a
            // new cookie, which a browser keeps and this load generator does not; a scenario is shorter than that.
            String cookies = signIn(base);
            LongFunction<String> path = page.getValue();
            results.add(load.run(page.getKey(), rate, warmup, duration, i -> get(base + path.apply(i), cookies), 200));
            baselines.put(page.getKey(), baseline);
            targets.put(page.getKey(), 100.0);
        }
        for (ConstantRateLoad.Result r : results) {
            System.out.println(r.summary());
        }
        Report.print("console", results, baselines, targets);
        System.exit(0);
    }

    /** The Cookie header of a fresh console session of district IT, signed in through the login form. */
    private static String signIn(String base) {
        return WebSignIn.as(base + "/", "BENCH-CONSOLE-IT", "IT_ADMIN").cookies().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static HttpRequest get(String url, String cookies) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (cookies != null) {
            b.header("Cookie", cookies);
        }
        return b.build();
    }
}
