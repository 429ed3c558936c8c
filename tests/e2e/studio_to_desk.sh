#!/usr/bin/env bash
# End to end, with the real binaries on loopback: an author edits the first
# step of a published demo guide in Souffleur Studio (driven by the studio's
# GUI test, under Xvfb), sees it in the desk's preview, saves and submits it
# with a change note; a reviewer approves it with the CLI; a desk overlay
# that starts afterwards receives it and shows the edited step.
#   studio_to_desk.sh BIN_DIR TEST_DIR
set -euo pipefail
bin="$1"
tests="$2"
work=$(mktemp -d /tmp/souffleur-studio-e2e.XXXXXX)
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

step "1. the server with the demo library"
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

if [ -z "${DISPLAY:-}" ]; then
  Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
  export DISPLAY=":$(cat "$work/display")"
fi

step "2. the author edits step 1 in the studio, saves and submits"
SOUFFLEUR_E2E_SERVER="$url" SOUFFLEUR_E2E_TOKEN="$author" SOUFFLEUR_STUDIO_NO_KEYRING=1 \
  "$tests/studio_gui_tests" editAndSubmitOnServer >"$work/studio.log" 2>&1 ||
  { cat "$work/studio.log" >&2; fail "the studio did not save and submit"; }
revision=$(sed -nE 's/^e2e: submitted revision ([0-9]+)$/\1/p' "$work/studio.log")
[ -n "$revision" ] || fail "no submitted revision: $(cat "$work/studio.log")"
step "   submitted revision $revision"

step "3. the reviewer approves it"
"$bin/souffleur" approve --server "$url" --token "$reviewer" "$guide_id" "$revision" |
  tee "$work/approve.out"
grep -q "revision $revision: published" "$work/approve.out" || fail "the approval did not publish"

step "4. a desk receives it and shows the edited step"
cat >"$work/desk.script" <<SCRIPT
wait-guide $guide_id 60
open $guide_id
wait-loaded
expect-step gezicht
expect-page has Bewerkt in de studio.
quit
SCRIPT
"$bin/souffleur-overlay-test" --server "$url" --token "$desk" --data "$work/desk" \
  --test-script "$work/desk.script" >"$work/overlay.log" 2>&1 ||
  { cat "$work/overlay.log" >&2; fail "the desk did not show the edit"; }
grep -q "script: quit" "$work/overlay.log" || fail "the desk script did not run to the end"
step "passed"
