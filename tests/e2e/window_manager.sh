#!/usr/bin/env bash
# The desk panel under a real window manager (openbox, EWMH), as a new user
# meets it: on a 1366x768 screen, the host application open at the left, the
# demo server with its library and three unread alerts. Checks, in Dutch and
# in English:
#  - opened with --open, the panel docks at the right edge, full height (the
#    window manager's own geometry, wmctrl), and the host keeps the keyboard;
#  - its first screen: the header and the folded alerts take one line each, no
#    text anywhere is cut off, the step's glance and first check are visible
#    without scrolling; a screenshot of the whole screen is kept;
#  - the first Ctrl+Alt+Space after start summons it (keyboard focus), the
#    second dismisses it, the third brings it back;
#  - with "keep the screen edge free", a maximised host sits beside the panel
#    (its width is the screen's less the panel's), and without, under it.
#   window_manager.sh BIN_DIR SOURCE_DIR [SHOTS_DIR]
# Screenshots go to SHOTS_DIR (default: the work directory, kept with KEEP_E2E=1).
set -euo pipefail
bin="$1"
src="$2"
work=$(mktemp -d /tmp/souffleur-wm.XXXXXX)
shots="${3:-$work}"
mkdir -p "$shots"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "${KEEP_E2E:-0}" = 1 ]; then echo "wm: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
fail() { echo "wm: FAILED: $*" >&2; exit 1; }
step() { echo "wm: $*"; }

command -v openbox >/dev/null || fail "openbox is not installed (scripts/install-deps installs it)"
command -v wmctrl >/dev/null || fail "wmctrl is not installed (scripts/install-deps installs it)"
if [ "$(id -u)" = 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi # tests only

# Our own X server and window manager, whatever DISPLAY says.
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
export DISPLAY=":$(cat "$work/display")"
openbox >"$work/openbox.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do wmctrl -m >/dev/null 2>&1 && break; sleep 0.1; done
wmctrl -m | grep -q "Name: Openbox" || fail "openbox did not start: $(cat "$work/openbox.log")"

"$bin/souffleur-server" --demo --data "$work/server" \
  --listen 127.0.0.1:0 --port-file "$work/port" >"$work/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || fail "the server did not start: $(cat "$work/server.log")"
url="http://127.0.0.1:$(cat "$work/port")"
token=$(grep '"balie-noord-1"' "$work/server/demo-tokens.json" |
  sed -E 's/.*"token" *: *"([^"]+)".*/\1/')
[ -n "$token" ] || fail "no demo desk token"
guide=nl.burgerzaken.identiteit-vaststellen

# The window manager's idea of a window's geometry: "X Y W H" (wmctrl -lG).
geometry() {
  wmctrl -lG | awk -v name="$1" '{ title = ""; for (i = 8; i <= NF; ++i) title = title (i > 8 ? " " : "") $i }
                                  title == name { print $3, $4, $5, $6; exit }'
}
await_line() { # the script printed LINE: it waits for what the test does next
  for _ in $(seq 600); do grep -qxF "script: $1" "$work/panel.log" && return 0; sleep 0.1; done
  cat "$work/panel.log" >&2
  fail "the panel script did not reach \"$1\""
}

run_language() {
  local lang=$1
  step "[$lang] the host application at the left, then the panel with --open"
  rm -f "$work/host-done" "$work/maximised" "$work/restored"
  "$bin/focus_host" --until "$work/host-done" >"$work/host-$lang.log" 2>&1 &
  local host=$!
  pids+=($host)
  for _ in $(seq 100); do grep -q "ready" "$work/host-$lang.log" && break; sleep 0.1; done
  grep -q "ready" "$work/host-$lang.log" || fail "the host application did not start"
  cat >"$work/panel-$lang.script" <<SCRIPT
wait-opened $guide 60
wait-loaded 60
pause 1
expect-placed right
expect-compact
expect-fits
expect-first-screen
screenshot $shots/panel-$lang.png
wait-file $work/shot-$lang 30
wait-active 30
wait-hidden 30
wait-shown 30
keep-edge-free on
wait-file $work/maximised 30
keep-edge-free off
wait-file $work/restored 30
quit
SCRIPT
  "$bin/souffleur-overlay-test" --server "$url" --token "$token" --data "$work/desk-$lang" \
    --lang "$lang" --open "$guide" --test-script "$work/panel-$lang.script" \
    >"$work/panel.log" 2>&1 &
  local panel=$!
  pids+=($panel)

  await_line "screenshot $shots/panel-$lang.png"
  sleep 1
  "$bin/grab_screen" "$shots/screen-$lang.png" || fail "cannot grab the screen"
  local panel_at host_at
  panel_at=$(geometry Souffleur)
  step "[$lang] the panel is at $panel_at"
  [ "$panel_at" = "1025 0 341 768" ] || fail "the panel is not docked at the right: $panel_at"
  # The host kept the keyboard while the panel appeared.
  touch "$work/host-done"
  wait "$host" || { cat "$work/host-$lang.log" >&2; fail "the host lost the keyboard focus"; }
  # focus_host has ended; a fresh one for the rest (it need not keep the focus now).
  "$bin/focus_host" --until "$work/never" >"$work/host2-$lang.log" 2>&1 &
  host=$!
  pids+=($host)
  for _ in $(seq 100); do grep -q "ready" "$work/host2-$lang.log" && break; sleep 0.1; done
  touch "$work/shot-$lang"

  step "[$lang] Ctrl+Alt+Space: summon, dismiss, summon"
  await_line "wait-active 30"
  "$bin/press_hotkey" || fail "cannot press the hotkey"
  await_line "wait-hidden 30"
  "$bin/press_hotkey" || fail "cannot press the hotkey"
  await_line "wait-shown 30"
  "$bin/press_hotkey" || fail "cannot press the hotkey"

  step "[$lang] keep the screen edge free: a maximised host sits beside the panel"
  await_line "wait-file $work/maximised 30"
  wmctrl -r "Reisdocumenten - Aanvraag paspoort" -b add,maximized_vert,maximized_horz
  for _ in $(seq 50); do
    # wmctrl may report the frame a moment before openbox has settled it
    # (seen in CI: "-1 18 1025 749"), so wait for the final place too
    host_at=$(geometry "Reisdocumenten - Aanvraag paspoort")
    [ "$(echo "$host_at" | cut -d' ' -f1,3)" = "0 1025" ] && break
    sleep 0.1
  done
  step "[$lang] maximised host beside the panel: $host_at"
  [ "$(echo "$host_at" | cut -d' ' -f1,3)" = "0 1025" ] ||
    fail "the maximised host does not sit beside the panel: $host_at"
  "$bin/grab_screen" "$shots/screen-edge-$lang.png" || fail "cannot grab the screen"
  touch "$work/maximised"
  await_line "wait-file $work/restored 30"
  for _ in $(seq 50); do
    host_at=$(geometry "Reisdocumenten - Aanvraag paspoort")
    [ "$(echo "$host_at" | cut -d' ' -f3)" = 1366 ] && break
    sleep 0.1
  done
  [ "$(echo "$host_at" | cut -d' ' -f3)" = 1366 ] ||
    fail "the edge was not given back: the host is $host_at"
  touch "$work/restored"
  wait "$panel" || { cat "$work/panel.log" >&2; fail "the panel script failed"; }
  grep -q "^script: glance ends at" "$work/panel.log" && grep "^script: glance ends at" "$work/panel.log"
  kill "$host" 2>/dev/null || true
  wait "$host" 2>/dev/null || true
}

run_language nl
run_language en
echo "wm: passed (screenshots in $shots)"
