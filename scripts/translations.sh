#!/usr/bin/env bash
# Make the Welsh catalogue again: pyside6-lupdate collects every translatable string from
# the sources into cpc_desktop/resources/i18n/cpc_desktop_cy.ts (the file people review:
# new strings arrive "unfinished", with no Welsh), then pyside6-lrelease compiles it to
# cpc_desktop_cy.qm, which is committed so nothing is built when the app runs.
# tests/ui/test_translations.py fails when the committed .qm is not the .ts compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
ts=cpc_desktop/resources/i18n/cpc_desktop_cy.ts
mapfile -t sources < <(find cpc_desktop/ui -name '*.py' | sort)
"$bin/pyside6-lupdate" -no-obsolete -locations none -target-language cy "${sources[@]}" -ts "$ts"
"$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
