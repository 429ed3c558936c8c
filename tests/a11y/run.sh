#!/usr/bin/env bash
# Accessibility: renders every guide of the demo library (Dutch and English)
# with the real `souffleur render`, with the library's alerts in their steps,
# and the desk's own step pages (the first step, and every step with an
# alert); installs the test tooling from npm into tests/a11y/node_modules
# (axe-core and playwright-core, versions locked in package-lock.json; test
# tooling only, never part of the product), and runs axe-core in Debian's
# chromium on every page: no serious or critical violation may remain (axe.mjs).
#   run.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$1"
src="$2"
here="$src/tests/a11y"
work=$(mktemp -d /tmp/souffleur-a11y.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ ! -d "$here/node_modules/axe-core" ] || [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
alerts="$src/content/library/alerts"
for guide in "$src"/content/library/*.xml; do
  name=$(basename "$guide" .xml)
  id=$(grep -m1 -o '<guide [^>]*' "$guide" | sed -E 's/.* id="([^"]*)".*/\1/')
  # The whole guide (the authors' preview), with the library's alerts in place.
  "$bin/souffleur" render "$guide" -o "$work/$name.html" --alerts "$alerts" >/dev/null
  "$bin/souffleur" render "$guide" -o "$work/$name.en.html" --lang en --alerts "$alerts" >/dev/null
  # The desk's own step pages: the first step (with the introduction) and
  # every step an alert is attached to.
  steps=$({
    grep -m1 -o '<step id="[^"]*"' "$guide" | sed -E 's/.*id="([^"]*)"/\1/'
    grep -h -o "<attach guide=\"$id\" step=\"[^\"]*\"" "$alerts"/*.xml | sed -E 's/.*step="([^"]*)"/\1/' || true
  } | sort -u)
  for step in $steps; do
    "$bin/souffleur" render "$guide" --step "$step" -o "$work/$name.$step.html" --alerts "$alerts" >/dev/null
    "$bin/souffleur" render "$guide" --step "$step" -o "$work/$name.$step.en.html" --lang en \
      --alerts "$alerts" >/dev/null
  done
done
node "$here/axe.mjs" "$work"
