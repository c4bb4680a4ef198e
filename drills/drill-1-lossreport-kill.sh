#!/usr/bin/env bash
# Drill 1: kill -9 of loss-report-service while 1,000 reports are being submitted, then restart. PASS when every report
# that got a 201 is stored, no 201 names a report that is not stored, and every stored report produced exactly one
# email to IT and one to the supervisor. Prints the counts; exit code 0 PASS, 1 FAIL, 2 the drill could not run.
#   drills/drill-1-lossreport-kill.sh
#   drills/drill-1-lossreport-kill.sh --reports 1000 --rate 20 --kill-at 0.4
#   SKIP_BUILD=1 drills/drill-1-lossreport-kill.sh     (use the jars already built)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
prepare loss-report-service
run_drill LossReportKillDrill "$@"
