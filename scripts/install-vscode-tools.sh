#!/usr/bin/env bash
# Installs what the integration and UI tiers need to run a real VS Code 1.100.3 headless:
# Debian's Chromium (+ ripgrep, libkrb5-dev for code-server's native modules) and, in a cache folder
# OUTSIDE the repo, code-server 4.100.3 (= VS Code 1.100.3, the newest that runs on Node 20) and playwright-core.
# Idempotent: does nothing when everything is present. See docs/testing.md.
set -euo pipefail
TOOLS=${CLAUSEGUARD_TOOLS:-$HOME/.cache/clauseguard-vscode-tools}
CS_VERSION=4.100.3
PW_VERSION=1.65.1

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
[ -e /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "[tools] apt-get install ${need_apt[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -x "$TOOLS/node_modules/.bin/code-server" ] || [ ! -d "$TOOLS/node_modules/playwright-core" ]; then
  echo "[tools] installing code-server@$CS_VERSION and playwright-core@$PW_VERSION into $TOOLS"
  mkdir -p "$TOOLS"
  # @vscode/ripgrep downloads rg from GitHub unless its cache already holds the archive: seed it with Debian's rg.
  RGC="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$RGC"
  tar czf "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  ( cd "$TOOLS" && { [ -f package.json ] || npm init -y >/dev/null; } )
  # unsafe_perm: code-server's postinstall refuses root otherwise; yes: node-pty's postinstall runs `npx node-gyp`.
  ( cd "$TOOLS" && npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" "playwright-core@$PW_VERSION" )
fi
echo "[tools] ready: $TOOLS"
