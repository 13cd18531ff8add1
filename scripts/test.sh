#!/usr/bin/env bash
# `npm test`: everything, from a fresh clone. Installs what it needs (npm packages, Debian chromium,
# ffmpeg, CMU test clips), type-checks, lints (npm run lint), runs the unit/integration tests (vitest), builds the SPA and
# runs the browser tests (Playwright on Debian's Chromium). Ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ] || [ package.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund || exit 1
fi
bash scripts/ensure-system-deps.sh || exit 1
mkdir -p .tmp
rm -f .tmp/vitest.json .tmp/playwright.json

status=0
echo "== typecheck"
npm run -s typecheck || status=1
echo "== lint"
lint=0
npm run -s lint || { lint=1; status=1; }
echo "== unit and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=1
echo "== build"
npx vite build --logLevel warn && npx vite build --mode e2e --logLevel warn || status=1
echo "== browser tests (playwright)"
npx playwright test || status=1

[ $lint -eq 0 ] && echo "Lint: passed" || echo "Lint: FAILED (npm run lint)"
node scripts/summarize-tests.mjs .tmp/vitest.json .tmp/playwright.json || status=1
exit $status
