#!/usr/bin/env bash
# Runs the six reliability drills one after another and prints a summary table (Markdown, for docs/reliability.md).
# Builds once, then runs each drill against copies of the freshly built jars. Drill 3 restarts PostgreSQL, so it runs
# last, and only because this script passes it --yes: do not run this while others depend on the database server.
#   drills/run-all.sh
#   SKIP_BUILD=1 drills/run-all.sh        (use the jars already built)
#   DRILLS="1 4" drills/run-all.sh        (a subset)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

prepare inventory-service loss-report-service checkin-service
export SKIP_BUILD=1
declare -A SCRIPT=(
  [1]=drill-1-lossreport-kill.sh
  [2]=drill-2-broker-outage.sh
  [3]="drill-3-postgres-restart.sh --yes"
  [4]=drill-4-checkin-kill.sh
  [5]=drill-5-notifier-rebalance.sh
  [6]=drill-6-replay.sh
)
ORDER="${DRILLS:-1 2 4 5 6 3}"
SUMMARY="$DRILL_LOGS/summary.md"
started="$(date -u +%Y-%m-%dT%H:%MZ)"
failed=0
results=()
for n in $ORDER; do
  info "Drill $n: drills/${SCRIPT[$n]}"
  out="$DRILL_LOGS/run-all-drill-$n.txt"
  # shellcheck disable=SC2086
  if bash "$DRILLS_DIR"/${SCRIPT[$n]} >"$out" 2>&1; then :; else failed=1; fi
  line="$(grep '^RESULT|' "$out" | tail -1 || true)"
  [ -n "$line" ] || line="RESULT|Drill $n|ERROR|no result; see $out"
  results+=("$line")
  echo "${line#RESULT|}"
done

{
  echo "Drills run $started to $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) CPUs, $(free -g | awk '/Mem:/{print $2}') GiB,"
  echo "$(uname -sr), Java $(java -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/'), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| drill | result | counts |"
  echo "| --- | --- | --- |"
  for line in "${results[@]}"; do
    IFS='|' read -r _ name outcome counts <<<"$line"
    echo "| $name | $outcome | $counts |"
  done
} | tee "$SUMMARY"
echo
info "Summary in $SUMMARY; each drill's full output in $DRILL_LOGS/run-all-drill-<n>.txt"
exit "$failed"
