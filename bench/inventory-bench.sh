#!/usr/bin/env bash
# Benchmark of inventory-service at 1,000,000 devices (not a test). Seeds a dedicated database once, starts the
# service on port 8091 against it, and measures get-by-id and filtered search at steady rates with the constant-rate
# load generator, each against a baseline measured in the same run. Prints a Markdown table for docs/benchmarks.md.
#   bench/inventory-bench.sh                      defaults: 1,000,000 devices, 200 gets/s, 100 searches/s, 60 s
#   DEVICES=100000 GET_RATE=500 DURATION=30 bench/inventory-bench.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
cd "$ROOT"

DEVICES="${DEVICES:-1000000}"
PEOPLE="${PEOPLE:-100000}"
PORT="${BENCH_PORT:-8091}"
DB=inventory_bench

bash scripts/postgres.sh ensure
bash scripts/kafka.sh start bench
mvn -B -q package -DskipTests -Dspotless.check.skip=true -pl bench,inventory-service -am >"$LOG_DIR/bench-build.log" 2>&1 \
  || { tail -30 "$LOG_DIR/bench-build.log"; die "build failed"; }

PIDFILE="$RUN_DIR/inventory-bench.pid"
cleanup() { pid="$(cat "$PIDFILE" 2>/dev/null || true)"; [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -f "$PIDFILE"; }
trap cleanup EXIT
info "Starting inventory-service on :$PORT against database $DB"
HTTP_PORT="$PORT" DB_NAME="$DB" KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9392 \
  nohup java -Xms256m -Xmx1g -Dquarkus.profile=local -jar inventory-service/target/quarkus-app/quarkus-run.jar \
  >"$LOG_DIR/inventory-bench.log" 2>&1 &
echo $! >"$PIDFILE"
wait_for 120 "inventory" curl -fsS "http://127.0.0.1:$PORT/q/health/ready" || die "service did not start; see $LOG_DIR/inventory-bench.log"

info "Seeding $DEVICES devices and $PEOPLE people (once)"
start=$(date +%s)
PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB" -X -q \
  -v devices="$DEVICES" -v people="$PEOPLE" -f bench/sql/seed-inventory.sql
info "Seed step took $(( $(date +%s) - start )) s"

java -Xmx512m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.district.bench.InventoryBench \
  --base "http://127.0.0.1:$PORT" --jdbc "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB" \
  --get-rate "${GET_RATE:-200}" --search-rate "${SEARCH_RATE:-100}" \
  --warmup "${WARMUP:-15}" --duration "${DURATION:-60}" | tee "$LOG_DIR/inventory-bench-result.txt"
