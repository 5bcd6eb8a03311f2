"""Launch to the unlock dialog painted, against a bare PySide6 window in the same run.

    .venv/bin/python bench/cold_start.py [--runs 7] [--platform auto|xcb|offscreen]

Budget (design.md §7): at most 1.5 × a bare PySide6 window started in the same run.

Each run is a new Python process. The application's run is the real
``cpc_desktop.app.run(store)`` (core-dump guard, the preload thread importing the
store's machinery, Qt, settings, the unlock dialog, ``exec``): the child only adds an
import hook that, once ``cpc_desktop.ui.unlock_dialog`` has been imported in the normal
course, wraps ``UnlockDialog.exec`` to put an event filter on the application, so the
order of imports and threads is the product's own. The reference is a process that
imports PySide6, makes a ``QApplication`` and shows an empty ``QWidget``. "Painted"
is the end of the event-loop turn holding the window's first paint event; the time is
taken from the same monotonic clock as the parent's start time. Runs alternate
between the two; medians. ``auto`` uses a real X server (Xvfb, ``xcb``) when
installed, since then "painted" includes mapping and exposing a real window;
otherwise the offscreen platform.
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

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from qt_probe import xvfb_or_offscreen  # noqa: E402

APP = f"""
import sys
sys.path.insert(0, {str(BENCH)!r})
import qt_probe

def patch(module):
    original = module.UnlockDialog.exec
    def exec_(self):
        from PySide6 import QtWidgets
        app = QtWidgets.QApplication.instance()
        app._bench_filter = qt_probe.first_paint("UnlockDialog", "painted")
        app.installEventFilter(app._bench_filter)
        return original(self)
    module.UnlockDialog.exec = exec_

qt_probe.on_import("cpc_desktop.ui.unlock_dialog", patch)
from pathlib import Path
from cpc_desktop.app import run
run(Path(sys.argv[1]))
"""

BARE = f"""
import sys
sys.path.insert(0, {str(BENCH)!r})
import qt_probe
from PySide6 import QtWidgets
app = QtWidgets.QApplication(sys.argv[:1])
probe = qt_probe.first_paint("QWidget", "painted")
app.installEventFilter(probe)
window = QtWidgets.QWidget()
window.setWindowTitle("bare")
window.resize(460, 180)
window.show()
app.exec()
"""


def launch(code: str, store: Path, env: dict[str, str]) -> tuple[float, int]:
    """Seconds from starting the process to its first paint, and its peak RSS in KiB."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(store)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    values = dict(line.rsplit(" ", 1) for line in done.stdout.splitlines() if " " in line)
    if "painted" not in values:
        raise SystemExit(f"the child did not paint:\n{done.stdout}\n{done.stderr}")
    return float(values["painted"]) - start, int(values.get("peak_kib", 0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", choices=("auto", "xcb", "offscreen"), default="auto")
    args = parser.parse_args()
    extra, server = xvfb_or_offscreen(args.platform)
    try:
        with tempfile.TemporaryDirectory() as folder:
            from make_store import TEST_KEY, new_store

            from cpc_desktop.data.keys import StoreKey

            store = Path(folder) / "store.db"
            new_store(store, StoreKey.from_raw(TEST_KEY)).close()
            env = {**os.environ, **extra, "XDG_CONFIG_HOME": folder, "HOME": folder}
            launch(BARE, store, env)  # warm the file cache for both
            launch(APP, store, env)
            ours, bare, peaks = [], [], []
            for _ in range(args.runs):
                seconds, _peak = launch(BARE, store, env)
                bare.append(seconds)
                seconds, peak = launch(APP, store, env)
                ours.append(seconds)
                peaks.append(peak)
    finally:
        if server is not None:
            server.terminate()  # type: ignore[attr-defined]
    ours_m, bare_m = statistics.median(ours), statistics.median(bare)
    print(f"platform {extra['QT_QPA_PLATFORM']}, {args.runs} runs each, alternating")
    print(
        f"  launch to unlock dialog painted  median {ours_m:.3f} s  "
        f"[{min(ours):.3f}-{max(ours):.3f}]"
    )
    print(
        f"  bare PySide6 QWidget painted     median {bare_m:.3f} s  "
        f"[{min(bare):.3f}-{max(bare):.3f}]"
    )
    print(f"  ratio {ours_m / bare_m:.2f} (budget 1.5)")


if __name__ == "__main__":
    main()
