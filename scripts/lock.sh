#!/usr/bin/env bash
# Write the locks that both README commands install from, with uv (pinned in
# requirements/uv.txt, installed into .venv-lock beside this file):
#   requirements/test.txt  every package .venv holds for the tests (runtime, test tools, pip
#                          and setuptools), exact versions with sha256 hashes
#   requirements/app.txt   the runtime part of it, for scripts/start.sh (same versions)
#
#   bash scripts/lock.sh                       re-lock after editing pyproject.toml's
#                                              dependencies; pins of unchanged packages stay
#   bash scripts/lock.sh --upgrade             every package to its newest release
#   bash scripts/lock.sh --upgrade-package X   X (and what it needs) only
#
# An upgrade is a commit of its own, made after `bash scripts/test.sh` passes on it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1
if [ ! -x .venv-lock/bin/uv ] || ! cmp -s requirements/uv.txt .venv-lock/uv.txt; then
  rm -rf .venv-lock
  python3 -m venv .venv-lock
  .venv-lock/bin/python -m pip install --quiet --require-hashes -r requirements/uv.txt
  cp requirements/uv.txt .venv-lock/uv.txt
fi
compile() {
  .venv-lock/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
    --custom-compile-command "bash scripts/lock.sh" "$@"
}
compile pyproject.toml --extra test requirements/tools.in -o requirements/test.txt \
  "${@}"
# The runtime lock takes its versions from the full one, so that start.sh and test.sh
# agree on every package they share.
compile pyproject.toml requirements/tools.in -c requirements/test.txt -o requirements/app.txt
echo "requirements/test.txt: $(grep -c '^[A-Za-z]' requirements/test.txt) packages;" \
  "requirements/app.txt: $(grep -c '^[A-Za-z]' requirements/app.txt)"
