#!/usr/bin/env bash
# Installs what it needs, builds, and starts Daftar IKM: the desktop app where an Electron binary exists,
# otherwise the browser mode on 127.0.0.1 (it prints the address to open).
set -euo pipefail
source "$(dirname "$0")/env.sh"
npm run -s build
if [ -x node_modules/electron/dist/electron ] || [ -f node_modules/electron/dist/electron.exe ] || [ -d node_modules/electron/dist/Electron.app ]; then
  exec npx electron .
fi
echo "[start] Electron's binary is not available on this machine: starting the browser mode."
exec node dist/node/web.mjs
