"""kill -9 while typing: no saved text is lost, and at most the last second of keys.

A child process types into a real minutes pane (one key every 20 ms) and reports each
keystroke and each committed autosave; the test kills it at a random moment, reopens
the store and compares. CI runs 10 trials; ``CPC_CRASH_TRIALS`` sets more.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cpc_desktop.data import integrity
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.session import open_session
from tests.helpers.typing_child import typed_text
from tests.ui.conftest import TODAY

PASSPHRASE = "crash test passphrase"
INTERVAL_MS = 20
ONE_SECOND_OF_KEYS = 1000 // INTERVAL_MS
TRIALS = int(os.environ.get("CPC_CRASH_TRIALS", "10"))
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "store.db"
    with open_session(path, PASSPHRASE, create=True, user="Alex Chair") as session:
        for record in build_demo_records(TODAY):
            session.conferences.import_record(record)
    return path


def _run_and_kill(store: Path, reference: str, seed: int) -> tuple[int, int]:
    """Type, kill at a random moment; return (keys typed, characters acknowledged)."""
    rng = random.Random(seed)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.typing_child", str(store), PASSPHRASE,
         reference, str(INTERVAL_MS)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    typed = saved = 0
    ready = threading.Event()

    def read() -> None:
        nonlocal typed, saved
        assert child.stdout is not None
        for line in child.stdout:
            word, _, number = line.strip().partition(" ")
            if word == "ready":
                ready.set()
            elif word == "typed":
                typed = int(number)
            elif word == "saved":
                saved = max(saved, int(number))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(60), "the typing child did not start"
    time.sleep(rng.uniform(0.3, 2.5))
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    reader.join(10)
    assert child.stdout is not None
    child.stdout.close()
    return typed, saved


@pytest.mark.parametrize("trial", range(TRIALS))
def test_kill_while_typing_loses_at_most_a_second(template: Path, tmp_path: Path,
                                                  trial: int) -> None:
    store = tmp_path / "store.db"
    store.write_bytes(template.read_bytes())
    reference = f"CPC-{TODAY.year}-0002"  # a review with an empty minute book
    typed, saved = _run_and_kill(store, reference, seed=trial)
    assert typed > 0
    with open_session(store, PASSPHRASE) as session:
        texts = [e.text for e in session.workspace.entries(reference)]
        assert integrity.check(session.store).sound
    assert len(texts) == 1
    text = texts[0]
    assert text == typed_text(len(text)), "the stored text is not what was typed"
    assert len(text) >= saved, f"an acknowledged save was lost ({len(text)} < {saved})"
    assert typed - len(text) <= ONE_SECOND_OF_KEYS, (typed, len(text))
