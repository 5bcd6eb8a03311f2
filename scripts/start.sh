#!/usr/bin/env bash
# Install CPC Desktop into .venv and start it.
#   bash scripts/start.sh            open the application
#   bash scripts/start.sh demo       first create a sample store (asks for a new passphrase)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system.sh
cpc_system_needs app
source scripts/venv.sh
cpc_venv app
if [ "${1:-}" = "demo" ]; then
  store="${CPC_DEMO_DB:-$HOME/cpc-demo.db}"
  if [ ! -e "$store" ]; then
    .venv/bin/cpc-desktop demo --db "$store"
  fi
  .venv/bin/cpc-desktop list --db "$store"
  exec .venv/bin/cpc-desktop --db "$store"
fi
exec .venv/bin/cpc-desktop "$@"
