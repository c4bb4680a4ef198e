#!/usr/bin/env bash
# Loads the demo people and devices into the local stack (idempotent: what exists already is left as it is), so the
# demo users of the local identity provider find their records: Pat Lee (E1001) holds laptop LHS-0001 and reports to
# Sam Rivera (E2001). Uses the APIs with the demo IT user's token, as IT would.
#   scripts/demo-data.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

INVENTORY="${INVENTORY_URL:-http://localhost:8081}"
IT="$(bash "$ROOT/scripts/mint-token.sh" --user alex.kim)"
# "Today" as the services judge it: in the district's time zone (run-local.sh sets it), not this machine's.
TODAY="$(TZ="${DISTRICT_TIME_ZONE:-UTC}" date +%F)"

# post <path> <json>: POST as IT; a 409 (already there) is fine. Prints the answer's id, if any.
post() {
  local answer status
  answer="$(curl -sS -w '\n%{http_code}' -H "Authorization: Bearer $IT" -H 'Content-Type: application/json' \
    "$INVENTORY$1" -d "$2")" || die "inventory-service does not answer at $INVENTORY"
  status="${answer##*$'\n'}"
  case "$status" in
    200|201) printf '%s' "${answer%$'\n'*}" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1 ;;
    409) ;;
    *) die "POST $1 answered $status: ${answer%$'\n'*}" ;;
  esac
}

person() {
  post /api/v1/people "{\"districtId\":\"$1\",\"givenName\":\"$2\",\"familyName\":\"$3\",\"email\":\"$4\",
    \"kind\":\"EMPLOYEE\",\"school\":\"LINCOLN-HS\",\"aupAcknowledgedOn\":\"$TODAY\"$5}" >/dev/null
}

info "Loading the demo people and devices"
person E2001 Sam Rivera sam.rivera@district.example ""
person E1001 Pat Lee pat.lee@district.example ",\"supervisorDistrictId\":\"E2001\""
person IT-0001 Alex Kim alex.kim@district.example ""
person HR-0001 Jordan Hale jordan.hale@district.example ""
person AU-0001 Casey Ward casey.ward@district.example ""
person E3001 Morgan Ellis morgan.ellis@district.example ""

laptop="$(post /api/v1/devices '{"assetTag":"LHS-0001","serialNumber":"5CG1234XYZ","type":"LAPTOP","make":"Dell",
  "model":"Latitude 5440","school":"LINCOLN-HS","sensitiveData":true,"acquisition":{"type":"PURCHASED",
  "vendor":"Dell","purchaseOrder":"PO-2025-17","cost":1249.00,"acquiredOn":"2025-08-01"}}')"
if [ -n "$laptop" ]; then
  post "/api/v1/devices/$laptop/assignment" '{"personDistrictId":"E1001"}' >/dev/null
fi
post /api/v1/devices '{"assetTag":"LHS-0002","serialNumber":"NXHQEAA0012","type":"CHROMEBOOK","make":"Acer",
  "model":"Chromebook 314","school":"LINCOLN-HS","sensitiveData":false,"acquisition":{"type":"DONATED",
  "donor":"Lincoln PTA","acquiredOn":"2025-09-15"}}' >/dev/null
info "Demo data loaded"
