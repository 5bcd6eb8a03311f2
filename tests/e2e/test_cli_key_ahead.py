"""What a command pays before its work (issue 21 points 1 and 4): the store's key is
derived once, on its own thread while the command imports what it uses, and a command
imports nothing it does not use (``minutes`` unsigned: no signing library, no migrations,
no Qt). A wrong passphrase still gives its one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.stores import DEMO_PASSPHRASE

pytestmark = pytest.mark.sqlite_only

PASSPHRASE = DEMO_PASSPHRASE  # the demo fixture's (tests/e2e/conftest.py)

#: Runs the command line in a new process, counting key derivations by thread and
#: naming the heavy packages imported by the end.
PROBE = """
import json, sys, threading
from cpc_desktop.data import keys
threads = []
derive = keys._derive
def counting(passphrase, salt):
    threads.append(threading.current_thread().name)
    return derive(passphrase, salt)
keys._derive = counting
from cpc_desktop.cli import main
code = main(sys.argv[1:])
heavy = sorted(m for m in ("pyhanko", "alembic", "PySide6", "sqlalchemy") if m in sys.modules)
print(json.dumps({"code": code, "threads": threads, "heavy": heavy}))
"""


def _probe(*argv: str, passphrase: str = PASSPHRASE) -> tuple[dict[str, object], str]:
    env = {**__import__("os").environ, "CPC_PASSPHRASE": passphrase}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, env=env
    )
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1]), done.stderr


def test_unsigned_minutes_derive_the_key_once_ahead_and_import_no_signing(
    demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "minutes.pdf"
    seen, err = _probe("minutes", "CPC-2026-0001", "--db", str(demo), "--out", str(out))
    assert seen["code"] == 0, err
    assert out.read_bytes().startswith(b"%PDF-")
    assert seen["threads"] == ["key derivation"]  # once, and not on the command's thread
    assert seen["heavy"] == ["sqlalchemy"]  # no pyhanko, alembic or Qt


def test_list_derives_the_key_once_ahead(demo: Path) -> None:
    seen, err = _probe("list", "--db", str(demo))
    assert seen["code"] == 0, err
    assert seen["threads"] == ["key derivation"]
    assert seen["heavy"] == []


def test_a_wrong_passphrase_still_says_so_in_one_line(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.pdf"
    for argv in (
        ("list", "--db", str(demo)),
        ("minutes", "CPC-2026-0001", "--db", str(demo), "--out", str(out)),
    ):
        seen, err = _probe(*argv, passphrase="not the passphrase")
        assert seen["code"] == 1
        assert err.count("\n") == 1 and "Traceback" not in err, err
        assert err.startswith("cpc-desktop: cannot open demo.db: the passphrase is wrong"), err
    assert not out.exists()
