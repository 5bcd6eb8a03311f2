"""Full-text search over the minutes of every conference (500,000 entries).

    .venv/bin/python bench/search.py --db STORE (--passphrase-file F | --raw-test-key)
        [--runs 5]

Budget (design.md §7): median at most 100 ms over 500,000 minute entries.

Make the store first (see README): 10,000 conferences of 50 entries each.

Times ``SearchService.search(query)`` (the home screen's search: role check, the
audited unit of work with its fsync'd commit, the FTS5 query ranked by bm25 with
snippets, joined to conference and agenda item, at most 50 hits) for each query of
:data:`QUERIES` — names, common and rare words, prefixes, several words — ``--runs``
times after one untimed pass (the first pass after opening reads the index from disk;
it is shown apart). References, same run, same connection: the product's own SQL run
bare (``data.search._QUERY``, no service, no audit), and the cheapest FTS5 query for
the same words (``SELECT rowid ... MATCH ... LIMIT 50``, unranked).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

QUERIES = (
    "Lily",
    "Kowalski",
    "school attendance",
    "refuge",
    "immunis",
    "domestic abuse risk assessment",
    "the",
    "police",
    "speech and language",
    "bruise arm fall",
    "interpreter",
    "zzzz",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--passphrase-file", type=Path)
    parser.add_argument("--raw-test-key", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from make_store import TEST_KEY

    from cpc_desktop.data import search as fts
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
    with store.reading() as s:
        entries = s.connection().exec_driver_sql("SELECT count(*) FROM minute_entry").scalar()

    first = {}
    for query in QUERIES:
        start = time.perf_counter()
        session.search.search(query)
        first[query] = time.perf_counter() - start
    ours: dict[str, list[float]] = {q: [] for q in QUERIES}
    hits: dict[str, int] = {}
    for _ in range(args.runs):
        for query in QUERIES:
            start = time.perf_counter()
            found = session.search.search(query)
            ours[query].append(time.perf_counter() - start)
            hits[query] = len(found)

    bare_sql: dict[str, list[float]] = {q: [] for q in QUERIES}
    cheapest: dict[str, list[float]] = {q: [] for q in QUERIES}
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        product_sql = str(fts._QUERY)
        for _ in range(args.runs):
            for query in QUERIES:
                match = fts.match_expression(query)
                params = {
                    "match": match,
                    "limit": 50,
                    "start": fts.HIGHLIGHT_START,
                    "end": fts.HIGHLIGHT_END,
                    "ellipsis": fts.ELLIPSIS,
                    "tokens": 16,
                }
                start = time.perf_counter()
                raw.execute(product_sql, params).fetchall()
                bare_sql[query].append(time.perf_counter() - start)
                start = time.perf_counter()
                raw.execute(
                    "SELECT rowid FROM minute_fts WHERE minute_fts MATCH ? LIMIT 50", (match,)
                ).fetchall()
                cheapest[query].append(time.perf_counter() - start)
        conn.rollback()
    store.close()

    ms = 1000
    med = statistics.median
    print(f"{args.db.name}: {entries:,} minute entries; {len(QUERIES)} queries x {args.runs} runs")
    print(
        f"  {'query':<32} {'hits':>4} {'search':>8} {'first':>8} {'bare SQL':>9} "
        f"{'cheapest':>9}  (ms)"
    )
    for query in QUERIES:
        print(
            f"  {query:<32} {hits[query]:>4} {med(ours[query]) * ms:>8.1f} "
            f"{first[query] * ms:>8.1f} {med(bare_sql[query]) * ms:>9.1f} "
            f"{med(cheapest[query]) * ms:>9.2f}"
        )
    all_ours = [t for q in QUERIES for t in ours[q]]
    all_bare = [t for q in QUERIES for t in bare_sql[q]]
    all_cheap = [t for q in QUERIES for t in cheapest[q]]
    print(
        f"  SearchService.search  median {med(all_ours) * ms:.1f} ms  max "
        f"{max(all_ours) * ms:.1f} ms (budget: median 100 ms)"
    )
    print(
        f"  reference: the same SQL bare  median {med(all_bare) * ms:.1f} ms; unranked "
        f"MATCH LIMIT 50  median {med(all_cheap) * ms:.2f} ms"
    )
    print(
        f"  ratio to the bare SQL {med(all_ours) / med(all_bare):.2f}; against the budget "
        f"{med(all_ours) / 0.100:.2f}"
    )


if __name__ == "__main__":
    main()
