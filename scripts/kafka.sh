#!/usr/bin/env bash
# Runs a real single-node KRaft Kafka broker from the Apache Kafka jars (no Docker needed).
#   scripts/kafka.sh start|stop|status|reset [local|test]
# Instance "local" (the local stack) listens on 127.0.0.1:9092, "test" (the test suite) on 127.0.0.1:9192, and
# "outage" on 127.0.0.1:9292 is stopped and started by the tests of what happens while the broker is down (so no other
# test loses its broker). "bench" on 127.0.0.1:9392 serves the benchmarks and reliability drills, so they never share
# consumer groups with a running local stack.
# Data lives under .local/kafka/<instance>/ (git-ignored). "reset" wipes it and starts a fresh broker.
# Every broker is secured as in production: clients reach it over TLS (a certificate of this machine's own development
# certificate authority, .local/kafka/tls/ca.crt, which every client of these brokers trusts: KAFKA_TRUSTSTORE), sign
# in with SCRAM-SHA-512 (one user per service, and the HR system's "hr-feed"), and may do only what
# deploy/kafka/access.txt grants them. The users' passwords here are
# development ones, "<user>-dev-only", which the services also default to outside production; the administrator
# ("kafka-admin") signs in with KAFKA_ADMIN_PASSWORD (default "kafka-admin-dev-only"). A fresh broker gets its users,
# the system's topics (deploy/kafka/topics.txt) and the grants before it is reported started.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ACTION="${1:-status}"
INSTANCE="${2:-local}"
case "$INSTANCE" in
  local) PORT="${KAFKA_PORT:-9092}" ;;
  test) PORT="${KAFKA_TEST_PORT:-9192}" ;;
  outage) PORT="${KAFKA_OUTAGE_PORT:-9292}" ;;
  bench) PORT="${KAFKA_BENCH_PORT:-9392}" ;;
  *) die "unknown instance '$INSTANCE' (local, test, outage or bench)" ;;
esac
CONTROLLER_PORT=$((PORT + 1))
HOME_DIR="$LOCAL_DIR/kafka"
LIB_DIR="$HOME_DIR/libs"
INSTANCE_DIR="$HOME_DIR/$INSTANCE"
DATA_DIR="$INSTANCE_DIR/data"
PID_FILE="$INSTANCE_DIR/broker.pid"
LOG_FILE="$LOG_DIR/kafka-$INSTANCE.log"
ADMIN_USER=kafka-admin
ADMIN_PASSWORD="${KAFKA_ADMIN_PASSWORD:-kafka-admin-dev-only}"
ACCESS_FILE="$ROOT/deploy/kafka/access.txt"
TOPICS_FILE="$ROOT/deploy/kafka/topics.txt"
TLS_DIR="$HOME_DIR/tls"
# Protects the development keystores only (they never leave this machine's .local folder).
TLS_STORE_PASSWORD=district-dev-kafka-tls
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$ROOT/infra/kafka/pom.xml" | head -1)"

ensure_libs() {
  if [ -f "$LIB_DIR/.complete-$KAFKA_VERSION" ]; then return; fi
  info "Resolving Apache Kafka $KAFKA_VERSION broker jars with Maven"
  rm -rf "$LIB_DIR"
  mvn -B -q -f "$ROOT/infra/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIB_DIR" -DincludeScope=runtime >/dev/null \
    || die "Could not resolve the Kafka broker jars"
  touch "$LIB_DIR/.complete-$KAFKA_VERSION"
}

# The development certificate authority and the brokers' certificate (for 127.0.0.1 and localhost), made once per
# machine with the JDK's keytool and shared by every instance: ca.crt is what clients trust, broker.p12 the brokers'
# key and certificate chain. A broker certificate older than the CA, or missing, is made again.
ensure_tls() {
  if [ -s "$TLS_DIR/ca.crt" ] && [ -s "$TLS_DIR/broker.p12" ] && [ "$TLS_DIR/broker.p12" -nt "$TLS_DIR/ca.crt" ]; then
    return
  fi
  command -v keytool >/dev/null 2>&1 || die "keytool (part of the JDK) is needed to make the brokers' certificate"
  info "Making the local Kafka brokers' development certificate authority and certificate"
  rm -rf "$TLS_DIR"
  mkdir -p "$TLS_DIR"
  chmod 755 "$TLS_DIR"
  local ks=(-storetype PKCS12 -storepass "$TLS_STORE_PASSWORD" -keypass "$TLS_STORE_PASSWORD")
  keytool -genkeypair -alias ca -keyalg EC -groupname secp256r1 -validity 3650 \
    -dname "CN=District devices development Kafka CA" -ext bc:c -keystore "$TLS_DIR/ca.p12" "${ks[@]}" >/dev/null 2>&1 \
    || die "keytool could not make the development certificate authority"
  keytool -exportcert -rfc -alias ca -keystore "$TLS_DIR/ca.p12" -storepass "$TLS_STORE_PASSWORD" >"$TLS_DIR/ca.crt" \
    2>/dev/null || die "keytool could not export the development certificate authority"
  keytool -genkeypair -alias broker -keyalg EC -groupname secp256r1 -validity 3650 -dname "CN=localhost" \
    -keystore "$TLS_DIR/broker.p12" "${ks[@]}" >/dev/null 2>&1 || die "keytool could not make the brokers' key"
  keytool -certreq -alias broker -keystore "$TLS_DIR/broker.p12" -storepass "$TLS_STORE_PASSWORD" 2>/dev/null \
    | keytool -gencert -alias ca -keystore "$TLS_DIR/ca.p12" -storepass "$TLS_STORE_PASSWORD" -validity 3650 -rfc \
      -ext "SAN=dns:localhost,ip:127.0.0.1" -ext "KU=digitalSignature" -ext "EKU=serverAuth,clientAuth" \
      >"$TLS_DIR/broker.crt" 2>/dev/null || die "keytool could not sign the brokers' certificate"
  keytool -importcert -noprompt -alias ca -file "$TLS_DIR/ca.crt" -keystore "$TLS_DIR/broker.p12" \
    -storepass "$TLS_STORE_PASSWORD" >/dev/null 2>&1 || die "keytool could not store the CA with the brokers' key"
  keytool -importcert -noprompt -alias broker -file "$TLS_DIR/broker.crt" -keystore "$TLS_DIR/broker.p12" \
    -storepass "$TLS_STORE_PASSWORD" >/dev/null 2>&1 || die "keytool could not store the brokers' certificate"
  chmod 600 "$TLS_DIR/ca.p12" "$TLS_DIR/broker.p12"
  chmod 644 "$TLS_DIR/ca.crt"
  # Brokers set up with the old certificate start again with the new one.
  touch "$TLS_DIR/broker.p12"
}

write_config() {
  mkdir -p "$INSTANCE_DIR"
  cat >"$INSTANCE_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
listeners=CLIENT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=CLIENT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
# No listener takes a client without a password: clients and the broker itself use SCRAM users kept in the cluster's
# metadata, over TLS; the controller listener (which cannot use SCRAM, and which only the broker's own process on this
# machine's loopback address reaches) has its one user in this file.
listener.security.protocol.map=CLIENT:SASL_SSL,CONTROLLER:SASL_PLAINTEXT
ssl.keystore.type=PKCS12
ssl.keystore.location=$TLS_DIR/broker.p12
ssl.keystore.password=$TLS_STORE_PASSWORD
ssl.key.password=$TLS_STORE_PASSWORD
ssl.truststore.type=PEM
ssl.truststore.location=$TLS_DIR/ca.crt
ssl.enabled.protocols=TLSv1.3,TLSv1.2
listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$ADMIN_USER" password="$ADMIN_PASSWORD";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="$ADMIN_USER" password="$ADMIN_PASSWORD" user_$ADMIN_USER="$ADMIN_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:$ADMIN_USER
allow.everyone.if.no.acl.found=false
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
log.dirs=$DATA_DIR
# Topics are created with the broker (deploy/kafka/topics.txt), with their partitions and cleanup policy.
auto.create.topics.enable=false
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=5
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
log.cleaner.enable=true
PROPS
  cat >"$INSTANCE_DIR/log4j2.yaml" <<'YAML'
Configuration:
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: WARN
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: kafka.server.KafkaRaftServer
        level: INFO
      - name: kafka.server.BrokerServer
        level: INFO
YAML
  chmod 600 "$INSTANCE_DIR/server.properties"
}

# The --add-scram arguments that create the administrator and every user of the access list, with their passwords.
scram_users() {
  local user
  printf -- '--add-scram\nSCRAM-SHA-512=[name=%s,password=%s]\n' "$ADMIN_USER" "$ADMIN_PASSWORD"
  for user in $(grep -v '^#' "$ACCESS_FILE" | awk 'NF {print $1}' | sort -u); do
    printf -- '--add-scram\nSCRAM-SHA-512=[name=%s,password=%s-dev-only]\n' "$user" "$user"
  done
}

# What the topics and grants files say, so a broker set up from older ones is brought up to date.
access_digest() {
  cat "$TOPICS_FILE" "$ACCESS_FILE" | sha256sum | cut -d' ' -f1
}

# Creates the topics, grants and users not signed up yet, as the broker's administrator: on a freshly formatted broker,
# and again on an existing one whenever deploy/kafka/topics.txt or access.txt changed since (a new version of the system with a new topic).
# Creating is idempotent: topics that exist are left as they are, grants that exist are granted again.
set_up_access() {
  KAFKA_ADMIN_USER="$ADMIN_USER" KAFKA_ADMIN_PASSWORD="$ADMIN_PASSWORD" KAFKA_TRUSTSTORE="$TLS_DIR/ca.crt" \
    kafka_java "$ROOT/infra/kafka/KafkaAccess.java" "127.0.0.1:$PORT" "$TOPICS_FILE" "$ACCESS_FILE" \
    >>"$LOG_FILE" 2>&1 || die "Could not create the topics and grants of Kafka ($INSTANCE); see $LOG_FILE"
  access_digest >"$INSTANCE_DIR/.access-set-up"
}

# Runs a Kafka tool class with the broker's class path.
kafka_java() {
  java -Xms64m -Xmx"${KAFKA_HEAP:-512m}" -XX:+UseG1GC \
    -Dlog4j2.configurationFile="$INSTANCE_DIR/log4j2.yaml" \
    -cp "$LIB_DIR/*" "$@"
}

running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if pid_alive "$pid"; then echo "$pid"; fi
}

start() {
  if [ -n "$(running_pid)" ] && port_open 127.0.0.1 "$PORT"; then
    info "Kafka ($INSTANCE) already running on 127.0.0.1:$PORT"
    if [ "$(cat "$INSTANCE_DIR/.access-set-up" 2>/dev/null)" != "$(access_digest)" ]; then
      info "Creating the topics and grants of Kafka ($INSTANCE)"
      set_up_access
    fi
    return
  fi
  if port_open 127.0.0.1 "$PORT"; then
    die "Port $PORT is in use by another process; stop it or set KAFKA_PORT/KAFKA_TEST_PORT"
  fi
  ensure_libs
  ensure_tls
  write_config
  if [ -f "$DATA_DIR/meta.properties" ] && [ ! -f "$INSTANCE_DIR/.users-$ADMIN_USER" ]; then
    info "Kafka ($INSTANCE) data was made before brokers took only signed-in users; starting it afresh"
    rm -rf "$DATA_DIR"
  fi
  if [ ! -f "$DATA_DIR/meta.properties" ]; then
    local cluster_id
    rm -f "$INSTANCE_DIR/.access-set-up" "$INSTANCE_DIR/.users-$ADMIN_USER"
    cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
    mapfile -t users < <(scram_users)
    kafka_java kafka.tools.StorageTool format --standalone -t "$cluster_id" \
      -c "$INSTANCE_DIR/server.properties" "${users[@]}" >>"$LOG_FILE" 2>&1 \
      || die "Could not format Kafka storage; see $LOG_FILE"
    touch "$INSTANCE_DIR/.users-$ADMIN_USER"
  fi
  info "Starting Kafka ($INSTANCE) on 127.0.0.1:$PORT"
  touch "$LOG_FILE"
  LOG_OFFSET="$(stat -c %s "$LOG_FILE")"
  # KAFKA_JVM_OPTS: more flags for the broker's JVM (a flight recording while a benchmark runs, for instance).
  # shellcheck disable=SC2086
  nohup java -Xms128m -Xmx"${KAFKA_HEAP:-512m}" -XX:+UseG1GC ${KAFKA_JVM_OPTS:-} \
    -Dlog4j2.configurationFile="$INSTANCE_DIR/log4j2.yaml" \
    -cp "$LIB_DIR/*" kafka.Kafka "$INSTANCE_DIR/server.properties" >>"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  # The port opens a moment before the broker has registered with its controller: wait for both.
  wait_for 90 "Kafka" started || die "Kafka ($INSTANCE) did not start; see $LOG_FILE"
  if [ "$(cat "$INSTANCE_DIR/.access-set-up" 2>/dev/null)" != "$(access_digest)" ]; then
    info "Creating the topics and grants of Kafka ($INSTANCE)"
    set_up_access
  fi
}

started() {
  pid_alive "$(cat "$PID_FILE" 2>/dev/null)" || return 1
  port_open 127.0.0.1 "$PORT" || return 1
  tail -c +"$((LOG_OFFSET + 1))" "$LOG_FILE" | grep -q "Kafka Server started"
}

stop() {
  local pid
  pid="$(running_pid)"
  if [ -z "$pid" ]; then
    rm -f "$PID_FILE"
    return
  fi
  stop_process "Kafka ($INSTANCE)" "$pid"
  rm -f "$PID_FILE"
}

case "$ACTION" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  reset) stop; rm -rf "$DATA_DIR"; start ;;
  status)
    if [ -n "$(running_pid)" ] && port_open 127.0.0.1 "$PORT"; then
      echo "Kafka ($INSTANCE): up on 127.0.0.1:$PORT"
    else
      echo "Kafka ($INSTANCE): down"; exit 1
    fi
    ;;
  *) die "usage: $0 start|stop|restart|reset|status [local|test|outage|bench]" ;;
esac
