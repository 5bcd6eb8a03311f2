# Sourced by start.sh and test.sh: make .venv hold exactly one of the locks in
# requirements/ (exact versions, sha256 hashes checked by pip) and CPC Desktop itself,
# installed in place. A venv already holding that lock (or, for the application, the test
# lock, which has the same versions and more) is left as it is, so a second run installs
# nothing. Any other venv (an older lock, packages added by hand) is made again from empty.
#   cpc_venv app|test
cpc_venv() {
  local name="$1" lock="requirements/$1.txt" stamp=.venv/cpc-lock want have
  want="$name $(sha256sum "$lock" | cut -c1-64)"
  have="$(cat "$stamp" 2>/dev/null || true)"
  if [ "$have" = "$want" ] && [ -x .venv/bin/python ]; then
    return 0
  fi
  if [ "$name" = app ] && [ -x .venv/bin/python ] \
    && [ "$have" = "test $(sha256sum requirements/test.txt | cut -c1-64)" ]; then
    return 0
  fi
  # The application's lock is a part of the test lock: adding the rest removes nothing.
  if ! { [ "$name" = test ] && [ -x .venv/bin/python ] \
    && [ "$have" = "app $(sha256sum requirements/app.txt | cut -c1-64)" ]; }; then
    echo "Installing CPC Desktop into .venv from $lock"
    python3 -m venv --clear .venv
  else
    echo "Adding the test tools to .venv from $lock"
  fi
  rm -f "$stamp"
  export PIP_DISABLE_PIP_VERSION_CHECK=1
  .venv/bin/python -m pip install --quiet --require-hashes --only-binary :all: -r "$lock"
  # The project itself: its build backend is already in the venv (tools.in), so nothing
  # is fetched here.
  .venv/bin/python -m pip install --quiet --no-index --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
}
