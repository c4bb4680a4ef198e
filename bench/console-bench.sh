#!/usr/bin/env bash
# Benchmark of the console at 1,000,000 devices (not a test): the home page, the devices list and a device page, each
# signed in as district IT, against the console's liveness endpoint at the same rate in the same run. The console
# calls the three services, so all four run here, on the benchmark databases (inventory and check-ins seeded with the
# same 1,000,000 devices, once).
#   bench/console-bench.sh                    defaults: 1,000,000 devices, 20 pages/s per scenario, 60 s each
#   DEVICES=100000 RATE=50 DURATION=30 bench/console-bench.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

DEVICES="${DEVICES:-1000000}"
PEOPLE="${PEOPLE:-100000}"
CONSOLE_PORT=8094
export PGPASSWORD="$DB_PASSWORD"
psql_on() { psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$1" -X -q "${@:2}"; }

bash scripts/postgres.sh tune
bash scripts/kafka.sh start bench
start_identity_provider
build_bench inventory-service,checkin-service,loss-report-service,console
trap 'for s in console-bench inventory-for-console checkin-for-console lossreport-for-console; do stop_service "$s"; done' EXIT

start_service inventory-for-console inventory-service/target/quarkus-app/quarkus-run.jar 8091 1g \
  DB_NAME=inventory_bench KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9392
start_service checkin-for-console checkin-service/target/quarkus-app/quarkus-run.jar 8093 1g \
  DB_NAME=checkin_bench KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9392 DISTRICT_CHECKIN_CONSUMERS_ENABLED=false
start_service lossreport-for-console loss-report-service/target/quarkus-app/quarkus-run.jar 8092 1g \
  DB_NAME=lossreport_bench KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9392

# Both seeds derive a device's id from its number, so a device page finds the device in both services. An inventory
# seeded by an earlier version (random ids) is seeded again.
if [ "$(psql_on inventory_bench -At -c "select count(*) from device where id = md5('device-1')::uuid")" != 1 ]; then
  info "Seeding the inventory: $DEVICES devices and $PEOPLE people"
  psql_on inventory_bench -c "truncate device, person cascade"
  psql_on inventory_bench -v devices="$DEVICES" -v people="$PEOPLE" -f bench/sql/seed-inventory.sql
  psql_on inventory_bench -c "vacuum (freeze, analyze) person" -c "vacuum (freeze, analyze) device"
fi
info "Seeding check-ins: $DEVICES devices (once)"
psql_on checkin_bench -v devices="$DEVICES" -f bench/sql/seed-checkin.sql
psql_on checkin_bench -c "vacuum analyze device"

start_service console-bench console/target/quarkus-app/quarkus-run.jar "$CONSOLE_PORT" 512m \
  DB_NAME=console_bench INVENTORY_URL=http://127.0.0.1:8091 CHECKIN_URL=http://127.0.0.1:8093 \
  LOSS_REPORT_URL=http://127.0.0.1:8092 DISTRICT_TIME_ZONE=America/Chicago
settle
record_idle_rss console-bench

sample_rss console-bench
bench_java org.district.bench.ConsoleBench \
  --base "http://127.0.0.1:$CONSOLE_PORT" --jdbc "jdbc:postgresql://$DB_HOST:$DB_PORT/inventory_bench" \
  --rate "${RATE:-20}" --warmup "${WARMUP:-15}" --duration "${DURATION:-60}" | tee "$BENCH_OUT/console.txt"
stop_sampling console-bench
info "console: started in $(cat "$BENCH_OUT/console-bench.start_ms") ms, idle RSS $(( $(cat "$BENCH_OUT/console-bench.rss_idle_kb") / 1024 )) MiB, under load $(( $(cat "$BENCH_OUT/console-bench.rss_load_kb") / 1024 )) MiB"
