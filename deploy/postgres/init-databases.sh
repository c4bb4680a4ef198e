#!/usr/bin/env bash
# Runs once, when the PostgreSQL data volume is first initialised (docker-entrypoint-initdb.d): one login role and
# one database per service, one for the console (its sign-in sessions, uploads awaiting their save, people searches) and one for the identity provider (Keycloak),
# each database owned by its role and closed to everyone else. Passwords come from the environment (.env), never from
# this file. Schemas are created by each service's (and the console's) Flyway migrations and by Keycloak itself.
# Keycloak's stays last: the compose health check waits for it.
set -euo pipefail

create_service_database() {
  local role="$1" database="$2" password="$3"
  if [ -z "$password" ]; then
    echo "init-databases: no password given for role $role" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$role" -v database="$database" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

create_service_database inventory inventory "${INVENTORY_DB_PASSWORD:-}"
create_service_database lossreport lossreport "${LOSSREPORT_DB_PASSWORD:-}"
create_service_database checkin checkin "${CHECKIN_DB_PASSWORD:-}"
create_service_database console console "${CONSOLE_DB_PASSWORD:-}"
create_service_database keycloak keycloak "${KEYCLOAK_DB_PASSWORD:-}"
