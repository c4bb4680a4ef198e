#!/usr/bin/env bash
# Sets the district's Kafka cluster up as deploy/kafka describes it: signs up each service's SCRAM-SHA-512 user (and the
# HR system's, hr-feed, and the network access control system's, access-control) with its password from the
# environment, creates the system's topics (topics.txt) with their partitions and cleanup policy, keeps the cleanup
# policy of existing topics in line with the list, and grants each user what access.txt says. Run once by the kafka-init
# service of docker-compose.yml after the broker is healthy, as the administrator (admin.sh); safe to run again.
set -euo pipefail

BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9094}"
REPLICATION_FACTOR="${TOPIC_REPLICATION_FACTOR:-1}"
MIN_INSYNC_REPLICAS="${TOPIC_MIN_INSYNC_REPLICAS:-1}"
TOPICS_FILE="${TOPICS_FILE:-/deploy/kafka/topics.txt}"
ACCESS_FILE="${ACCESS_FILE:-/deploy/kafka/access.txt}"
BIN="${KAFKA_BIN:-/opt/kafka/bin}"
AS_ADMIN=(/bin/bash "$(dirname "$0")/admin.sh")

# The environment variable holding each user's password.
password_of() {
  case "$1" in
    inventory-service) echo "${INVENTORY_KAFKA_PASSWORD:?}" ;;
    loss-report-service) echo "${LOSSREPORT_KAFKA_PASSWORD:?}" ;;
    checkin-service) echo "${CHECKIN_KAFKA_PASSWORD:?}" ;;
    hr-feed) echo "${HR_FEED_KAFKA_PASSWORD:?}" ;;
    access-control) echo "${ACCESS_CONTROL_KAFKA_PASSWORD:?}" ;;
    *) echo "no password variable for Kafka user $1" >&2; exit 1 ;;
  esac
}

for user in $(grep -v '^#' "$ACCESS_FILE" | awk 'NF {print $1}' | sort -u); do
  echo "user $user"
  "${AS_ADMIN[@]}" "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter --entity-type users \
    --entity-name "$user" --add-config "SCRAM-SHA-512=[iterations=8192,password=$(password_of "$user")]" >/dev/null
done

while read -r name partitions policy; do
  case "$name" in ''|'#'*) continue ;; esac
  echo "topic $name: $partitions partitions, cleanup.policy=$policy"
  "${AS_ADMIN[@]}" "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" \
    --config "cleanup.policy=$policy" --config "min.insync.replicas=$MIN_INSYNC_REPLICAS"
  "${AS_ADMIN[@]}" "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics \
    --entity-name "$name" --add-config "cleanup.policy=$policy,min.insync.replicas=$MIN_INSYNC_REPLICAS" >/dev/null
done <"$TOPICS_FILE"

while read -r principal resource pattern name operations; do
  case "$principal" in ''|'#'*) continue ;; esac
  ops=()
  for op in ${operations//,/ }; do ops+=(--operation "$op"); done
  echo "grant $principal: $operations on $resource $name ($pattern)"
  "${AS_ADMIN[@]}" "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --add --force \
    --allow-principal "User:$principal" "${ops[@]}" "--$resource" "$name" --resource-pattern-type "$pattern" >/dev/null
done <"$ACCESS_FILE"

echo "topics ready:"
"${AS_ADMIN[@]}" "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --list
