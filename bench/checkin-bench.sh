#!/usr/bin/env bash
# Benchmark of checkin-service ingestion at 1,000,000 registered devices (not a test).
# 1. Seeds checkin-service's device read model and the baseline tables in a dedicated database (once).
# 2. Measures the baseline: pgbench, 8 clients, one heartbeat per transaction (latest-state upsert + history insert).
# 3. Pre-warms the service (check-ins at a third of the baseline rate, 90 s, not recorded), then steps the check-in
#    rate up from that baseline with the constant-rate load generator until p99 > 100 ms, devices authenticating with
#    their enrolment credential (CREDENTIALS of them, 50,000 by default, spread over the seed). A missed step is run
#    once more before the ladder stops (RETRIES=1; RETRIES=0 stops at the first miss); every attempt is reported with
#    the longest stall the machine imposed on the generator and the machine's steal time during it.
# 4. Steps the same generator up against the same process's /q/health/live: the most requests/s this machine serves
#    through HTTP at all, measured the same way (the "HTTP floor").
# 5. Measures the overdue list's first page while ingestion runs at half the highest rate held (as IT, with a real
#    token of the identity provider, see bench/lib.sh).
# Each step also reports the CPU time one request cost (whole machine, service, generator, PostgreSQL; from /proc),
# and the baseline the CPU time of one heartbeat transaction.
#   bench/checkin-bench.sh
#   DEVICES=200000 STEP_SECONDS=15 PREWARM=30 bench/checkin-bench.sh
#   MULTIPLIERS=0.5,1,1.5 bench/checkin-bench.sh
#   FLOOR_MULTIPLIERS=none bench/checkin-bench.sh   (no HTTP floor)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

DEVICES="${DEVICES:-1000000}"
PORT="${BENCH_PORT:-8093}"
DB=checkin_bench
export PGPASSWORD="$DB_PASSWORD"
PSQL=(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB" -X -q)

bash scripts/postgres.sh tune
bash scripts/kafka.sh start bench
start_identity_provider
build_bench checkin-service
trap 'stop_sampling checkin-bench; stop_wal_sampling checkin-bench; stop_service checkin-bench' EXIT
# Statements of the benchmark's database that take over 100 ms go to PostgreSQL's server log with their time, to be
# laid beside a missed step's slow windows (each step prints when its slowest requests were due, in UTC).
bash scripts/postgres.sh log-slow "$DB" 100ms || warn "cannot log the benchmark database's slow statements"
# The read model is seeded directly; the service must not also rebuild it from the bench broker's snapshot topics.
start_service checkin-bench checkin-service/target/quarkus-app/quarkus-run.jar "$PORT" 1g \
  DB_NAME="$DB" KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9392 DISTRICT_CHECKIN_CONSUMERS_ENABLED=false

info "Seeding $DEVICES devices and the baseline tables (once)"
"${PSQL[@]}" -v devices="$DEVICES" -f bench/sql/seed-checkin.sql
# Every device enrolled with a benchmark credential whose secret the generator derives (md5 of "bench-secret-" and
# the id); only the SHA-256 of the secret is stored, as enrolment does. Benchmark data only.
"${PSQL[@]}" -c "update device set credential_sha256 = sha256(convert_to(md5('bench-secret-' || id::text), 'UTF8')),
  credential_issued_at = now(), credential_issued_by = 'bench' where credential_sha256 is null"
"${PSQL[@]}" -c "vacuum analyze device" -c "vacuum analyze hb_state"
settle
sample_wal checkin-bench "$DB"

info "Baseline: pgbench, 8 clients, single-row heartbeat transactions, ${BASELINE_SECONDS:-30} s"
BUSY_BEFORE="$(cpu_busy_us)"
pgbench -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -n -c 8 -j 2 -T "${BASELINE_SECONDS:-30}" -D devices="$DEVICES" \
  -f bench/sql/heartbeat.pgbench "$DB" | tee "$BENCH_OUT/checkin-baseline.txt"
TPS="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$BENCH_OUT/checkin-baseline.txt" | head -1)"
[ -n "$TPS" ] || die "could not read the baseline rate"
BUSY_AFTER="$(cpu_busy_us)"
TX="$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$BENCH_OUT/checkin-baseline.txt" | head -1)"
# What one heartbeat transaction costs the whole machine in CPU (pgbench and PostgreSQL together).
BASELINE_CPU_US=$(( (BUSY_AFTER - BUSY_BEFORE) / ${TX:-1} ))
info "Baseline: $TPS heartbeat transactions/s, $BASELINE_CPU_US us of CPU per transaction (machine)"

record_idle_rss checkin-bench
sample_rss checkin-bench
bench_java org.district.bench.CheckInBench \
  --base "http://127.0.0.1:$PORT" --devices "$DEVICES" --baseline-tps "$TPS" \
  --baseline-cpu-us "$BASELINE_CPU_US" --service-pid "$(cat "$RUN_DIR/checkin-bench.pid")" \
  --credentials "${CREDENTIALS:-50000}" \
  --floor-multipliers "${FLOOR_MULTIPLIERS:-1,1.25,1.5,1.75,2,2.5,3}" --prewarm-seconds "${PREWARM:-90}" --warmup "${WARMUP:-20}" \
  --step-seconds "${STEP_SECONDS:-20}" --retries "${RETRIES:-1}" \
  --multipliers "${MULTIPLIERS:-0.5,0.75,1,1.1,1.2,1.3,1.4,1.5,1.75,2,2.5,3}" | tee "$BENCH_OUT/checkin.txt"
stop_sampling checkin-bench
# The run inserted hundreds of thousands of history rows: vacuum now, so the next scenario does not pay for it.
"${PSQL[@]}" -c "vacuum analyze checkin_history" -c "vacuum analyze device" -c "vacuum analyze hb_state" \
  -c "vacuum analyze hb_history"
