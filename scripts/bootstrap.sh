#!/usr/bin/env bash
# Installs what the README's commands need on a fresh machine with only Node and npm:
# pnpm at the pinned version, the workspace's dependencies, and (with --browser) Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=10.34.8

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "› installing pnpm $PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || {
    mkdir -p .tools && npm install --prefix .tools "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$PWD/.tools/node_modules/.bin:$PATH"
  }
fi

echo "› installing dependencies"
pnpm install --frozen-lockfile --prefer-offline --reporter=silent

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "› installing Debian's chromium"
  SUDO=""; [ "$(id -u)" != "0" ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
