#!/usr/bin/env bash
# Smoke test of the Linux package: installs target/installer/outcome-desk_*.deb (or the .deb given), runs the
# installed command headless on a fresh home, opens the desktop under Xvfb and takes a screenshot, then removes
# the package and checks that the program is gone and the user's data is not. Needs root (or sudo), dpkg,
# Xvfb, xdotool and ImageMagick's import. Slow (a minute or more), so it is not part of mvn test; CI runs it
# after installer/build.sh (.ci/installers.yml). DISPLAY_NUMBER picks the Xvfb display (default 15).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$PWD/target/installer
DEB=${1:-$(ls "$OUT"/outcome-desk_*.deb 2>/dev/null | head -n1)}
[ -n "$DEB" ] && [ -f "$DEB" ] || { echo "test-deb: no .deb; run installer/build.sh first" >&2; exit 1; }
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
DISPLAY_NUMBER=${DISPLAY_NUMBER:-15}
USER_HOME=$(mktemp -d)
pids=()
made=()

state() { dpkg-query -W -f='${db:Status-Status}' outcome-desk 2>/dev/null || true; }
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$(state)" ]; then $SUDO dpkg --purge outcome-desk >/dev/null || true; fi
  rm -rf "$USER_HOME"
  for dir in "${made[@]}"; do $SUDO rm -rf "$dir"; done
}
trap cleanup EXIT

# A user with no data yet: no OUTCOMEDESK_HOME, no ~/.outcome-desk, so the XDG default applies. Java takes
# user.home from the password database, not $HOME, hence the system property.
as_user() { env -u OUTCOMEDESK_HOME -u XDG_DATA_HOME HOME="$USER_HOME" JAVA_TOOL_OPTIONS="-Duser.home=$USER_HOME" "$@"; }

# xdg-desktop-menu adds the menu entry only where a desktop menu exists: a build machine without a desktop
# gets the directories for the test, as a clinic PC has them.
for dir in /etc/xdg/menus /usr/share/desktop-directories /usr/share/applications; do
  if [ ! -d "$dir" ]; then $SUDO mkdir -p "$dir" && made+=("$dir"); fi
done

echo "== install $(basename "$DEB")"
$SUDO dpkg -i "$DEB" || $SUDO apt-get install -y -f || true
[ "$(state)" = installed ] || fail "dpkg -i (package state: $(state))"
[ -x /opt/outcome-desk/bin/outcome-desk ] || fail "no launcher in /opt/outcome-desk/bin"
command -v outcome-desk >/dev/null || fail "outcome-desk is not on the PATH"
entry=$(ls /usr/share/applications/*outcome-desk*.desktop 2>/dev/null | head -n1 || true)
[ -n "$entry" ] && grep -q '^Name=OutcomeDesk$' "$entry" || fail "no OutcomeDesk menu entry in /usr/share/applications"
echo "menu entry $entry"
grep -q '^MimeType=.*application/x-outcomedesk-backup' "$entry" || fail "the menu entry does not open .odbackup files"
grep -q '^Exec=/opt/outcome-desk/bin/outcome-desk %f$' "$entry" || fail "the menu entry does not pass the file opened"
grep -qs 'pattern="\*.odbackup"' /usr/share/mime/packages/*.xml || fail "the .odbackup type is not registered (shared-mime-info)"

echo "== outcome-desk --version"
version=$(as_user outcome-desk --version 2>/dev/null)
echo "$version"
[[ $version == "OutcomeDesk "* ]] || fail "unexpected --version output: $version"

echo "== outcome-desk status --json (fresh home)"
status=$(as_user outcome-desk status --json 2>/dev/null)
echo "$status"
data="$USER_HOME/.local/share/outcome-desk"
grep -q "\"store\" : \"~/.local/share/outcome-desk\"" <<<"$status" || fail "status did not use ~/.local/share/outcome-desk"
grep -q '"appointments" : 0' <<<"$status" || fail "a fresh store should hold no appointments"
[ -d "$data" ] || fail "no data directory at $data"

echo "== desktop under Xvfb :$DISPLAY_NUMBER"
Xvfb ":$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & pids+=($!)
export DISPLAY=":$DISPLAY_NUMBER"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.2; done
if command -v openbox >/dev/null; then openbox >/dev/null 2>&1 & pids+=($!); fi
# Opened as a double click on a backup opens it: with the file's path (the desktop offers to restore it once signed in).
as_user outcome-desk backup --out "$USER_HOME/clinic.odbackup" >/dev/null 2>&1 || fail "backup of the fresh store"
as_user outcome-desk "$USER_HOME/clinic.odbackup" > "$OUT/deb-desktop.log" 2>&1 & pids+=($!)
window=$(timeout 120 xdotool search --sync --onlyvisible --name '^OutcomeDesk$' | head -n1) \
  || fail "no OutcomeDesk window within 120 s (log: $OUT/deb-desktop.log)"
sleep 25  # the window opens at once and then the store: let the first screen appear before the picture
import -window root "$OUT/deb-desktop.png"
echo "window $window; screenshot $OUT/deb-desktop.png"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

echo "== dpkg -r outcome-desk, then --purge"
$SUDO dpkg -r outcome-desk
[ "$(state)" = installed ] && fail "package still installed"
$SUDO dpkg --purge outcome-desk
case "$(state)" in ""|not-installed) ;; *) fail "package not purged (state: $(state))" ;; esac
[ ! -e /opt/outcome-desk ] || fail "/opt/outcome-desk left behind"
[ ! -e /usr/bin/outcome-desk ] || fail "/usr/bin/outcome-desk left behind"
ls /usr/share/applications/*outcome-desk*.desktop >/dev/null 2>&1 && fail "desktop entry left behind"
[ -d "$data" ] && ls "$data"/outcome-desk.* >/dev/null 2>&1 || fail "the user's data was removed with the program"
echo "kept: $(ls "$data" | tr '\n' ' ')"
echo "test-deb: OK"
