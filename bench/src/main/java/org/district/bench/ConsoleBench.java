package org.district.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

        results.add(load.run(
                "baseline /q/health/live", rate, warmup, duration, i -> get(base + "/q/health/live", null), 200));
        // Each scenario signs in afresh: a session renews its tokens after a few minutes and then answers with a new
        // cookie, which a browser keeps and this load generator does not; a scenario is shorter than that.
        String home = signIn(base);
        results.add(load.run("home /", rate, warmup, duration, i -> get(base + "/", home), 200));
        String list = signIn(base);
        results.add(load.run(
                "devices list (school, assigned)",
                rate,
                warmup,
                duration,
                i -> get(base + "/devices?status=ASSIGNED&school=" + InventoryBench.enc(sample.school(i)), list),
                200));
        String sorted = signIn(base);
        results.add(load.run(
                "devices list sorted (school, by status, descending)",
                rate,
                warmup,
                duration,
                i -> get(base + "/devices?sort=-status&school=" + InventoryBench.enc(sample.school(i)), sorted),
                200));
        String byDevice = signIn(base);
        results.add(load.run(
                "devices list sorted (all, by make and model)",
                rate,
                warmup,
                duration,
                i -> get(base + "/devices?sort=device", byDevice),
                200));
        String page = signIn(base);
        results.add(load.run(
                "device page /devices/{id}",
                rate,
                warmup,
                duration,
                i -> get(base + "/devices/" + sample.id(i), page),
                200));
        for (ConstantRateLoad.Result r : results) {
            System.out.println(r.summary());
        }
        Report.print(
                "console",
                results,
                Map.of(
                        "home /", "baseline /q/health/live",
                        "devices list (school, assigned)", "baseline /q/health/live",
                        "devices list sorted (school, by status, descending)", "baseline /q/health/live",
                        "devices list sorted (all, by make and model)", "baseline /q/health/live",
                        "device page /devices/{id}", "baseline /q/health/live"),
                Map.of(
                        "home /", 100.0,
                        "devices list (school, assigned)", 100.0,
                        "devices list sorted (school, by status, descending)", 100.0,
                        "devices list sorted (all, by make and model)", 100.0,
                        "device page /devices/{id}", 100.0));
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
