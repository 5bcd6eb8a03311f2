#!/usr/bin/env bash
# Pictures of the main screens for the docs, as a chair sees them on a 1366×768 laptop at
# 100 % and at 150 % scaling: docs/screenshots/<screen>-100.png and -150.png (or into the
# folder given). Each scale runs in its own Xvfb, a virtual X server, with Qt's X11
# plugin, over the demo conferences (scripts/screenshots.py). Installs what it needs
# first, as the test command does (scripts/system.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system.sh
cpc_system_needs test
source scripts/venv.sh
cpc_venv test
out="${1:-docs/screenshots}"
for scale in 1 1.5; do
  QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR="$scale" PYTHONPATH=. \
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py "$out" "$scale"
done
du -ch "$out"/*.png | tail -n 1
