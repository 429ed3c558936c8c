#!/usr/bin/env bash
# Runs every mode of souffleur_load against fresh servers and prints one table:
#   idle    souffleur-server and the bare Beast baseline server, N idle desks each,
#           connected, kept and closed twice
#   push    the same pair (fresh), N desks, K alerts each, the servers taking turns
#   ingest  souffleur-server (fresh), C desks posting batches of B events, taking
#           turns with raw SQLite inserts (WAL, synchronous=FULL) in the tool
#   auth    souffleur-server (fresh), 4 desks opening notify WebSockets, quietly
#           and then while C desks post batches: is authentication delayed
#           by the writes? (plain only; not in the default --modes)
# With --tls, souffleur-server gets a certificate for 127.0.0.1 from a fresh
# test authority (`souffleur_load certificates`, P-256) and the tool speaks
# HTTPS and WSS to it, checking the certificate; the bare Beast baseline server
# stays plain: it is the baseline, so its column is the same in both kinds of
# run and the TLS run's figures set against a plain run's show what TLS costs.
# Builds nothing: expects build-bench/bin/{souffleur-server,souffleur_load}
# (cmake --preset bench && cmake --build --preset bench -j1), or in
# $SOUFFLEUR_BENCH_BIN when set. Data lives in
# a temporary directory on the disk of $TMPDIR (not tmpfs: the commits must
# really reach the disk); servers and directory are removed on exit, failure
# or interrupt. Everything listens on 127.0.0.1 only.
#
#   bench/load/run.sh [--desks 10000] [--rounds 10] [--ingest-desks 100] [--batch 200]
#                     [--seconds 20] [--threads 2] [--runs 1]
#                     [--modes idle,push,ingest,auth]   (default idle,push,ingest)
#                     [--logs DIR]   (keep the servers' logs and the output there)
#                     [--tls]
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${SOUFFLEUR_BENCH_BIN:-$root/build-bench/bin}
desks=10000
rounds=10
ingest_desks=100
batch=200
seconds=20
threads=2
runs=1
modes=idle,push,ingest
logs=
tls=0

while [ $# -gt 0 ]; do
  case $1 in
    --desks) desks=$2 ;;
    --rounds) rounds=$2 ;;
    --ingest-desks) ingest_desks=$2 ;;
    --batch) batch=$2 ;;
    --seconds) seconds=$2 ;;
    --threads) threads=$2 ;;
    --runs) runs=$2 ;;
    --modes) modes=$2 ;;
    --logs) logs=$2 ;;
    --tls) tls=1; shift; continue ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

for program in souffleur-server souffleur_load; do
  if [ ! -x "$bin/$program" ]; then
    echo "run.sh: $bin/$program is missing; build the bench preset first:" >&2
    echo "  cmake --preset bench && cmake --build --preset bench -j1" >&2
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/souffleur-load.XXXXXX")
pids=()
status=0

stop_pid() { # PID NAME: SIGTERM, wait up to 30 s, then SIGKILL; prints the exit status
  local pid=$1 name=$2 code=0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "run.sh: $name (pid $pid) did not stop within 30 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || code=$?
  echo "  $name (pid $pid) stopped, exit status $code"
  return 0
}

# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
  local code=$?
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null && stop_pid "$pid" "process"
  done
  if [ -n "$logs" ]; then
    mkdir -p "$logs"
    find "$work" -name '*.log' -o -name 'output.txt' -o -name 'summary.txt' | while read -r f; do
      cp "$f" "$logs/$(echo "${f#"$work"/}" | tr '/' '_')"
    done
  fi
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ulimit -n "$(ulimit -Hn)"

wait_for_port() { # FILE PID NAME
  for _ in $(seq 300); do
    [ -s "$1" ] && { cat "$1"; return 0; }
    kill -0 "$2" 2>/dev/null || { echo "run.sh: $3 exited at start; its log:" >&2; cat "$4" >&2; return 1; }
    sleep 0.1
  done
  echo "run.sh: $3 wrote no port within 30 s" >&2
  return 1
}

# Every desk of the load comes from 127.0.0.1: lift the per-address caps.
server_caps=(--max-connections 20000 --max-connections-per-address 20000)
if "$bin/souffleur-server" --help | grep -q -- --max-requests-per-second; then
  server_caps+=(--max-requests-per-second 0)
fi

# TLS: one authority and server certificate for the whole run; the server
# gets them, the tool trusts the authority (for souffleur-server only).
server_tls=()
tool_tls=()
if [ "$tls" = 1 ]; then
  "$bin/souffleur_load" certificates --dir "$work/tls" --names 127.0.0.1 >/dev/null
  server_tls=(--tls-cert "$work/tls/server.pem" --tls-key "$work/tls/server-key.pem")
  tool_tls=(--ca-file "$work/tls/ca.pem")
fi

# start_server DIR -> SERVER_PID, SERVER_PORT
start_server() {
  local dir=$1
  mkdir -p "$dir/data" "$dir/library/alerts" # an empty library: no guides, no alerts
  "$bin/souffleur-server" --data "$dir/data" --demo --library "$dir/library" \
    --listen 127.0.0.1:0 --port-file "$dir/port" --threads "$threads" "${server_caps[@]}" \
    "${server_tls[@]}" 2>"$dir/server.log" &
  SERVER_PID=$!
  pids+=("$SERVER_PID")
  SERVER_PORT=$(wait_for_port "$dir/port" "$SERVER_PID" souffleur-server "$dir/server.log")
}

# start_baseline DIR -> BASELINE_PID, BASELINE_PORT
start_baseline() {
  local dir=$1
  mkdir -p "$dir"
  "$bin/souffleur_load" baseline-server --listen 127.0.0.1:0 --port-file "$dir/baseline-port" \
    --threads "$threads" 2>"$dir/baseline.log" &
  BASELINE_PID=$!
  pids+=("$BASELINE_PID")
  BASELINE_PORT=$(wait_for_port "$dir/baseline-port" "$BASELINE_PID" baseline-server "$dir/baseline.log")
}

# What the server logged besides its start and stop: one line per kind.
# run_tool OUTPUT ARGS...: souffleur_load in the background (so that a signal
# reaches this script at once, not when the tool is done), its output shown
# as it comes and kept in OUTPUT; returns the tool's exit status.
run_tool() {
  local output=$1 tool code=0
  shift
  : >"$output" # before the tail starts: the tool's redirection may come later
  "$bin/souffleur_load" "$@" >"$output" 2>&1 &
  tool=$!
  pids+=("$tool")
  tail -n +1 -f --pid="$tool" "$output" &
  pids+=("$!")
  wait "$tool" || code=$?
  wait "$!" || true # the tail, which ends within a second of the tool
  return "$code"
}

server_log_report() { # LOG
  local log=$1
  echo "  souffleur-server log: $(wc -l <"$log") lines"
  sed -E 's/"(ts|time|t)":"[^"]*",?//; s/[0-9]+/N/g' "$log" | sort | uniq -c | sort -rn | head -8 |
    sed 's/^/    /'
}

run_mode() { # RUN MODE
  local run=$1 mode=$2 dir="$work/run$1-$2" code=0
  mkdir -p "$dir"
  echo
  echo "=== run $run: $mode (load average $(cut -d' ' -f1-3 /proc/loadavg)) ==="
  case $mode in
    idle|push)
      start_server "$dir"
      start_baseline "$dir"
      echo "  souffleur-server pid $SERVER_PID port $SERVER_PORT; baseline pid $BASELINE_PID port $BASELINE_PORT"
      # Odd runs measure souffleur-server first, even runs the baseline first.
      local extra=(--baseline-first $(((run + 1) % 2)))
      [ "$mode" = push ] && extra+=(--rounds "$rounds")
      run_tool "$dir/output.txt" "$mode" --threads "$threads" --desks "$desks" \
        --server "127.0.0.1:$SERVER_PORT" --server-pid "$SERVER_PID" \
        --baseline "127.0.0.1:$BASELINE_PORT" --baseline-pid "$BASELINE_PID" \
        --tokens "$dir/data/demo-tokens.json" "${tool_tls[@]}" "${extra[@]}" ||
        code=$?
      stop_pid "$SERVER_PID" souffleur-server
      stop_pid "$BASELINE_PID" baseline-server
      ;;
    ingest)
      start_server "$dir"
      mkdir -p "$dir/sqlite"
      echo "  souffleur-server pid $SERVER_PID port $SERVER_PORT"
      run_tool "$dir/output.txt" ingest --threads "$threads" --desks "$ingest_desks" \
        --batch "$batch" --seconds "$seconds" --server "127.0.0.1:$SERVER_PORT" \
        --server-pid "$SERVER_PID" \
        --tokens "$dir/data/demo-tokens.json" --server-db "$dir/data/souffleur.sqlite" \
        --baseline-dir "$dir/sqlite" "${tool_tls[@]}" || code=$?
      stop_pid "$SERVER_PID" souffleur-server
      ;;
    auth)
      start_server "$dir"
      echo "  souffleur-server pid $SERVER_PID port $SERVER_PORT"
      run_tool "$dir/output.txt" auth --threads "$threads" --writers "$ingest_desks" \
        --batch "$batch" --seconds "$(( seconds < 6 ? seconds : 6 ))" \
        --server "127.0.0.1:$SERVER_PORT" --tokens "$dir/data/demo-tokens.json" || code=$?
      stop_pid "$SERVER_PID" souffleur-server
      ;;
    *) echo "run.sh: unknown mode $mode" >&2; return 2 ;;
  esac
  server_log_report "$dir/server.log"
  grep '^SUMMARY|' "$dir/output.txt" | sed "s/^SUMMARY|/$run|/" >>"$work/summary.txt" || true
  [ "$code" -eq 0 ] || { echo "  souffleur_load $mode exited with $code"; status=1; }
}

echo "souffleur load run: $(date -u +%FT%TZ), $(nproc) cores, $(uname -r)"
echo "  tree: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')" \
  "($(git -C "$root" status --porcelain 2>/dev/null | wc -l) files changed)"
echo "  souffleur-server ${server_caps[*]} --threads $threads"
if [ "$tls" = 1 ]; then
  echo "  transport: souffleur-server over TLS (HTTPS, WSS; P-256 test certificate for 127.0.0.1);" \
    "the baseline server over plain HTTP and WS"
else
  echo "  transport: plain HTTP and WS for both servers"
fi
echo "  data: $work on $(df -T "$work" | awk 'NR==2 {print $2 " (" $1 ")"}')"
echo "  desks $desks, rounds $rounds, ingest $ingest_desks desks x batches of $batch for ${seconds}s," \
  "threads $threads (servers and tool), runs $runs"
: >"$work/summary.txt"
for run in $(seq "$runs"); do
  for mode in ${modes//,/ }; do
    run_mode "$run" "$mode"
  done
done

echo
if [ "$tls" = 1 ]; then
  echo "=== summary (souffleur-server over TLS against its baseline over plain WS, measured in the same run) ==="
else
  echo "=== summary (souffleur-server against its baseline, measured in the same run; plain HTTP and WS) ==="
fi
{
  echo "run|figure|souffleur-server|baseline|ratio|target|verdict"
  cat "$work/summary.txt"
} | column -t -s '|' -o '  '
exit "$status"
