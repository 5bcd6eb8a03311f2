"""What ``check`` costs as a store grows, against the same checks done bare (issue 21.2).

    .venv/bin/python bench/check_stream.py [--sizes 1000 10000] [--cache DIR] [--runs 1]

Builds (once, cached in ``--cache``, default ``/tmp/cpc-bench-check``) a store of each
size with ``make_store.py --entries 50-50`` and the passphrase below, then times, each
in a new process so that its peak memory (``ru_maxrss``) is its own:

  check, in-process   ``integrity.check`` on an open store (what the command adds to the
                      open): the streaming check of this code
  reference           the same checks with bare sqlcipher3 and the standard library:
                      ``cipher_integrity_check``, ``integrity_check``, the search index's
                      check, the chain replayed with hashlib, every row read in rowid
                      order, hashed by hand-written conversions and compared with a
                      dict of every row's expected hash (all in memory)
  check, command      ``cpc-desktop check`` as a child process: imports, key derivation,
                      the open's own page check, then the above; against the reference's
                      whole process (its imports and one key derivation included)

Each row prints seconds and peak MiB with its ratio to the reference in the same run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "a passphrase for the benchmark store"  # as in README.md

PRODUCT = """
import resource, sys, time
from pathlib import Path
from cpc_desktop.data import integrity
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.store import open_store
store = open_store(Path(sys.argv[1]), StoreKey.from_passphrase(sys.argv[2]))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def cpu():
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime
cpu0 = cpu()
stages = {}
def heard(fraction, what):
    stages.setdefault(what, time.perf_counter())
start = time.perf_counter()
report = integrity.check(store, heard)
took = time.perf_counter() - start
store.close()
assert report.sound, report.problems
marks = [*stages.items(), ("end", start + took)]
short = {"checking every page": "pages", "checking the structure": "structure",
         "checking the search index": "search", "replaying the audit log": "chain",
         "hashing every row": "rows", "comparing every row with the audit log": "compare"}
spent = ",".join(
    f"{short[a]}={marks[i + 1][1] - t:.1f}" for i, (a, t) in enumerate(marks[:-1])
)
print(took, before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, report.rows,
      cpu() - cpu0, spent)
"""

#: The reference: no SQLAlchemy at check time (the models only name each column's kind,
#: before the clock starts).
REFERENCE = """
import hashlib, json, resource, sys, time
from datetime import date, datetime, time as clock
from pathlib import Path
import sqlcipher3.dbapi2 as s
import sqlalchemy as sa
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.models import TRACKED_TABLES
from cpc_desktop.data.types import InstantSpans, UTCDateTime

path = Path(sys.argv[1])
with open(path, 'rb') as f:
    salt = f.read(16)
key = StoreKey.from_passphrase(sys.argv[2]).for_salt(salt)
KINDS = {}
for table in TRACKED_TABLES:
    kinds = {}
    for c in table.columns:
        t = c.type
        kinds[c.name] = ("instant" if isinstance(t, UTCDateTime) else "spans"
            if isinstance(t, InstantSpans) else "json" if isinstance(t, sa.JSON) else "day"
            if isinstance(t, sa.Date) else "clock" if isinstance(t, sa.Time) else "flag"
            if isinstance(t, sa.Boolean) else "blob" if isinstance(t, sa.LargeBinary) else "")
    KINDS[table.name] = kinds
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
use = resource.getrusage(resource.RUSAGE_SELF)
cpu0 = use.ru_utime + use.ru_stime
start = time.perf_counter()

def instant(v):
    return None if v is None else datetime.fromisoformat(v).isoformat() + "+00:00"
def spans(v):
    return [[datetime.fromisoformat(a).isoformat() + "+00:00",
             datetime.fromisoformat(b).isoformat() + "+00:00"] for a, b in json.loads(v or "[]")]
CONVERT = {"instant": instant, "spans": spans,
           "json": lambda v: None if v is None else json.loads(v),
           "day": lambda v: None if v is None else date.fromisoformat(v).isoformat(),
           "clock": lambda v: None if v is None else clock.fromisoformat(v).isoformat(),
           "flag": lambda v: None if v is None else bool(v),
           "blob": lambda v: None if v is None else "sha256:" + hashlib.sha256(v).hexdigest()}
enc = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode
con = s.connect(str(path), isolation_level=None)
con.execute("PRAGMA key = \\"x'" + key.raw.hex() + "'\\"")
assert con.execute("PRAGMA cipher_integrity_check").fetchall() == []
assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
con.execute("BEGIN")
con.execute("INSERT INTO minute_fts(minute_fts, rank) VALUES ('integrity-check', 1)")
con.execute("ROLLBACK")
con.execute("BEGIN")
expected, prev = {}, "0" * 64
cols = ["seq", "at", "actor", "role", "action", "object_type", "object_id", "outcome",
        "rows", "prev_hash", "hash"]
for row in con.execute("SELECT " + ", ".join(cols) + " FROM audit_event ORDER BY seq"):
    body = dict(zip(cols[:-1], row[:-1]))
    body["at"] = instant(body["at"])
    assert body["prev_hash"] == prev
    h = hashlib.sha256(bytes.fromhex(prev) + enc(body).encode()).hexdigest()
    assert h == row[-1], body["seq"]
    prev = h
    for t, i, d in json.loads(body["rows"]):
        expected[(t, i)] = d
rows = 0
for table, kinds in KINDS.items():
    names = list(kinds)
    conv = [(n, CONVERT[k]) for n, k in kinds.items() if k]
    cur = con.execute("SELECT " + ", ".join(f'"{n}"' for n in names) + f' FROM "{table}"')
    while part := cur.fetchmany(2000):
        for raw in part:
            row = dict(zip(names, raw))
            for n, f in conv:
                row[n] = f(row[n])
            if row.get("row_version") == 1:
                del row["row_version"]
            d = hashlib.sha256(table.encode() + b"\\x00" + enc(row).encode()).hexdigest()
            assert expected.pop((table, raw[names.index("id")])) == d, (table, raw)
            rows += 1
assert not [k for k, v in expected.items() if v is not None]
con.execute("ROLLBACK")
took = time.perf_counter() - start
use = resource.getrusage(resource.RUSAGE_SELF)
print(took, before, use.ru_maxrss, rows, use.ru_utime + use.ru_stime - cpu0)
"""


def _store(cache: Path, conferences: int) -> Path:
    path = cache / f"store{conferences}.db"
    if path.exists():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    secret = cache / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    print(f"building {path} (once; 10,000 conferences take 10-25 minutes)", flush=True)
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_store.py"), str(path),
         "--conferences", str(conferences), "--entries", "50-50",
         "--passphrase-file", str(secret)],
        check=True, env=_env(cache),
    )  # fmt: skip
    return path


def _env(cache: Path) -> dict[str, str]:
    return {**os.environ, "CPC_SEAL_DIR": str(cache / "seals"), "CPC_PASSPHRASE": PASSPHRASE}


def _child(code: str, store: Path, cache: Path) -> tuple[float, float, int, float, float]:
    """Seconds of the check itself, the process's peak MiB, rows, the seconds of the
    whole process (start-up, imports and key derivation included), and the CPU seconds
    (user + system) of the check itself, which move less with a shared machine's load."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, str(store), PASSPHRASE],
        check=True, capture_output=True, text=True, env=_env(cache), cwd=ROOT,
    ).stdout.split()  # fmt: skip
    whole = time.perf_counter() - start
    took, peak, rows, cpu = float(out[0]), int(out[2]), int(out[3]), float(out[4])
    if len(out) > 5:
        print(f"{'':>11} {'':>9} stages (s): {out[5]}", flush=True)
    return took, peak / 1024, rows, whole, cpu


COMMAND = """
import resource, runpy, sys
sys.argv = ["cpc-desktop", "check", "--db", sys.argv[1]]
try:
    runpy.run_module("cpc_desktop", run_name="__main__")
except SystemExit as end:
    assert end.code == 0, end.code
print("peak", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def _command(store: Path, cache: Path) -> tuple[float, float]:
    """``cpc-desktop check`` in a new process: seconds, and its own peak MiB."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", COMMAND, str(store)],
        check=True, capture_output=True, text=True, env=_env(cache), cwd=ROOT,
    )  # fmt: skip
    took = time.perf_counter() - start
    peak = int(done.stderr.split("peak", 1)[1].split()[0])
    return took, peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cpc-bench-check"))
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-command", action="store_true", help="skip the whole command")
    args = parser.parse_args()
    print(f"{'conferences':>11} {'rows':>9} {'what':<22} {'s':>8} {'peak MiB':>9} "
          f"{'ref s':>7} {'ref MiB':>8} {'time ratio':>10}")  # fmt: skip
    for size in args.sizes:
        store = _store(args.cache, size)
        for _ in range(args.runs):
            ref_s, ref_mib, rows, ref_whole, ref_cpu = _child(REFERENCE, store, args.cache)
            ours_s, ours_mib, ours_rows, _, ours_cpu = _child(PRODUCT, store, args.cache)
            assert ours_rows == rows, (ours_rows, rows)
            lines = [
                ("check, in-process", ours_s, ours_mib, ref_s),
                ("  the same, CPU s", ours_cpu, ours_mib, ref_cpu),
            ]
            if not args.no_command:
                whole_s, whole_mib = _command(store, args.cache)
                lines.append(("check, whole command", whole_s, whole_mib, ref_whole))
            for what, took, mib, ref in lines:
                print(f"{size:>11} {rows:>9} {what:<22} {took:>8.2f} {mib:>9.1f} "
                      f"{ref:>7.2f} {ref_mib:>8.1f} {took / ref:>10.2f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
