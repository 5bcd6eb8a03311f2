"""What sealing the audit chain's head outside the store adds to each commit.

    .venv/bin/python bench/seal_cost.py [--commits 200] [--rounds 3]

Every unit of work commits (WAL, synchronous=FULL: one fsync) and then writes the seal
(an HMAC, a temporary file, an fsync and a rename: see cpc_desktop/data/seal.py). This
times ``--commits`` audited units of work that change one row, on a real encrypted store
(raw test key), with the seal and, as the reference in the same run, with the store's
sealer removed; rounds alternate so the disk's mood is shared. It prints the median
milliseconds per commit of each and the ratio.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cpc_desktop.data import audit
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.models import StoreInfo
from cpc_desktop.data.store import Store, create_store


def _commits(store: Store, n: int) -> float:
    """Milliseconds per commit over ``n`` audited units of work."""
    context = audit.AuditContext("Bench", "chair", "bench", "store_info")
    start = time.perf_counter()
    for i in range(n):
        with store.unit_of_work(context) as work:
            row = work.session.query(StoreInfo).filter_by(key="format").one()
            row.row_updated_by = f"bench {i}"
    return (time.perf_counter() - start) * 1000 / n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CPC_SEAL_DIR"] = str(Path(folder) / "seals")
        store = create_store(
            Path(folder) / "bench.db",
            StoreKey.from_raw(bytes(range(32))),
            owner="Bench",
            now=datetime.now(UTC),
        )
        sealer = store.sealer
        sealed, bare = [], []
        try:
            _commits(store, 20)  # warm-up
            for _ in range(args.rounds):
                store._sealer = sealer
                sealed.append(_commits(store, args.commits))
                store._sealer = None
                bare.append(_commits(store, args.commits))
        finally:
            store._sealer = sealer
            store.close()
    with_seal, without = statistics.median(sealed), statistics.median(bare)
    print(f"commit with the seal:    {with_seal:.2f} ms (median of {args.rounds} × {args.commits})")
    print(f"commit without (bare):   {without:.2f} ms")
    print(
        f"seal per commit:         {with_seal - without:+.2f} ms; ratio {with_seal / without:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
