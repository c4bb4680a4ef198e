#!/usr/bin/env bash
# Checks the machine has what the project needs (a JDK 17+ and Maven) and installs the operating-system packages the
# tests and the local stack use when they are missing and we are root (or have password-less sudo).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v java >/dev/null 2>&1 || die "A JDK 17 or newer is required (java not found)."
command -v mvn >/dev/null 2>&1 || die "Maven 3.8.6 or newer is required (mvn not found)."
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')"
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or newer is required (found $java_major)."

# Debian/Ubuntu packages: psql/pg_isready for the database scripts, curl for health checks, and a real headless
# browser with its WebDriver for the end-to-end tests (tools that download their own browser do not work offline).
missing=()
command -v pg_isready >/dev/null 2>&1 || missing+=(postgresql-client)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && as_root true 2>/dev/null; then
    info "Installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    warn "Missing ${missing[*]}; install them with your package manager."
  fi
fi

# From the npm registry at pinned versions, into .local/tools (no lock file: the versions are the pins): axe-core, the
# accessibility engine the browser tests run on every page they open, and Redocly CLI, the linter the contract tests
# run on the services' OpenAPI documents. Installed together: npm keeps only what one install names.
AXE_VERSION=4.14.1
REDOCLY_VERSION=2.77.0
TOOLS_DIR="$LOCAL_DIR/tools"
installed_version() {
  sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$TOOLS_DIR/node_modules/$1/package.json" 2>/dev/null | head -1
}
if [ "$(installed_version axe-core)" != "$AXE_VERSION" ] || [ "$(installed_version @redocly/cli)" != "$REDOCLY_VERSION" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && as_root true 2>/dev/null; then
      info "Installing nodejs and npm"
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
      die "npm is needed for the browser tests' accessibility checks and the API documents' linter; install Node.js and npm."
    fi
  fi
  info "Installing axe-core $AXE_VERSION and Redocly CLI $REDOCLY_VERSION for the tests"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-save --no-package-lock --no-audit --no-fund --silent \
    "axe-core@$AXE_VERSION" "@redocly/cli@$REDOCLY_VERSION" >/dev/null \
    || die "Could not install axe-core $AXE_VERSION and Redocly CLI $REDOCLY_VERSION with npm"
fi
