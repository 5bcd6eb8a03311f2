"""kill -9 while typing (security.md D1): no saved text is lost, at most the last second.

A child process (``tests.helpers.typing_child``) types into a real minutes pane, one key
every 20 ms, and reports each keystroke and each committed autosave; the test kills it
with SIGKILL at a random moment, reopens the store and compares:

* the stored text is exactly a prefix of what was typed;
* it is at least as long as the last acknowledged save (no acknowledged save lost);
* at most one second of keys (50) is missing;
* the store reopens with the passphrase and passes its full integrity check.

Trials: 3 in the reduced run (CI; ``test_canary_scan.py`` makes a fourth kill with the
same checks), 100 with ``CPC_FAULTS=full``. Moved here from ``tests/e2e`` (where
``CPC_CRASH_TRIALS`` set the count; ``CPC_FAULTS`` does now).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from cpc_desktop.data import integrity
from cpc_desktop.services.session import open_session
from tests.faults.support import PASSPHRASE, REVIEW, pick, type_and_kill
from tests.helpers.typing_child import typed_text

INTERVAL_MS = 20
ONE_SECOND_OF_KEYS = 1000 // INTERVAL_MS
TRIALS = pick(reduced=3, full=100)


@pytest.mark.parametrize("trial", range(TRIALS))
def test_kill_while_typing_loses_at_most_a_second(
    demo_template: Path, tmp_path: Path, trial: int
) -> None:
    store = tmp_path / "store.db"
    shutil.copy(demo_template, store)
    delay = random.Random(trial).uniform(0.3, 2.5)
    got = type_and_kill(
        store, REVIEW, delay=delay, interval_ms=INTERVAL_MS, stderr=tmp_path / "child.err"
    )
    assert got.typed > 0
    with open_session(store, PASSPHRASE) as session:
        texts = [e.text for e in session.entries.entries(REVIEW)]
        report = integrity.check(session.store)
    assert report.sound, report.problems
    assert len(texts) == 1
    text = texts[0]
    assert text == typed_text(len(text)), "the stored text is not what was typed"
    assert len(text) >= got.saved, f"an acknowledged save was lost ({len(text)} < {got.saved})"
    assert got.typed - len(text) <= ONE_SECOND_OF_KEYS, (got.typed, len(text))
