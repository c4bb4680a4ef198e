#!/usr/bin/env bash
# Makes sure PostgreSQL runs on $DB_HOST:$DB_PORT and holds the project's role and databases.
#   scripts/postgres.sh ensure     start (or install, when root on Debian/Ubuntu) and create role + databases
#   scripts/postgres.sh status
# Works whether local connections use trust or password (scram) authentication: the role gets a password.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DATABASES=(inventory lossreport checkin inventory_test lossreport_test checkin_test inventory_bench lossreport_bench checkin_bench inventory_e2e lossreport_e2e checkin_e2e)

is_local_host() { [[ "$DB_HOST" == "127.0.0.1" || "$DB_HOST" == "localhost" || "$DB_HOST" == "::1" ]]; }

ready() { pg_isready -h "$DB_HOST" -p "$DB_PORT" -q 2>/dev/null || port_open "$DB_HOST" "$DB_PORT"; }

install_server() {
  is_root || as_root true || die "PostgreSQL is not installed and this user cannot install it; install postgresql and rerun."
  info "Installing PostgreSQL from the distribution's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
}

start_server() {
  if ! command -v pg_lsclusters >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    install_server
  fi
  if command -v pg_lsclusters >/dev/null 2>&1; then
    if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
      local version
      version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
      info "Creating PostgreSQL $version cluster 'main'"
      as_root pg_createcluster "$version" main >/dev/null || die "Could not create a PostgreSQL cluster"
    fi
    pg_lsclusters -h | while read -r version name port status _; do
      if [ "$status" != "online" ]; then
        info "Starting PostgreSQL $version/$name (port $port)"
        as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start \
          || warn "Could not start PostgreSQL $version/$name"
      fi
    done
  else
    die "PostgreSQL is installed but pg_lsclusters is missing; start the server on $DB_HOST:$DB_PORT and rerun."
  fi
  wait_for 60 "PostgreSQL" ready || die "PostgreSQL did not accept connections on $DB_HOST:$DB_PORT"
}

# Runs psql as a database superuser: the postgres OS user over the local socket when we can become it,
# otherwise over TCP as $PG_ADMIN_USER (default postgres) with $PG_ADMIN_PASSWORD if set.
admin_psql() {
  if is_local_host && id postgres >/dev/null 2>&1 && as_root true 2>/dev/null; then
    if is_root; then
      runuser -u postgres -- psql -p "$DB_PORT" -X -q -v ON_ERROR_STOP=1 "$@"
    else
      sudo -n -u postgres psql -p "$DB_PORT" -X -q -v ON_ERROR_STOP=1 "$@"
    fi
  else
    PGPASSWORD="${PG_ADMIN_PASSWORD:-}" psql -h "$DB_HOST" -p "$DB_PORT" -U "${PG_ADMIN_USER:-postgres}" \
      -d postgres -X -q -v ON_ERROR_STOP=1 "$@"
  fi
}

create_role_and_databases() {
  local list
  list="$(IFS=,; echo "${DATABASES[*]}")"
  admin_psql -d postgres -v user="$DB_USER" -v pw="$DB_PASSWORD" -v dbs="$list" <<'SQL' >/dev/null
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, :'user')
  FROM unnest(string_to_array(:'dbs', ',')) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SQL
  # The role must be able to connect with its password whatever the local auth method is.
  PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d inventory -X -q -c 'select 1' >/dev/null \
    || die "The role $DB_USER cannot log in to $DB_HOST:$DB_PORT; check pg_hba.conf"
}

case "${1:-ensure}" in
  ensure)
    if is_local_host; then
      ready || start_server
    else
      ready || die "PostgreSQL at $DB_HOST:$DB_PORT is not reachable"
    fi
    create_role_and_databases
    info "PostgreSQL ready on $DB_HOST:$DB_PORT (role $DB_USER; databases ${DATABASES[*]})"
    ;;
  status)
    if ready; then echo "PostgreSQL: up on $DB_HOST:$DB_PORT"; else echo "PostgreSQL: down"; exit 1; fi
    ;;
  *)
    die "usage: $0 ensure|status"
    ;;
esac
