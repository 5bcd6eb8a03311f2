"""How long the command line takes, against references measured in the same run.

    .venv/bin/python bench/cli_startup.py [--runs N]

Rows:
  --version / --help   against `python -c pass` (budget: at most 0.1 s, design.md §7)
  list (demo store)    against opening the same store with sqlcipher3 alone (key
                       derivation included: SQLCipher's own PBKDF2-HMAC-SHA512, 256,000
                       rounds, the same as CPC Desktop's), i.e. what the store costs
                       before our code; the two run alternately, and the CPU seconds of
                       each (user + system) are shown too, as they move less with the load
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "benchmark passphrase"
HERE = Path(sys.executable).parent


def _time(argv: list[str], runs: int, env: dict[str, str]) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _paired(
    one: list[str], other: list[str], runs: int, env: dict[str, str]
) -> tuple[float, float, float, float]:
    """Medians of wall and CPU seconds (user + system, the child's own) of ``one`` and
    ``other`` run alternately: on a shared machine the CPU seconds move less with the load."""
    walls: dict[int, list[float]] = {0: [], 1: []}
    cpus: dict[int, list[float]] = {0: [], 1: []}
    for _ in range(runs):
        for which, argv in enumerate((one, other)):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True, env=env)
            walls[which].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[which].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    med = statistics.median
    return med(walls[0]), med(walls[1]), med(cpus[0]), med(cpus[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    env = {**os.environ, "CPC_PASSPHRASE": PASSPHRASE}
    cli = [sys.executable, "-m", "cpc_desktop"]
    with tempfile.TemporaryDirectory() as folder:
        store = str(Path(folder) / "demo.db")
        subprocess.run([*cli, "demo", "--db", store], check=True, capture_output=True, env=env)
        bare = _time([sys.executable, "-c", "pass"], runs, env)
        raw_open = _time(
            [
                sys.executable,
                "-c",
                f"import sqlcipher3.dbapi2 as s; c = s.connect({store!r}); "
                f"c.execute(\"PRAGMA key = '{PASSPHRASE}'\"); "
                "c.execute('select count(*) from conference')",
            ],
            runs,
            env,
        )
        bare = _time([sys.executable, "-c", "pass"], runs, env)
        raw_open = [
            sys.executable,
            "-c",
            f"import sqlcipher3.dbapi2 as s; c = s.connect({store!r}); "
            f"c.execute(\"PRAGMA key = '{PASSPHRASE}'\"); "
            "c.execute('select count(*) from conference')",
        ]
        # The same open with the key derived by hashlib (CPC Desktop's PBKDF2 call: the
        # same algorithm and rounds as SQLCipher's own, another implementation).
        hashlib_open = [
            sys.executable,
            "-c",
            "import hashlib, sqlcipher3.dbapi2 as s\n"
            f"salt = open({store!r}, 'rb').read(16)\n"
            f"k = hashlib.pbkdf2_hmac('sha512', {PASSPHRASE!r}.encode(), salt, 256000, 32)\n"
            f"c = s.connect({store!r})\n"
            "c.execute('PRAGMA key = \"x\\'' + k.hex() + '\\'\"')\n"
            "c.execute('select count(*) from conference')",
        ]
        listed, raw, listed_cpu, raw_cpu = _paired(
            [*cli, "list", "--db", store], raw_open, runs, env
        )
        _, same_kdf, _, same_kdf_cpu = _paired(
            [sys.executable, "-c", "pass"], hashlib_open, runs, env
        )
        rows = [
            ("--version", _time([*cli, "--version"], runs, env), bare, "python -c pass"),
            ("--help", _time([*cli, "--help"], runs, env), bare, "python -c pass"),
            ("list (demo store)", listed, raw, "sqlcipher3 open + key + one query"),
            ("list, CPU seconds", listed_cpu, raw_cpu, "the same, CPU seconds"),
            ("list, same KDF", listed, same_kdf, "the same open, key derived by hashlib"),
            ("list, same KDF, CPU", listed_cpu, same_kdf_cpu, "the same, CPU seconds"),
        ]
    print(f"{'what':<20} {'median s':>9} {'reference s':>12} {'ratio':>6}  reference")
    for name, measured, reference, ref_name in rows:
        print(
            f"{name:<20} {measured:>9.3f} {reference:>12.3f} {measured / reference:>6.2f}  "
            f"{ref_name}"
        )


if __name__ == "__main__":
    main()
