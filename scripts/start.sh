#!/usr/bin/env bash
# `npm start`: runs ClauseGuard in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) on 127.0.0.1,
# installed from a VSIX, on a fresh temporary copy of samples/ (--keep: the last one). Installs code-server on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-vscode-tools.sh
exec node scripts/start.mjs "$@"
