#!/usr/bin/env bash
# Drill 3: PostgreSQL restarted (stopped for 10 s, then started) under check-in load and a trickle of loss reports.
# PASS when clients get 503 with Retry-After (never a 500 or a dropped request) while it is down, the services recover
# on their own (same processes), and every 2xx check-in and 201 report is in the database afterwards.
#
# WARNING: this stops the machine's PostgreSQL server. Every other user of it (a running local stack, other people's
# tests) loses its connections for about ten seconds. It therefore runs only with --yes (drills/run-all.sh passes it).
#   drills/drill-3-postgres-restart.sh --yes
#   drills/drill-3-postgres-restart.sh --yes --down 10 --checkin-rate 100
#   drills/drill-3-postgres-restart.sh --no-fault       (checks the drill itself without restarting anything)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case " $* " in
  *" --yes "*|*" --no-fault "*) ;;
  *) die "Drill 3 restarts PostgreSQL, which disconnects everything else using it. Run it with --yes to go ahead." ;;
esac
prepare loss-report-service checkin-service
run_drill PostgresRestartDrill "$@"
