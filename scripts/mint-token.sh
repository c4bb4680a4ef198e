#!/usr/bin/env bash
# Asks the local identity provider (scripts/keycloak.sh start local) for a real access token, for trying the APIs with
# curl. Prints the token.
#   TOKEN=$(scripts/mint-token.sh --role IT_ADMIN)            a demo user with that role (see the README)
#   TOKEN=$(scripts/mint-token.sh --user pat.lee)             a demo user by name (password: district-demo)
#   TOKEN=$(scripts/mint-token.sh --client hr-system)         a machine client's token (client-credentials grant)
# Options: --password P (a user's password), --secret S (a client's secret), --url U (default http://localhost:8180).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

URL="${KEYCLOAK_URL:-http://localhost:8180}"
USER_NAME="" PASSWORD="district-demo" CLIENT="" SECRET=""
while [ $# -gt 0 ]; do
  case "$1" in
    --role)
      case "$2" in
        STAFF) USER_NAME=pat.lee ;;
        SUPERVISOR) USER_NAME=sam.rivera ;;
        PRINCIPAL) USER_NAME=morgan.ellis ;;
        IT_ADMIN) USER_NAME=alex.kim ;;
        HR) USER_NAME=jordan.hale ;;
        AUDITOR) USER_NAME=casey.ward ;;
        *) die "no demo user has role '$2' (STAFF, SUPERVISOR, PRINCIPAL, IT_ADMIN, HR, AUDITOR)" ;;
      esac
      shift 2 ;;
    --user) USER_NAME="$2"; shift 2 ;;
    --password) PASSWORD="$2"; shift 2 ;;
    --client) CLIENT="$2"; shift 2 ;;
    --secret) SECRET="$2"; shift 2 ;;
    --url) URL="$2"; shift 2 ;;
    *) die "unknown option $1 (see the top of $0)" ;;
  esac
done

TOKEN_URL="$URL/realms/district/protocol/openid-connect/token"
if [ -n "$CLIENT" ]; then
  [ -n "$SECRET" ] || SECRET="$CLIENT-secret-for-local-development-only"
  answer="$(curl -sS -X POST "$TOKEN_URL" -d grant_type=client_credentials \
    --data-urlencode "client_id=$CLIENT" --data-urlencode "client_secret=$SECRET")" \
    || die "The identity provider at $URL does not answer; start it with scripts/keycloak.sh start local"
else
  [ -n "$USER_NAME" ] || die "name a demo user (--user or --role) or a client (--client)"
  answer="$(curl -sS -X POST "$TOKEN_URL" -d grant_type=password -d client_id=district-cli \
    --data-urlencode "username=$USER_NAME" --data-urlencode "password=$PASSWORD")" \
    || die "The identity provider at $URL does not answer; start it with scripts/keycloak.sh start local"
fi
token="$(printf '%s' "$answer" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
[ -n "$token" ] || die "No token: $answer"
printf '%s\n' "$token"
