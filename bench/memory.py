"""Peak memory of the application on a store of 10,000 conferences.

    .venv/bin/python bench/memory.py --db STORE --passphrase-file F --ref REFERENCE
        [--platform auto|xcb|offscreen]

Budget (design.md §7): at most 150 MiB.

One new process runs the real ``cpc_desktop.app.run(STORE)``; an import hook (no
product change) types the passphrase into the unlock dialog once the preload thread
is done, and once the home screen has painted it opens REFERENCE (make_store.py
``--large 2000`` prints it: the conference of 2,000 entries), shows it, goes back home
and runs every search of ``bench/search.py`` through the home screen's search box.
Then it reports its peak resident set size (``getrusage`` ``ru_maxrss``). The
reference, in the same run, is the peak of a process that shows a bare PySide6
``QWidget``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from cold_start import BARE  # noqa: E402
from qt_probe import xvfb_or_offscreen  # noqa: E402
from search import QUERIES  # noqa: E402

APP = f"""
import resource, sys, threading
sys.path.insert(0, {str(BENCH)!r})
import qt_probe

PASSPHRASE = open(sys.argv[2], encoding="utf-8").read().rstrip("\\r\\n")
REFERENCE = sys.argv[3]
QUERIES = {QUERIES!r}

def rss(label):
    print(f"rss:{{label}} {{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}", flush=True)

def work():
    from PySide6 import QtWidgets
    app = QtWidgets.QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
    rss("home")
    window.open_conference(REFERENCE)
    if window.workspace is None:
        print("failed to open", REFERENCE, flush=True)
    app.processEvents()
    app.processEvents()
    rss("conference")
    window.show_home()
    app.processEvents()
    for query in QUERIES:
        window.home.search_box.setText(query)
        window.home.run_search()
        app.processEvents()
    rss("search")
    qt_probe.finish()

def patch(module):
    original = module.UnlockDialog.exec
    def exec_(self):
        from PySide6 import QtCore, QtWidgets
        app = QtWidgets.QApplication.instance()
        app._bench_filter = qt_probe.first_paint("MainWindow", "home", then=work,
                                                 exit_after=False)
        app.installEventFilter(app._bench_filter)
        def unlock_when_ready():
            if any(t.name == "preload" for t in threading.enumerate()):
                QtCore.QTimer.singleShot(50, unlock_when_ready)
                return
            rss("unlock dialog")
            self.passphrase.setText(PASSPHRASE)
            self.ok.click()
        QtCore.QTimer.singleShot(300, unlock_when_ready)
        return original(self)
    module.UnlockDialog.exec = exec_

qt_probe.on_import("cpc_desktop.ui.unlock_dialog", patch)
from pathlib import Path
from cpc_desktop.app import run
run(Path(sys.argv[1]))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--passphrase-file", type=Path, required=True)
    parser.add_argument("--ref", required=True)
    parser.add_argument("--platform", choices=("auto", "xcb", "offscreen"), default="auto")
    args = parser.parse_args()
    extra, server = xvfb_or_offscreen(args.platform)
    try:
        with tempfile.TemporaryDirectory() as folder:
            env = {**os.environ, **extra, "XDG_CONFIG_HOME": folder, "HOME": folder}
            ours = subprocess.run(
                [sys.executable, "-c", APP, str(args.db), str(args.passphrase_file), args.ref],
                capture_output=True, text=True, env=env, timeout=900,
            )  # fmt: skip
            bare = subprocess.run(
                [sys.executable, "-c", BARE], capture_output=True, text=True, env=env,
                timeout=120,
            )  # fmt: skip
    finally:
        if server is not None:
            server.terminate()  # type: ignore[attr-defined]
    values = dict(line.rsplit(" ", 1) for line in ours.stdout.splitlines() if " " in line)
    bare_values = dict(line.rsplit(" ", 1) for line in bare.stdout.splitlines() if " " in line)
    if "peak_kib" not in values or "peak_kib" not in bare_values:
        raise SystemExit(f"a child failed:\n{ours.stdout}\n{ours.stderr}\n{bare.stderr}")
    mib = 1024
    peak, bare_peak = int(values["peak_kib"]) / mib, int(bare_values["peak_kib"]) / mib
    print(
        f"store {args.db.name} ({args.db.stat().st_size / 2**20:.0f} MiB), platform "
        f"{extra['QT_QPA_PLATFORM']}; opened {args.ref}, {len(QUERIES)} searches"
    )
    for key, value in values.items():
        if key.startswith("rss:"):
            print(f"  peak after {key[4:]:<14} {int(value) / mib:6.1f} MiB")
    print(f"  peak RSS of the application  {peak:.1f} MiB (budget 150 MiB)")
    print(f"  reference: bare PySide6 window  {bare_peak:.1f} MiB")
    print(f"  ratio {peak / bare_peak:.2f}; against the budget {peak / 150:.2f}")


if __name__ == "__main__":
    main()
