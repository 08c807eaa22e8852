#!/usr/bin/env bash
# The README's test command: installs everything, then runs lint, types, every test suite and the size budgets.
set -euo pipefail
export TURBO_TELEMETRY_DISABLED=1 CI=${CI:-}
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh --browser
export PATH="$PWD/node_modules/.bin:$PATH"

echo "› lint";      pnpm exec biome ci .
echo "› typecheck"; pnpm exec turbo run typecheck --output-logs=errors-only
echo "› tests (unit, devnet integration, storybook in chromium, browser e2e)"
pnpm exec vitest run
echo "› size budgets"
pnpm exec tsx bench/size-check.ts
