#!/usr/bin/env bash
# Install CPC Desktop with its test tools into .venv, exactly as requirements/test.txt
# locks them (scripts/lock.sh makes and upgrades the lock), then run every check CI runs:
# ruff, mypy, the import-layer contracts, and the test suite with branch coverage of the
# whole package (the domain rules must stay at 100 %). Run as root on Debian, it first
# installs the system packages the tests need (scripts/system.sh); otherwise it names
# them in one line and stops. With CPC_TEST_POSTGRES_URL naming a PostgreSQL server (or
# .ci/postgres-url, written by .ci/run when it starts one on loopback), the data and
# service tests then run against it as well; the main run is always on SQLite files.
set -euo pipefail
cd "$(dirname "$0")/.."
postgres_url="${CPC_TEST_POSTGRES_URL:-$(cat .ci/postgres-url 2>/dev/null || true)}"
unset CPC_TEST_POSTGRES_URL
source scripts/system.sh
cpc_system_needs test
source scripts/venv.sh
cpc_venv test
export QT_QPA_PLATFORM=offscreen
echo "== ruff";          .venv/bin/ruff check .
echo "== mypy";          .venv/bin/mypy
echo "== import layers"; .venv/bin/lint-imports
echo "== tests (after ${SECONDS} s)"
.venv/bin/python -m pytest -q -n auto --durations=15 --cov=cpc_desktop --cov-branch --cov-report= "$@"
echo "== domain coverage (must be 100 %)"
.venv/bin/python -m coverage report --include='cpc_desktop/domain/*' --fail-under=100 \
  --show-missing --skip-covered
echo "== coverage of the whole package (the 15 files least covered, then the total)"
.venv/bin/python -m coverage report --skip-covered --sort=cover > .coverage-report.txt
head -n 17 .coverage-report.txt && rm -f .coverage-report.txt
echo "whole package: $(.venv/bin/python -m coverage report --format=total) % of lines and branches"
if [ -n "$postgres_url" ]; then
  echo "== data and service tests on PostgreSQL, concurrent writers, the window on a server"
  CPC_TEST_POSTGRES_URL="$postgres_url" .venv/bin/python -m pytest -q -n auto -m "not sqlite_only" \
    --durations=15 tests/unit/data tests/unit/services tests/e2e/test_cli_server.py \
    tests/faults/test_concurrent_writers.py tests/ui/test_server_store_ui.py
fi
echo "== done in ${SECONDS} s"
