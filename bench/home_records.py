"""The home screen's line on complaints due and retention, at every refresh.

    .venv/bin/python bench/home_records.py --db STORE (--passphrase-file F | --raw-test-key)
        [--runs 7]

No budget of its own: it adds to the unlock-to-home time (design.md §7), so it is timed
against the home screen's own listing in the same run. Times
``ComplaintService.due_complaints`` plus ``RetentionService.retention_list(due_only=True)``
(each a role check and an audited unit of work with its fsync'd commit; the retention
list reads only conferences near their cut-off or on hold), and the reference
``ScheduleService.listing()`` (what the home screen lists), best of ``--runs`` each.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))


def _best(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--passphrase-file", type=Path)
    parser.add_argument("--raw-test-key", action="store_true")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from make_store import TEST_KEY

    from cpc_desktop.data.keys import StoreKey
    from cpc_desktop.data.store import open_store
    from cpc_desktop.services.session import Session, _actor, system_clock

    if args.passphrase_file is not None:
        key = StoreKey.from_passphrase(
            args.passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
        )
    elif args.raw_test_key:
        key = StoreKey.from_raw(TEST_KEY)
    else:
        raise SystemExit("give --passphrase-file or --raw-test-key")
    store = open_store(args.db, key)
    session = Session(store, _actor(store, None), system_clock)
    try:
        listing = _best(lambda: session.schedule.listing(everything=False), args.runs)
        complaints = _best(session.complaints.due_complaints, args.runs)
        retention = _best(lambda: session.retention.retention_list(due_only=True), args.runs)
    finally:
        store.close()
    ours = complaints + retention
    print(f"complaints due: {complaints * 1000:.1f} ms; retention due: {retention * 1000:.1f} ms")
    print(f"together {ours * 1000:.1f} ms; the home listing (reference) {listing * 1000:.1f} ms;")
    print(f"ratio {ours / listing:.2f}")


if __name__ == "__main__":
    main()
