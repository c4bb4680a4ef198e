#!/usr/bin/env bash
# Benchmark of loss-report-service (not a test): a ladder of steady rates (RATES, 50 reports/s first), at each the
# latency from each 201 to both emails (IT and the supervisor) accepted by the SMTP server, p50 and p99, against a raw
# SMTP transaction at the same rate measured in the same run. The ladder stops at the first step whose p99 is over
# 1 s (or that lost an email) and reports the highest rate held. The SMTP server runs inside the benchmark process so both moments come from one clock. Each phase warms up
# for 90 s at the same rate first (WARMUP): after 30 s the service still spent a fifth more CPU on each report than after
# 90 s, on a machine with no core to spare at 50 reports/s (docs/benchmarks.md); each later step, already warm, for
# STEP_WARMUP (30 s). The CPU each report cost, and the
# share of the service's that its JIT compilers took, are printed after the table.
#   bench/lossreport-bench.sh
#   RATES="50 100 200" bench/lossreport-bench.sh
#   RATE=100 DURATION=30 bench/lossreport-bench.sh     # one rate, no ladder
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

PORT="${BENCH_PORT:-8092}"
SMTP="${BENCH_SMTP_PORT:-2525}"
DB=lossreport_bench

bash scripts/postgres.sh tune
bash scripts/kafka.sh start bench
start_identity_provider
build_bench loss-report-service
settle
trap 'stop_sampling lossreport-bench; stop_service lossreport-bench' EXIT
start_service lossreport-bench loss-report-service/target/quarkus-app/quarkus-run.jar "$PORT" 768m \
  DB_NAME="$DB" KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9392 SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP" SMTP_START_TLS=DISABLED \
  IT_EMAILS=it-bench@district.example
record_idle_rss lossreport-bench

sample_rss lossreport-bench
bench_java org.district.bench.LossReportBench \
  --base "http://127.0.0.1:$PORT" --jdbc "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB" --smtp-port "$SMTP" \
  --service-pid "$(cat "$RUN_DIR/lossreport-bench.pid")" --rates "${RATE:-${RATES:-50 100 150 200 300 400}}" --warmup "${WARMUP:-90}" \
  --step-warmup "${STEP_WARMUP:-30}" --duration "${DURATION:-60}" --rest "${REST:-20}" | tee "$BENCH_OUT/lossreport.txt"
stop_sampling lossreport-bench
