"""Shared machinery of the fault suite: the mode, running the command line, snapshots.

``CPC_FAULTS=full`` selects the full run (see ``tests/faults/README.md``); anything
else, or nothing, is the reduced run CI makes on every push.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cpc_desktop.cli import main
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.session import open_session
from tests.helpers.typing_child import ALPHABET

FULL = os.environ.get("CPC_FAULTS", "").strip().lower() == "full"
#: Skips a test in the reduced run (CI); it runs with ``CPC_FAULTS=full``.
full_only = pytest.mark.skipif(not FULL, reason="long fault case: runs with CPC_FAULTS=full")

ROOT = Path(__file__).resolve().parents[2]
PROG = "cpc-desktop"
PASSPHRASE = "correct horse battery"
TODAY = date(2026, 11, 23)
REVIEW = f"CPC-{TODAY.year}-0002"  # the demo's review: an empty minute book
MAIN = f"CPC-{TODAY.year}-0001"  # the demo's initial conference: full minutes
PAGE = 4096  # SQLCipher 4's page size


def pick(reduced: int, full: int) -> int:
    """How many of something to run in this mode."""
    return full if FULL else reduced


def fixed_clock() -> datetime:
    return datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def make_demo_store(path: Path, passphrase: str = PASSPHRASE) -> Path:
    """A store holding the demo conferences (three and a review), made through the services."""
    with open_session(
        path, passphrase, create=True, user="Alex Chair", clock=fixed_clock
    ) as session:
        for record in build_demo_records(TODAY):
            session.conferences.import_record(record)
    return path


# --- proving that nothing changed -----------------------------------------------------------


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (recursively): its kind, permission bits and content hash.

    Stricter than ``tests.helpers.stores.digest_tree``: it also sees a file appearing or
    vanishing inside a sub-folder, and a change of permissions.
    """
    out: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        for name in sorted(dirnames + filenames):
            path = here / name
            info = path.lstat()
            mode = oct(stat.S_IMODE(info.st_mode))
            key = str(path.relative_to(folder))
            if stat.S_ISLNK(info.st_mode):
                out[key] = f"link -> {os.readlink(path)}"
            elif stat.S_ISDIR(info.st_mode):
                out[key] = f"dir {mode}"
            else:
                out[key] = f"file {mode} " + hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# --- running the command line ---------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], argv: Sequence[str]) -> Outcome:
    """``cpc_desktop.cli.main`` in this process, as a script would call the command."""
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return Outcome(code, out, err)


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CPC_DEBUG", "CPC_USER")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    env.update(extra)
    return env


def run_cli_process(
    argv: Sequence[str], env: Mapping[str, str], cwd: Path, timeout: float = 180
) -> Outcome:
    """``python -m cpc_desktop ARGV`` in a child process: a hard crash shows as a signal."""
    done = subprocess.run(
        [sys.executable, "-m", "cpc_desktop", *argv],
        cwd=cwd,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


def assert_refused(outcome: Outcome, message: str) -> None:
    """Exit 1, nothing on stdout, one line on stderr that is ``message`` (a regex), in full."""
    assert outcome.code == 1, (
        f"exit status {outcome.code} (a negative one is a signal: a hard crash); "
        f"stderr: {outcome.err!r}"
    )
    assert outcome.out == "", outcome.out
    assert "Traceback" not in outcome.err, outcome.err
    assert outcome.err.endswith("\n") and outcome.err.count("\n") == 1, (
        f"not exactly one line on stderr: {outcome.err!r}"
    )
    line = outcome.err[:-1]
    assert line.startswith(PROG + ": "), line
    assert "internal error" not in line, line
    shown = line[len(PROG) + 2 :]
    assert re.fullmatch(message, shown), f"\n  got:      {shown!r}\n  expected: {message!r}"


# --- kill -9 while typing -------------------------------------------------------------------


@dataclass(frozen=True)
class Typed:
    """What the typing child reported before it was killed."""

    typed: int  # keystrokes made
    saved: int  # characters autosave had committed (acknowledged)


def type_and_kill(
    store: Path,
    reference: str,
    *,
    delay: float,
    text: str = ALPHABET,
    interval_ms: int = 20,
    env: Mapping[str, str] | None = None,
    min_saved: int = 0,
    stderr: Path | None = None,
    passphrase: str = PASSPHRASE,
) -> Typed:
    """Start ``tests.helpers.typing_child``, let it type, SIGKILL it ``delay`` s later.

    With ``min_saved`` the clock starts only once that many characters are acknowledged.
    """
    err = stderr.open("wb") if stderr is not None else subprocess.DEVNULL
    try:
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.helpers.typing_child",
                str(store),
                passphrase,
                reference,
                str(interval_ms),
                text,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            env=dict(env) if env is not None else child_env(),
        )
    finally:
        if stderr is not None and not isinstance(err, int):
            err.close()
    state = {"typed": 0, "saved": 0, "ready": 0}
    changed = threading.Condition()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            word, _, number = line.strip().partition(" ")
            with changed:
                if word == "ready":
                    state["ready"] = 1
                elif word in ("typed", "saved"):
                    state[word] = max(state[word], int(number))
                changed.notify_all()
        with changed:
            state["ready"] = state["ready"] or -1  # the child ended
            changed.notify_all()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        with changed:
            assert changed.wait_for(lambda: state["ready"] != 0, timeout=90)
            assert state["ready"] == 1, "the typing child did not start (see its stderr)"
            if min_saved:
                assert changed.wait_for(
                    lambda: state["saved"] >= min_saved or child.poll() is not None, timeout=90
                )
                assert state["saved"] >= min_saved, "the typing child stopped saving"
        time.sleep(delay)
        assert child.poll() is None, "the typing child ended before it was killed"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        reader.join(30)
        assert child.stdout is not None
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    with changed:
        return Typed(state["typed"], state["saved"])
