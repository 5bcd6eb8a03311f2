#!/usr/bin/env bash
# Install CPC Desktop into .venv and start it.
#   bash scripts/start.sh            open the application
#   bash scripts/start.sh demo       first create a sample store (asks for a new passphrase)
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet -e .
if [ "${1:-}" = "demo" ]; then
  store="${CPC_DEMO_DB:-$HOME/cpc-demo.db}"
  if [ ! -e "$store" ]; then
    .venv/bin/cpc-desktop demo --db "$store"
  fi
  .venv/bin/cpc-desktop list --db "$store"
  exec .venv/bin/cpc-desktop --db "$store"
fi
exec .venv/bin/cpc-desktop "$@"
