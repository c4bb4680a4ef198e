#!/usr/bin/env bash
# Runs every test against real servers: PostgreSQL (started, or installed when missing), fresh single-node KRaft Kafka
# brokers on 127.0.0.1:9192 and :9292 (the one outage tests stop) and the district's identity provider (Keycloak, a
# fresh realm on http://localhost:8181), set up by the project's own scripts.
#   ./run-tests.sh                 all modules
#   ./run-tests.sh -pl inventory-service -Dtest=DeviceRegistryTest   (extra arguments go to Maven)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

bash scripts/setup.sh
bash scripts/postgres.sh ensure
# Fresh brokers make every run start from empty topics. "outage" is the one tests stop and start on purpose.
bash scripts/kafka.sh reset test
bash scripts/kafka.sh reset outage
trap 'bash scripts/kafka.sh stop test; bash scripts/kafka.sh stop outage; bash scripts/keycloak.sh stop test' EXIT
bash scripts/keycloak.sh reset test

mvn -B verify "$@"
