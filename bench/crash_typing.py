"""kill -9 while typing, many times: keys lost against the one-second budget.

    .venv/bin/python bench/crash_typing.py [--trials 100]

Each trial copies a demo store, starts tests/helpers/typing_child.py (one key every
20 ms into a real minutes pane), kills it at a random moment, reopens the store and
counts the keys typed but not stored. Prints the worst and 99th-percentile loss, in
keys and in seconds of typing, against the 1 s budget (security.md D1). Any lost
acknowledged save or any stored text that is not what was typed fails the run.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cpc_desktop.services.demo import build_demo_records  # noqa: E402
from cpc_desktop.services.session import open_session  # noqa: E402
from tests.helpers.typing_child import typed_text  # noqa: E402

PASSPHRASE = "bench passphrase"
INTERVAL_MS = 20
TODAY = date(2026, 11, 23)


def trial(store: Path, reference: str, rng: random.Random) -> tuple[int, int, int]:
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.helpers.typing_child",
            str(store),
            PASSPHRASE,
            reference,
            str(INTERVAL_MS),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    state = {"typed": 0, "saved": 0}
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            word, _, number = line.strip().partition(" ")
            if word == "ready":
                ready.set()
            elif word in state:
                state[word] = max(state[word], int(number))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(60):
        raise SystemExit("the typing child did not start")
    time.sleep(rng.uniform(0.3, 3.0))
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    reader.join(10)
    assert child.stdout is not None
    child.stdout.close()
    with open_session(store, PASSPHRASE) as session:
        texts = [e.text for e in session.entries.entries(reference)]
    text = texts[0] if texts else ""
    if text != typed_text(len(text)):
        raise SystemExit("stored text differs from what was typed")
    if len(text) < state["saved"]:
        raise SystemExit(f"an acknowledged save was lost ({len(text)} < {state['saved']})")
    return state["typed"], state["saved"], len(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=100)
    trials = parser.parse_args().trials
    rng = random.Random(2026)
    reference = f"CPC-{TODAY.year}-0002"
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "template.db"
        with open_session(template, PASSPHRASE, create=True, user="Bench Chair") as session:
            for record in build_demo_records(TODAY):
                session.conferences.import_record(record)
        lost = []
        for n in range(trials):
            store = Path(folder) / f"t{n}.db"
            shutil.copy(template, store)
            typed, _saved, stored = trial(store, reference, rng)
            lost.append(typed - stored)
            store.unlink()
    budget = 1000 // INTERVAL_MS
    worst = max(lost)
    p99 = sorted(lost)[max(0, int(len(lost) * 0.99) - 1)]
    print(
        f"trials {trials}; keys lost: median {statistics.median(lost):.0f}, "
        f"p99 {p99}, worst {worst} (budget {budget} = 1 s of typing)"
    )
    print(f"worst loss {worst * INTERVAL_MS / 1000:.2f} s; ratio to budget {worst / budget:.2f}")


if __name__ == "__main__":
    main()
