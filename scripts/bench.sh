#!/usr/bin/env bash
# Runs the benchmarks under bench/ on a throwaway PostgreSQL cluster (or DATABASE_URL) and prints
# their figures and ratios, all measured in one run. See bench/README.md.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
cd "$KONTRA_ROOT"
pnpm install --frozen-lockfile
pnpm build
# `./scripts/bench.sh read-path` or `./scripts/bench.sh realtime` runs one; no argument runs both.
case "${1:-all}" in
  read-path) node bench/read-path.ts ;;
  realtime) node bench/realtime.ts ;;
  all) node bench/read-path.ts && node bench/realtime.ts ;;
  *) echo "usage: $0 [read-path|realtime]" >&2; exit 2 ;;
esac
