"""``check`` shows a progress bar on stderr when it is a terminal, and only then (issue 21.2);
and each command imports only what it uses (issue 21.4)."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cpc_desktop.cli import main

PASSPHRASE = "correct horse battery"


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CPC_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("CPC_USER", raising=False)
    store = tmp_path / "demo.db"
    assert main(["demo", "--db", str(store)]) == 0
    return store


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    capsys.readouterr()
    assert main(["check", "--db", str(demo)]) == 0
    out, err = capsys.readouterr()
    assert "is sound" in out
    assert err == ""


def test_a_progress_bar_on_a_terminal_wiped_at_the_end(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    leader, follower = os.openpty()
    drawn = bytearray()
    done = threading.Event()

    def drain() -> None:  # the terminal's side: keep reading so the bar never blocks
        while not done.is_set() or select.select([leader], [], [], 0)[0]:
            if select.select([leader], [], [], 0.05)[0]:
                drawn.extend(os.read(leader, 65536))

    reader = threading.Thread(target=drain)
    reader.start()
    terminal = io.TextIOWrapper(os.fdopen(follower, "wb", buffering=0), encoding="utf-8")
    assert terminal.isatty()
    monkeypatch.setattr(sys, "stderr", terminal)
    try:
        code = main(["check", "--db", str(demo)])
        terminal.flush()
    finally:
        done.set()
        reader.join()
        monkeypatch.undo()
        terminal.close()
        os.close(leader)
    assert code == 0
    assert "is sound" in capsys.readouterr().out
    shown = drawn.decode("utf-8")
    assert "100 % comparing every row with the audit log" in shown
    assert "% checking the structure" in shown
    assert "checking every page" not in shown  # the open checked them (test_cli_check_once)
    assert shown.endswith("\r"), repr(shown[-80:])  # wiped: the line is blank again
    last = shown.rstrip("\r").rsplit("\r", 1)[-1]
    assert last.strip() == ""


HEAVY = ("PySide6", "reportlab", "pyhanko", "holidays", "alembic", "jsonschema", "cryptography")


def test_list_imports_only_what_it_uses(demo: Path) -> None:
    code = (
        "import sys\n"
        "from cpc_desktop.cli import main\n"
        f"assert main(['list', '--db', {str(demo)!r}]) == 0\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print('heavy:', heavy)\n"
    )
    env = {**os.environ, "CPC_PASSPHRASE": PASSPHRASE}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env
    )
    assert done.returncode == 0, done.stderr
    assert "REFERENCE" in done.stdout
    assert done.stdout.strip().endswith("heavy: []"), done.stdout[-300:]
