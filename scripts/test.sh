#!/usr/bin/env bash
# Installs what it needs and runs every check and test: typecheck, lint, unit (vitest), build, end to end
# (Playwright in Debian Chromium against the browser mode; the Electron project skips where no binary exists).
set -euo pipefail
export DAFTAR_IKM_APT="${DAFTAR_IKM_APT:-1}"
source "$(dirname "$0")/env.sh"
start=$(date +%s)
step() { echo; echo "== $1 ($(($(date +%s) - start)) s) =="; }
step "typecheck"; npm run -s typecheck
step "lint"; npm run -s lint
step "unit tests"; npx vitest run
step "build"; npm run -s build
step "end-to-end tests"; npx playwright test
step "done"
