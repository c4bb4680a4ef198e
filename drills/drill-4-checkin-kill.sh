#!/usr/bin/env bash
# Drill 4: kill -9 of checkin-service under check-in load, then restart. PASS when every check-in answered 200 is in
# the check-in history afterwards, exactly once (the group commit commits before it answers).
#   drills/drill-4-checkin-kill.sh
#   drills/drill-4-checkin-kill.sh --rate 100 --kill-after 20 --after-restart 15
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
prepare checkin-service
run_drill CheckInKillDrill "$@"
