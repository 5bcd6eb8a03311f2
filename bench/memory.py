"""Peak memory of a whole run of the application on a store of 10,000 conferences.

    .venv/bin/python bench/memory.py --db STORE --passphrase-file F --ref REFERENCE
        [--runs N] [--before DIR] [--platform auto|xcb|offscreen] [--python]

Budget (design.md §7): at most 150 MiB.

Each run is a new process of the real ``cpc_desktop.app.run(STORE)`` driven by
``memory_probe.py`` (no product hooks): unlock, the home screen, open REFERENCE
(``make_store.py --large 2000`` prints it: the conference of 2,000 entries), the 12
searches of ``search.py`` through the home screen's search box, the minutes window and
the preview of the full copy until the whole is shown, then the preview closed. After
each step it prints what the process holds (resident now and at its peak, anonymous and
file-backed), SQLite's own heap (page caches, FTS5), the connections open, and the
typesetting process's peak; at the end the shared libraries and what each holds
resident. ``--python`` runs once more with ``tracemalloc`` on (Python objects by package;
that run's own figures are larger: tracemalloc's bookkeeping).

The reference, in the same run, is the peak of a process that shows a bare PySide6
``QWidget``. ``--before DIR`` runs the same sequence, alternately, with an earlier
``cpc_desktop`` (DIR holds it, e.g. from ``git archive``) first on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from cold_start import BARE  # noqa: E402
from qt_probe import xvfb_or_offscreen  # noqa: E402

PROBE = BENCH / "memory_probe.py"

#: The floor: resident memory after each layer of the stack is imported, in one process,
#: with a window shown (what any run of the application holds before its own work).
FLOOR = """
import importlib, sys

def rss():
    with open("/proc/self/status", encoding="ascii") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) / 1024

from PySide6 import QtWidgets
app = QtWidgets.QApplication(sys.argv[:1])
window = QtWidgets.QWidget()
window.show()
app.processEvents()
print(f"floor:bare PySide6 window {rss():.1f}", flush=True)
if sys.argv[1] == "stopped":  # as app.run does first
    from cpc_desktop.ui.source_cache import stop_caching_sources
    stop_caching_sources()
for label, names in (
    ("sqlcipher3 (with OpenSSL)", ["sqlcipher3.dbapi2"]),
    ("SQLAlchemy and its ORM", ["sqlalchemy", "sqlalchemy.orm"]),
    ("the store's tables and data layer", ["cpc_desktop.data.store", "cpc_desktop.data.models"]),
    ("the services (session)", ["cpc_desktop.services.session"]),
    ("the main window and home screen", ["cpc_desktop.ui.main_window"]),
):
    for name in names:
        importlib.import_module(name)
    print(f"floor:{label} {rss():.1f}", flush=True)
from cpc_desktop.app import workspace_modules
for name in workspace_modules():
    importlib.import_module(name)
print(f"floor:the workspace's modules {rss():.1f}", flush=True)
"""


def one_run(
    args: argparse.Namespace, env: dict[str, str], pythonpath: str | None, trace: bool = False
) -> tuple[list[dict[str, object]], dict[str, float], float]:
    """The steps, the libraries and the peak (MiB) of one run of the application."""
    run_env = dict(env)
    if pythonpath:
        run_env["PYTHONPATH"] = pythonpath
    if trace:
        run_env["PYTHONTRACEMALLOC"] = "1"
    done = subprocess.run(
        [sys.executable, str(PROBE), str(args.db), str(args.passphrase_file), args.ref],
        capture_output=True, text=True, env=run_env, timeout=900, cwd=tempfile.gettempdir(),
    )  # fmt: skip
    steps = [json.loads(line[5:]) for line in done.stdout.splitlines() if line.startswith("step ")]
    libraries: dict[str, float] = {}
    peak = 0.0
    for line in done.stdout.splitlines():
        if line.startswith("libraries "):
            libraries = json.loads(line[10:])
        elif line.startswith("peak_kib "):
            peak = int(line.split()[1]) / 1024
    if not peak or len(steps) < 6:
        raise SystemExit(f"the application's run failed:\n{done.stdout}\n{done.stderr[-3000:]}")
    return steps, libraries, peak


def floor(env: dict[str, str], how: str) -> list[tuple[str, float]]:
    """``how``: "stopped" (PySide6's hook keeps no sources, as the application now runs)
    or "kept"."""
    done = subprocess.run(
        [sys.executable, "-c", FLOOR, how], capture_output=True, text=True, env=env,
        timeout=300, cwd=tempfile.gettempdir(),
    )  # fmt: skip
    found = []
    for line in done.stdout.splitlines():
        if line.startswith("floor:"):
            label, value = line[6:].rsplit(" ", 1)
            found.append((label, float(value)))
    return found


def bare_peak(env: dict[str, str]) -> float:
    done = subprocess.run(
        [sys.executable, "-c", BARE], capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    values = dict(line.rsplit(" ", 1) for line in done.stdout.splitlines() if " " in line)
    if "peak_kib" not in values:
        raise SystemExit(f"the bare window failed:\n{done.stderr}")
    return int(values["peak_kib"]) / 1024


def table(steps: list[dict[str, object]]) -> None:
    print("  step             resident  peak   anon   files    PSS  SQLite(peak) conns typesetter")
    for s in steps:
        children = s["children"]
        assert isinstance(children, dict)
        child = max(children.values(), default=0.0)
        print(
            f"  {s['label']:<16} {s['VmRSS']:7.1f} {s['VmHWM']:6.1f} {s['RssAnon']:6.1f} "
            f"{s['RssFile']:6.1f} {s['Pss']:6.1f}  {s['sqlite']:4.1f} ({s['sqlite_peak']:4.1f})  "
            f"{s['connections']:5}  {child:6.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--passphrase-file", type=Path, required=True)
    parser.add_argument("--ref", required=True)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--before", type=Path, help="an earlier cpc_desktop's parent folder")
    parser.add_argument("--platform", choices=("auto", "xcb", "offscreen"), default="auto")
    parser.add_argument("--python", action="store_true", help="also a tracemalloc run")
    args = parser.parse_args()
    extra, server = xvfb_or_offscreen(args.platform)
    ours: list[float] = []
    before: list[float] = []
    bare: list[float] = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            env = {**os.environ, **extra, "XDG_CONFIG_HOME": folder, "HOME": folder}
            env.pop("PYTHONPATH", None)
            for _ in range(args.runs):
                bare.append(bare_peak(env))
                steps, libraries, peak = one_run(args, env, None)
                ours.append(peak)
                if args.before is not None:
                    old_steps, _, old_peak = one_run(args, env, str(args.before))
                    before.append(old_peak)
            traced = one_run(args, env, None, trace=True)[0] if args.python else []
            layers = floor(env, "stopped")
            kept = dict(floor(env, "kept"))
    finally:
        if server is not None:
            server.terminate()  # type: ignore[attr-defined]
    print(
        f"store {args.db.name} ({args.db.stat().st_size / 2**20:.0f} MiB), platform "
        f"{extra['QT_QPA_PLATFORM']}; opened {args.ref}, 12 searches, the minutes previewed"
    )
    print("this code, the last run (MiB):")
    table(steps)
    if before:
        print("before (--before), the last run (MiB):")
        table(old_steps)
    print("  shared libraries resident at the end (MiB): " + ", ".join(
        f"{name} {mib}" for name, mib in list(libraries.items())[:12]
    ))  # fmt: skip
    for step in traced:
        print(
            f"  python objects after {step['label']}: {step['python']} MiB "
            f"(peak {step['python_peak']}): {step['by_package']}"
        )
    print(
        "  the floor, resident after each layer is imported (one process, MiB; in brackets"
        " with PySide6's hook keeping every module's source, as before):"
    )
    previous = 0.0
    for label, mib in layers:
        print(f"    {label:<36} {mib:6.1f}  (+{mib - previous:4.1f})  [{kept.get(label, 0):6.1f}]")
        previous = mib
    peak, bare_mib = statistics.median(ours), statistics.median(bare)
    child = max(steps[-1]["children"].values(), default=0.0)  # type: ignore[union-attr]
    print(f"  peak RSS of the application  {peak:.1f} MiB (budget 150 MiB); runs {ours}")
    print(f"  and of its typesetting process {child:.1f} MiB")
    if before:
        print(f"  before: {statistics.median(before):.1f} MiB; runs {before}")
    print(f"  reference: bare PySide6 window  {bare_mib:.1f} MiB")
    print(f"  ratio {peak / bare_mib:.2f}; against the budget {peak / 150:.2f}")


if __name__ == "__main__":
    main()
