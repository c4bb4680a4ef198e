#!/bin/sh
# Installs the district's device agent on a Linux machine (run as root):
#   sh install.sh --server https://checkin.district.example [--site NAME] [--site-map FILE] [--jar FILE]
# Creates the district-agent system user, installs the jar, the configuration (unless one exists), the state
# directory, the systemd unit, the polkit rule for LOCK and the root helper that puts a LOCK's return message on the
# sign-in screen (with its path unit), enables them, and prints how to enrol.
set -eu

AGENT_USER=district-agent
OPT_DIR=/opt/district-agent
ETC_DIR=/etc/district-agent
CONFIG=$ETC_DIR/agent.properties
STATE_DIR=/var/lib/district-agent
UNIT=/etc/systemd/system/district-agent.service
POLKIT_RULE=/etc/polkit-1/rules.d/50-district-agent.rules

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)

die() {
    echo "install.sh: $*" >&2
    exit 1
}

usage() {
    echo "usage: sh install.sh --server https://checkin.district.example [--site NAME] [--site-map FILE] [--jar FILE]" >&2
    exit 64
}

server=
site=
site_map=
jar=
while [ $# -gt 0 ]; do
    case $1 in
        --server) [ $# -ge 2 ] || usage; server=$2; shift 2 ;;
        --site) [ $# -ge 2 ] || usage; site=$2; shift 2 ;;
        --site-map) [ $# -ge 2 ] || usage; site_map=$2; shift 2 ;;
        --jar) [ $# -ge 2 ] || usage; jar=$2; shift 2 ;;
        -h|--help) usage ;;
        *) echo "install.sh: unknown argument $1" >&2; usage ;;
    esac
done

[ "$(id -u)" -eq 0 ] || die "run as root (sudo sh install.sh ...)"
[ -n "$server" ] || usage

# Values go into a properties file: one line each, no control characters, no backslashes.
nl='
'
one_line() {
    case $2 in
        *"$nl"*|*\\*) die "$1 must be one line without backslashes" ;;
    esac
    if printf '%s' "$2" | LC_ALL=C grep -q '[[:cntrl:]]'; then
        die "$1 must not contain control characters"
    fi
}
one_line --server "$server"
one_line --site "$site"
one_line --site-map "$site_map"
case $server in
    https://?*) ;;
    *) die "--server must be an https:// URL" ;;
esac
if [ -n "$site_map" ]; then
    case $site_map in
        /*) ;;
        *) die "--site-map must be an absolute path" ;;
    esac
    [ -f "$site_map" ] || echo "install.sh: note: $site_map does not exist yet; the site is UNKNOWN until it does" >&2
fi

# The jar: --jar, else beside this script, else the build's output.
if [ -z "$jar" ]; then
    for candidate in "$here/device-agent.jar" "$here/../target/device-agent.jar"; do
        if [ -f "$candidate" ]; then
            jar=$candidate
            break
        fi
    done
fi
[ -n "$jar" ] && [ -f "$jar" ] || die "device-agent.jar not found; build it (mvn -pl device-agent -am package) or pass --jar FILE"

# Java 17 or newer, where the unit runs it.
[ -x /usr/bin/java ] || die "Java 17 or newer is required at /usr/bin/java (for example: apt-get install openjdk-17-jre-headless)"
java_version=$(/usr/bin/java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
java_major=$(printf '%s' "$java_version" | sed 's/^1\.//; s/[^0-9].*$//')
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
    die "Java 17 or newer is required; /usr/bin/java is ${java_version:-unknown}"
fi

# The system user: no login shell, no home.
if ! getent passwd "$AGENT_USER" >/dev/null 2>&1; then
    nologin=/usr/sbin/nologin
    [ -x "$nologin" ] || nologin=/sbin/nologin
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell "$nologin" \
        --comment "District device agent" "$AGENT_USER"
fi

install -d -m 0755 -o root -g root "$OPT_DIR"
install -m 0644 -o root -g root "$jar" "$OPT_DIR/device-agent.jar"
if [ -f "$here/../README.md" ]; then
    install -m 0644 -o root -g root "$here/../README.md" "$OPT_DIR/README.md"
fi

install -d -m 0755 -o root -g root "$ETC_DIR"
if [ -e "$CONFIG" ]; then
    echo "install.sh: $CONFIG exists; left as it is"
else
    tmp=$(mktemp "$ETC_DIR/.agent.properties.XXXXXX")
    {
        echo "# District device agent configuration (see $OPT_DIR/README.md)."
        echo "server.url=$server"
        [ -z "$site" ] || echo "site=$site"
        [ -z "$site_map" ] || echo "site.map=$site_map"
        echo "credential.file=$STATE_DIR/credential"
        echo "state.file=$STATE_DIR/state.json"
        echo "wipe.enabled=false"
    } >"$tmp"
    chown "$AGENT_USER:$AGENT_USER" "$tmp"
    chmod 0600 "$tmp"
    mv "$tmp" "$CONFIG"
fi

install -d -m 0700 -o "$AGENT_USER" -g "$AGENT_USER" "$STATE_DIR"

install -m 0644 -o root -g root "$here/district-agent.service" "$UNIT"
install -d -m 0755 -o root -g root "$(dirname "$POLKIT_RULE")"
install -m 0644 -o root -g root "$here/50-district-agent.rules" "$POLKIT_RULE"
# The return message of a LOCK on the sign-in screen and the login banner: a root helper started whenever the agent
# writes its lock message file, and the folders it writes to.
install -m 0755 -o root -g root "$here/show-return-message" "$OPT_DIR/show-return-message"
install -m 0644 -o root -g root "$here/district-agent-message.path" /etc/systemd/system/district-agent-message.path
install -m 0644 -o root -g root "$here/district-agent-message.service" /etc/systemd/system/district-agent-message.service
install -d -m 0755 -o root -g root /etc/dconf/db/gdm.d /etc/issue.d

# Enabled for the next boot. systemctl does that without a running systemd too (a machine image being built, a
# chroot); a running one also reloads its units.
if command -v systemctl >/dev/null 2>&1; then
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload
    fi
    systemctl enable district-agent.service district-agent-message.path
else
    echo "install.sh: systemctl not found; enable district-agent.service and district-agent-message.path with this machine's init system" >&2
fi

cat <<DONE

The district device agent is installed. Enrol this device with the one-time code IT created for it:

  sudo -u $AGENT_USER java -jar $OPT_DIR/device-agent.jar enrol --config $CONFIG CODE

then check it and start the service:

  sudo -u $AGENT_USER java -jar $OPT_DIR/device-agent.jar once --config $CONFIG
  sudo systemctl start district-agent.service
DONE
