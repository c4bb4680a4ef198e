# Shared helpers for the project's scripts. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_DIR="$ROOT/.local"
LOG_DIR="$LOCAL_DIR/logs"
RUN_DIR="$LOCAL_DIR/run"
mkdir -p "$LOG_DIR" "$RUN_DIR"

# Connection settings; every one can be overridden from the environment.
export DB_HOST="${DB_HOST:-127.0.0.1}"
export DB_PORT="${DB_PORT:-5432}"
export DB_USER="${DB_USER:-district}"
# Development-only password for the local role; production passwords come from a secret store.
export DB_PASSWORD="${DB_PASSWORD:-district-dev-only}"
# The certificate authority the local brokers' TLS certificate is signed by (scripts/kafka.sh makes it): what the
# services, tools, benchmarks and drills started from these scripts trust when they reach Kafka.
export KAFKA_TRUSTSTORE="${KAFKA_TRUSTSTORE:-$LOCAL_DIR/kafka/tls/ca.crt}"

# The services in start order: name, port, database.
SERVICES=(
  "inventory-service:8081:inventory"
  "loss-report-service:8082:lossreport"
  "checkin-service:8083:checkin"
  "console:8084:console"
)

info() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m!!\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mxx\033[0m %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

# Runs a command as root: directly when root, through password-less sudo otherwise.
as_root() {
  if is_root; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
  else return 1
  fi
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && exec 3>&- 3<&-; }

# wait_for <seconds> <description> <command...>: retries the command once a second until it succeeds.
wait_for() {
  local seconds="$1" what="$2"; shift 2
  local i
  for ((i = 0; i < seconds; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  return 1
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# stop_process NAME PID: asks the process (and through it its children) to stop, waits up to 30 s, then kills it and
# its children.
stop_process() {
  local name="$1" pid="$2" i
  info "Stopping $name"
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do
    pid_alive "$pid" || return 0
    sleep 0.5
  done
  warn "$name did not stop in time; killing it"
  pkill -9 -P "$pid" 2>/dev/null || true
  kill -9 "$pid" 2>/dev/null || true
}
