"""What checking every page before the first write costs on a large store (issue 17.7).

    .venv/bin/python bench/page_check.py [--mib 100] [--runs 5]

Makes its own store: the demo conferences plus MiB of padding in a table CPC Desktop
never reads (a page costs the same to check whatever it holds). Prints, as medians:

  check alone        SQLCipher's ``PRAGMA cipher_integrity_check`` on a bare sqlcipher3
                     connection (the reference: the work itself, nothing of ours)
  command-line open  ``open_store`` as every command opens a store: probe, every page
                     checked, then the read-write connection (its ratio to the check
                     alone is what our code adds)
  application open   ``open_store(check_later=True)``, as unlocking opens a large store:
                     no page check, writes held until the background check ends
  list, large/small  ``cpc-desktop list`` as a child process on this store and on the
                     demo store alone (key derivation and imports in both)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlcipher3.dbapi2 as sqlcipher  # noqa: E402

from cpc_desktop.data.keys import StoreKey  # noqa: E402
from cpc_desktop.data.probe import key_for_file  # noqa: E402
from cpc_desktop.data.store import open_store  # noqa: E402
from cpc_desktop.services.demo import build_demo_records  # noqa: E402
from cpc_desktop.services.session import open_session  # noqa: E402

PASSPHRASE = "benchmark passphrase"


def _median(runs: int, work: Callable[[], object]) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _make(folder: Path, mib: int) -> tuple[Path, Path, StoreKey]:
    small = folder / "demo.db"
    with open_session(small, PASSPHRASE, create=True, user="Bench Chair") as session:
        for record in build_demo_records(session.today()):
            session.conferences.import_record(record)
    large = folder / "large.db"
    shutil.copy(small, large)
    key = key_for_file(StoreKey.from_passphrase(PASSPHRASE), large)
    con = sqlcipher.connect(str(large))
    con.execute("PRAGMA key = " + key.sql_literal())
    con.execute("CREATE TABLE padding (x)")
    for _ in range(mib):
        con.execute("INSERT INTO padding VALUES (randomblob(1048576))")
    con.commit()
    con.close()
    return small, large, key


def _bare_check(path: Path, key: StoreKey) -> None:
    con = sqlcipher.connect(f"file:{path}?mode=ro", uri=True)
    con.execute("PRAGMA key = " + key.sql_literal())
    assert con.execute("PRAGMA cipher_integrity_check").fetchall() == []
    con.close()


def _list(path: Path) -> None:
    env = {**os.environ, "CPC_PASSPHRASE": PASSPHRASE}
    subprocess.run(
        [sys.executable, "-m", "cpc_desktop", "list", "--db", str(path)],
        check=True,
        capture_output=True,
        env=env,
        cwd=ROOT,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        small, large, key = _make(Path(name), args.mib)
        size = large.stat().st_size / 2**20
        bare = _median(args.runs, lambda: _bare_check(large, key))
        cli = _median(args.runs, lambda: open_store(large, key).close())
        app = _median(args.runs, lambda: open_store(large, key, check_later=True).close())
        list_large = _median(args.runs, lambda: _list(large))
        list_small = _median(args.runs, lambda: _list(small))
    print(f"store {size:.1f} MiB; medians of {args.runs}")
    per_mib = bare * 1000 / size
    print(f"check alone (bare sqlcipher3)  {bare * 1000:8.0f} ms  ({per_mib:.1f} ms/MiB)")
    print(f"command-line open              {cli * 1000:8.0f} ms  ratio {cli / bare:.2f}")
    print(f"application open (checked later) {app * 1000:6.0f} ms  ratio {app / bare:.2f}")
    print(
        f"list: large {list_large:.2f} s, demo store alone {list_small:.2f} s, "
        f"difference {list_large - list_small:.2f} s (ratio to the check alone "
        f"{(list_large - list_small) / bare:.2f})"
    )


if __name__ == "__main__":
    main()
