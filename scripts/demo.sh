#!/usr/bin/env bash
# The README's demo command: installs everything, starts the embedded devnet, deploys the game and serves it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
if [ -f apps/demo-game/scripts/dev.ts ]; then
  exec pnpm --filter @sessionkit/demo-game dev
else
  exec pnpm --filter @sessionkit/devnet start
fi
