"""Helpers the start-up benchmarks run inside their child processes (no product hooks).

A child process imports this module, installs :class:`FirstPaint` on the application
and then starts the real code; the filter prints ``<tag> <seconds>`` (time since the
process's own clock origin, ``time.perf_counter``) once the first widget of the
wanted class has been painted, with its children, and ends the process.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable


def xvfb_or_offscreen(platform: str) -> tuple[dict[str, str], object | None]:
    """Environment for the children: ``xcb`` under a private Xvfb, or ``offscreen``.

    Returns the environment additions and the Xvfb process to stop (or ``None``).
    """
    import shutil
    import subprocess

    if platform == "offscreen":
        return {"QT_QPA_PLATFORM": "offscreen"}, None
    import ctypes.util

    xvfb = shutil.which("Xvfb")
    if xvfb is None or ctypes.util.find_library("xcb-cursor") is None:
        if platform == "xcb":
            print(
                "Xvfb is missing: apt-get install xvfb libxcb-cursor0 libxcb-icccm4 "
                "libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 "
                "libxcb-xinerama0 libxcb-xkb1 (or pass --platform offscreen)",
                file=sys.stderr,
            )
            sys.exit(2)
        return {"QT_QPA_PLATFORM": "offscreen"}, None
    display = f":{90 + os.getpid() % 500}"
    server = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    return {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}, server


def first_paint(
    name: str, tag: str, then: Callable[[], None] | None = None, exit_after: bool = True
) -> object:
    """An event filter that prints the time of the first complete paint of a window
    whose class is ``name`` (imports Qt: call it once Qt is loaded)."""
    from PySide6 import QtCore, QtWidgets

    class FirstPaint(QtCore.QObject):
        def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
            nonlocal seen
            if (
                not seen
                and event.type() == QtCore.QEvent.Type.Paint
                and isinstance(watched, QtWidgets.QWidget)
                and watched.window().metaObject().className() == name
            ):
                seen = True
                # Report after this paint cycle (the children paint in the same cycle).
                QtCore.QTimer.singleShot(0, report)
            return False

    def report() -> None:
        print(f"{tag} {time.perf_counter():.6f}", flush=True)
        if then is not None:
            then()
        if exit_after:
            finish()

    seen = False
    return FirstPaint()


def finish() -> None:
    """Print the peak resident memory and end the process at once."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak_kib {peak}", flush=True)
    os._exit(0)


def on_import(module_name: str, patch: Callable[[object], None]) -> None:
    """Call ``patch(module)`` as soon as ``module_name`` has been imported (by anyone).

    Lets a child process wrap a product function without importing anything early,
    so the real start-up order (what is imported when, on which thread) is kept.
    """
    import importlib.abc
    import importlib.machinery

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
            if name != module_name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            assert spec is not None and spec.loader is not None
            original = spec.loader.exec_module

            def exec_module(module):  # type: ignore[no-untyped-def]
                original(module)
                patch(module)

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, Finder())


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints()" lines."""
    from PySide6 import QtCore

    def handler(_mode: object, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    QtCore.qInstallMessageHandler(handler)
