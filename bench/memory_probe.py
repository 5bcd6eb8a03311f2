"""What ``memory.py``'s child process runs: the real application, driven step by step.

``python bench/memory_probe.py STORE PASSPHRASE_FILE REFERENCE`` runs
``cpc_desktop.app.run(STORE)`` with no product hooks: an import hook types the passphrase
into the unlock dialog once the preload thread is done, answers the sign-in as the
store's chair, and once the home screen has painted it opens REFERENCE, goes home, runs
every search of ``search.py`` through the home screen's search box, opens the minutes
window of REFERENCE, previews the full copy until the whole document is shown, and
closes the preview. After each step it prints one ``step {json}`` line: what the process
holds (``/proc/self/status``: resident now and at its peak, anonymous and file-backed),
SQLite's own heap (``sqlite3_memory_used`` of the sqlcipher3 library, now and its
high-water mark), the open SQLite connections, the threads, the typesetting process's
peak, and with ``PYTHONTRACEMALLOC`` set, the Python objects by top-level package.
At the end, one ``libraries {json}`` line: the Qt and other shared libraries mapped.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import resource
import sys
import threading
import time
import tracemalloc
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import qt_probe  # noqa: E402
from search import QUERIES  # noqa: E402

MIB = 1024 * 1024
_SEEN: set[str] = set()


def new_packages() -> list[str]:
    """Top-level packages imported since the last step (the first step: all of them)."""
    now = {name.split(".")[0] for name in list(sys.modules)}
    new = sorted(now - _SEEN)
    _SEEN.update(now)
    return new


def status() -> dict[str, float]:
    """The process's memory in MiB from ``/proc/self/status``."""
    found: dict[str, float] = {}
    with open("/proc/self/status", encoding="ascii") as lines:
        for line in lines:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"):
                found[key] = int(value.split()[0]) / 1024
    # The proportional share: file-backed pages shared with other processes (the
    # typesetting process's Python and OpenSSL, say) counted once between them.
    with open("/proc/self/smaps_rollup", encoding="ascii") as lines:
        for line in lines:
            key, _, value = line.partition(":")
            if key == "Pss":
                found[key] = int(value.split()[0]) / 1024
    return found


def child_peaks() -> dict[str, float]:
    """The peak resident memory (MiB) of each child process, by its command line."""
    peaks: dict[str, float] = {}
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/children", encoding="ascii") as f:
                pids = f.read().split()
        except OSError:
            continue
        for pid in pids:
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    name = f.read().replace(b"\0", b" ").decode(errors="replace")[-60:]
                with open(f"/proc/{pid}/status", encoding="ascii") as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            peaks[name.strip()] = int(line.split()[1]) / 1024
            except OSError:
                continue
    return peaks


def sqlite_heap() -> tuple[float, float]:
    """SQLite's heap (the page caches, statements, FTS5 buffers) now and at its peak."""
    module = sys.modules.get("sqlcipher3._sqlite3")
    if module is None:
        return 0.0, 0.0
    lib = ctypes.CDLL(module.__file__)
    lib.sqlite3_memory_used.restype = ctypes.c_int64
    lib.sqlite3_memory_highwater.restype = ctypes.c_int64
    lib.sqlite3_memory_highwater.argtypes = [ctypes.c_int]
    return lib.sqlite3_memory_used() / MIB, lib.sqlite3_memory_highwater(0) / MIB


def connections() -> int:
    """SQLite connections open in this process: file descriptors on a store's main file
    (each connection opens the file itself; its -wal and -shm are not counted)."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.endswith(".db"):
            count += 1
    return count


def python_by_package(top: int = 8) -> list[tuple[str, float]]:
    """The Python objects traced now, MiB by top-level package (or file outside one)."""
    if not tracemalloc.is_tracing():
        return []
    sizes: dict[str, int] = {}
    for stat in tracemalloc.take_snapshot().statistics("filename"):
        name = stat.traceback[0].filename
        if "site-packages/" in name:
            name = name.split("site-packages/", 1)[1].split("/", 1)[0]
        elif "/cpc_desktop/" in name:
            name = "cpc_desktop/" + name.split("/cpc_desktop/", 1)[1].split("/", 1)[0]
        elif "/lib/python3" in name:
            name = "stdlib"
        sizes[name] = sizes.get(name, 0) + stat.size
    ranked = sorted(sizes.items(), key=lambda item: -item[1])
    return [(name, round(size / MIB, 1)) for name, size in ranked[:top]]


def step(label: str) -> None:
    memory = status()
    heap, heap_peak = sqlite_heap()
    report = {
        "label": label,
        "at_s": round(time.perf_counter(), 2),
        **{k: round(v, 1) for k, v in memory.items()},
        "maxrss": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "sqlite": round(heap, 1),
        "sqlite_peak": round(heap_peak, 1),
        "connections": connections(),
        "threads": threading.active_count(),
        "children": {k: round(v, 1) for k, v in child_peaks().items()},
        "modules": len(sys.modules),
        "new_packages": new_packages() if _SEEN else [],
    }
    if not _SEEN:
        new_packages()
    if tracemalloc.is_tracing():
        current, peak = tracemalloc.get_traced_memory()
        report["python"] = round(current / MIB, 1)
        report["python_peak"] = round(peak / MIB, 1)
        report["by_package"] = python_by_package()
    print("step " + json.dumps(report), flush=True)


def libraries() -> None:
    """The shared libraries mapped, and what each holds resident (MiB, smaps)."""
    resident: dict[str, int] = {}
    current = ""
    with open("/proc/self/smaps", encoding="utf-8", errors="replace") as lines:
        for line in lines:
            parts = line.split()
            if "-" in parts[0] and len(parts) >= 5 and ":" in parts[3]:
                current = parts[5] if len(parts) > 5 else ""
            elif parts[0] == "Rss:" and ".so" in current:
                name = current.rsplit("/", 1)[-1]
                resident[name] = resident.get(name, 0) + int(parts[1])
    ranked = sorted(resident.items(), key=lambda item: -item[1])
    print(
        "libraries "
        + json.dumps({name: round(kib / 1024, 1) for name, kib in ranked if kib >= 256}),
        flush=True,
    )


def wait_until(app, done, timeout: float = 300.0) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    while not done():
        app.processEvents()
        time.sleep(0.01)
        if time.perf_counter() - start > timeout:
            print("timed out", flush=True)
            break


def work(reference: str) -> None:
    from PySide6 import QtWidgets

    app = QtWidgets.QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
    step("home")
    window.open_conference(reference)
    if window.workspace is None:
        print("failed to open", reference, flush=True)
        qt_probe.finish()
    app.processEvents()
    app.processEvents()
    step("conference")
    window.show_home()
    app.processEvents()
    for query in QUERIES:
        window.home.search_box.setText(query)
        window.home.run_search()
        app.processEvents()
    step("searches")
    from cpc_desktop.ui.output.minutes_window import MinutesWindow

    window.open_conference(reference)
    app.processEvents()
    minutes = MinutesWindow(window.session, reference, window.preferences, window)
    minutes.show()
    app.processEvents()
    minutes.preview_full()
    preview = minutes.preview_dialog
    wait_until(app, lambda: preview.build.finished)
    app.processEvents()
    step("preview")
    import shiboken6

    preview.close()
    minutes.close()
    app.processEvents()
    for widget in (preview, minutes):
        if shiboken6.isValid(widget):
            widget.deleteLater()
    app.processEvents()
    gc.collect()
    app.processEvents()
    step("preview closed")
    libraries()
    qt_probe.finish()


def main() -> None:
    store, passphrase_file, reference = sys.argv[1:4]
    passphrase = Path(passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")

    def patch(module):  # type: ignore[no-untyped-def]
        original = module.UnlockDialog.exec

        def exec_(self):  # type: ignore[no-untyped-def]
            from PySide6 import QtCore, QtWidgets

            app = QtWidgets.QApplication.instance()
            app._bench_filter = qt_probe.first_paint(
                "MainWindow", "home", then=lambda: work(reference), exit_after=False
            )
            app.installEventFilter(app._bench_filter)

            def unlock_when_ready() -> None:
                if any(t.name == "preload" for t in threading.enumerate()):
                    QtCore.QTimer.singleShot(50, unlock_when_ready)
                    return
                step("unlock dialog")
                self.passphrase.setText(passphrase)
                self.ok.click()

            QtCore.QTimer.singleShot(300, unlock_when_ready)
            return original(self)

        module.UnlockDialog.exec = exec_

    class SignedIn:  # the sign-in, answered at once by the store's own chair
        def __init__(self, session, parent=None):  # type: ignore[no-untyped-def]
            pass

        def exec(self):  # type: ignore[no-untyped-def]
            from PySide6 import QtWidgets

            return QtWidgets.QDialog.DialogCode.Accepted

    def skip_sign_in(module):  # type: ignore[no-untyped-def]
        module.sign_in_to = SignedIn

    qt_probe.on_import("cpc_desktop.ui.unlock_dialog", patch)
    qt_probe.on_import("cpc_desktop.ui.sign_in", skip_sign_in)
    from cpc_desktop.app import run

    run(Path(store))


if __name__ == "__main__":
    main()
