#!/usr/bin/env bash
# The mail client's own ceiling (not a test): loss-report-service's mail client, alone in a process, sending to the
# benchmarks' SMTP server as fast as it can, one round per line. For reading the loss-report benchmark: a notification
# backlog that grows far below this rate is not the mail client's doing.
#   bench/mail-client-probe.sh                              2,000 messages, 64 senders, a pool of 16, three rounds
#   bench/mail-client-probe.sh --senders 16 --pool 16
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
build_bench test-support
bench_java org.district.bench.MailClientProbe "$@" | tee "$BENCH_OUT/mail-client-probe.txt"
