#!/usr/bin/env bash
# Makes sure PostgreSQL runs on $DB_HOST:$DB_PORT and holds the project's role and databases.
#   scripts/postgres.sh ensure     start (or install, when root on Debian/Ubuntu) and create role + databases
#   scripts/postgres.sh tune       ensure, then give the server the benchmarks' memory and WAL settings (see below)
#   scripts/postgres.sh status
# Works whether local connections use trust or password (scram) authentication: the role gets a password.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DATABASES=(inventory lossreport checkin inventory_test lossreport_test checkin_test inventory_bench lossreport_bench checkin_bench checkin_soak inventory_e2e lossreport_e2e checkin_e2e console console_test console_e2e console_bench keycloak keycloak_test)

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

ensure() {
  if is_local_host; then
    ready || start_server
  else
    ready || die "PostgreSQL at $DB_HOST:$DB_PORT is not reachable"
  fi
  create_role_and_databases
  info "PostgreSQL ready on $DB_HOST:$DB_PORT (role $DB_USER; databases ${DATABASES[*]})"
}

setting() {
  PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -X -At \
    -c "select pg_size_bytes(current_setting('$1'))"
}

# The benchmarks run at 1,000,000 devices. As docs/operations.md asks of production, checkin-service's device table and
# its indexes (about 730 MB there) must fit in shared_buffers, and max_wal_size must leave checkpoints to the timer
# rather than to every gigabyte of check-ins. The baselines run on the same server with the same settings.
# Raised (never lowered) with ALTER SYSTEM on a local server, which is then restarted; PG_SHARED_BUFFERS and
# PG_MAX_WAL_SIZE choose other values, PG_TUNE=0 leaves the server as it is.
tune() {
  local buffers="${PG_SHARED_BUFFERS:-1GB}" wal="${PG_MAX_WAL_SIZE:-4GB}" want_buffers want_wal
  if [ "${PG_TUNE:-1}" = 0 ]; then
    info "PG_TUNE=0: PostgreSQL settings left as they are"
  else
    want_buffers="$(PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -X -At \
      -c "select pg_size_bytes('$buffers')")"
    want_wal="$(PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -X -At \
      -c "select pg_size_bytes('$wal')")"
    if [ "$(setting shared_buffers)" -lt "$want_buffers" ] || [ "$(setting max_wal_size)" -lt "$want_wal" ]; then
      if is_local_host && command -v pg_lsclusters >/dev/null 2>&1 && as_root true 2>/dev/null; then
        info "Setting PostgreSQL shared_buffers = $buffers and max_wal_size = $wal, then restarting it"
        admin_psql -d postgres -c "alter system set shared_buffers = '$buffers'" \
          -c "alter system set max_wal_size = '$wal'"
        pg_lsclusters -h | while read -r version name _; do
          as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$name" restart \
            || die "Could not restart PostgreSQL $version/$name"
        done
        wait_for 60 "PostgreSQL" ready || die "PostgreSQL did not come back after the restart"
      else
        warn "Cannot change this server's settings; give it shared_buffers >= $buffers and max_wal_size >= $wal"
      fi
    fi
    wal_settings
  fi
  info "PostgreSQL settings: shared_buffers $(PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" \
    -d postgres -X -At -c "select current_setting('shared_buffers') || ', max_wal_size ' || current_setting('max_wal_size')
      || ', checkpoint_timeout ' || current_setting('checkpoint_timeout')
      || ', wal_compression ' || current_setting('wal_compression')")"
}

# After each checkpoint starts, the first change to every page writes the whole page into the WAL: with check-ins
# spread over 1,000,000 devices, seconds of 8 kB images per check-in, which is when the check-in benchmarks' slowest
# windows fell (docs/benchmarks.md). Compressed images (lz4, or PostgreSQL's own where it lacks lz4) and a checkpoint
# every 15 minutes rather than 5 make those bursts smaller and rarer; both take effect on a reload. The timeout is
# raised, never lowered. PG_WAL_COMPRESSION and PG_CHECKPOINT_TIMEOUT choose other values.
wal_settings() {
  local compression="${PG_WAL_COMPRESSION:-lz4}" timeout="${PG_CHECKPOINT_TIMEOUT:-15min}" want_timeout
  if ! { is_local_host && command -v pg_lsclusters >/dev/null 2>&1 && as_root true 2>/dev/null; }; then
    warn "Cannot change this server's settings; consider wal_compression = $compression, checkpoint_timeout >= $timeout"
    return 0
  fi
  admin_psql -d postgres -c "alter system set wal_compression = '$compression'" >/dev/null 2>&1 \
    || admin_psql -d postgres -c "alter system set wal_compression = 'on'" >/dev/null 2>&1 \
    || warn "Could not set wal_compression"
  want_timeout="$(PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -X -At \
    -c "select extract(epoch from interval '$timeout')::int > setting::int from pg_settings
        where name = 'checkpoint_timeout'")"
  if [ "$want_timeout" = t ]; then
    admin_psql -d postgres -c "alter system set checkpoint_timeout = '$timeout'" >/dev/null \
      || warn "Could not set checkpoint_timeout"
  fi
  admin_psql -d postgres -c "select pg_reload_conf()" >/dev/null || warn "Could not reload PostgreSQL's settings"
}

case "${1:-ensure}" in
  ensure)
    ensure
    ;;
  tune)
    ensure
    tune
    ;;
  checkpoint)
    # Writes every dirty page out now (benchmarks run it before measuring, see bench/lib.sh settle). Needs a superuser.
    admin_psql -d postgres -c "checkpoint"
    ;;
  log-slow)
    # Logs the statements of one database that take longer than the given time, with their time, to the server's log
    # (benchmarks set it on their own databases). Needs a superuser.
    [ -n "${2:-}" ] && [ -n "${3:-}" ] || die "usage: $0 log-slow DATABASE DURATION (e.g. 100ms)"
    admin_psql -d postgres -c "alter database \"$2\" set log_min_duration_statement = '$3'"
    ;;
  status)
    if ready; then echo "PostgreSQL: up on $DB_HOST:$DB_PORT"; else echo "PostgreSQL: down"; exit 1; fi
    ;;
  *)
    die "usage: $0 ensure|tune|checkpoint|log-slow|status"
    ;;
esac
