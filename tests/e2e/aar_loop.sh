#!/usr/bin/env bash
# A whole After Action Review end to end, with the real binaries on loopback:
#   1. a desk works through the identity check (the real panel, under Xvfb),
#      and writes in the team's logbook; the demo's other desks worked this
#      month too (six per team: enough people behind every figure);
#   2. the team lead opens the AAR workspace in Souffleur Studio (its GUI
#      test, driven), sees this month's evidence with the desk's session and
#      logbook, records the four answers and an action on step
#      "controlevragen", shares the lesson and closes the AAR;
#   3. the author sees the action in the guide's inbox, from the team, and
#      plans it; the team's report says so;
#   4. the report is one self-contained HTML file; the lesson reaches the
#      other teams.
#   aar_loop.sh BIN_DIR TEST_DIR
set -euo pipefail
bin="$1"
tests="$2"
work=$(mktemp -d /tmp/souffleur-aar-e2e.XXXXXX)
server_pid=""
xvfb_pid=""
cleanup() {
  local pid
  for pid in $server_pid $xvfb_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "${KEEP_E2E:-0}" = 1 ]; then echo "e2e: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
fail() { echo "e2e: FAILED: $*" >&2; exit 1; }
step() { echo "e2e: $*"; }
guide_id="nl.burgerzaken.identiteit-vaststellen"

step "the server with the demo library and four months of the demo's desks"
mkdir -p "$work/data"
"$bin/souffleur-server" --demo --data "$work/data" --listen 127.0.0.1:0 \
  --port-file "$work/port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || fail "server did not start: $(cat "$work/server.log")"
url="http://127.0.0.1:$(cat "$work/port")"
token_of() { grep "\"$1\"" "$work/data/demo-tokens.json" | sed -E 's/.*"token" *: *"([^"]+)".*/\1/'; }
desk=$(token_of balie-noord-1)
lead=$(token_of teamleider-noord)
author=$(token_of redacteur)
other_desk=$(token_of balie-zuid-1)
cli() { "$bin/souffleur" "$@" --server "$url"; }

if [ -z "${DISPLAY:-}" ]; then
  Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
  export DISPLAY=":$(cat "$work/display")"
fi

step "1. a desk works through the identity check and writes in the logbook"
cat >"$work/desk.script" <<SCRIPT
wait-guide $guide_id 60
open $guide_id
wait-loaded
expect-step gezicht
choose 2
expect-step controlevragen
choose 1
expect-step echtheid
choose 1
expect-step geldigheid
choose 1
expect-step brp
choose 1
expect-step afronden
next
expect-finished
logbook e2e: drie keer een look-alike vermoed, steeds opgelost met controlevragen
wait-synced 60
expect-logbook e2e: drie keer een look-alike vermoed
quit
SCRIPT
"$bin/souffleur-overlay-test" --server "$url" --token "$desk" --data "$work/desk" \
  --test-script "$work/desk.script" >"$work/desk.log" 2>&1 ||
  { cat "$work/desk.log" >&2; fail "the desk did not work through the guide"; }
grep -q "script: quit" "$work/desk.log" || fail "the desk script did not run to the end"
cli logbook --token "$lead" | tee "$work/logbook.txt"
grep -q "e2e: drie keer een look-alike vermoed" "$work/logbook.txt" ||
  fail "the logbook entry did not reach the team"

step "2. the team lead runs the AAR in the studio"
SOUFFLEUR_E2E_SERVER="$url" SOUFFLEUR_E2E_TOKEN="$lead" SOUFFLEUR_STUDIO_NO_KEYRING=1 \
  "$tests/studio_gui_tests" aarMeetingOnServer >"$work/studio.log" 2>&1 ||
  { cat "$work/studio.log" >&2; fail "the team lead could not run the AAR"; }
aar=$(sed -nE 's/^e2e: aar (aar-[0-9a-f]+)$/\1/p' "$work/studio.log")
[ -n "$aar" ] || fail "no AAR: $(cat "$work/studio.log")"
step "   AAR $aar closed"

step "3. the author sees the action in the guide's inbox, and plans it"
cli feedback --token "$author" --guide "$guide_id" | tee "$work/inbox.txt"
grep -q "^\[new\] $guide_id/controlevragen .* action: e2e: voorbeeldvragen toevoegen.*{Balie Noord}" \
  "$work/inbox.txt" ||
  fail "the action is not in the guide's inbox"
cli feedback-status --token "$author" "action-$aar-0" planned | tee "$work/planned.txt"
grep -q "planned" "$work/planned.txt" || fail "the action could not be planned"

step "4. the report, with what the editors did; the lesson for the other teams"
cli aar-report --token "$lead" --aar "$aar" --format html --out "$work/aar.html" >/dev/null
grep -q "gepland door de redactie" "$work/aar.html" || fail "the report lacks the editors' answer"
grep -q "Voorbeeldvragen in de gids; oefenen in het werkoverleg." "$work/aar.html" ||
  fail "the report lacks the four answers"
grep -q "<svg" "$work/aar.html" || fail "the report has no charts"
if grep -Eq "<script|src=|href=\"http" "$work/aar.html"; then
  fail "the report is not self-contained"
fi
curl -sf -H "Authorization: Bearer $other_desk" "$url/api/v1/lessons" >"$work/lessons.json"
grep -q "Concrete vragen helpen meer dan een waarschuwing." "$work/lessons.json" ||
  fail "the lesson did not reach the other teams"
# And never another team's evidence for a team lead.
code=$(curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $lead" \
  "$url/api/v1/evidence?guide=$guide_id&team=Balie%20Zuid")
[ "$code" = 403 ] || fail "a team lead read another team's evidence ($code)"
if [ -n "${SOUFFLEUR_SHOTS:-}" ]; then cp "$work/aar.html" "$SOUFFLEUR_SHOTS/"; fi
step "passed"
