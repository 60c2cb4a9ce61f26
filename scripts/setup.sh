# Sourced by scripts/demo, scripts/test and .ci/run: makes sure this machine has what the project
# needs — Node >= 22 (from the npm registry's `node` package when the system one is older),
# Debian's Chromium with CJK fonts, and the npm packages — then leaves PATH set up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# WXT needs node >= 22. The `node` package ships a prebuilt binary through the npm registry.
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  command -v npm >/dev/null || apt_install npm
  if [ ! -x .ci/node/node_modules/.bin/node ]; then
    echo "» 安装 Node 24 / installing Node 24 into .ci/node"
    mkdir -p .ci/node
    # Its preinstall fetches the platform binary: approve it (npm 11 allowScripts).
    echo '{ "private": true, "allowScripts": { "node": true } }' > .ci/node/package.json
    npm install --prefix .ci/node --no-audit --no-fund --loglevel=error node@24 >/dev/null
  fi
  export PATH="$PWD/.ci/node/node_modules/.bin:$PATH"
fi
echo "» node $(node --version), npm $(npm --version)"

# Real-browser tests and the demo drive Debian's Chromium; CJK fonts so screenshots show Chinese;
# chromium-l10n so the browser's UI (and the extension's, which follows it) can be Chinese.
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || ! dpkg -s fonts-noto-cjk chromium-l10n >/dev/null 2>&1; then
  echo "» 安装 Chromium 与中文字体 / installing chromium chromium-l10n fonts-noto-cjk (apt)"
  apt_install chromium chromium-l10n fonts-noto-cjk || { echo "无法安装 Chromium：请以 root 运行，或设置 CHROMIUM_PATH / cannot install Chromium: run as root or set CHROMIUM_PATH" >&2; exit 1; }
fi

# npm ci when the installed packages are not those of the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "» npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
