"""How long one autosave of a long minute entry takes, against bare SQL in the same run.

    .venv/bin/python bench/autosave.py [--saves N] [--chars N]

Each save is ``MinuteEntryService.save_text`` on an entry of about ``--chars`` characters
that grows by one character per save (as typing does), in a demo conference of an
encrypted store: one UPDATE (the full-text index re-indexes the entry through its
trigger), the audit event, one fsync'd commit. The reference is the same growth done
with ``BEGIN IMMEDIATE; UPDATE; COMMIT`` on the same connection: what SQLCipher, FTS5
and the disk cost before our code. Medians and 90th percentiles, in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.store import create_store
from cpc_desktop.domain.enums import UserRole
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_record
from cpc_desktop.services.minute_entries import MinuteEntryService
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import system_clock

SENTENCE = "The social worker described the home visit and the children's routines. "


def _summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.9)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--chars", type=int, default=100_000)
    args = parser.parse_args()
    base = (SENTENCE * (args.chars // len(SENTENCE) + 1))[: args.chars]
    actor = Actor("Bench Chair", UserRole.CHAIR)
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as folder:
        key = StoreKey.from_raw(bytes(range(32)))
        store = create_store(
            Path(folder) / "bench.db", key, owner=actor.name, now=datetime.now(UTC)
        )
        record = build_demo_record(date.today())
        ConferenceService(store, actor, system_clock).import_record(record)
        entries = MinuteEntryService(store, actor, system_clock)
        entry = entries.add_entry(record.conference.reference, record.agenda[3].id, base)

        ours = []
        for n in range(args.saves):
            start = time.perf_counter()
            entries.save_text(entry.id, base + "x" * n)
            ours.append((time.perf_counter() - start) * 1000)

        bare = []
        with store.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            for n in range(args.saves):
                start = time.perf_counter()
                raw.execute("BEGIN IMMEDIATE")
                raw.execute(
                    "UPDATE minute_entry SET text = ? WHERE id = ?", (base + "y" * n, entry.id)
                )
                raw.execute("COMMIT")
                bare.append((time.perf_counter() - start) * 1000)
            conn.rollback()
        store.close()

    (our_median, our_p90), (bare_median, bare_p90) = _summary(ours), _summary(bare)
    print(f"save_text, {args.chars:,} characters, {args.saves} saves")
    print(f"  save_text         median {our_median:6.2f} ms   p90 {our_p90:6.2f} ms")
    print(f"  bare UPDATE+COMMIT median {bare_median:6.2f} ms   p90 {bare_p90:6.2f} ms")
    print(f"  ratio (medians)   {our_median / bare_median:.2f}")


if __name__ == "__main__":
    main()
