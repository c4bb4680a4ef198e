#!/usr/bin/env bash
# Runs a Kafka command-line tool as the broker's administrator (docker-compose.yml): writes the administrator's client
# settings (PLAIN on the ADMIN listener, over TLS trusting the installation's Kafka CA, password from
# KAFKA_ADMIN_PASSWORD) to a private file and passes it with
# --command-config, so the password never appears on a command line.
#   admin.sh /opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9094 --list
set -euo pipefail
umask 077
CONFIG="$(mktemp)"
trap 'rm -f "$CONFIG"' EXIT
cat >"$CONFIG" <<PROPS
security.protocol=SASL_SSL
ssl.truststore.type=PEM
ssl.truststore.location=${KAFKA_TRUSTSTORE:-/etc/kafka/ca/ca.crt}
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="kafka-admin" password="${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is not set}";
PROPS
"$@" --command-config "$CONFIG"
