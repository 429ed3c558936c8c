#!/usr/bin/env bash
# End to end, with the real binaries on loopback: an author validates a guide,
# saves it as a draft and submits it; a reviewer approves it (the author may
# not); a desk overlay (under Xvfb, beside a host window that keeps the
# keyboard focus throughout) receives it by push, finds it by searching
# with a typing error, is placed left, then floating and dragged (and is
# there again when it starts again), steps through it, answers decisions and leaves
# feedback with a suggested wording (the privacy guard refuses a BSN first); an author's alert reaches
# the desk, which acknowledges it; a souffleur:// link from another process
# opens the guide in the running overlay, the alert inside the step it is
# attached to (it and the tip hidden while "the citizen can see the screen"),
# and --toggle and the global hotkey summon, dismiss and show it; a
# hostile page (scripts, handlers, a redirect, remote and file: resources
# pointing at the server) runs nothing and loads nothing;
# the server goes down and the desk keeps guiding, and delivers what it
# recorded once the server is back; the server stores the records; aar-report
# shows the sessions and the feedback per step, and the alert's count of
# acknowledging desks per team.
#   author_to_desk.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$1"
src="$2"
work=$(mktemp -d /tmp/souffleur-e2e.XXXXXX)
server_pid=""
overlay_pid=""
host_pid=""
xvfb_pid=""
cleanup() {
  local pid
  for pid in $overlay_pid $host_pid $server_pid $xvfb_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "${KEEP_E2E:-0}" = 1 ]; then echo "e2e: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
fail() { echo "e2e: FAILED: $*" >&2; exit 1; }
step() { echo "e2e: $*"; }

guide_file="$src/content/library/identiteit-vaststellen.xml"
guide_id="nl.burgerzaken.identiteit-vaststellen"
alert_file="$src/content/library/alerts/look-alike-2026-11.xml"
alert_id="nl.alert.look-alike-2026-11"

step "1. validate: a good guide passes, a broken one is located"
"$bin/souffleur" validate "$guide_file"
printf '<guide xmlns="urn:x-souffleur:guide:1" id="x" revision="1">\n<title>t</title>\n<step id="a"><glance>g</glance><bogus/></step>\n</guide>\n' >"$work/broken.xml"
if "$bin/souffleur" validate "$work/broken.xml" 2>"$work/broken.err"; then fail "broken guide validated"; fi
grep -q "^$work/broken.xml:3:[0-9]*: error: unknown element <bogus>" "$work/broken.err" ||
  fail "no located error: $(cat "$work/broken.err")"

step "2. start the server with demo accounts and no guides"
mkdir -p "$work/empty-library"
# The options from a config file (the command line's --listen wins over it).
cat >"$work/server.conf" <<CONF
# souffleur-server --config: one option per line
data = $work/data
listen = 127.0.0.1:8470
port-file = $work/port
library = $work/empty-library
demo
CONF
"$bin/souffleur-server" --config "$work/server.conf" --listen 127.0.0.1:0 \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || fail "server did not start: $(cat "$work/server.log")"
url="http://127.0.0.1:$(cat "$work/port")"
token_of() { grep "\"$1\"" "$work/data/demo-tokens.json" | sed -E 's/.*"token" *: *"([^"]+)".*/\1/'; }
desk=$(token_of balie-noord-1)
author=$(token_of redacteur)
reviewer=$(token_of kwaliteit)
[ -n "$desk" ] && [ -n "$author" ] && [ -n "$reviewer" ] || fail "no demo tokens"

step "3. the desk overlay starts and waits for the guide"
cat >"$work/desk.script" <<SCRIPT
wait-guide $guide_id 60
wait-suggestion $guide_id 30
search identitiet vastst
expect-first $guide_id
open-first
wait-loaded
expect-placed right
place left
expect-placed left
place floating
expect-placed floating
drag-header -200 100
expect-step gezicht
choose 1
expect-step echtheid
feedback-refused unclear Klant met BSN 111222333 had een andere kaart
feedback-refused unclear Andere kaart | Bel mevrouw op 06-12345678
feedback unclear Welke UV-kenmerken moet ik zien bij de nieuwe identiteitskaart? | Noem de drie UV-kenmerken van de nieuwe kaart
choose 1
expect-step geldigheid
choose 1
expect-step brp
choose 1
expect-step afronden
next
expect-finished
wait-loaded
expect-page has Wat u deed
expect-page has Gezicht komt overeen met de foto
expect-full-loads 1
wait-alert $alert_id 60
expect-unread-alerts 1
acknowledge $alert_id
expect-unread-alerts 0
wait-synced 60
abandon
wait-opened $guide_id 60
expect-page has Kijk eerst naar de foto
expect-page has Nieuw patroon: look-alikes
citizen on
expect-page lacks Kijk eerst naar de foto
expect-page lacks Nieuw patroon: look-alikes
expect-page has de burger kijkt mee
citizen off
expect-page has Kijk eerst naar de foto
wait-active 60
wait-hidden 60
wait-shown 60
wait-hidden 61
wait-shown 61
show-hostile $url/hostile
expect-inert
wait-offline 60
choose 1
expect-step echtheid
feedback tip Zonder verbinding opgeschreven
abandon
expect-unsent
wait-synced 120
quit
SCRIPT
if [ -z "${DISPLAY:-}" ]; then
  # One Xvfb of our own on a free display (xvfb-run's clean-up is flaky).
  Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
  export DISPLAY=":$(cat "$work/display")"
fi
# The application the employee types in holds the keyboard focus; the overlay
# must not take it while it appears, receives, opens and steps (until the
# script waits for the deep link, after which --toggle summons it on purpose).
"$bin/focus_host" --until "$work/focus-done" >"$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 100); do grep -q "ready" "$work/host.log" && break; sleep 0.1; done
grep -q "ready" "$work/host.log" || fail "the host window did not get the focus: $(cat "$work/host.log")"
"$bin/souffleur-overlay-test" --server "$url" --token "$desk" \
  --data "$work/desk" --test-script "$work/desk.script" >"$work/overlay.log" 2>&1 &
overlay_pid=$!
sleep 2

step "4. the lifecycle: the author saves and submits, a reviewer approves"
if "$bin/souffleur" save --base 0 --server "$url" --token "$desk" "$guide_file" 2>"$work/publish.err"; then
  fail "a desk account saved a guide"
fi
grep -q "403" "$work/publish.err" || fail "desk save not refused with 403: $(cat "$work/publish.err")"
"$bin/souffleur" save --base 0 --server "$url" --token "$author" "$guide_file"
"$bin/souffleur" submit --server "$url" --token "$author" "$guide_id" 1
if "$bin/souffleur" approve --server "$url" --token "$author" "$guide_id" 1 2>"$work/approve.err"; then
  fail "an author approved a revision"
fi
grep -q "403" "$work/approve.err" || fail "author approve not refused with 403: $(cat "$work/approve.err")"
"$bin/souffleur" approve --server "$url" --token "$reviewer" "$guide_id" 1 | tee "$work/approve.out"
grep -q "revision 1: published" "$work/approve.out" || fail "the reviewer's approval did not publish"
# Without its dates, so that the test does not expire with the alert.
sed '/<valid /d' "$alert_file" >"$work/alert.xml"
"$bin/souffleur" publish-alert --server "$url" --token "$author" "$work/alert.xml"

step "5. the overlay walks the guide and sends its records"
# Once the script waits for them: a souffleur:// link from another process,
# then --toggle three times, each handed to the running overlay.
await_line() {
  for _ in $(seq 1200); do
    grep -q "^script: $1" "$work/overlay.log" && return 0
    kill -0 "$overlay_pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
hand_over() {
  "$bin/souffleur-overlay" --data "$work/desk" "$@" >"$work/handover.out" 2>&1 ||
    fail "souffleur-overlay $*: $(cat "$work/handover.out")"
  grep -q "handed" "$work/handover.out" || fail "not handed over: $(cat "$work/handover.out")"
}
await_line "wait-opened" || { cat "$work/overlay.log" >&2; fail "the overlay script stopped early"; }
touch "$work/focus-done"
if ! wait "$host_pid"; then
  fail "the overlay took the keyboard focus from the host window: $(cat "$work/host.log")"
fi
host_pid=""
cat "$work/host.log"
# The server goes down (as in an outage): the desk keeps guiding offline.
kill -KILL "$server_pid" 2>/dev/null
wait "$server_pid" 2>/dev/null || true
server_pid=""
# by the deep-link id of one of its triggers, as a host application knows it
hand_over "souffleur://guide/rdc.aanvraag.identiteit"
# Shown by the link, without the keyboard: --toggle summons it (the focus),
# then dismisses it, then summons it again.
await_line "wait-active" || { cat "$work/overlay.log" >&2; fail "the deep link did not open the guide"; }
hand_over --toggle
await_line "wait-hidden 60" || { cat "$work/overlay.log" >&2; fail "--toggle did not summon the panel"; }
hand_over --toggle
await_line "wait-shown 60" || { cat "$work/overlay.log" >&2; fail "--toggle did not hide the panel"; }
hand_over --toggle
# The same with the global hotkey, Ctrl+Alt+Space, pressed through XTEST.
await_line "wait-hidden 61" || { cat "$work/overlay.log" >&2; fail "--toggle did not show the panel"; }
"$bin/press_hotkey" || fail "cannot press the hotkey"
await_line "wait-shown 61" || { cat "$work/overlay.log" >&2; fail "the hotkey did not hide the panel"; }
"$bin/press_hotkey" || fail "cannot press the hotkey"
# Back up once the desk has kept its records: on the same port and data,
# without --demo (which would issue new tokens).
await_line "wait-synced 120" || { cat "$work/overlay.log" >&2; fail "the desk did not guide offline"; }
grep -v "^demo" "$work/server.conf" >"$work/server-again.conf"
"$bin/souffleur-server" --config "$work/server-again.conf" --listen "127.0.0.1:$(cat "$work/port")" \
  >>"$work/server.log" 2>&1 &
server_pid=$!
if ! wait "$overlay_pid"; then
  cat "$work/overlay.log" >&2
  fail "the overlay script failed"
fi
grep -q "script: quit" "$work/overlay.log" || fail "overlay did not run to the end"
# The panel comes back where it was dragged on this screen (floating), and docks again.
at=$(sed -nE 's/^script: the panel is at ([0-9-]+),([0-9-]+)$/\1 \2/p' "$work/overlay.log")
[ -n "$at" ] || fail "the panel was not dragged"
printf 'expect-placed floating\nexpect-at %s\nplace right\nexpect-placed right\nquit\n' "$at" \
  >"$work/placement.script"
"$bin/souffleur-overlay-test" --server "$url" --token "$desk" \
  --data "$work/desk" --test-script "$work/placement.script" >"$work/placement.log" 2>&1 ||
  { cat "$work/placement.log" >&2; fail "the placement was not remembered"; }

step "6. aar-report shows the feedback on its step, and no figure for one session"
"$bin/souffleur" aar-report --server "$url" --token "$author" --guide "$guide_id" | tee "$work/aar.txt"
# One desk: fewer than 5 behind the team-month, so the report gives no figures.
grep -q "sessions: no figures (each figure needs at least 5 desks" "$work/aar.txt" ||
  fail "a figure for one desk"
[ "$(sqlite3 "$work/data/souffleur.sqlite" \
     "SELECT count(DISTINCT session) FROM events WHERE event = 'finished'")" = 1 ] \
  || fail "the session's finish did not arrive"
[ "$(sqlite3 "$work/data/souffleur.sqlite" \
     "SELECT count(DISTINCT session) FROM events WHERE event = 'abandoned'")" = 1 ] \
  || fail "the deep-linked session's abandonment did not arrive"
grep -q "echtheid: 2$" "$work/aar.txt" || fail "feedback not on step echtheid"
grep -q "unclear: Welke UV-kenmerken" "$work/aar.txt" || fail "feedback text"
grep -q "(suggested: Noem de drie UV-kenmerken van de nieuwe kaart)" "$work/aar.txt" ||
  fail "suggested wording"
[ "$(sqlite3 "$work/data/souffleur.sqlite" "SELECT count(*) FROM feedback")" = 2 ] \
  || fail "the feedback with a BSN was stored or sent, or the offline one was lost"
[ "$(sqlite3 "$work/data/souffleur.sqlite" \
     "SELECT count(*) FROM feedback WHERE text = 'Zonder verbinding opgeschreven'")" = 1 ] \
  || fail "the feedback written offline did not arrive exactly once"

step "7. the hostile page loaded nothing from the server"
grep -q "^script: [0-9]* requests blocked" "$work/overlay.log" || fail "the hostile page was not checked"
admin=$(token_of beheer)
curl -sf -H "Authorization: Bearer $admin" "$url/metrics" >"$work/metrics.txt" ||
  fail "cannot read /metrics"
# Its URLs match no route: any GET of them would count as unmatched.
if grep -q 'route="unmatched",method="GET"' "$work/metrics.txt"; then
  fail "the hostile page reached the server: $(grep unmatched "$work/metrics.txt")"
fi

step "8. the alert's acknowledgements, per team"
"$bin/souffleur" acknowledgements --server "$url" --token "$author" "$alert_id" | tee "$work/acks.txt"
# Six desks in the demo's Balie Noord, one acknowledged: no number (the rule of five).
grep -q "^not yet all 6 desks in Balie Noord have acknowledged" "$work/acks.txt" ||
  fail "the acknowledgements were not reported by the rule of five"
[ "$(sqlite3 "$work/data/souffleur.sqlite" \
     "SELECT count(*) FROM alert_acks WHERE alert_id = '$alert_id'")" = 1 ] ||
  fail "the desk's acknowledgement was not counted"

echo "e2e: passed"
