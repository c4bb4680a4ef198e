#!/usr/bin/env bash
# Mints a development-only bearer token for the local stack. See scripts/DevToken.java for the options.
#   TOKEN=$(scripts/mint-token.sh --role IT_ADMIN --sub E1001)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec java "$ROOT/scripts/DevToken.java" --key "$ROOT/test-support/src/main/resources/dev-jwt/dev-only-private-key.pem" "$@"
