#!/usr/bin/env bash
# The README's test command: installs everything, then runs lint, types, every test suite
# (unit, devnet integration, Storybook in Chromium, browser E2E, reliability) and the size budgets.
# Every step runs even when an earlier one failed, so one run shows every problem; the exit code is
# non-zero if any step failed.
set -uo pipefail
export TURBO_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh --browser || exit 1
set +e
export PATH="$PWD/node_modules/.bin:$PATH"

failed=()
step() {
  local name=$1
  shift
  echo "› $name"
  local started=$SECONDS
  "$@"
  local code=$?
  echo "  $name: exit $code in $((SECONDS - started)) s"
  [ "$code" = 0 ] || failed+=("$name")
}

step lint pnpm exec biome ci --max-diagnostics=50 .
step typecheck pnpm exec turbo run typecheck --output-logs=errors-only
step tests pnpm exec vitest run
step "size budgets" pnpm exec tsx bench/size-check.ts

if [ ${#failed[@]} -gt 0 ]; then
  echo "✗ failed: ${failed[*]}"
  exit 1
fi
echo "✓ all steps passed"
