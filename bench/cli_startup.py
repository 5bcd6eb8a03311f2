"""How long the command line takes, against references measured in the same run.

    .venv/bin/python bench/cli_startup.py [--runs N] [--before DIR]

Rows:
  --version / --help   against `python -c pass` (budget: at most 0.1 s, design.md §7)
  list (demo store)    against opening the same store with sqlcipher3 alone (key
                       derivation included: SQLCipher's own PBKDF2-HMAC-SHA512, 256,000
                       rounds, the same as CPC Desktop's), i.e. what the store costs
                       before our code; the two run alternately, and the CPU seconds of
                       each (user + system) are shown too, as they move less with the load

``--before DIR``: ``list`` is also timed with ``DIR`` first on ``PYTHONPATH`` (the
``cpc_desktop`` of an earlier commit, from ``git archive``), in the same alternation as
ours and the bare open; every child runs in the store's temporary folder, so that ``-m``
does not put this checkout first. The load average is printed before and after.
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


def _alternate(
    commands: list[tuple[list[str], dict[str, str]]], runs: int, cwd: str | None = None
) -> list[tuple[float, float]]:
    """Medians of wall and CPU seconds (user + system, the child's own) of each command,
    run in turn ``runs`` times: on a shared machine the CPU seconds move less with the
    load."""
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for which, (argv, env) in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True, env=env, cwd=cwd)
            walls[which].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[which].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    med = statistics.median
    return [(med(w), med(c)) for w, c in zip(walls, cpus, strict=True)]


def _paired(
    one: list[str], other: list[str], runs: int, env: dict[str, str], cwd: str | None = None
) -> tuple[float, float, float, float]:
    """Medians of wall and CPU seconds of ``one`` and ``other`` run alternately."""
    (wall_one, cpu_one), (wall_other, cpu_other) = _alternate([(one, env), (other, env)], runs, cwd)
    return wall_one, wall_other, cpu_one, cpu_other


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", type=Path, help="an earlier cpc_desktop's parent folder")
    options = parser.parse_args()
    runs = options.runs
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
    env = {**os.environ, "CPC_PASSPHRASE": PASSPHRASE}
    cli = [sys.executable, "-m", "cpc_desktop"]
    with tempfile.TemporaryDirectory() as folder:
        store = str(Path(folder) / "demo.db")
        subprocess.run([*cli, "demo", "--db", store], check=True, capture_output=True, env=env)
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
        listing = [*cli, "list", "--db", store]
        alternation = [(listing, env), (raw_open, env)]
        if options.before is not None:
            alternation.append((listing, {**env, "PYTHONPATH": str(options.before)}))
        timed = _alternate(alternation, runs, cwd=folder)
        (listed, listed_cpu), (raw, raw_cpu) = timed[0], timed[1]
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
        if options.before is not None:
            before, before_cpu = timed[2]
            rows += [
                ("list before", before, raw, "sqlcipher3 open + key + one query"),
                ("list before, CPU", before_cpu, raw_cpu, "the same, CPU seconds"),
            ]
    print(f"{'what':<20} {'median s':>9} {'reference s':>12} {'ratio':>6}  reference")
    for name, measured, reference, ref_name in rows:
        print(
            f"{name:<20} {measured:>9.3f} {reference:>12.3f} {measured / reference:>6.2f}  "
            f"{ref_name}"
        )
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")


if __name__ == "__main__":
    main()
