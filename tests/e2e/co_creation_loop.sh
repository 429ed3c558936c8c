#!/usr/bin/env bash
# The co-creation loop end to end, with the real binaries on loopback:
#   1. a desk sends a tip with a suggested wording on step "gezicht";
#   2. the author applies the suggestion in Souffleur Studio (its inbox beside
#      the step, one click, driven by the studio's GUI test under Xvfb),
#      saves and submits;
#   3. a reviewer comments on the step; the author gets the notice, answers
#      and resolves the thread;
#   4. the reviewer approves: the feedback is "applied in revision N";
#   5. the same desk shows, once, what changed ("Stap 1 gewijzigd.") and
#      "Uw tip is verwerkt" with the tip, and the new wording on the step.
#   co_creation_loop.sh BIN_DIR TEST_DIR
set -euo pipefail
bin="$1"
tests="$2"
work=$(mktemp -d /tmp/souffleur-loop-e2e.XXXXXX)
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
suggestion="Vergelijk het gezicht met de foto in het document: kijk naar ogen, neus en oren."

step "the server with the demo library"
mkdir -p "$work/data"
"$bin/souffleur-server" --demo --data "$work/data" --listen 127.0.0.1:0 \
  --port-file "$work/port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || fail "server did not start: $(cat "$work/server.log")"
url="http://127.0.0.1:$(cat "$work/port")"
token_of() { grep "\"$1\"" "$work/data/demo-tokens.json" | sed -E 's/.*"token" *: *"([^"]+)".*/\1/'; }
desk=$(token_of balie-noord-1)
author=$(token_of redacteur)
reviewer=$(token_of kwaliteit)
cli() { "$bin/souffleur" "$@" --server "$url"; }
published=$(cli revisions "$guide_id" --token "$author" |
  sed -nE 's/^revision ([0-9]+): published.*/\1/p' | head -1)
[ -n "$published" ] || fail "the demo guide is not published"

if [ -z "${DISPLAY:-}" ]; then
  Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
  export DISPLAY=":$(cat "$work/display")"
fi

step "1. the desk sends a tip with a suggested wording"
cat >"$work/send.script" <<SCRIPT
wait-guide $guide_id 60
open $guide_id
wait-loaded
expect-step gezicht
feedback tip Medewerkers vergeten de oren | $suggestion
wait-synced 60
quit
SCRIPT
"$bin/souffleur-overlay-test" --server "$url" --token "$desk" --data "$work/desk" \
  --test-script "$work/send.script" >"$work/send.log" 2>&1 ||
  { cat "$work/send.log" >&2; fail "the desk did not send its tip"; }
cli feedback --token "$author" --guide "$guide_id" | tee "$work/feedback.txt"
grep -q "^\[new\] $guide_id/gezicht .*suggested: $suggestion" "$work/feedback.txt" ||
  fail "the tip did not reach the authors' inbox"
cli notices --token "$author" >"$work/notices-1.txt"

step "2. the author applies it in the studio, saves and submits"
SOUFFLEUR_E2E_SERVER="$url" SOUFFLEUR_E2E_TOKEN="$author" SOUFFLEUR_STUDIO_NO_KEYRING=1 \
  "$tests/studio_gui_tests" applySuggestionAndSubmitOnServer >"$work/studio.log" 2>&1 ||
  { cat "$work/studio.log" >&2; fail "the studio did not apply, save and submit"; }
revision=$(sed -nE 's/^e2e: submitted revision ([0-9]+)$/\1/p' "$work/studio.log")
[ -n "$revision" ] || fail "no submitted revision: $(cat "$work/studio.log")"
step "   submitted revision $revision"
cli feedback --token "$author" --guide "$guide_id" --status planned | tee "$work/planned.txt"
grep -q "^\[planned\] $guide_id/gezicht" "$work/planned.txt" || fail "the tip is not planned"

step "3. the reviewer comments; the author is told, answers and resolves"
cli comment --token "$reviewer" "$guide_id" "$revision" --step gezicht --field glance \
  "Mooi. Kan het korter?" | tee "$work/comment.txt"
thread=$(sed -nE 's/^commented #([0-9]+).*/\1/p' "$work/comment.txt")
[ -n "$thread" ] || fail "the comment was not placed"
cli notices --token "$author" | tee "$work/notices-2.txt"
grep -q "^\[comment\] $guide_id r$revision/gezicht by kwaliteit: Mooi. Kan het korter?" \
  "$work/notices-2.txt" || fail "the author got no notice of the comment"
cli comment --token "$author" "$guide_id" "$revision" --reply-to "$thread" \
  "Zo blijft het duidelijk voor nieuwe collega's." >/dev/null
"$bin/souffleur" resolve --server "$url" --token "$reviewer" "$thread" 2>"$work/resolve.err" &&
  fail "the reviewer resolved the author's thread"
cli resolve --token "$author" "$thread" | tee "$work/resolve.txt"
grep -q "resolved by redacteur" "$work/resolve.txt" || fail "the thread is not resolved"

step "4. the reviewer approves: the tip is applied in revision $revision"
"$bin/souffleur" approve --server "$url" --token "$author" "$guide_id" "$revision" \
  2>"$work/own.err" && fail "the author published their own revision"
cli approve --token "$reviewer" "$guide_id" "$revision" | tee "$work/approve.txt"
grep -q "revision $revision: published" "$work/approve.txt" || fail "not published"
cli feedback --token "$author" --guide "$guide_id" --status applied | tee "$work/applied.txt"
grep -q "^\[applied\] $guide_id/gezicht" "$work/applied.txt" || fail "the tip is not applied"

step "5. the desk shows what changed and that the tip was applied, once"
cat >"$work/show.script" <<SCRIPT
wait-revision $guide_id $revision 60
open $guide_id
wait-loaded
expect-step gezicht
expect-page has Nieuw in deze versie
expect-page has Stap 1 gewijzigd. Tip van de balie verwerkt.
expect-page has Uw tip is verwerkt
expect-page has $suggestion
screenshot $work/desk-changed.png
abandon
open $guide_id
wait-loaded
expect-page lacks Uw tip is verwerkt
expect-page lacks Nieuw in deze versie
quit
SCRIPT
"$bin/souffleur-overlay-test" --server "$url" --token "$desk" --data "$work/desk" \
  --test-script "$work/show.script" >"$work/show.log" 2>&1 ||
  { cat "$work/show.log" >&2; fail "the desk did not show what changed"; }
grep -q "script: quit" "$work/show.log" || fail "the desk script did not run to the end"
if [ -n "${SOUFFLEUR_SHOTS:-}" ]; then cp "$work/desk-changed.png" "$SOUFFLEUR_SHOTS/"; fi
step "passed"
