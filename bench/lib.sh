# Helpers shared by the benchmark scripts. Sourced, not run.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"

BENCH_OUT="$LOG_DIR/bench"
mkdir -p "$BENCH_OUT"

# Sign-in: the services trust the tests' identity provider (scripts/keycloak.sh instance "test"), where the load
# generators sign people in for real access tokens (test-support's TestTokens, which adds the people it acts as to that
# realm; the local stack's demo realm is left alone). Devices use their enrolment credentials, never tokens.
export KEYCLOAK_URL="http://localhost:${KEYCLOAK_TEST_PORT:-8181}"
# The issuer exactly as the provider names it in its tokens (localhost, not 127.0.0.1).
BENCH_ISSUER="$KEYCLOAK_URL/realms/district"

# start_identity_provider: the test instance of Keycloak, started unless it is already running (it is shared with the
# test command, which resets it; a first start takes a minute or two).
start_identity_provider() {
  bash "$ROOT/scripts/keycloak.sh" start test
}

# start_service <name> <jar> <port> <heap> [VAR=value ...]: starts the jar with the local profile, trusting the identity
# provider above (OIDC_AUTH_SERVER_URL), waits for readiness, and records its start time (launch to ready, ms) in
# $BENCH_OUT/<name>.start_ms (and Quarkus' own start in <name>.quarkus_ms) and its pid in $RUN_DIR/<name>.pid.
start_service() {
  local name="$1" jar="$2" port="$3" heap="$4"; shift 4
  local t0 t1 app java
  app="$(dirname "$jar")"
  java="$(service_java)"
  # BENCH_JVM_OPTS adds JVM options to every service started, for example a flight recording to profile one scenario:
  #   BENCH_JVM_OPTS='-XX:StartFlightRecording=filename=.local/checkin.jfr,settings=profile' bench/checkin-bench.sh
  # BENCH_AOT=off starts the service without its ahead-of-time cache (scripts/lib.sh), as a JDK before 25 would.
  # shellcheck disable=SC2086
  # The benchmarks measure capacity, not the per-caller rate limits: those are lifted.
  local env=(OIDC_AUTH_SERVER_URL="$BENCH_ISSUER" CHECKIN_RATE_PER_MINUTE=1000000 CHECKIN_RATE_BURST=1000000
    REPORT_RATE_PER_MINUTE=1000000 REPORT_RATE_BURST=1000000 IMPORT_RATE_PER_MINUTE=1000000
    IMPORT_RATE_BURST=1000000 "$@" HTTP_PORT="$port")
  # shellcheck disable=SC2046
  local opts=(-Xms32m -Xmx"$heap" $(service_jvm_flags "$java" "$app") -Dquarkus.profile=local)
  local aot=""
  if [ "${BENCH_AOT:-on}" != off ]; then
    ( export "${env[@]}"; aot_train "$name" "$app" "$port" "$java" "${opts[@]}" )
    aot="$(aot_options "$app" "$java")"
  fi
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  env "${env[@]}" nohup "$java" $aot ${BENCH_JVM_OPTS:-} "${opts[@]}" -jar "$jar" >"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$RUN_DIR/$name.pid"
  wait_ready "$port" 180 || die "$name did not become ready; see $LOG_DIR/$name.log"
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 )) >"$BENCH_OUT/$name.start_ms"
  # Quarkus' own clock, from its main to "started" (it logs that line as it starts answering): the rest of the ready
  # time is the JVM before Quarkus' main (opening the start-up cache) and the first readiness answer.
  local quarkus="" i
  for ((i = 0; i < 40; i++)); do
    quarkus="$(sed -nE 's/.* started in ([0-9.]+)s\..*/\1/p' "$LOG_DIR/$name.log" | tail -1)"
    [ -n "$quarkus" ] && break
    sleep 0.05
  done
  awk -v s="${quarkus:-0}" 'BEGIN { printf "%d\n", s * 1000 }' >"$BENCH_OUT/$name.quarkus_ms"
  info "$name ready in $(cat "$BENCH_OUT/$name.start_ms") ms on Java $(java_major "$(dirname "$(dirname "$java")")")${aot:+ with its start-up cache} (pid $(cat "$RUN_DIR/$name.pid"))"
}

stop_service() {
  local pid
  pid="$(cat "$RUN_DIR/$1.pid" 2>/dev/null || true)"
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -f "$RUN_DIR/$1.pid"
}

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# record_idle_rss <name>: the service's resident memory after it has idled for a few seconds.
record_idle_rss() {
  local pid
  pid="$(cat "$RUN_DIR/$1.pid")"
  sleep "${IDLE_SECONDS:-10}"
  rss_kb "$pid" >"$BENCH_OUT/$1.rss_idle_kb"
}

# sample_rss <name>: in the background, the highest resident memory while the load runs; stop with stop_sampling.
sample_rss() {
  local pid="$(cat "$RUN_DIR/$1.pid")" out="$BENCH_OUT/$1.rss_load_kb"
  ( max=0; while kill -0 "$pid" 2>/dev/null; do v=$(rss_kb "$pid"); [ "${v:-0}" -gt "$max" ] && max=$v && echo "$max" >"$out"; sleep 0.5; done ) &
  echo $! >"$RUN_DIR/$1.sampler.pid"
}

stop_sampling() {
  kill "$(cat "$RUN_DIR/$1.sampler.pid" 2>/dev/null)" 2>/dev/null || true
  rm -f "$RUN_DIR/$1.sampler.pid"
}

# sample_wal <name> <database>: in the background, once a second, the server's WAL so far (time, records, full page
# images, bytes; pg_stat_wal) into $BENCH_OUT/<name>.wal.txt, so a step's slow windows can be laid beside the full
# page writes that follow a checkpoint's start. Stop with stop_wal_sampling.
sample_wal() {
  local out="$BENCH_OUT/$1.wal.txt"
  : >"$out"
  ( while true; do
      PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$2" -X -At -F ' ' -c \
        "select to_char(clock_timestamp() at time zone 'UTC', 'HH24:MI:SS'), wal_records, wal_fpi, wal_bytes
         from pg_stat_wal" >>"$out" 2>/dev/null || true
      sleep 1
    done ) &
  echo $! >"$RUN_DIR/$1.wal-sampler.pid"
}

stop_wal_sampling() {
  kill "$(cat "$RUN_DIR/$1.wal-sampler.pid" 2>/dev/null)" 2>/dev/null || true
  rm -f "$RUN_DIR/$1.wal-sampler.pid"
}

# cpu_busy_us: busy CPU time of the whole machine so far, in microseconds (user, nice, system, irq and softirq of
# /proc/stat's first line; not idle, iowait or steal). The difference of two readings is what ran in between.
cpu_busy_us() {
  awk 'NR == 1 { printf "%.0f\n", ($2 + $3 + $4 + $7 + $8) * 10000 }' /proc/stat
}

bench_java() {
  java -Xmx768m -cp "$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")" "$@"
}

# bare_jvm JAVA_HOME: prints "start_ms rss_kb" of a JVM of that JDK with the services' heap and collector flags that
# only says it is ready (the baseline for start time and memory), asked every 50 ms as the services' readiness is.
bare_jvm() {
  local t0 t1 pid rss flags out="$BENCH_OUT/idle.out"
  # Emptied here, not by the background command's redirection: that may come after the first look below, which would
  # then find the previous JVM's "ready".
  : >"$out"
  flags="$(service_jvm_flags "$1/bin/java")"
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  "$1/bin/java" -Xms32m -Xmx1g $flags -cp "$ROOT/bench/target/classes" \
    org.district.bench.IdleJvm 30000 >"$out" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do grep -q ready "$out" 2>/dev/null && break; sleep 0.05; done
  t1=$(date +%s%N)
  sleep 10
  rss="$(rss_kb "$pid")"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $rss"
}

# build_bench MODULES: builds the benchmark and the comma-separated modules, unless SKIP_BUILD=1.
build_bench() {
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -B -q package -DskipTests -Dspotless.check.skip=true -pl bench,"$1" -am >"$LOG_DIR/bench-build.log" 2>&1 \
      || { tail -30 "$LOG_DIR/bench-build.log"; die "build failed"; }
  fi
}

# settle [seconds]: before a scenario, waits (at most that long, default 180 s) until no autovacuum worker is running
# on the server, then has the server write every dirty page out (a checkpoint), so neither the vacuum owed by the
# previous scenario's writes nor their write-back (spread over minutes by PostgreSQL's checkpoints otherwise) is
# measured as this scenario's latency. Says how much the checkpoint wrote and how long it took.
settle() {
  local limit="${1:-180}" written t0 t1
  local sql="select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'"
  if wait_for "$limit" "autovacuum to finish" bash -c \
      "[ \"\$(PGPASSWORD='$DB_PASSWORD' psql -h '$DB_HOST' -p '$DB_PORT' -U '$DB_USER' -d postgres -X -At -c \"$sql\")\" = 0 ]"; then
    info "Database server quiet (no autovacuum running)"
  else
    warn "autovacuum still running after ${limit} s; measuring anyway"
  fi
  written="select buffers_checkpoint from pg_stat_bgwriter"
  local before after
  before="$(PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -X -At -c "$written")"
  t0=$(date +%s%N)
  if bash "$ROOT/scripts/postgres.sh" checkpoint >/dev/null 2>&1; then
    t1=$(date +%s%N)
    after="$(PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -X -At -c "$written")"
    info "Checkpoint before measuring: $(( (after - before) * 8 / 1024 )) MiB of dirty pages written in $(( (t1 - t0) / 1000000 )) ms"
  else
    warn "could not run a checkpoint (needs a database superuser); dirty pages may be written during the measurement"
  fi
}
