#!/usr/bin/env bash
# Regenerates the console's screenshots in docs/screenshots: runs the console's browser tests (real services, the
# tests' identity provider, headless Chromium; axe-core checks every page on the way) and keeps the pictures they take.
#   bash scripts/console-screenshots.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

mvn -B -q install -DskipTests -Dspotless.check.skip=true >"$LOG_DIR/screenshots-build.log" 2>&1 \
  || { tail -30 "$LOG_DIR/screenshots-build.log"; die "Build failed; see .local/logs/screenshots-build.log"; }
./run-tests.sh -pl system-tests -Dit.test=ConsoleIT,PersonalDevicesConsoleIT,DeviceListConsoleIT -Dspotless.check.skip=true

mkdir -p docs/screenshots
for shot in console-home-desktop console-device-locked-desktop console-lock-error-desktop console-report-it \
            console-my-devices-phone console-report-errors-phone console-my-reports-phone console-person-offboarded-hr \
            console-import-dry-run-desktop console-my-devices-es-phone console-device-moves-desktop \
            console-new-device-errors-desktop console-loaners-desktop console-replacement-error-desktop \
            console-charge-refusal-desktop console-my-charges-phone console-device-managers-desktop \
            console-device-managers-phone console-my-personal-devices-phone console-register-own-device-errors-phone \
            console-personal-device-requests-desktop console-personal-device-aup-desktop \
            console-personal-device-approved-desktop console-personal-device-remove-confirm-desktop \
            console-my-personal-devices-removed-phone console-my-personal-devices-es-phone \
            console-devices-sorted-desktop; do
  cp "system-tests/target/screenshots/$shot.png" "docs/screenshots/$shot.png"
done
info "Screenshots in docs/screenshots"
