#!/usr/bin/env bash
# xAPI to a real LRS on loopback (docs/xapi.md): Learning Locker's
# xapi-statements in memory (npm, test tooling only) behind a front that
# checks the credentials and the version header (lrs.mjs). A real server
# with a tenant whose admin turned xAPI on; desks record sessions and
# feedback, a team lead closes an AAR; the LRS goes down for a while and
# comes back; a statement it refuses is parked, not retried. Every statement
# arrives once and passes the conformance checks (check.mjs).
#   run.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$1"
here="$2/tests/xapi"
work=$(mktemp -d /tmp/souffleur-xapi.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "xapi: $*" >&2; [ -f "$work/server.log" ] && tail -20 "$work/server.log" >&2; exit 1; }

if [ ! -d "$here/node_modules/xapi-statements" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
wait_file() { for _ in $(seq 1 300); do [ -s "$1" ] && return 0; sleep 0.1; done; fail "no $1"; }

# The LRS, and its front on a port of its own.
node "$here/lrs.mjs" backend "$work/backend.port" & pids+=($!)
wait_file "$work/backend.port"
backend=$(cat "$work/backend.port")
start_front() {
  rm -f "$work/front.port"
  node "$here/lrs.mjs" front "$backend" "${1:-0}" souffleur-key geheim "$work/front.port" \
    "$work/front.log" & front_pid=$!
  pids+=("$front_pid")
  wait_file "$work/front.port"
}
start_front
front=$(cat "$work/front.port")

# A municipality with a team of two desks and a team lead; xAPI on.
admin() { "$bin/souffleur-server" admin --data "$work/data" "$@"; }
admin tenant add "Gemeente Proef" >/dev/null
admin team add --tenant "Gemeente Proef" "Balie Noord" >/dev/null
for name in desk-1 desk-2; do
  admin account add --tenant "Gemeente Proef" --role desk --team "Balie Noord" $name >/dev/null
done
admin account add --tenant "Gemeente Proef" --role team_lead --team "Balie Noord" leider >/dev/null
admin account add --tenant "Gemeente Proef" --role reviewer kwaliteit >/dev/null
token() { admin token issue --tenant "Gemeente Proef" --account "$1" | tail -1; }
desk1=$(token desk-1); desk2=$(token desk-2); lead=$(token leider); reviewer=$(token kwaliteit)
admin xapi set --tenant "Gemeente Proef" --endpoint "http://127.0.0.1:$front/xAPI" \
  --key souffleur-key --secret wrong >/dev/null
admin xapi set --tenant "Gemeente Proef" --endpoint "http://127.0.0.1:$front/xAPI/" \
  --key souffleur-key --secret geheim --home-page https://www.proef.example >/dev/null
if admin xapi set --tenant "Gemeente Proef" --endpoint "ftp://lrs" --key k --secret s 2>/dev/null; then
  fail "an ftp endpoint was accepted"
fi
# A statement the LRS refuses (no verb, no object): parked, never retried.
sqlite3 "$work/data/souffleur.sqlite" "INSERT INTO xapi_queue (tenant_id, statement_id, statement,
  next_at, created_at) VALUES (1, 'bad', '{\"actor\": 1}', '2000-01-01', '2000-01-01')"

"$bin/souffleur-server" --data "$work/data" --listen 127.0.0.1:0 --port-file "$work/port" \
  --xapi-retry-max 2 2>"$work/server.log" & pids+=($!)
wait_file "$work/port"
url="http://127.0.0.1:$(cat "$work/port")"
curl -sf -X POST -H "Authorization: Bearer $reviewer" -H "Content-Type: application/xml" \
  --data-binary @"$2/content/library/identiteit-vaststellen.xml" "$url/api/v1/guides" >/dev/null

# The desks' clock: a resend is the same records.
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# A session: started, a step done, a decision, an escalation, finished; and
# feedback. Six statements (a step shown is not one).
records() { # DESK-SESSION BATCH
  cat <<JSON
{"client": "c", "batch": $2, "protocol": 2, "records": [
 {"type": "event", "id": "$1-1", "session": "$1", "guide": "nl.burgerzaken.identiteit-vaststellen", "revision": 1, "event": "started", "step": "gezicht", "at": "$now"},
 {"type": "event", "id": "$1-2", "session": "$1", "guide": "nl.burgerzaken.identiteit-vaststellen", "revision": 1, "event": "step_shown", "step": "gezicht", "at": "$now"},
 {"type": "event", "id": "$1-3", "session": "$1", "guide": "nl.burgerzaken.identiteit-vaststellen", "revision": 1, "event": "decision", "step": "gezicht", "option": "controlevragen", "duration_ms": 12500, "at": "$now"},
 {"type": "event", "id": "$1-4", "session": "$1", "guide": "nl.burgerzaken.identiteit-vaststellen", "revision": 1, "event": "step_done", "step": "controlevragen", "duration_ms": 40100, "at": "$now"},
 {"type": "event", "id": "$1-5", "session": "$1", "guide": "nl.burgerzaken.identiteit-vaststellen", "revision": 1, "event": "escalated", "step": "controlevragen", "at": "$now"},
 {"type": "event", "id": "$1-6", "session": "$1", "guide": "nl.burgerzaken.identiteit-vaststellen", "revision": 1, "event": "finished", "step": "escalatie", "at": "$now"},
 {"type": "feedback", "id": "$1-f", "guide": "nl.burgerzaken.identiteit-vaststellen", "revision": 1, "step": "controlevragen", "kind": "unclear", "text": "Welke vragen precies?"}]}
JSON
}
post_records() { curl -sf -X POST -H "Authorization: Bearer $1" -H "Content-Type: application/json" \
  --data-binary "$(records "$2" "$3")" "$url/api/v1/records" >/dev/null; }
post_records "$desk1" s1 1
node "$here/check.mjs" "$backend" 6 30 "$work/front.log" || fail "the first session did not arrive"
# Sent again (a desk's retry with a new batch number): the same statements, none twice.
post_records "$desk1" s1 2
sleep 5
node "$here/check.mjs" "$backend" 6 0 || fail "a resend made new statements"

# The LRS goes down; the desks go on; the statements wait in the queue.
kill "$front_pid"; wait "$front_pid" 2>/dev/null || true
post_records "$desk2" s2 1
aar=$(curl -sf -X POST -H "Authorization: Bearer $lead" -H "Content-Type: application/json" \
  --data '{"title": "Escalaties bij het gezicht", "guides": ["nl.burgerzaken.identiteit-vaststellen"]}' \
  "$url/api/v1/aars" | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -sf -X PUT -H "Authorization: Bearer $lead" -H "Content-Type: application/json" \
  --data '{"happened": "Meer escalaties", "state": "final"}' "$url/api/v1/aars/$aar" >/dev/null
sleep 6
admin xapi show --tenant "Gemeente Proef" | tee "$work/show.txt"
grep -q "queue: 7 queued, 1 parked" "$work/show.txt" || fail "the queue does not hold the 7 waiting statements"
# Back on the same address: everything arrives, once.
start_front "$front"
node "$here/check.mjs" "$backend" 13 60 "$work/front.log" || fail "not everything arrived after the outage"
sleep 3
node "$here/check.mjs" "$backend" 13 0 || fail "a statement arrived twice"
admin xapi show --tenant "Gemeente Proef" | tee "$work/show.txt"
grep -q "queue: 0 queued, 1 parked" "$work/show.txt" || fail "the refused statement is not parked"
grep -q '"msg":"xapi statement refused by the LRS and parked"' "$work/server.log" ||
  fail "the parked statement was not logged"
# Off: nothing more is queued.
admin xapi off --tenant "Gemeente Proef" >/dev/null
post_records "$desk2" s3 2
admin xapi show --tenant "Gemeente Proef" | grep -q "queue: 0 queued, 1 parked" ||
  fail "statements were queued with xAPI off"
echo "xapi: 13 statements delivered once through an outage; 1 parked"
