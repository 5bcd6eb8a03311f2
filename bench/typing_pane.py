"""Typing into a 100,000-character minute entry, with autosave running.

    .venv/bin/python bench/typing_pane.py [--keys 300] [--interval-ms 50] [--chars 100000]

Budget (design.md §7): no keystroke blocks the UI for more than 16 ms.

A real ``MinutesPane`` (offscreen Qt) on an encrypted store (raw test key) shows an entry
of ``--chars`` characters with the cursor at its end; a precise timer sends one key
every ``--interval-ms`` with ``QTest.keyClick`` on the pane's editor, so the pane's
autosave (quiet 300 ms / limit 750 ms, ``MinuteEntryService.save_text`` with an fsync'd
commit on the GUI thread) runs between keys as it would for a typist. Measured:

* handling: how long ``keyClick`` takes (the key's whole synchronous processing:
  the editor, ``textChanged``, the word count, the autosave timers);
* latency: from when the key was due (the timer's schedule) to the end of its
  handling, so a key that had to wait behind an autosave counts the wait;
* autosave: each save's duration on the GUI thread (every key during it waits).

The reference, in the same run, is the same keys sent to a bare ``QPlainTextEdit``
holding the same text (no pane, no autosave). Max and 99th percentile, in ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

SENTENCE = "The social worker described the home visit and the children's routines. "


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def drive(app, editor, keys: int, interval_ms: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Send ``keys`` keys on a schedule; (handling, latency) of each, in ms."""
    from PySide6 import QtCore, QtTest

    handling: list[float] = []
    latency: list[float] = []
    start = time.perf_counter() + 0.2
    loop = QtCore.QEventLoop()
    timer = QtCore.QTimer()
    timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    sent = 0

    def tick() -> None:
        nonlocal sent
        due = start + sent * interval_ms / 1000
        if time.perf_counter() < due:
            return
        before = time.perf_counter()
        QtTest.QTest.keyClick(editor, "abcdefghij klmnopqrst uvwxyz"[sent % 28])
        after = time.perf_counter()
        handling.append((after - before) * 1000)
        latency.append((after - due) * 1000)
        sent += 1
        if sent >= keys:
            timer.stop()
            loop.quit()

    timer.timeout.connect(tick)
    timer.start()
    loop.exec()
    return handling, latency


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--interval-ms", type=int, default=50)
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument(
        "--paragraph",
        type=int,
        default=8,
        metavar="SENTENCES",
        help="sentences per paragraph (0: the whole entry is one paragraph)",
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from make_store import TEST_KEY, Generator, make
    from PySide6 import QtGui, QtWidgets
    from qt_probe import quiet_offscreen_warnings

    from cpc_desktop.data.keys import StoreKey
    from cpc_desktop.domain.enums import UserRole
    from cpc_desktop.services.roles import Actor
    from cpc_desktop.services.session import Session, system_clock
    from cpc_desktop.ui.workspace.minutes_pane import MinutesPane

    quiet_offscreen_warnings()
    app = QtWidgets.QApplication(sys.argv[:1])
    sentences = [SENTENCE] * (args.chars // len(SENTENCE) + 1)
    if args.paragraph:
        for n in range(args.paragraph - 1, len(sentences), args.paragraph):
            sentences[n] = SENTENCE.rstrip() + "\n"
    text = "".join(sentences)[: args.chars]
    with tempfile.TemporaryDirectory() as folder:
        record = Generator(7, 1, (60, 60)).record(0, status="in_progress")
        store = make(Path(folder) / "typing.db", StoreKey.from_raw(TEST_KEY), 0, extra=(record,))
        session = Session(store, Actor("Bench Chair", UserRole.CHAIR), system_clock)
        ref = record.conference.reference
        item = next(a for a in record.agenda if a.status.value == "current")
        entry = session.entries.add_entry(ref, item.id, text)
        record = session.conferences.get(ref)
        number = record.agenda.index(item) + 1
        pane = MinutesPane(session, ref, item, number, QtGui.QUndoStack(),
                           lambda: datetime.now(UTC))  # fmt: skip
        pane.set_participants(record.participants)
        pane.set_entries(record.minutes)
        pane.resize(1000, 700)
        pane.show()
        saves: list[float] = []
        original = pane._save_text

        def timed_save() -> None:
            started = time.perf_counter()
            original()
            saves.append((time.perf_counter() - started) * 1000)

        pane.autosave._save = timed_save  # type: ignore[attr-defined]
        pane._select(entry.id)
        pane._show(session.entries.entry(entry.id))
        pane.editor.setFocus()
        app.processEvents()
        entries_in_item = pane.model.rowCount()
        handling, latency = drive(app, pane.editor, args.keys, args.interval_ms)
        pane.flush()
        stored = session.entries.entry(entry.id).text
        typed_ok = len(stored) == args.chars + args.keys
        pane.close()
        store.close()

        bare = QtWidgets.QPlainTextEdit()
        bare.setPlainText(text)
        bare.moveCursor(QtGui.QTextCursor.MoveOperation.End)
        bare.resize(1000, 450)
        bare.show()
        bare.setFocus()
        app.processEvents()
        bare_handling, bare_latency = drive(app, bare, args.keys, args.interval_ms)

    shape = f"{text.count(chr(10)) + 1} paragraphs" if args.paragraph else "one paragraph"
    print(
        f"{args.keys} keys every {args.interval_ms} ms into an entry of {args.chars:,} "
        f"characters in {shape} ({entries_in_item} entries in the item); stored text complete: "
        f"{typed_ok}; {len(saves)} autosaves"
    )
    print(
        f"  pane handling   median {statistics.median(handling):5.1f}  p99 "
        f"{p99(handling):5.1f}  max {max(handling):5.1f} ms"
    )
    print(
        f"  pane latency    median {statistics.median(latency):5.1f}  p99 "
        f"{p99(latency):5.1f}  max {max(latency):5.1f} ms (budget: no key > 16 ms)"
    )
    if saves:
        print(
            f"  autosave        median {statistics.median(saves):5.1f}  max "
            f"{max(saves):5.1f} ms on the GUI thread"
        )
    print(
        f"  bare QPlainTextEdit handling median {statistics.median(bare_handling):5.1f}  p99 "
        f"{p99(bare_handling):5.1f}  max {max(bare_handling):5.1f} ms; latency p99 "
        f"{p99(bare_latency):5.1f}  max {max(bare_latency):5.1f} ms"
    )
    print(
        f"  ratio (p99 latency) {p99(latency) / p99(bare_latency):.1f}; worst key against "
        f"the budget {max(latency) / 16:.2f}"
    )


if __name__ == "__main__":
    main()
