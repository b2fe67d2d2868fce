#!/usr/bin/env bash
# Runs the benchmarks under bench/ on a throwaway PostgreSQL cluster (or DATABASE_URL) and prints
# their figures and ratios, all measured in one run. See bench/README.md.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
cd "$KONTRA_ROOT"
pnpm install --frozen-lockfile
pnpm build
# `./scripts/bench.sh read-path|realtime|analytics` runs one; no argument runs them all.
case "${1:-all}" in
  read-path) node bench/read-path.ts ;;
  realtime) node bench/realtime.ts ;;
  analytics) node bench/analytics.ts ;;
  all) node bench/read-path.ts && node bench/realtime.ts && node bench/analytics.ts ;;
  *) echo "usage: $0 [read-path|realtime|analytics]" >&2; exit 2 ;;
esac
