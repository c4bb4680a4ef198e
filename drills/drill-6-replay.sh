#!/usr/bin/env bash
# Drill 6: duplicate delivery. All three services play a day in miniature through their APIs and topics; then they
# are stopped, every consumer group is reset to the earliest offset of every topic it reads, and they are started
# again. PASS when every group read everything again, caught up, and nothing changed: the same rows in every table of
# every service and the same emails, counted before and after.
#   drills/drill-6-replay.sh
#   drills/drill-6-replay.sh --people 30
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
prepare inventory-service loss-report-service checkin-service
run_drill ReplayDrill "$@"
