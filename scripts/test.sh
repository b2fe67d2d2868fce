#!/usr/bin/env bash
# One command from a fresh clone to the whole test suite: toolchain, install, type-check, lint, tests
# against a throwaway PostgreSQL cluster (or DATABASE_URL). Ends with "N passed, N failed".
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
cd "$KONTRA_ROOT"
pnpm install --frozen-lockfile
pnpm build
pnpm lint
pnpm schema:check

results="$KONTRA_ROOT/.test-results/jest.json"
mkdir -p "$(dirname "$results")"
status=0
NODE_OPTIONS=--experimental-vm-modules pnpm exec jest --ci --json --outputFile="$results" "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
  if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1); }
' "$results" || status=1
exit $status
