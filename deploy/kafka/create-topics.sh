#!/usr/bin/env bash
# Creates the system's topics (deploy/kafka/topics.txt) with their partitions and cleanup policy, and keeps the
# cleanup policy of existing topics in line with the list. Run once by the kafka-init service of docker-compose.yml
# after the broker is healthy; safe to run again.
set -euo pipefail

BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
REPLICATION_FACTOR="${TOPIC_REPLICATION_FACTOR:-1}"
MIN_INSYNC_REPLICAS="${TOPIC_MIN_INSYNC_REPLICAS:-1}"
TOPICS_FILE="${TOPICS_FILE:-/deploy/kafka/topics.txt}"
BIN=/opt/kafka/bin

while read -r name partitions policy; do
  case "$name" in ''|'#'*) continue ;; esac
  echo "topic $name: $partitions partitions, cleanup.policy=$policy"
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" \
    --config "cleanup.policy=$policy" --config "min.insync.replicas=$MIN_INSYNC_REPLICAS"
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics --entity-name "$name" \
    --add-config "cleanup.policy=$policy,min.insync.replicas=$MIN_INSYNC_REPLICAS" >/dev/null
done <"$TOPICS_FILE"

echo "topics ready:"
"$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --list
