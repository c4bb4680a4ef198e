#!/usr/bin/env bash
# Starts the whole system locally: PostgreSQL, a KRaft Kafka broker, the district's identity provider (Keycloak, with
# the demo realm), an SMTP catcher, and every service (built from this checkout, run as packaged jars with the "local"
# profile), then loads the demo people and devices. Re-runnable: services already running are restarted
# on the fresh build. ./stop-local.sh stops everything again.
#   ./run-local.sh               build and start
#   SKIP_BUILD=1 ./run-local.sh  start what was built last time
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$ROOT/scripts/lib.sh"
cd "$ROOT"

bash scripts/setup.sh
bash scripts/postgres.sh ensure
bash scripts/kafka.sh start local
bash scripts/mail.sh start
bash scripts/keycloak.sh start local

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  info "Building the services (tests are run by ./run-tests.sh)"
  mvn -B -q package -DskipTests -Dspotless.check.skip=true >"$LOG_DIR/build.log" 2>&1 \
    || { tail -40 "$LOG_DIR/build.log"; die "Build failed; full log in .local/logs/build.log"; }
fi

stop_service() {
  local name="$1" pid
  pid="$(cat "$RUN_DIR/$name.pid" 2>/dev/null || true)"
  if pid_alive "$pid"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do pid_alive "$pid" || break; sleep 0.5; done
    pid_alive "$pid" && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/$name.pid"
}

ready() { curl -fsS "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; }

# The demo district's time zone: every page shows times in it, and "today" is its day, for the services and the demo
# data alike (set DISTRICT_TIME_ZONE to yours).
export DISTRICT_TIME_ZONE="${DISTRICT_TIME_ZONE:-America/Chicago}"

# The services run on the newest JDK 25+ here (else on the java on the PATH). With one, each build's first start records
# each application's ahead-of-time cache (a training run of 20 to 40 s, the four at once); every start after that
# uses it and takes less than half the time.
JAVA_BIN="$(service_java)"
# jvm_opts APP_DIR: the options every application starts with here (scripts/lib.sh: service_jvm_flags).
# shellcheck disable=SC2046
jvm_opts() { JVM_OPTS=(-Xms32m -Xmx512m $(service_jvm_flags "$JAVA_BIN" "$1") -Dquarkus.profile=local); }
service_env() { export HTTP_PORT="$1" DB_NAME="$2" KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 SMTP_HOST=127.0.0.1 SMTP_PORT=3025; }

for entry in "${SERVICES[@]}"; do
  IFS=: read -r name port db <<<"$entry"
  [ -f "$ROOT/$name/target/quarkus-app/quarkus-run.jar" ] || die "$name's build is missing; run without SKIP_BUILD"
  stop_service "$name"
  port_open 127.0.0.1 "$port" && die "Port $port is in use by another process; stop it first"
  jvm_opts "$ROOT/$name/target/quarkus-app"
  ( service_env "$port" "$db"; aot_train "$name" "$ROOT/$name/target/quarkus-app" "$port" "$JAVA_BIN" "${JVM_OPTS[@]}" ) &
done
wait

for entry in "${SERVICES[@]}"; do
  IFS=: read -r name port db <<<"$entry"
  app="$ROOT/$name/target/quarkus-app"
  info "Starting $name on http://localhost:$port"
  (
    service_env "$port" "$db"
    jvm_opts "$app"
    # shellcheck disable=SC2046
    nohup "$JAVA_BIN" $(aot_options "$app" "$JAVA_BIN") "${JVM_OPTS[@]}" -jar "$app/quarkus-run.jar" \
      >"$LOG_DIR/$name.log" 2>&1 &
    echo $! >"$RUN_DIR/$name.pid"
  )
done

for entry in "${SERVICES[@]}"; do
  IFS=: read -r name port _ <<<"$entry"
  wait_for 120 "$name" ready "$port" || { tail -30 "$LOG_DIR/$name.log"; die "$name did not become ready; see .local/logs/$name.log"; }
done

bash scripts/demo-data.sh

cat <<MSG

The district device system is running. Open the console: http://localhost:8084
  inventory-service    http://localhost:8081   (API /api/v1, Swagger UI http://localhost:8081/q/swagger-ui)
  loss-report-service  http://localhost:8082   (API /api/v1, Swagger UI http://localhost:8082/q/swagger-ui)
  checkin-service      http://localhost:8083   (API /api/v1, Swagger UI http://localhost:8083/q/swagger-ui)
  console              http://localhost:8084   (IT, HR and staff: devices, loss reports, return tasks)
  Identity provider    http://localhost:8180   (Keycloak; administration http://localhost:8180/admin, admin / admin-dev-only)
  Kafka                127.0.0.1:9092
  Mail (SMTP catcher)  smtp 127.0.0.1:3025, read mail: curl http://localhost:8025/api/user/<address>/messages/
  Logs                 .local/logs/

Sign in to the console as a demo user (password district-demo for all):
  pat.lee      staff member (district id E1001; holds laptop LHS-0001)
  sam.rivera   supervisor of Pat Lee (E2001)
  alex.kim     IT (IT-0001)
  jordan.hale  HR (HR-0001)
  casey.ward   auditor (AU-0001)
  morgan.ellis principal of Lincoln High (E3001): decides on staff's personal devices

Call the APIs with a real token from the identity provider:
  TOKEN=\$(scripts/mint-token.sh --user alex.kim)
  curl -H "Authorization: Bearer \$TOKEN" http://localhost:8081/api/v1/devices
  HR=\$(scripts/mint-token.sh --client hr-system)     # the HR system's client-credentials token

Stop everything with ./stop-local.sh
MSG
