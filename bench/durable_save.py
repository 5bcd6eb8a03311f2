"""Keystroke to durable save: from a key in the minutes pane to the commit another
connection can read.

    .venv/bin/python bench/durable_save.py [--trials 20] [--chars 2000] [--burst-s 3]

Budget (design.md §7): at most 1 s (debounced autosave, commit with fsync).

A real ``MinutesPane`` (offscreen Qt) on an encrypted store (raw test key) types into an
entry of ``--chars`` characters with ``QTest.keyClick``. A second SQLCipher connection
to the same file, on its own thread, polls the entry's length every millisecond and
notes when the typed character is there: that row is committed (WAL, synchronous=FULL)
and visible to any other reader, so it survives a crash.

* single keys: one key after a pause, ``--trials`` times (the autosave's 300 ms quiet
  timer decides);
* a burst: a key every 50 ms for ``--burst-s`` seconds without a pause (the 750 ms
  limit timer decides); each key's time to durable is measured, the worst is shown.

The reference, in the same run, is the floor under any durable save: a bare
``UPDATE`` and ``COMMIT`` of the same entry on the pane's connection, timed until the
poller sees it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))


class Poller(threading.Thread):
    """Reads the entry's length on its own connection until told to stop."""

    def __init__(self, path: Path, key_literal: str, entry_id: str) -> None:
        super().__init__(daemon=True)
        import sqlcipher3.dbapi2 as sqlcipher

        self.con = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
        self.con.execute("PRAGMA key = " + key_literal)
        self.entry_id = entry_id
        self.length = 0
        self.seen: dict[int, float] = {}  # length -> first time seen
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            row = self.con.execute(
                "SELECT length(text) FROM minute_entry WHERE id = ?", (self.entry_id,)
            ).fetchone()
            now = time.perf_counter()
            if row and row[0] > self.length:  # the text only grows: each length once
                for n in range(self.length + 1, row[0] + 1):
                    self.seen[n] = now
                self.length = row[0]
            time.sleep(0.001)


def wait_for(app, poller: Poller, length: int, limit: float = 5.0) -> float:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + limit
    while length not in poller.seen:
        if time.perf_counter() > end:
            raise SystemExit(f"length {length} never became visible")
        app.processEvents()
        time.sleep(0.0005)
    return poller.seen[length]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--chars", type=int, default=2000)
    parser.add_argument("--burst-s", type=float, default=3.0)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from make_store import TEST_KEY, Generator, make
    from PySide6 import QtGui, QtTest, QtWidgets
    from qt_probe import quiet_offscreen_warnings

    from cpc_desktop.data.keys import StoreKey
    from cpc_desktop.domain.enums import UserRole
    from cpc_desktop.services.roles import Actor
    from cpc_desktop.services.session import Session, system_clock
    from cpc_desktop.ui.workspace.minutes_pane import MinutesPane

    quiet_offscreen_warnings()
    app = QtWidgets.QApplication(sys.argv[:1])
    key = StoreKey.from_raw(TEST_KEY)
    base = ("The family support worker visited twice this week. " * (args.chars // 50 + 1))[
        : args.chars
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "durable.db"
        record = Generator(8, 1, (60, 60)).record(0, status="in_progress")
        store = make(path, key, 0, extra=(record,))
        session = Session(store, Actor("Bench Chair", UserRole.CHAIR), system_clock)
        ref = record.conference.reference
        item = next(a for a in record.agenda if a.status.value == "current")
        entry = session.entries.add_entry(ref, item.id, base)
        record = session.conferences.get(ref)
        pane = MinutesPane(session, ref, item, 1, QtGui.QUndoStack(),
                           lambda: datetime.now(UTC))  # fmt: skip
        pane.set_participants(record.participants)
        pane.set_entries(record.minutes)
        pane.resize(1000, 700)
        pane.show()
        pane._select(entry.id)
        pane._show(session.entries.entry(entry.id))
        pane.editor.setFocus()
        app.processEvents()
        poller = Poller(path, key.sql_literal(), entry.id)
        poller.start()
        wait_for(app, poller, len(base))

        single = []
        length = len(base)
        for _ in range(args.trials):
            time.sleep(0.2)
            app.processEvents()
            start = time.perf_counter()
            QtTest.QTest.keyClick(pane.editor, "k")
            length += 1
            single.append(wait_for(app, poller, length) - start)

        burst_keys: dict[int, float] = {}
        end = time.perf_counter() + args.burst_s
        next_key = time.perf_counter()
        while time.perf_counter() < end:
            if time.perf_counter() >= next_key:
                QtTest.QTest.keyClick(pane.editor, "b")
                length += 1
                burst_keys[length] = time.perf_counter()
                next_key += 0.05
            app.processEvents()
            time.sleep(0.0005)
        wait_for(app, poller, length)
        burst = [poller.seen[n] - at for n, at in burst_keys.items()]

        bare = []
        with store.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            for _ in range(args.trials):
                length += 1
                start = time.perf_counter()
                raw.execute("BEGIN IMMEDIATE")
                raw.execute("UPDATE minute_entry SET text = text || 'r' WHERE id = ?", (entry.id,))
                raw.execute("COMMIT")
                bare.append(wait_for(app, poller, length) - start)
            conn.rollback()
        poller.stop.set()
        poller.join()
        poller.con.close()
        pane.close()
        store.close()

    single_m, bare_m = statistics.median(single), statistics.median(bare)
    print(
        f"entry of {args.chars:,} characters; {args.trials} single keys, a burst of "
        f"{len(burst)} keys at 20 per second"
    )
    print(
        f"  single key to durable  median {single_m * 1000:.0f} ms  max {max(single) * 1000:.0f} ms"
    )
    print(
        f"  burst, key to durable  median {statistics.median(burst) * 1000:.0f} ms  max "
        f"{max(burst) * 1000:.0f} ms (budget 1000 ms)"
    )
    print(f"  reference: bare UPDATE+COMMIT seen by the poller  median {bare_m * 1000:.1f} ms")
    worst = max(max(single), max(burst))
    print(
        f"  ratio (single medians) {single_m / bare_m:.0f}; worst against the budget "
        f"{worst / 1.0:.2f}"
    )


if __name__ == "__main__":
    main()
