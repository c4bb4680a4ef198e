# Shared by the drill scripts. Sourced, not run.
#   prepare <service-module>...   build (unless SKIP_BUILD=1) and snapshot the service jars the drill starts
#                                  (from DRILL_APPS_FROM=<another build of the project>, when set)
#   run_drill <Class> [options]    run the drill program; its output is also kept in .local/logs/drills/
# The drills run the services from a copy of their jars (.local/drills/apps/<module>/), so rebuilding a service while
# a drill runs cannot change or break the process under test; the drill program runs from a copy as well.
DRILLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$DRILLS_DIR/../scripts/lib.sh"
cd "$ROOT"
# The drill programs sign people in at the tests' identity provider (test-support's Keycloak.URL reads KEYCLOAK_URL).
export KEYCLOAK_URL="http://localhost:${KEYCLOAK_TEST_PORT:-8181}"
DRILL_LOGS="$LOG_DIR/drills"
APPS_DIR="$LOCAL_DIR/drills/apps"
mkdir -p "$DRILL_LOGS" "$APPS_DIR"

prepare() {
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    local modules
    modules="$(IFS=,; echo "bench,drills,$*")"
    info "Building $modules"
    mvn -B -q package -DskipTests -Dspotless.check.skip=true -pl "$modules" -am >"$DRILL_LOGS/build.log" 2>&1 \
      || { tail -30 "$DRILL_LOGS/build.log"; die "build failed; see $DRILL_LOGS/build.log"; }
  fi
  [ -f drills/target/classpath.txt ] || die "drills is not built; run without SKIP_BUILD=1"
  # The drill program runs from its own copy too, so a rebuild during a run cannot swap its classes.
  cp drills/target/drills-*.jar "$LOCAL_DIR/drills/drills.jar"
  cp drills/target/classpath.txt "$LOCAL_DIR/drills/classpath.txt"
  # DRILL_APPS_FROM=<source tree> takes the service jars from another build of the project (for example an export of
  # one commit built elsewhere), so a drill can pin exactly what it tests while others keep working in this checkout.
  local module source="${DRILL_APPS_FROM:-$ROOT}"
  for module in "$@"; do
    local app="$source/$module/target/quarkus-app"
    [ -f "$app/quarkus-run.jar" ] || die "$app is not packaged; run without SKIP_BUILD=1"
    rm -rf "${APPS_DIR:?}/$module"
    cp -r "$app" "$APPS_DIR/$module"
    info "$module from $app (built $(date -u -r "$app/quarkus-run.jar" +%Y-%m-%dT%H:%M:%SZ))"
  done
}

run_drill() {
  local class="$1"; shift
  local out="$DRILL_LOGS/$class.txt"
  set +e
  java -Xmx768m -cp "$LOCAL_DIR/drills/drills.jar:$(cat "$LOCAL_DIR/drills/classpath.txt")" "org.district.drills.$class" \
    --root "$ROOT" "$@" 2>&1 | tee "$out"
  local code="${PIPESTATUS[0]}"
  set -e
  return "$code"
}
