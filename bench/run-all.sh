#!/usr/bin/env bash
# The benchmark suite (not tests): inventory at 1,000,000 devices, check-in ingestion against the same-run pgbench
# baseline and the overdue list under ingestion, loss report to both notifications, and each service's start time and
# memory (idle and under load) against a bare JVM measured in the same run. Prints one summary table at the end;
# copy it into docs/benchmarks.md with the date and the machine.
#   bench/run-all.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

# Always built here (whatever SKIP_BUILD says), once for every benchmark below.
SKIP_BUILD=0 build_bench inventory-service,loss-report-service,checkin-service
export SKIP_BUILD=1

# Baseline for start time and memory: a bare JVM of the services' JDK, same heap flags, measured now.
read -r jvm_ms jvm_kb < <(bare_jvm "$(dirname "$(dirname "$(service_java)")")")
echo "$jvm_ms" >"$BENCH_OUT/jvm.start_ms"
echo "$jvm_kb" >"$BENCH_OUT/jvm.rss_kb"

bash bench/inventory-bench.sh
bash bench/checkin-bench.sh
bash bench/lossreport-bench.sh

JVM_START=$(cat "$BENCH_OUT/jvm.start_ms"); JVM_RSS=$(cat "$BENCH_OUT/jvm.rss_kb")
{
  echo "## Summary ($(date -u +%F), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(psql --version | head -1))"
  echo
  echo "| scenario | rate (req/s) | p50 ms | p99 ms | p99.9 ms | errors | baseline | ratio | target | met | CPU us/request: machine (service / generator / PostgreSQL) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |"
  grep -h '^| \(inventory\|checkin\|lossreport\) ' "$BENCH_OUT/inventory.txt" "$BENCH_OUT/checkin.txt" "$BENCH_OUT/lossreport.txt" || true
  echo
  grep -h '^\(HTTP floor of\|CPU per request\|Check-in (\|2.5x needs\)' "$BENCH_OUT/checkin.txt" || true
  grep -h '^CPU per report' "$BENCH_OUT/lossreport.txt" || true
  echo
  echo "| service | start to ready (ms) | bare JVM (ms) | ratio | RSS idle (MiB) | RSS under load (MiB) | bare JVM RSS (MiB) | idle ratio |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for s in inventory-bench checkin-bench lossreport-bench; do
    st=$(cat "$BENCH_OUT/$s.start_ms"); ri=$(cat "$BENCH_OUT/$s.rss_idle_kb"); rl=$(cat "$BENCH_OUT/$s.rss_load_kb" 2>/dev/null || echo 0)
    awk -v n="${s%-bench}" -v st="$st" -v js="$JVM_START" -v ri="$ri" -v rl="$rl" -v jr="$JVM_RSS" \
      'BEGIN { printf "| %s | %d | %d | %.1fx | %.0f | %.0f | %.0f | %.1fx |\n", n, st, js, st/js, ri/1024, rl/1024, jr/1024, ri/jr }'
  done
} | tee "$BENCH_OUT/summary.md"
