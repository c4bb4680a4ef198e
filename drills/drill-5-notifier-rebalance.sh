#!/usr/bin/env bash
# Drill 5: a notifier consumer killed mid-batch and consumer-group rebalances (three loss-report-service replicas on one
# database). PASS when both notifier groups processed every report event once and every report produced exactly one
# email to IT and one to the supervisor: no notification lost, none doubled.
#   drills/drill-5-notifier-rebalance.sh
#   drills/drill-5-notifier-rebalance.sh --rate 10 --settle 10
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
prepare loss-report-service
run_drill NotifierRebalanceDrill "$@"
