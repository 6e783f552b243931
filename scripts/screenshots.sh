#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/screenshots/*.png) from the real client under Xvfb
# against a real server:
#
#   1. builds the server and client jars (skip with SKIP_BUILD=1; extra Maven flags in MVN_FLAGS,
#      e.g. MVN_FLAGS=-o to build offline);
#   2. starts a virtual display (Xvfb) and a server on a free port with a throw-away data directory;
#   3. runs the client jar once per language — two users, each with
#      `--lang LANG --theme THEME --profile screenshots-LANG --user NAME` — under a small driver
#      (ScreenshotTour, from the client's test sources) that registers, makes friends, chats,
#      creates a group and sends a file through the windows, with a few headless clients as the
#      other people;
#   4. saves each window as it paints itself: login, main (friend list), chat (a reply, a recalled
#      message, read ticks), group (notice, system lines), files (a picture and files in a chat),
#      search (messages found) × en, zh.
#
# Needs: a JDK 17+, Xvfb, and fonts for Chinese and emoji (Debian: xvfb fonts-noto-cjk
# fonts-symbola). Preferences go to a temporary directory, never the user's own.
#
#   scripts/screenshots.sh            # light theme
#   THEME=dark scripts/screenshots.sh # the same pictures, dark (written to docs/screenshots/dark/)
#   VERBOSE=1 scripts/screenshots.sh  # also print the clients' logs
set -euo pipefail
cd "$(dirname "$0")/.."

theme=${THEME:-light}
case "$theme" in
  light) out=docs/screenshots ;;
  dark) out=docs/screenshots/dark ;;
  *) echo "THEME must be light or dark" >&2; exit 2 ;;
esac

log() { printf '== %s\n' "$*"; }

for tool in java Xvfb; do
  command -v "$tool" >/dev/null 2>&1 || { echo "screenshots.sh needs $tool" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/qchat-screenshots.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building the server and client jars"
  # -DskipTests still compiles the test sources, where the driver lives.
  # shellcheck disable=SC2086
  ./mvnw -q -B ${MVN_FLAGS:-} -pl chat-server,chat-client-swing -am package -DskipTests
fi
server_jar=chat-server/target/qchat-server.jar
client_jar=chat-client-swing/target/qchat-client.jar
driver=chat-client-swing/target/test-classes
for f in "$server_jar" "$client_jar" "$driver/org/qchat/client/ui/ScreenshotTour.class"; do
  [ -e "$f" ] || { echo "missing $f: build first (without SKIP_BUILD)" >&2; exit 1; }
done

log "starting Xvfb"
# -displayfd picks a free display number and reports it once the server accepts clients.
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
pids+=($!)
for _ in $(seq 1 100); do
  [ -s "$tmp/display" ] && break
  sleep 0.1
done
[ -s "$tmp/display" ] || { cat "$tmp/xvfb.log" >&2; echo "Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(head -n1 "$tmp/display")"

log "starting a server (data in $tmp/data)"
: >"$tmp/server.log"
java -jar "$server_jar" --bind 127.0.0.1 --port 0 --metrics-port -1 --data-dir "$tmp/data" \
  --registrations-per-hour 100 >"$tmp/server.log" 2>&1 &
pids+=($!)
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's/.*qchat listening on 127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$tmp/server.log" | head -n1 || true)
  [ -n "$port" ] && break
  kill -0 "${pids[-1]}" 2>/dev/null || break
  sleep 0.1
done
[ -n "$port" ] || { cat "$tmp/server.log" >&2; echo "the server did not start" >&2; exit 1; }
log "server on port $port, display $DISPLAY"

mkdir -p "$out"
shoot() {
  local lang=$1 user=$2
  log "client: --lang $lang --theme $theme --user $user"
  if ! java -Djava.util.prefs.userRoot="$tmp/prefs" -cp "$client_jar:$driver" \
      org.qchat.client.ui.ScreenshotTour "$out" "$lang" -- \
      --server "127.0.0.1:$port" --lang "$lang" --theme "$theme" --profile "screenshots-$lang" --user "$user" \
      >"$tmp/client-$lang.log" 2>&1; then
    cat "$tmp/client-$lang.log" >&2
    echo "the $lang run failed" >&2
    exit 1
  fi
  if [ "${VERBOSE:-}" = 1 ]; then cat "$tmp/client-$lang.log"; else grep '^wrote ' "$tmp/client-$lang.log"; fi
}
shoot en alice
shoot zh xiaoming

log "done: $(ls "$out"/*.png | wc -l) screenshots in $out"
