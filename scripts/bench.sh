#!/usr/bin/env bash
# Runs the benchmarks under bench/ on a throwaway PostgreSQL cluster (or DATABASE_URL) and prints
# their figures and ratios, all measured in one run. See bench/README.md.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
cd "$KONTRA_ROOT"
pnpm install --frozen-lockfile
pnpm build
node bench/read-path.ts
