#!/usr/bin/env bash
# Crash-safety soak: runs the crash test (tests/server/crash_test.cpp, tag
# [crash]) for many more rounds than the test suite does. Each round starts the
# real souffleur-server on the same data directory, lets 4 desk clients stream
# record batches and kills the server with SIGKILL at a random moment; then,
# with the server dead, every acknowledged record must be stored exactly once,
# nothing unsent may be stored, a batch in flight all or not at all, and
# PRAGMA integrity_check must say ok. A last clean start drains every
# unacknowledged batch, after which the store must hold exactly what was sent.
#
# Builds nothing: expects BUILD_DIR/tests/crash_tests and BUILD_DIR/bin/souffleur-server
# (cmake --preset dev && cmake --build build -j1 --target crash_tests).
# Everything listens on 127.0.0.1 only; data lives under $TMPDIR (default /tmp)
# and is removed after a passing run, kept (path in the output) after a failing one.
#
#   bench/crash_soak.sh [BUILD_DIR]          (default: build)
#
# Environment:
#   SOUFFLEUR_CRASH_ROUNDS  rounds per run (default 100; the test suite runs 20)
#   SOUFFLEUR_CRASH_RUNS    runs, each with a fresh data directory and seed (default 1)
#   SOUFFLEUR_CRASH_SEED    repeat a run's kill delays and batch sizes (default: random)
# Prints every round and one total line; exits non-zero at the first failing run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
binary=$build/tests/crash_tests
rounds=${SOUFFLEUR_CRASH_ROUNDS:-100}
runs=${SOUFFLEUR_CRASH_RUNS:-1}

for value in "$rounds" "$runs"; do
  case "$value" in
    '' | *[!0-9]* | 0) echo "crash_soak: rounds and runs must be positive numbers" >&2; exit 2 ;;
  esac
done
if [ ! -x "$binary" ] || [ ! -x "$build/bin/souffleur-server" ]; then
  echo "crash_soak: no $binary or $build/bin/souffleur-server;" \
    "build them: cmake --build $build -j1 --target crash_tests" >&2
  exit 2
fi

output=$(mktemp "${TMPDIR:-/tmp}/souffleur-crash-soak.XXXXXX")
trap 'rm -f "$output"' EXIT

total_rounds=0
total_acked=0
total_resent=0
total_committed=0
total_records=0
started=$SECONDS
for run in $(seq "$runs"); do
  echo "crash_soak: run $run/$runs, $rounds rounds"
  if ! SOUFFLEUR_CRASH_ROUNDS=$rounds "$binary" '[crash]' 2>&1 | tee "$output"; then
    echo "crash_soak: FAILED in run $run/$runs (seed and data directory above)" >&2
    exit 1
  fi
  # "crash test: seed S, rounds R, acknowledged A records before the kills, B batches
  #  resent after a restart, C of them already committed, N records sent and stored once, T s"
  summary=$(grep '^crash test: seed ' "$output" | tail -n 1) ||
    { echo "crash_soak: no summary line from $binary" >&2; exit 1; }
  numbers='.*rounds ([0-9]+), acknowledged ([0-9]+) .*, ([0-9]+) batches resent'
  numbers+='.*, ([0-9]+) of them .*, ([0-9]+) records sent.*'
  read -r r a b c n < <(sed -E "s/$numbers/\1 \2 \3 \4 \5/" <<<"$summary")
  total_rounds=$((total_rounds + r))
  total_acked=$((total_acked + a))
  total_resent=$((total_resent + b))
  total_committed=$((total_committed + c))
  total_records=$((total_records + n))
done

echo "crash_soak: PASSED $runs run(s), $total_rounds SIGKILL rounds," \
  "$total_acked records acknowledged before the kills," \
  "$total_resent batches resent after a restart ($total_committed already committed: a no-op)," \
  "$total_records records sent and stored exactly once, $((SECONDS - started)) s"
