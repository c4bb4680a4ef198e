#!/usr/bin/env bash
# Benchmark of start time and idle memory (not a test). Each service and the console is started one at a time on a
# quiet machine, in two ways: on Java 17 as packaged (no start-up cache), and on the services' JDK (the newest 25+
# here, scripts/lib.sh service_java) with its ahead-of-time cache, recorded first by a training run when the build has
# none. Start is launch to ready (asked every 50 ms); idle RSS is read after 10 s. Each figure is quoted against a
# bare JVM of the same JDK and heap flags, measured in the same run.
#   bench/start-bench.sh
#   SKIP_BUILD=1 bench/start-bench.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

JDK17="${JDK17_HOME:-$(ls -d /usr/lib/jvm/*17* 2>/dev/null | head -1)}"
[ -x "$JDK17/bin/java" ] || die "No JDK 17 under /usr/lib/jvm (set JDK17_HOME)"
JDK_NEW="$(dirname "$(dirname "$(service_java)")")"
[ "$(java_major "$JDK_NEW")" -ge 25 ] || die "No JDK 25 or newer: the services' start-up cache needs one"

bash scripts/kafka.sh start bench
start_identity_provider
build_bench inventory-service,checkin-service,loss-report-service,console

APPS=(
  "inventory:inventory-service:8091:1g:DB_NAME=inventory_bench KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9392"
  "lossreport:loss-report-service:8092:768m:DB_NAME=lossreport_bench KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9392 SMTP_START_TLS=DISABLED"
  "checkin:checkin-service:8093:1g:DB_NAME=checkin_bench KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9392"
  "console:console:8094:512m:DB_NAME=console_bench INVENTORY_URL=http://127.0.0.1:8091 CHECKIN_URL=http://127.0.0.1:8093 LOSS_REPORT_URL=http://127.0.0.1:8092"
)

settle
read -r base17_ms base17_kb < <(bare_jvm "$JDK17")
read -r basenew_ms basenew_kb < <(bare_jvm "$JDK_NEW")
rows=()
for entry in "${APPS[@]}"; do
  IFS=: read -r name module port heap envs <<<"$entry"
  jar="$module/target/quarkus-app/quarkus-run.jar"
  for mode in java17 cached; do
    # shellcheck disable=SC2086
    if [ "$mode" = java17 ]; then
      SERVICE_JAVA_HOME="$JDK17" BENCH_AOT=off start_service "start-$name" "$jar" "$port" "$heap" $envs
      base_ms=$base17_ms; base_kb=$base17_kb; label="Java $(java_major "$JDK17"), no cache"
    else
      SERVICE_JAVA_HOME="$JDK_NEW" start_service "start-$name" "$jar" "$port" "$heap" $envs
      base_ms=$basenew_ms; base_kb=$basenew_kb; label="Java $(java_major "$JDK_NEW"), start-up cache"
    fi
    record_idle_rss "start-$name"
    ms="$(cat "$BENCH_OUT/start-$name.start_ms")"; kb="$(cat "$BENCH_OUT/start-$name.rss_idle_kb")"
    qms="$(cat "$BENCH_OUT/start-$name.quarkus_ms")"
    pid="$(cat "$RUN_DIR/start-$name.pid")"
    stop_service "start-$name"
    while pid_alive "$pid"; do sleep 0.2; done
    rows+=("$(awk -v n="$name" -v l="$label" -v ms="$ms" -v q="$qms" -v kb="$kb" -v bms="$base_ms" -v bkb="$base_kb" 'BEGIN {
      printf "| %s | %s | %d | %d | %d | %.1fx | %.0f | %.0f | %.1fx | %s | %s |", n, l, ms, q, bms, ms / bms, kb / 1024, bkb / 1024,
        kb / bkb, (ms <= 2000 ? "yes" : "NO"), (kb / 1024 <= 250 ? "yes" : "NO") }')")
  done
done

{
  echo "## Start and idle memory ($(date -u '+%F %H:%M') UTC, $(nproc) cores)"
  echo
  echo "| application | JVM | start to ready (ms) | of which Quarkus' own start (ms) | bare JVM (ms) | ratio | RSS idle (MiB) | bare JVM RSS (MiB) | ratio | start <= 2 s | RSS <= 250 MiB |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
  printf '%s\n' "${rows[@]}"
} | tee "$BENCH_OUT/start.txt"
