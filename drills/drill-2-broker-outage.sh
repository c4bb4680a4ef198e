#!/usr/bin/env bash
# Drill 2: the Kafka broker stopped for 60 seconds while staff file reports and devices check in (loss-report-service
# and checkin-service). PASS when reports and check-ins are accepted throughout, the outboxes drain after the broker
# returns, every event is on its topic exactly once, and every event's effects (emails, lock/locate commands, IT's
# lost-device alert) happen exactly once.
#   drills/drill-2-broker-outage.sh
#   drills/drill-2-broker-outage.sh --outage 60 --report-rate 4 --checkin-rate 40 --lost-rate 2
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
prepare loss-report-service checkin-service
run_drill BrokerOutageDrill "$@"
