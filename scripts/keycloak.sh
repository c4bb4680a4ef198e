#!/usr/bin/env bash
# Runs Keycloak, the district's identity provider for the local stack and the tests, from the server distribution on
# Maven Central (no Docker needed), storing its data in the project's PostgreSQL (its own database), and importing the
# district realm (deploy/keycloak/district-realm.json) when the realm does not exist yet.
#   scripts/keycloak.sh start|stop|restart|reset|status [local|test]
# Instance "local" (the local stack) serves http://localhost:8180 with database keycloak; "test" (the test suite)
# serves http://localhost:8181 with database keycloak_test. "reset" drops the instance's database and imports the realm
# again. Keycloak needs Java 21 or newer: KEYCLOAK_JAVA_HOME, else the newest JDK under /usr/lib/jvm that is 21 or newer.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ACTION="${1:-status}"
INSTANCE="${2:-local}"
case "$INSTANCE" in
  local) PORT="${KEYCLOAK_PORT:-8180}"; MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9180}"; DB=keycloak ;;
  test) PORT="${KEYCLOAK_TEST_PORT:-8181}"; MANAGEMENT_PORT="${KEYCLOAK_TEST_MANAGEMENT_PORT:-9181}"; DB=keycloak_test ;;
  *) die "unknown instance '$INSTANCE' (local or test)" ;;
esac
KEYCLOAK_VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/infra/keycloak/pom.xml" | head -1)"
HOME_DIR="$LOCAL_DIR/keycloak"
DIST_DIR="$HOME_DIR/dist-$KEYCLOAK_VERSION"
INSTANCE_DIR="$HOME_DIR/$INSTANCE"
PID_FILE="$INSTANCE_DIR/keycloak.pid"
LOG_FILE="$LOG_DIR/keycloak-$INSTANCE.log"
REALM_FILE="$ROOT/deploy/keycloak/district-realm.json"
# The administrator of the master realm, created at the first start. Development only: production Keycloak is
# installed and administered by the district, not by these scripts.
ADMIN_USER="${KEYCLOAK_ADMIN_USER:-admin}"
ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin-dev-only}"

# The newest JDK that can run Keycloak (21 or newer).
keycloak_java_home() {
  if [ -n "${KEYCLOAK_JAVA_HOME:-}" ]; then echo "$KEYCLOAK_JAVA_HOME"; return; fi
  local best
  best="$(newest_jdk 21)"
  [ -n "$best" ] || die "Keycloak needs Java 21 or newer: install a JDK 21+ (for example openjdk-21-jre-headless) or set KEYCLOAK_JAVA_HOME"
  echo "$best"
}

# Unpacks the distribution once and builds it for PostgreSQL with health checks (the slow part of a first start).
ensure_dist() {
  if [ -f "$DIST_DIR/.built" ]; then return; fi
  info "Resolving Keycloak $KEYCLOAK_VERSION with Maven and building it for PostgreSQL (once)"
  rm -rf "$DIST_DIR" "$HOME_DIR/unpack"
  mkdir -p "$HOME_DIR/unpack"
  mvn -B -q -f "$ROOT/infra/keycloak/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$HOME_DIR/unpack" >"$LOG_DIR/keycloak-build.log" 2>&1 \
    || die "Could not resolve the Keycloak distribution; see $LOG_DIR/keycloak-build.log"
  # The JDK's jar tool unpacks it on any machine; it does not keep the scripts' execute bits.
  (cd "$HOME_DIR/unpack" && jar xf "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip") \
    || die "Could not unpack the Keycloak distribution"
  chmod +x "$HOME_DIR/unpack/keycloak-$KEYCLOAK_VERSION"/bin/*.sh
  mv "$HOME_DIR/unpack/keycloak-$KEYCLOAK_VERSION" "$DIST_DIR"
  rm -rf "$HOME_DIR/unpack"
  JAVA_HOME="$(keycloak_java_home)" "$DIST_DIR/bin/kc.sh" build --db=postgres --health-enabled=true \
    >>"$LOG_DIR/keycloak-build.log" 2>&1 || die "Could not build Keycloak; see $LOG_DIR/keycloak-build.log"
  touch "$DIST_DIR/.built"
}

# Each instance runs from its own copy of the built distribution (hard links, so it costs no space) with its own data
# folder, where the realm to import is placed.
ensure_instance() {
  if [ ! -f "$INSTANCE_DIR/.from-$KEYCLOAK_VERSION" ]; then
    rm -rf "$INSTANCE_DIR"
    mkdir -p "$HOME_DIR"
    cp -al "$DIST_DIR" "$INSTANCE_DIR" 2>/dev/null || cp -a "$DIST_DIR" "$INSTANCE_DIR"
    touch "$INSTANCE_DIR/.from-$KEYCLOAK_VERSION"
  fi
  mkdir -p "$INSTANCE_DIR/data/import"
  rm -f "$INSTANCE_DIR/data/import/"*.json
  cp "$REALM_FILE" "$INSTANCE_DIR/data/import/district-realm.json"
}

running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if pid_alive "$pid"; then echo "$pid"; fi
}

ready() { curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/health/ready" >/dev/null 2>&1; }

start() {
  if [ -n "$(running_pid)" ] && ready; then
    info "Keycloak ($INSTANCE) already running on http://localhost:$PORT"
    return
  fi
  if port_open 127.0.0.1 "$PORT"; then
    die "Port $PORT is in use by another process; stop it or set KEYCLOAK_PORT/KEYCLOAK_TEST_PORT"
  fi
  ensure_dist
  ensure_instance
  info "Starting Keycloak ($INSTANCE) on http://localhost:$PORT"
  touch "$LOG_FILE"
  local started
  started=$(date +%s)
  (
    export JAVA_HOME
    JAVA_HOME="$(keycloak_java_home)"
    export KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD"
    export JAVA_OPTS_KC_HEAP="-Xms64m -Xmx${KEYCLOAK_HEAP:-512m}"
    # The issuer is always http://localhost:<port>, whichever address a client uses (tokens fetched from 127.0.0.1
    # must match the services' configured issuer); token and key endpoints answer on the address asked.
    nohup "$INSTANCE_DIR/bin/kc.sh" start --optimized \
      --http-enabled=true --http-host=127.0.0.1 --http-port="$PORT" \
      --http-management-port="$MANAGEMENT_PORT" \
      --hostname="http://localhost:$PORT" --hostname-backchannel-dynamic=true \
      --cache=local \
      --db-url="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB" --db-username="$DB_USER" --db-password="$DB_PASSWORD" \
      --import-realm >>"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
  )
  wait_for "${KEYCLOAK_START_SECONDS:-240}" "Keycloak" ready \
    || { tail -20 "$LOG_FILE"; die "Keycloak ($INSTANCE) did not start; see $LOG_FILE"; }
  info "Keycloak ($INSTANCE) ready in $(( $(date +%s) - started )) s"
}

stop() {
  local pid
  pid="$(running_pid)"
  if [ -z "$pid" ]; then
    rm -f "$PID_FILE"
    return
  fi
  # kc.sh passes the signal on to the server, which shuts down in a few seconds.
  stop_process "Keycloak ($INSTANCE)" "$pid"
  rm -f "$PID_FILE"
}

# Drops everything Keycloak stored, so the next start imports the realm afresh.
wipe_database() {
  PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB" -X -q \
    -c "drop schema if exists public cascade" -c "create schema public" >/dev/null \
    || die "Could not reset database $DB (run scripts/postgres.sh ensure)"
}

# The realm is imported only into an empty database. When the committed realm file changed since (a new client, a new
# role), or the instance does not know which file it imported, its database is dropped so that this start imports the
# file: the realm holds only the demo people, whom the file creates again.
realm_changed() {
  local stamp="$INSTANCE_DIR/.realm-sha256" now
  now="$(sha256sum "$REALM_FILE" | cut -d' ' -f1)"
  [ "$(cat "$stamp" 2>/dev/null)" != "$now" ]
}

remember_realm() {
  sha256sum "$REALM_FILE" | cut -d' ' -f1 >"$INSTANCE_DIR/.realm-sha256"
}

start_current() {
  if realm_changed; then
    info "The realm file changed since Keycloak ($INSTANCE) imported it: importing it again"
    stop
    wipe_database
  fi
  start
  remember_realm
}

case "$ACTION" in
  start) start_current ;;
  stop) stop ;;
  restart) stop; start_current ;;
  reset) stop; wipe_database; start; remember_realm ;;
  status)
    if [ -n "$(running_pid)" ] && ready; then
      echo "Keycloak ($INSTANCE): up on http://localhost:$PORT"
    else
      echo "Keycloak ($INSTANCE): down"; exit 1
    fi
    ;;
  *) die "usage: $0 start|stop|restart|reset|status [local|test]" ;;
esac
