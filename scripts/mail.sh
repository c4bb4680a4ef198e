#!/usr/bin/env bash
# Runs a real SMTP server that keeps every message for the local stack (GreenMail standalone): SMTP on
# 127.0.0.1:3025, IMAP on 127.0.0.1:3143, and a web page with a REST API to read the mail on http://127.0.0.1:8025/.
#   scripts/mail.sh start|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MAIL_DIR="$LOCAL_DIR/mail"
PID_FILE="$MAIL_DIR/mail.pid"
LOG_FILE="$LOG_DIR/mail.log"
SMTP_PORT="${LOCAL_SMTP_PORT:-3025}"
API_PORT="${LOCAL_MAIL_UI_PORT:-8025}"

ensure_jar() {
  if ls "$MAIL_DIR"/libs/greenmail-standalone-*.jar >/dev/null 2>&1; then return; fi
  info "Resolving the local SMTP catcher with Maven"
  mvn -B -q -f "$ROOT/infra/mail/pom.xml" dependency:copy-dependencies -DoutputDirectory="$MAIL_DIR/libs" >/dev/null \
    || die "Could not resolve the SMTP catcher"
}

running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if pid_alive "$pid"; then echo "$pid"; fi
}

case "${1:-status}" in
  start)
    if [ -n "$(running_pid)" ]; then info "SMTP catcher already running on 127.0.0.1:$SMTP_PORT"; exit 0; fi
    port_open 127.0.0.1 "$SMTP_PORT" && die "Port $SMTP_PORT is in use; set LOCAL_SMTP_PORT"
    ensure_jar
    mkdir -p "$MAIL_DIR"
    info "Starting the SMTP catcher on 127.0.0.1:$SMTP_PORT (mail readable at http://127.0.0.1:$API_PORT/)"
    nohup java -Xmx256m -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
      -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.imap.port=3143 \
      -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$API_PORT" \
      -jar "$(ls "$MAIL_DIR"/libs/greenmail-standalone-*.jar | head -1)" >>"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
    wait_for 30 "SMTP" port_open 127.0.0.1 "$SMTP_PORT" || die "The SMTP catcher did not start; see $LOG_FILE"
    ;;
  stop)
    pid="$(running_pid)"
    if [ -n "$pid" ]; then info "Stopping the SMTP catcher"; kill "$pid" 2>/dev/null || true; fi
    rm -f "$PID_FILE"
    ;;
  status)
    if [ -n "$(running_pid)" ]; then echo "SMTP catcher: up on 127.0.0.1:$SMTP_PORT"; else echo "SMTP catcher: down"; exit 1; fi
    ;;
  *) die "usage: $0 start|stop|status" ;;
esac
