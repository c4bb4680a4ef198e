#!/usr/bin/env bash
# Installs the agent as install.sh would on a real machine and checks the result, without changing this machine:
# everything install.sh touches (/etc with its users and systemd units, /opt, /var/lib) is a private copy in a mount
# namespace of its own, gone when the check ends. Run as root (the test command's InstallScriptTest runs it).
#   bash check-install.sh JAR
# Checks: the district-agent system user (no login shell); the jar, the configuration (0600, the agent's own, with the
# server given), the state directory (0700); the polkit rule; the systemd unit installed, valid (systemd-analyze
# verify) and enabled for multi-user.target (systemctl is-enabled), and its sandbox exposure as systemd rates it
# (systemd-analyze security) at most MAX_EXPOSURE. Prints what it checked; exits non-zero at the first miss.
set -euo pipefail
JAR="$(readlink -f "${1:?usage: check-install.sh JAR}")"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAX_EXPOSURE="${MAX_EXPOSURE:-4.5}"

if [ "${CHECK_INSTALL_INSIDE:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "check-install.sh: run as root" >&2; exit 2; }
  for tool in unshare systemctl systemd-analyze; do
    command -v "$tool" >/dev/null 2>&1 || { echo "check-install.sh: $tool is needed" >&2; exit 2; }
  done
  exec env CHECK_INSTALL_INSIDE=1 unshare --mount --propagation private bash "${BASH_SOURCE[0]}" "$JAR"
fi

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

# Private copies of what the installer writes to.
SCRATCH="$(mktemp -d)"
cp -a /etc "$SCRATCH/etc"
mount --bind "$SCRATCH/etc" /etc
for dir in /opt /var/lib; do
  mkdir -p "$SCRATCH$dir"
  mount -t tmpfs tmpfs "$dir"
done
# The installer finds its unit and rule beside itself, and the jar where it is told.
cp -a "$HERE/." "$SCRATCH/install"

out="$(sh "$SCRATCH/install/install.sh" --server https://checkin.district.example --site LINCOLN-HS --jar "$JAR" 2>&1)" \
  || { echo "$out"; fail "install.sh failed"; }
echo "$out" | sed 's/^/  install.sh: /'

entry="$(getent passwd district-agent)" || fail "no district-agent user"
case "$entry" in
  *:/usr/sbin/nologin|*:/sbin/nologin) ok "system user district-agent, no login shell" ;;
  *) fail "district-agent has a login shell: $entry" ;;
esac
[ "$(stat -c '%a %U' /etc/district-agent/agent.properties)" = "600 district-agent" ] \
  || fail "configuration is $(stat -c '%a %U' /etc/district-agent/agent.properties), not 600 district-agent"
grep -qx 'server.url=https://checkin.district.example' /etc/district-agent/agent.properties \
  || fail "configuration does not name the server"
grep -qx 'wipe.enabled=false' /etc/district-agent/agent.properties || fail "WIPE is not off by default"
ok "configuration 0600, the agent's own, server and site set, WIPE off"
[ "$(stat -c '%a %U' /var/lib/district-agent)" = "700 district-agent" ] || fail "state directory is not 0700 district-agent"
ok "state directory 0700"
cmp -s "$JAR" /opt/district-agent/device-agent.jar || fail "the jar was not installed"
ok "jar in /opt/district-agent"
[ -f /etc/polkit-1/rules.d/50-district-agent.rules ] || fail "no polkit rule"
ok "polkit rule for LOCK"

unit=/etc/systemd/system/district-agent.service
systemd-analyze verify "$unit" || fail "systemd-analyze verify found errors in the unit"
ok "unit verified by systemd-analyze"
[ "$(systemctl is-enabled district-agent.service 2>/dev/null)" = enabled ] || fail "the unit is not enabled"
[ -L /etc/systemd/system/multi-user.target.wants/district-agent.service ] || fail "not wanted by multi-user.target"
ok "unit enabled (multi-user.target)"
exposure="$(systemd-analyze security --offline=true "$unit" 2>/dev/null | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')"
[ -n "$exposure" ] || fail "systemd-analyze security gave no exposure level"
awk -v e="$exposure" -v m="$MAX_EXPOSURE" 'BEGIN { exit !(e <= m) }' \
  || fail "sandbox exposure $exposure is above $MAX_EXPOSURE: $(systemd-analyze security --offline=true "$unit" 2>/dev/null | grep '✗' | head -20)"
ok "sandbox exposure $exposure (at most $MAX_EXPOSURE)"
# The return message: the path unit watches the agent's lock message file and starts the root helper.
for u in district-agent-message.path district-agent-message.service; do
  systemd-analyze verify "/etc/systemd/system/$u" || fail "systemd-analyze verify found errors in $u"
done
[ "$(systemctl is-enabled district-agent-message.path 2>/dev/null)" = enabled ] || fail "the message path unit is not enabled"
grep -qx 'PathChanged=/run/district-agent/lock-message' /etc/systemd/system/district-agent-message.path \
  || fail "the path unit does not watch the lock message file"
ok "return-message units verified, path unit enabled"

helper=/opt/district-agent/show-return-message
[ "$(stat -c '%a %U' "$helper")" = "755 root" ] || fail "the helper is not root's and 0755"
fake="$SCRATCH/root"
mkdir -p "$fake/etc"
msg="$SCRATCH/lock-message"
banner="$fake/etc/dconf/db/gdm.d/90-district-agent-return-message"
issue="$fake/etc/issue.d/district-agent.issue"
# What an attacker on the device might write instead of IT's message: a second key for the display manager, quotes,
# backslashes, escape sequences for the terminal.
printf "Return to Lincoln HS office, room 114.\nIt's the district's \\ property.\n[org/gnome/desktop/lockdown]\ndisable-lock-screen=true\033[2J\a" >"$msg"
DISTRICT_AGENT_ROOT="$fake" "$helper" "$msg" || fail "the helper failed"
[ "$(wc -l <"$banner")" -eq 3 ] || fail "the banner file is not three lines: $(cat "$banner")"
[ "$(sed -n 1p "$banner")" = "[org/gnome/login-screen]" ] || fail "the banner file names another section"
[ "$(sed -n 2p "$banner")" = "banner-message-enable=true" ] || fail "the banner is not enabled"
expected="banner-message-text='Return to Lincoln HS office, room 114.\\nIt\\'s the district\\'s \\\\ property.\\n[org/gnome/desktop/lockdown]\\ndisable-lock-screen=true[2J'"
[ "$(sed -n 3p "$banner")" = "$expected" ] || fail "the banner text is not escaped as one string: $(sed -n 3p "$banner")"
if LC_ALL=C grep -q "$(printf '\033')" "$issue"; then fail "an escape character reached the login banner"; fi
grep -qF 'Return to Lincoln HS office, room 114.' "$issue" || fail "the login banner lacks the message"
grep -qF "district's \\\\ property" "$issue" || fail "a backslash in the login banner is not doubled"
ok "return message on the sign-in screen and the login banner, escaped (no second key, no control character)"
rm -f "$msg"
DISTRICT_AGENT_ROOT="$fake" "$helper" "$msg" || fail "the helper failed without a file"
[ -f "$banner" ] && [ -f "$issue" ] || fail "no message file (the agent restarted) took the message down"
: >"$msg"
DISTRICT_AGENT_ROOT="$fake" "$helper" "$msg" || fail "the helper failed on an empty file"
[ ! -e "$banner" ] && [ ! -e "$issue" ] || fail "an empty message file (the device found) left the message up"
ok "a restart leaves the message up; the device found takes it down"
echo "install checked"
