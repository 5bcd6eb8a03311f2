"""How long the command line takes, against references measured in the same run.

    .venv/bin/python bench/cli_startup.py [--runs N]

Rows:
  --version / --help   against `python -c pass` (budget: at most 0.1 s, design.md §7)
  list (demo store)    against opening the same store with sqlcipher3 alone (key
                       derivation included), i.e. what the store costs before our code
"""

from __future__ import annotations

import argparse
import os
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
        rows = [
            ("--version", _time([*cli, "--version"], runs, env), bare, "python -c pass"),
            ("--help", _time([*cli, "--help"], runs, env), bare, "python -c pass"),
            (
                "list (demo store)",
                _time([*cli, "list", "--db", store], runs, env),
                raw_open,
                "sqlcipher3 open + key + one query",
            ),
        ]
    print(f"{'what':<20} {'median s':>9} {'reference s':>12} {'ratio':>6}  reference")
    for name, measured, reference, ref_name in rows:
        print(
            f"{name:<20} {measured:>9.3f} {reference:>12.3f} {measured / reference:>6.2f}  "
            f"{ref_name}"
        )


if __name__ == "__main__":
    main()
