#!/usr/bin/env bash
# The overlay benchmark (issue 6): souffleur-overlay against the bare
# QWebEngineView app built in the same tree (souffleur-bare-view), in the same
# run, on an Xvfb screen of 1366x768 of its own, with souffleur-server (demo
# data, the library's guides) on 127.0.0.1. Both show the same step pages and
# both count a page as painted when, after it is in place, an animation frame
# and then a task have run (overlay/gui/bench_probe.h, bench/overlay/bare_view.cpp).
#
#   step     an in-place step change (Next or a decision's first option, then
#            Back) / the bare app's full load of the other page (setHtml)
#   toggle   the panel summoned while a step is open (the slot of the global
#            hotkey and --toggle) / the bare app's window shown again
#   open     a deep link (`--open ID`, as received) with the panel hidden and
#            no guide open, two guides by turns / the bare app's full load
#   search   a guide's name typed into the panel's search field a letter at a
#            time (a search per letter), then Enter: the first guide listed
#            painted; five names by turns (the overlay only)
#   alerts   from the start of publishing an alert on the server (curl, an
#            author's token) to the step it is attached to painted anew at
#            the desk, which then reads it (the banner's button); three alerts
#            by turns, each time a new revision (the overlay only)
#   --open ID  end to end: from the start of `souffleur-overlay --open ID` (a
#            second process that passes the link to the running panel) to the
#            guide painted in the panel (hidden before, no guide open); and the
#            hand-over command's own wall time
#   cold     process start to the first guide painted: `souffleur-overlay
#            --open ID` with a synced desk / the bare app's first page; runs
#            alternate, medians compared
#   memory   PSS of the process and all its children (Chromium's), a guide
#            open: just shown (3 s after), after the timed rounds, and (the
#            overlay) 5 s after it was hidden, when it returns freed heap
#   idle CPU the window hidden, user+system time of all processes over
#            IDLE_SECONDS, as a share of one core
#
# The panel is the test panel (souffleur-overlay-test in front of
# souffleur-overlay-panel-test: the shipped panel plus its test script, which
# the probe needs), built with the same optimisation as a release.
# The overlay's heavy use before the memory "after the timed rounds": ROUNDS
# each of step, toggle, open and search, ALERTS alerts and HANDOVERS --open
# commands; the bare app's: ROUNDS full loads and ROUNDS toggles.
# Builds nothing: expects build-bench/bin/{souffleur-server,souffleur-overlay-test,
# souffleur-bare-view} (cmake --preset bench && cmake --build --preset bench).
#   bench/overlay/run.sh [--rounds 200] [--alerts 40] [--handovers 40] [--cold 10]
#                        [--idle-seconds 30] [--logs DIR]
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/build-bench/bin
rounds=200
alerts=40
handovers=40
cold=10
idle_seconds=30
logs=
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2 ;;
    --alerts) alerts=$2 ;;
    --cold) cold=$2 ;;
    --handovers) handovers=$2 ;;
    --idle-seconds) idle_seconds=$2 ;;
    --logs) logs=$2 ;;
    -h|--help) sed -n '2,43p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
for program in souffleur-server souffleur-overlay-test souffleur-bare-view; do
  if [ ! -x "$bin/$program" ]; then
    echo "run.sh: $bin/$program is missing; build the bench preset first:" >&2
    echo "  cmake --preset bench && cmake --build --preset bench" >&2
    exit 1
  fi
done

work=$(mktemp -d /tmp/souffleur-overlay-bench.XXXXXX)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$logs" ]; then mkdir -p "$logs" && cp -r "$work"/. "$logs"/; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "run.sh: $*" >&2; exit 1; }
say() { echo "run.sh: $*" >&2; }

if [ "$(id -u)" = 0 ]; then
  export QTWEBENGINE_DISABLE_SANDBOX=1 # both apps alike; tests and benchmarks only
fi

Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
export DISPLAY=":$(cat "$work/display")"

"$bin/souffleur-server" --demo --data "$work/server" --listen 127.0.0.1:0 \
  --port-file "$work/port" >"$work/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || fail "the server did not start: $(cat "$work/server.log")"
url="http://127.0.0.1:$(cat "$work/port")"
token=$(grep '"balie-noord-1"' "$work/server/demo-tokens.json" |
  sed -E 's/.*"token" *: *"([^"]+)".*/\1/')
[ -n "$token" ] || fail "no demo desk token"
author=$(grep '"redacteur"' "$work/server/demo-tokens.json" |
  sed -E 's/.*"token" *: *"([^"]+)".*/\1/')
[ -n "$author" ] || fail "no demo author token"
guide=nl.burgerzaken.identiteit-vaststellen
other=nl.burgerzaken.reisdocument-aanvragen
export SOUFFLEUR_TOKEN=$token # not on the command line, which the PSS listing shows
overlay=("$bin/souffleur-overlay-test" --server "$url" --data "$work/desk")

# Every process of the tree under PID (Chromium's zygote, renderer, GPU and
# utility processes are the overlay's children and grandchildren).
tree() {
  awk -v root="$1" '
    FNR == 1 { line = $0; sub(/^[0-9]+ \(.*\) /, "", line); split(line, f, " ");
               parent[FILENAME] = f[2] }
    END {
      for (file in parent) { split(file, p, "/"); ppid[p[3]] = parent[file] }
      keep[root] = 1; changed = 1
      while (changed) { changed = 0
        for (pid in ppid) if (!(pid in keep) && (ppid[pid] in keep)) { keep[pid] = 1; changed = 1 } }
      for (pid in keep) print pid
    }' /proc/[0-9]*/stat 2>/dev/null
}
# PSS of the tree in KiB; each process's goes to FILE as "PSS_KIB COMMAND".
pss_kib() {
  local total=0 pid value
  for pid in $(tree "$1"); do
    value=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
    total=$((total + ${value:-0}))
    echo "${value:-0} $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-120)" >>"$2"
  done
  echo "$total"
}
# User + system clock ticks of the tree.
cpu_ticks() {
  local total=0 pid value
  for pid in $(tree "$1"); do
    value=$(awk '{ line = $0; sub(/^[0-9]+ \(.*\) /, "", line); split(line, f, " ");
                   print f[12] + f[13] }' "/proc/$pid/stat" 2>/dev/null || true)
    total=$((total + ${value:-0}))
  done
  echo "$total"
}
# Waits until FILE has a line matching PATTERN (SECONDS at most).
wait_for_line() {
  local file=$1 pattern=$2 seconds=$3
  for _ in $(seq $((seconds * 10))); do
    grep -q -- "$pattern" "$file" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "no \"$pattern\" in $file within $seconds s: $(tail -5 "$file")"
}
now_us() { echo "${EPOCHREALTIME/./}"; }
# The "bench: KIND n=.. p50=.. p95=.." line's field (p50, p95, ...) of FILE.
field() { grep -E "^(bench|bare): $2 " "$1" | sed -E "s/.* $3=([0-9.]+).*/\1/"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

say "1. the desk syncs; the two step pages are saved for the bare app"
cat >"$work/prepare.script" <<SCRIPT
wait-guide $guide 60
wait-guide $other 60
open $guide
wait-loaded
save-page $work/step1.html
choose 1
wait-loaded
save-page $work/step2.html
quit
SCRIPT
"${overlay[@]}" --test-script "$work/prepare.script" >"$work/prepare.log" 2>&1 ||
  fail "the desk did not prepare: $(tail -5 "$work/prepare.log")"
# The bare app gets the same pages without the desk's scripts (it has no
# souffleur:// scheme to serve them).
for page in step1 step2; do
  sed -E 's#<script src="souffleur://[^"]*" defer></script>##' "$work/$page.html" >"$work/bare-$page.html"
done

say "2. cold starts, $cold of each, by turns"
cat >"$work/cold.script" <<SCRIPT
print-shown 60
quit
SCRIPT
for i in $(seq "$cold"); do
  start=$(now_us)
  "$bin/souffleur-bare-view" "$work/bare-step1.html" >"$work/bare-cold.log" 2>&1 ||
    fail "the bare app failed: $(tail -5 "$work/bare-cold.log")"
  shown=$(sed -nE 's/^bare: shown-at-us ([0-9]+)$/\1/p' "$work/bare-cold.log")
  echo "$(((shown - start) / 1000))" >>"$work/bare-cold.ms"
  start=$(now_us)
  "${overlay[@]}" --open "$guide" --test-script "$work/cold.script" >"$work/overlay-cold.log" 2>&1 ||
    fail "the overlay failed: $(tail -5 "$work/overlay-cold.log")"
  shown=$(sed -nE 's/^bench: shown-at-us ([0-9]+)$/\1/p' "$work/overlay-cold.log")
  echo "$(((shown - start) / 1000))" >>"$work/overlay-cold.ms"
  # The abandoned session of this run goes out with the next.
done

say "3. the overlay, warm: $rounds rounds each of step, toggle, open and search, $alerts alerts; then memory and idle CPU"
cat >"$work/warm.script" <<SCRIPT
open $guide
wait-loaded
pause 6
bench steps $rounds
bench toggle $rounds
bench open $rounds $guide $other
bench search $rounds
abandon
open $guide
wait-loaded
bench alerts $alerts
bench external $handovers
wait-opened $other
pause 600
SCRIPT
"${overlay[@]}" --test-script "$work/warm.script" >"$work/overlay-warm.log" 2>&1 &
overlay_pid=$!
pids+=("$overlay_pid")
wait_for_line "$work/overlay-warm.log" "^script: pause 6" 120
sleep 3
overlay_fresh_pss=$(pss_kib "$overlay_pid" "$work/overlay-fresh-pss.txt")
wait_for_line "$work/overlay-warm.log" "^script: bench alerts" $((rounds * 4 + 120))
# Alerts, one at a time: published (a new revision of one of three, attached
# to the step on screen), then painted at the desk, which reads it.
alert_ms=()
today=$(date -u +%F)
for i in $(seq "$alerts"); do
  sleep 0.3 # the desk settles
  cat >"$work/alert.xml" <<ALERT
<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:x-souffleur:guide:1" id="nl.alert.bench-$(((i - 1) % 3 + 1))" revision="$(((i - 1) / 3 + 1))" xml:lang="nl" level="warning">
  <title>Benchmark: melding $i</title>
  <body>Een melding van de benchmark, nummer $i, bij de stap die open staat.</body>
  <valid from="$today"/>
  <attach guide="$guide" step="gezicht"/>
</alert>
ALERT
  start=$(now_us)
  curl -sf -o /dev/null -H "Authorization: Bearer $author" --data-binary "@$work/alert.xml" \
    "$url/api/v1/alerts" || fail "alert $i was not published"
  for _ in $(seq 250); do
    [ "$(grep -c '^bench: alert-painted-at-us' "$work/overlay-warm.log")" -ge "$i" ] && break
    sleep 0.02
  done
  painted=$(grep '^bench: alert-painted-at-us' "$work/overlay-warm.log" | sed -n "${i}p" | cut -d' ' -f3)
  [ -n "$painted" ] || fail "alert $i: nothing painted within 5 s"
  alert_ms+=($(((painted - start) / 1000)))
done
wait_for_line "$work/overlay-warm.log" "^script: bench external" 60
# End to end: from the start of `souffleur-overlay --open ID` (a second
# process that passes the link to the running panel and exits) to the guide
# painted in the panel, which was hidden with no guide open.
external=()
for i in $(seq "$handovers"); do
  target=$guide
  [ $((i % 2)) = 0 ] && target=$other
  sleep 0.5 # the panel settles: hidden, no guide open
  start=$(now_us)
  "${overlay[@]}" --open "$target" >>"$work/handover.log" 2>&1 || fail "the hand-over failed"
  for _ in $(seq 250); do
    [ "$(grep -c '^bench: painted-at-us' "$work/overlay-warm.log")" -ge "$i" ] && break
    sleep 0.02
  done
  painted=$(grep '^bench: painted-at-us' "$work/overlay-warm.log" | sed -n "${i}p" | cut -d' ' -f3)
  [ -n "$painted" ] || fail "hand-over $i: nothing painted within 5 s"
  external+=($(((painted - start) / 1000)))
done
wait_for_line "$work/overlay-warm.log" "^script: pause 600" 60
# The hand-over alone: the command's wall time (a guide is open now, so the
# panel only notes the link for after this task).
handover=()
for i in $(seq 10); do
  target=$guide
  [ $((i % 2)) = 0 ] && target=$other
  start=$(now_us)
  "${overlay[@]}" --open "$target" >>"$work/handover.log" 2>&1 || fail "the hand-over failed"
  handover+=($((($(now_us) - start) / 1000)))
done
sleep 3
overlay_pss=$(pss_kib "$overlay_pid" "$work/overlay-pss.txt")
"${overlay[@]}" --toggle >>"$work/handover.log" 2>&1 || fail "--toggle failed"
sleep 5
overlay_hidden_pss=$(pss_kib "$overlay_pid" "$work/overlay-hidden-pss.txt")
ticks=$(cpu_ticks "$overlay_pid")
sleep "$idle_seconds"
overlay_idle_ticks=$(($(cpu_ticks "$overlay_pid") - ticks))
kill "$overlay_pid"
wait "$overlay_pid" 2>/dev/null || true

say "4. the bare app: memory; $rounds full loads and $rounds toggles, memory; idle CPU"
"$bin/souffleur-bare-view" --hold "$work/bare-step1.html" >"$work/bare-fresh.log" 2>&1 &
bare_pid=$!
pids+=("$bare_pid")
wait_for_line "$work/bare-fresh.log" "^bare: holding" 60
sleep 3
bare_fresh_pss=$(pss_kib "$bare_pid" "$work/bare-fresh-pss.txt")
kill "$bare_pid"
wait "$bare_pid" 2>/dev/null || true
"$bin/souffleur-bare-view" --loads "$rounds" --toggles "$rounds" --hold \
  "$work/bare-step1.html" "$work/bare-step2.html" >"$work/bare-warm.log" 2>&1 &
bare_pid=$!
pids+=("$bare_pid")
wait_for_line "$work/bare-warm.log" "^bare: holding" $((rounds * 3 + 120))
sleep 3
bare_pss=$(pss_kib "$bare_pid" "$work/bare-pss.txt")
kill "$bare_pid"
wait "$bare_pid" 2>/dev/null || true
"$bin/souffleur-bare-view" --hold --hide "$work/bare-step1.html" >"$work/bare-idle.log" 2>&1 &
bare_pid=$!
pids+=("$bare_pid")
wait_for_line "$work/bare-idle.log" "^bare: holding" 60
sleep 5
ticks=$(cpu_ticks "$bare_pid")
sleep "$idle_seconds"
bare_idle_ticks=$(($(cpu_ticks "$bare_pid") - ticks))
kill "$bare_pid"
wait "$bare_pid" 2>/dev/null || true

# The table: figure, souffleur-overlay, the bare app, their ratio, the target.
hz=$(getconf CLK_TCK)
o=$work/overlay-warm.log
b=$work/bare-warm.log
row() { # NAME OVERLAY BARE TARGET
  awk -v n="$1" -v o="$2" -v b="$3" -v t="$4" \
    'BEGIN { printf "| %s | %s | %s | %s | %s |\n", n, o, b, (b > 0 ? sprintf("%.2f", o / b) : "-"), t }'
}
cold_overlay=$(median <"$work/overlay-cold.ms")
cold_bare=$(median <"$work/bare-cold.ms")
pct() { sort -n | awk -v f="$1" '{ v[NR] = $1 } END { r = int(f * NR); if (r < f * NR) r++; if (r < 1) r = 1; print v[r] }'; }
external_p50=$(printf '%s\n' "${external[@]}" | pct 0.5)
external_p95=$(printf '%s\n' "${external[@]}" | pct 0.95)
alert_p50=$(printf '%s\n' "${alert_ms[@]}" | pct 0.5)
alert_p95=$(printf '%s\n' "${alert_ms[@]}" | pct 0.95)
handover_median=$(printf '%s\n' "${handover[@]}" | median)
handover_max=$(printf '%s\n' "${handover[@]}" | sort -n | tail -1)
cpu() { awk -v t="$1" -v hz="$hz" -v s="$idle_seconds" 'BEGIN { printf "%.3f", 100 * t / hz / s }'; }
echo
echo "Overlay benchmark: $rounds rounds, $alerts alerts, $handovers hand-overs, $cold cold starts, idle over $idle_seconds s; $(nproc) cores; $(date -u +%F)"
echo
echo "| figure | souffleur-overlay | bare QWebEngineView | ratio | target |"
echo "|---|---|---|---|---|"
row "step change to painted, p50 (ms)" "$(field "$o" steps p50)" "$(field "$b" loads p50)" ""
row "step change to painted, p95 (ms)" "$(field "$o" steps p95)" "$(field "$b" loads p95)" "<= 16 ms"
row "hotkey/--toggle to painted, p50 (ms)" "$(field "$o" toggle p50)" "$(field "$b" toggles p50)" ""
row "hotkey/--toggle to painted, p95 (ms)" "$(field "$o" toggle p95)" "$(field "$b" toggles p95)" "<= 50 ms"
row "--open received to painted, p50 (ms)" "$(field "$o" open p50)" "$(field "$b" loads p50)" ""
row "--open received to painted, p95 (ms)" "$(field "$o" open p95)" "$(field "$b" loads p95)" "<= 50 ms"
row "search typed (a search per letter) and Enter to painted, p50 (ms)" "$(field "$o" search p50)" "-" ""
row "search typed (a search per letter) and Enter to painted, p95 (ms)" "$(field "$o" search p95)" "-" ""
row "alert published to painted at the desk, p50 of $alerts (ms)" "$alert_p50" "-" ""
row "alert published to painted at the desk, p95 of $alerts (ms)" "$alert_p95" "-" ""
row "souffleur-overlay --open ID started to painted, p50 of $handovers (ms)" "$external_p50" "-" ""
row "souffleur-overlay --open ID started to painted, p95 of $handovers (ms)" "$external_p95" "-" "<= 50 ms"
row "the hand-over command alone, median of 10 (ms)" "$handover_median (max $handover_max)" "-" ""
row "cold start to first guide painted, median of $cold (ms)" "$cold_overlay" "$cold_bare" "<= 1.2x"
row "memory, PSS of all processes, guide just shown (MiB)" "$((overlay_fresh_pss / 1024))" "$((bare_fresh_pss / 1024))" "<= 1.1x"
row "memory, PSS of all processes, after the timed rounds (MiB)" "$((overlay_pss / 1024))" "$((bare_pss / 1024))" "<= 1.1x"
row "memory, the same, once the panel is hidden (MiB)" "$((overlay_hidden_pss / 1024))" "-" ""
row "idle CPU, window hidden (% of a core)" "$(cpu "$overlay_idle_ticks")" "$(cpu "$bare_idle_ticks")" "< 0.5 %"
echo
echo "Cold starts (ms), overlay: $(tr '\n' ' ' <"$work/overlay-cold.ms")"
echo "Cold starts (ms), bare:    $(tr '\n' ' ' <"$work/bare-cold.ms")"
echo "--open ID started to painted (ms): ${external[*]}"
echo "alert published to painted (ms): ${alert_ms[*]}"
grep -hE "^(bench|bare): [a-z]+ n=" "$o" "$b"
echo
for file in overlay-fresh bare-fresh overlay bare; do
  echo "PSS per process (KiB), $file:"
  sort -rn "$work/$file-pss.txt" | cut -c1-100
done
