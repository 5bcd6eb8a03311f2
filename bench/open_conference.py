"""Opening a conference of 2,000 minute entries: the service load and the workspace page.

    .venv/bin/python bench/open_conference.py [--runs 7] [--warm] [--entries 2000]
        [--db STORE (--passphrase-file F | --raw-test-key) --ref REFERENCE]

Budget (design.md §7): at most 150 ms.

What is timed is ``MainWindow.open_conference(ref)`` on a shown main window (offscreen
Qt), as a double-click on the home screen does it: ``ConferenceService.get`` (the audited
load of the whole record), the ``WorkspacePage`` with its agenda, roll call, a minutes
pane for every agenda item and the decisions tab, the menus, and then the event-loop
turns that lay out and paint it. Between runs the window goes back home (not timed).
The first open of the process also imports the workspace's modules: it is shown apart.
With ``--warm`` they are imported first, one by one on a second thread, as the
application's start-up does while the passphrase is typed (``cpc_desktop.app.Preload``'s
second thread), and then, where the code has it, the first open's warm-up runs on the
event loop as in the idle after the home screen (``cpc_desktop.ui.first_open``); the
first open is then timed as the application's first open.

Without ``--db`` a temporary store is made with ``bench/make_store.py``'s generator:
20 ordinary conferences and one under way with 2,000 entries (``--entries``). The reference, in the
same run and on the same connection, is plain SQL reading every row of that
conference (conference, children, participants and their attendance, agenda, minute
entries, decisions and their views, dissents and actions, conference actions): what
the store costs before any of our code.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

READS = (
    "SELECT * FROM conference WHERE id = :c",
    "SELECT * FROM child WHERE conference_id = :c ORDER BY position",
    "SELECT * FROM participant WHERE conference_id = :c ORDER BY position",
    "SELECT a.* FROM attendance_event a JOIN participant p ON p.id = a.participant_id "
    "WHERE p.conference_id = :c ORDER BY a.position",
    "SELECT * FROM agenda_item WHERE conference_id = :c ORDER BY position",
    "SELECT * FROM minute_entry WHERE conference_id = :c ORDER BY position",
    "SELECT * FROM decision WHERE conference_id = :c ORDER BY position",
    "SELECT v.* FROM agency_view v JOIN decision d ON d.id = v.decision_id "
    "WHERE d.conference_id = :c",
    "SELECT x.* FROM dissent x JOIN decision d ON d.id = x.decision_id WHERE d.conference_id = :c",
    "SELECT x.* FROM plan_action x JOIN decision d ON d.id = x.decision_id "
    "WHERE d.conference_id = :c",
    "SELECT * FROM conference_action WHERE conference_id = :c ORDER BY position",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--entries", type=int, default=2000, help="without --db: its size")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--passphrase-file", type=Path)
    parser.add_argument("--raw-test-key", action="store_true")
    parser.add_argument("--ref")
    parser.add_argument("--warm", action="store_true", help="warm up as the application does")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = folder.name

    from make_store import TEST_KEY, large_record, make
    from PySide6 import QtCore, QtWidgets

    from cpc_desktop.data.keys import StoreKey
    from cpc_desktop.data.store import open_store
    from cpc_desktop.services.session import Session, _actor, system_clock
    from cpc_desktop.ui.main_window import MainWindow
    from cpc_desktop.ui.settings import Preferences

    if args.db is None:
        key = StoreKey.from_raw(TEST_KEY)
        big = large_record(1, 20, args.entries)
        path = Path(folder.name) / "open.db"
        make(path, key, 20, entries=(50, 400), extra=(big,)).close()
        ref = big.conference.reference
    else:
        if args.passphrase_file is not None:
            text = args.passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
            key = StoreKey.from_passphrase(text)
        elif args.raw_test_key:
            key = StoreKey.from_raw(TEST_KEY)
        else:
            raise SystemExit("with --db give --passphrase-file or --raw-test-key")
        path, ref = args.db, args.ref
        if not ref:
            raise SystemExit("with --db give --ref (make_store prints the large conference's)")

    from qt_probe import quiet_offscreen_warnings

    quiet_offscreen_warnings()
    app = QtWidgets.QApplication(sys.argv[:1])
    store = open_store(path, key)
    session = Session(store, _actor(store, None), system_clock)
    preferences = Preferences(QtCore.QSettings())
    # Going home between runs must not stop at the closing check (what is unfinished: a
    # question for the chair), or the next open would not open anything.
    preferences.check_unfinished = False
    window = MainWindow(session, preferences)
    window.show()
    app.processEvents()
    warmed = ""
    if args.warm:
        from cpc_desktop.app import Preload

        start = time.perf_counter()
        preload = Preload(lambda: None)
        preload.resume()  # as after an unlock: only the second thread
        while not preload.finished_later():
            app.processEvents()
            time.sleep(0.005)
        warmed = f"; warmed first on a second thread in {time.perf_counter() - start:.2f} s"
        try:  # then, as the application does in the idle after, the first open's warm-up
            from cpc_desktop.ui.first_open import FirstOpenWarmup
        except ImportError:  # older code (a "before" run): it had none
            FirstOpenWarmup = None  # type: ignore[assignment,misc]
        if FirstOpenWarmup is not None:
            start = time.perf_counter()
            warmup, over = FirstOpenWarmup(session), []
            warmup.done.connect(lambda: over.append(True))
            warmup.start()
            while not over:
                app.processEvents()
                time.sleep(0.002)
            warmed += f", then the first open's warm-up in {time.perf_counter() - start:.2f} s"

    loads: list[float] = []
    original_get = session.conferences.get

    def timed_get(reference: str):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return original_get(reference)
        finally:
            loads.append(time.perf_counter() - start)

    session.conferences.get = timed_get  # type: ignore[method-assign]

    cpu: list[float] = []  # the GUI thread's own time: what the load on the machine adds less to

    def open_once() -> tuple[float, float]:
        before = window.workspace
        start, start_cpu = time.perf_counter(), time.thread_time()
        window.open_conference(ref)
        built = time.perf_counter()
        if window.workspace is None or window.workspace is before:
            raise SystemExit(f"{ref} did not open")
        app.processEvents()
        app.processEvents()
        painted = time.perf_counter()
        cpu.append(time.thread_time() - start_cpu)
        window.show_home()
        app.processEvents()
        if window.workspace is not None:
            raise SystemExit("the window did not go home between runs")
        return built - start, painted - start

    first_built, first_painted = open_once()
    record = session.conferences.get(ref)
    entries = len(record.minutes)
    built, painted = [], []
    for _ in range(args.runs):
        b, p = open_once()
        built.append(b)
        painted.append(p)
    service = loads[1 : 1 + args.runs]

    raw_times = []
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        for _ in range(args.runs):
            start = time.perf_counter()
            for sql in READS:
                raw.execute(sql, {"c": record.conference.id}).fetchall()
            raw_times.append(time.perf_counter() - start)
        conn.rollback()
    window.close()
    store.close()
    folder.cleanup()

    ms = 1000
    painted_m, raw_m = statistics.median(painted), statistics.median(raw_times)
    print(
        f"{ref}: {entries:,} minute entries, {len(record.participants)} participants, "
        f"{len(record.agenda)} agenda items; store {path.name}; {args.runs} runs"
    )
    print(
        f"  open_conference + paint  median {painted_m * ms:.0f} ms  "
        f"[{min(painted) * ms:.0f}-{max(painted) * ms:.0f}] (budget 150 ms)"
    )
    print(
        f"    the GUI thread's CPU time          median {statistics.median(cpu[1:]) * ms:.0f} ms "
        f"(first open {cpu[0] * ms:.0f} ms)"
    )
    print(f"    of which open_conference returns    median {statistics.median(built) * ms:.0f} ms")
    print(
        f"    of which ConferenceService.get      median {statistics.median(service) * ms:.0f} ms"
    )
    print(
        f"  first open in the process             {first_painted * ms:.0f} ms "
        f"(built {first_built * ms:.0f} ms, ConferenceService.get {loads[0] * ms:.0f} ms)"
        f"{warmed or '; imports included'}"
    )
    print(f"  reference: plain SQL reading the conference's rows  median {raw_m * ms:.1f} ms")
    print(f"  ratio {painted_m / raw_m:.1f}; against the budget {painted_m / 0.150:.2f}")


if __name__ == "__main__":
    main()
