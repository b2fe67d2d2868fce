#!/usr/bin/env bash
# One command from a fresh clone to a running server (embedded PostgreSQL unless DATABASE_URL is set).
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
cd "$KONTRA_ROOT"
pnpm install --frozen-lockfile
pnpm build
exec pnpm start "$@"
