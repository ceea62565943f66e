#!/usr/bin/env bash
# Refresh the browser libraries the web pages use (Chart.js for charts, Cytoscape.js for the
# network graph) from the npm registry, pinned by scripts/vendor-js/package-lock.json, and copy
# their minified builds and licenses into src/endorsements/serve/static/vendor/.
#
# The copies are committed, so a fresh clone, `pip install` and CI need neither npm nor the
# network; run this only to upgrade (edit package.json, `npm install --package-lock-only` in
# scripts/vendor-js/, then this script) and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=src/endorsements/serve/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp scripts/vendor-js/package.json scripts/vendor-js/package-lock.json "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --silent)
mkdir -p "$dest"
cp "$work/node_modules/chart.js/dist/chart.umd.min.js" "$dest/chart.umd.min.js"
cp "$work/node_modules/chart.js/LICENSE.md" "$dest/chart.js.LICENSE.md"
cp "$work/node_modules/cytoscape/dist/cytoscape.min.js" "$dest/cytoscape.min.js"
cp "$work/node_modules/cytoscape/LICENSE" "$dest/cytoscape.LICENSE"
{
  echo "# Vendored browser libraries (written by scripts/vendor-js.sh; do not edit)"
  echo
  for pkg in chart.js cytoscape; do
    node -e "const p=require('$work/node_modules/$pkg/package.json');console.log('- '+p.name+' '+p.version+' ('+p.license+')')"
  done
} >"$dest/VERSIONS.md"
ls -l "$dest"
