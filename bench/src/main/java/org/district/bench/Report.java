package org.district.bench;

import java.util.List;
import java.util.Map;

/**
 * Prints a scenario group as a Markdown table: each measured scenario with the baseline measured in the same run, the
 * ratio of their p99 latencies, and the target. Lines start with "| " so scripts can collect them.
 */
final class Report {
    private Report() {}

    static void print(
            String group,
            List<ConstantRateLoad.Result> results,
            Map<String, String> baselineOf,
            Map<String, Double> targetP99Millis) {
        System.out.println();
        System.out.println(
                "| scenario | rate (req/s) | p50 ms | p99 ms | p99.9 ms | errors | baseline p99 ms | p99 ratio"
                        + " | target p99 | met |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (ConstantRateLoad.Result r : results) {
            String baselineName = baselineOf.get(r.name());
            if (baselineName == null) {
                continue;
            }
            ConstantRateLoad.Result baseline = results.stream()
                    .filter(b -> b.name().equals(baselineName))
                    .findFirst()
                    .orElseThrow();
            Double target = targetP99Millis.get(r.name());
            System.out.printf(
                    "| %s %s | %s | %.2f | %.1fx | %s | %s |%n",
                    group,
                    r.name(),
                    r.cells(),
                    baseline.p(99),
                    r.p(99) / Math.max(0.001, baseline.p(99)),
                    target == null ? "" : "<= " + target.intValue() + " ms",
                    target == null ? "" : (r.p(99) <= target && r.errors() == 0 ? "yes" : "NO"));
        }
    }
}
