#!/usr/bin/env bash
# `npm run lint`: ESLint (zero warnings), dependency-cruiser (cycles + layer rules), Prettier --check, knip (dead code).
# Runs all three so one report shows every failure; exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
echo "-- eslint";            npx eslint --max-warnings 0 --cache --cache-location node_modules/.cache/eslint/ . || status=1
echo "-- dependency-cruiser"; npx depcruise --config .dependency-cruiser.cjs --output-type err server src || status=1
echo "-- prettier --check";  npx prettier --check --log-level warn . || status=1
echo "-- knip (unused files, exports, dependencies)"; npx knip --no-progress --no-config-hints || status=1
echo "-- dependency report";  node scripts/deps-report.mjs || status=1
exit $status
