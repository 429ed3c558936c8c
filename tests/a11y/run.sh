#!/usr/bin/env bash
# Accessibility: renders every guide of the demo library (Dutch and English)
# with the real `souffleur render`, installs the test tooling from npm into
# tests/a11y/node_modules (axe-core and playwright-core, versions locked in
# package-lock.json; test tooling only, never part of the product), and runs
# axe-core in Debian's chromium on every page: no serious or critical
# violation may remain (axe.mjs).
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
for guide in "$src"/content/library/*.xml; do
  name=$(basename "$guide" .xml)
  "$bin/souffleur" render "$guide" -o "$work/$name.html" >/dev/null
  "$bin/souffleur" render "$guide" -o "$work/$name.en.html" --lang en >/dev/null
done
node "$here/axe.mjs" "$work"
