# Sourced by the other scripts: puts a Node >= 22.17 and the pinned pnpm on PATH.
# Machines here ship Node 20, and `npm install -g node@24` collides with /usr/bin/node,
# so the toolchain goes into a project-local prefix instead.

KONTRA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN_DIR="$KONTRA_ROOT/.toolchain"
NODE_PACKAGE="node@24"
PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$KONTRA_ROOT/package.json")"

node_is_recent_enough() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=17)?0:1)'
}

if [ -x "$TOOLCHAIN_DIR/node_modules/.bin/node" ]; then
  export PATH="$TOOLCHAIN_DIR/node_modules/.bin:$PATH"
fi

needs=()
node_is_recent_enough || needs+=("$NODE_PACKAGE")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  needs+=("pnpm@$PNPM_VERSION")
fi

if [ ${#needs[@]} -gt 0 ]; then
  echo "toolchain: installing ${needs[*]} into .toolchain/" >&2
  mkdir -p "$TOOLCHAIN_DIR"
  # NODE_EXTRA_CA_CERTS is kept from the environment: installs hang without it here.
  npm install --prefix "$TOOLCHAIN_DIR" --no-audit --no-fund --loglevel=error "${needs[@]}" >&2
  export PATH="$TOOLCHAIN_DIR/node_modules/.bin:$PATH"
fi

node_is_recent_enough || { echo "toolchain: Node >= 22.17 is required, found $(node --version)" >&2; exit 1; }
echo "toolchain: node $(node --version), pnpm $(pnpm --version)" >&2
