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

# java_major JAVA_HOME: the feature version of that JDK (17, 21, 25, ...), or 0.
java_major() {
  local v
  v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')"
  echo "${v%%.*}" | grep -E '^[0-9]+$' || echo 0
}

# newest_jdk MIN: the home of the newest JDK of version MIN or newer among $JAVA_HOME and /usr/lib/jvm/*, or nothing.
newest_jdk() {
  local min="$1" best="" best_major=0 dir major
  for dir in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$dir/bin/java" ] || continue
    major="$(java_major "$dir")"
    if [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then best="$dir"; best_major="$major"; fi
  done
  echo "$best"
}

# The JDK the services and the console run on: SERVICE_JAVA_HOME, else the newest JDK 25 or newer on this machine (its
# ahead-of-time cache, below, starts them in less than half the time), else the java on the PATH (17 or newer).
service_java() {
  local home="${SERVICE_JAVA_HOME:-}"
  [ -n "$home" ] || home="$(newest_jdk 25)"
  if [ -n "$home" ]; then echo "$home/bin/java"; else command -v java; fi
}

# service_jvm_flags JAVA [APP_DIR]: the JVM flags an application (its target/quarkus-app) runs with, whatever its heap
# (the local stack, the benchmarks; the container image sets the same collector, docs/operations.md). Measured in
# docs/benchmarks.md ("Idle memory cut"):
# - the serial collector for the applications that answer requests: it idles in a small heap with next to no
#   bookkeeping of its own;
# - G1 for checkin-service, whose ingestion of thousands of check-ins a second needs its short pauses (the serial
#   collector cut the rate it held at the first attempt from 2.5x to 0.75x of the baseline), collecting every 5 s when
#   idle so the heap it no longer needs goes back to the system;
# - on JDK 22 or newer, the memory the compilers and libraries freed is given back every 5 s.
# With a 32 MiB starting heap and two malloc arenas (below) the services idle at about 225 MiB (check-ins about 245)
# instead of about 300. SERVICE_JVM_FLAGS replaces them.
service_jvm_flags() {
  if [ -n "${SERVICE_JVM_FLAGS:-}" ]; then echo "$SERVICE_JVM_FLAGS"; return; fi
  local flags="-XX:+UseSerialGC"
  if [ "$(basename "$(dirname "$(dirname "${2:-.}")")")" = checkin-service ]; then
    flags="-XX:+UseG1GC -XX:G1PeriodicGCInterval=5000"
  fi
  if [ "$(java_major "$(dirname "$(dirname "$1")")")" -ge 22 ]; then flags="$flags -XX:TrimNativeHeapInterval=5000"; fi
  echo "$flags"
}
# glibc's malloc keeps an arena per thread that ever allocated, up to eight per core, each holding on to what it freed.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# aot_stamp JAVA APP_DIR: what a cache must have been recorded with to be used: the JDK's version and the
# application's flags.
aot_stamp() { echo "$("$1" -version 2>&1 | head -2 | tr '\n' ' ')$(service_jvm_flags "$1" "$2")"; }

# The ahead-of-time cache (JDK 25's AOT cache, JEP 483/514/515) of one application: target/quarkus-app/app.aot, made by
# a training run of that build on that JDK (aot_train). Quarkus packages each application as an "aot-jar" so that
# its classes come from the JVM's own class path, which the cache can hold. A cache the JVM cannot use (another build,
# another JDK, other options) is only a warning: the JVM then starts without it.
aot_cache() { echo "$1/app.aot"; }

# aot_fresh APP_DIR JAVA: whether APP_DIR's cache was made by this JDK, with the services' flags of now, from the jars
# there now.
aot_fresh() {
  local app="$1" java="$2" cache
  cache="$(aot_cache "$app")"
  [ -s "$cache" ] && [ -f "$cache.jdk" ] || return 1
  [ "$(cat "$cache.jdk")" = "$(aot_stamp "$java" "$app")" ] || return 1
  [ -z "$(find "$app" -name '*.jar' -newer "$cache" -print -quit)" ]
}

# aot_options APP_DIR JAVA: the JVM options that use APP_DIR's cache when it is fresh for JAVA, else none.
aot_options() {
  if aot_fresh "$1" "$2"; then echo "-XX:AOTCache=$(aot_cache "$1")"; fi
}

# aot_train NAME APP_DIR PORT JAVA [JVM options...]: when JAVA is 25 or newer and APP_DIR has no fresh cache, runs the
# application once with those options (and the caller's environment) to record one: it starts, answers its health and
# API-document endpoints a few times, and stops; the JVM writes the cache as it exits. Takes 20 to 40 s. A run that
# fails or never becomes ready leaves no cache and is only a warning (the application then starts without one).
aot_train() {
  local name="$1" app="$2" port="$3" java="$4" cache pid i
  shift 4
  cache="$(aot_cache "$app")"
  [ "$(java_major "$(dirname "$(dirname "$java")")")" -ge 25 ] || return 0
  aot_fresh "$app" "$java" && return 0
  rm -f "$cache" "$cache.jdk" "$cache.config"
  info "Recording the start-up cache of $name (once per build)"
  HTTP_PORT="$port" "$java" -XX:AOTCacheOutput="$cache" "$@" -jar "$app/quarkus-run.jar" \
    >"$LOG_DIR/$name.aot-training.log" 2>&1 &
  pid=$!
  local ready=0
  for ((i = 0; i < 3600; i++)); do
    if curl -fs -m 2 -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then ready=1; break; fi
    pid_alive "$pid" || break
    sleep 0.05
  done
  if [ "$ready" = 1 ]; then
    for ((i = 0; i < 20; i++)); do
      curl -fs -m 2 -o /dev/null "http://127.0.0.1:$port/q/health/ready" || true
      curl -fs -m 2 -o /dev/null "http://127.0.0.1:$port/q/openapi" || true
      curl -fs -m 2 -o /dev/null "http://127.0.0.1:$port/" || true
    done
  fi
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 120; i++)); do pid_alive "$pid" || break; sleep 0.5; done
  if pid_alive "$pid"; then kill -9 "$pid" 2>/dev/null || true; fi
  # A run that never became ready trained on a failed start: its cache is not kept.
  if [ "$ready" = 1 ] && grep -q "AOTCache creation is complete" "$LOG_DIR/$name.aot-training.log" && [ -s "$cache" ]; then
    aot_stamp "$java" "$app" >"$cache.jdk"
  else
    rm -f "$cache" "$cache.jdk" "$cache.config"
    warn "$name: no start-up cache recorded (see $LOG_DIR/$name.aot-training.log); it starts without one"
  fi
}

# wait_ready PORT SECONDS: waits for the application's readiness, asking every 50 ms (start times are measured with it).
wait_ready() {
  local port="$1" seconds="$2" i
  for ((i = 0; i < seconds * 20; i++)); do
    curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null && return 0
    sleep 0.05
  done
  return 1
}
