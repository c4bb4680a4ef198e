#!/usr/bin/env bash
# Benchmark of inventory-service at 1,000,000 devices (not a test). Seeds a dedicated database once, starts the
# service on port 8091 against it, and measures get-by-id and filtered search at steady rates with the constant-rate
# load generator, each against a baseline measured in the same run (the service's own liveness endpoint at the same
# rate). Also records the service's start time and memory, idle and under load.
#   bench/inventory-bench.sh                      defaults: 1,000,000 devices, 200 gets/s, 100 searches/s, 60 s
#   DEVICES=100000 GET_RATE=500 DURATION=30 bench/inventory-bench.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

DEVICES="${DEVICES:-1000000}"
PEOPLE="${PEOPLE:-100000}"
PORT="${BENCH_PORT:-8091}"
DB=inventory_bench

bash scripts/postgres.sh tune
bash scripts/kafka.sh start bench
start_identity_provider
build_bench inventory-service
trap 'stop_sampling inventory-bench; stop_service inventory-bench' EXIT
start_service inventory-bench inventory-service/target/quarkus-app/quarkus-run.jar "$PORT" 1g \
  DB_NAME="$DB" KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9392

info "Seeding $DEVICES devices and $PEOPLE people (once)"
start=$(date +%s)
PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB" -X -q \
  -v devices="$DEVICES" -v people="$PEOPLE" -f bench/sql/seed-inventory.sql
# A bulk load leaves every page's hint bits unset and the table owed an autovacuum: without this, the first reads
# rewrite pages and autovacuum scans the table in the middle of the measurement. A vacuumed table is the steady state.
PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB" -X -q \
  -c "vacuum (freeze, analyze) person" -c "vacuum (freeze, analyze) device"
info "Seed step took $(( $(date +%s) - start )) s"
settle
record_idle_rss inventory-bench

sample_rss inventory-bench
bench_java org.district.bench.InventoryBench \
  --base "http://127.0.0.1:$PORT" --jdbc "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB" \
  --get-rate "${GET_RATE:-200}" --search-rate "${SEARCH_RATE:-100}" \
  --warmup "${WARMUP:-15}" --duration "${DURATION:-60}" | tee "$BENCH_OUT/inventory.txt"
stop_sampling inventory-bench
