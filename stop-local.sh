#!/usr/bin/env bash
# Stops what ./run-local.sh started: the services, the local Kafka broker, the identity provider and the SMTP catcher. PostgreSQL is a
# system service and keeps running (its data stays; stop it with your system's tools if you wish).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$ROOT/scripts/lib.sh"
cd "$ROOT"

for entry in "${SERVICES[@]}"; do
  IFS=: read -r name _ _ <<<"$entry"
  pid="$(cat "$RUN_DIR/$name.pid" 2>/dev/null || true)"
  if pid_alive "$pid"; then
    info "Stopping $name"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do pid_alive "$pid" || break; sleep 0.5; done
    pid_alive "$pid" && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/$name.pid"
done
bash scripts/kafka.sh stop local
bash scripts/keycloak.sh stop local
bash scripts/mail.sh stop
info "Stopped. PostgreSQL keeps running."
