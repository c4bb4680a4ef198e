#!/usr/bin/env bash
# The agent soak (not part of the test command): AGENTS copies of the reference agent's check-in loop in one JVM
# (default 200), each with its own device, credential and state file, checking in every 10 seconds for SECONDS
# (default 600) against checkin-service. Half-way the service is stopped for OUTAGE seconds (default 20) and started
# again. Reports what docs/benchmarks.md quotes: requests and how they ended, whether every check-in an agent had
# accepted is in the history (nothing lost), and the busiest second after the restart against the steady rate.
#
#   bench/agent-soak.sh
#   AGENTS=500 SECONDS_TOTAL=900 bench/agent-soak.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

AGENTS="${AGENTS:-200}"
TOTAL="${SECONDS_TOTAL:-600}"
OUTAGE="${OUTAGE:-20}"
PORT="${BENCH_PORT:-8095}"
DB=checkin_soak
export PGPASSWORD="$DB_PASSWORD"

bash scripts/postgres.sh ensure
bash scripts/postgres.sh tune
bash scripts/kafka.sh start bench
start_identity_provider
build_bench "checkin-service,device-agent"
start_soak_service() {
  start_service agent-soak checkin-service/target/quarkus-app/quarkus-run.jar "$PORT" 512m \
    DB_NAME="$DB" KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9392 DISTRICT_CHECKIN_CONSUMERS_ENABLED=false CHECKIN_INTERVAL=PT10S
}
trap 'stop_service agent-soak' EXIT
start_soak_service

OUT="$BENCH_OUT/agent-soak"
rm -rf "$OUT"
info "Starting $AGENTS agents for $TOTAL s"
SOAK_DB="$DB" bench_java org.district.bench.AgentSoak "http://127.0.0.1:$PORT" "$AGENTS" "$TOTAL" "$OUT" &
soak=$!
sleep $((TOTAL / 2))
info "Stopping checkin-service for $OUTAGE s"
stop_service agent-soak
sleep "$OUTAGE"
start_soak_service
status=0
wait "$soak" || status=$?
info "Per second: $OUT/agent-soak-per-second.csv"
exit "$status"
