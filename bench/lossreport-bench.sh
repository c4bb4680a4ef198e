#!/usr/bin/env bash
# Benchmark of loss-report-service (not a test): at a steady 50 reports/s, the latency from each 201 to both emails
# (IT and the supervisor) accepted by the SMTP server, p50 and p99, against a raw SMTP transaction measured in the
# same run. The SMTP server runs inside the benchmark process so both moments come from one clock.
#   bench/lossreport-bench.sh
#   RATE=100 DURATION=30 bench/lossreport-bench.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
cd "$ROOT"

PORT="${BENCH_PORT:-8092}"
SMTP="${BENCH_SMTP_PORT:-2525}"
DB=lossreport_bench

bash scripts/postgres.sh ensure
bash scripts/kafka.sh start bench
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q package -DskipTests -Dspotless.check.skip=true -pl bench,loss-report-service -am >"$LOG_DIR/bench-build.log" 2>&1 \
    || { tail -30 "$LOG_DIR/bench-build.log"; die "build failed"; }
fi

PIDFILE="$RUN_DIR/lossreport-bench.pid"
cleanup() { pid="$(cat "$PIDFILE" 2>/dev/null || true)"; [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -f "$PIDFILE"; }
trap cleanup EXIT
info "Starting loss-report-service on :$PORT against database $DB, mail to 127.0.0.1:$SMTP"
HTTP_PORT="$PORT" DB_NAME="$DB" KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9392 SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP" \
  IT_EMAILS=it-bench@district.example REPORT_BASE_URL="http://localhost:$PORT/reports/{id}" \
  nohup java -Xms256m -Xmx768m -Dquarkus.profile=local -jar loss-report-service/target/quarkus-app/quarkus-run.jar \
  >"$LOG_DIR/lossreport-bench.log" 2>&1 &
echo $! >"$PIDFILE"
wait_for 120 "loss-report" curl -fsS "http://127.0.0.1:$PORT/q/health/ready" || die "service did not start; see $LOG_DIR/lossreport-bench.log"

java -Xmx512m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.district.bench.LossReportBench \
  --base "http://127.0.0.1:$PORT" --jdbc "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB" --smtp-port "$SMTP" \
  --rate "${RATE:-50}" --warmup "${WARMUP:-10}" --duration "${DURATION:-60}" | tee "$LOG_DIR/lossreport-bench-result.txt"
