"""Start-up: the background imports wait for the unlock dialog, and stay small.

The preload thread starts only once the unlock dialog has painted; Unlock clicked before
it has finished waits for it (never two threads importing the same modules); and
neither unlocking nor the home screen imports what only hand-over, signing or printing
need (pyHanko, ReportLab, jsonschema, cryptography).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop import app
from cpc_desktop.app import Preload, _after, workspace_modules
from cpc_desktop.ui.unlock_dialog import UnlockDialog
from tests.ui.conftest import PASSPHRASE

#: Imported only when a hand-over, a signature or a printed output is first made.
HEAVY = (
    "holidays",  # the bank holidays come from the shipped table (memory, issue 21.5)
    "dateutil",
    "pyhanko",
    "reportlab",
    "jsonschema",
    "cryptography",
    "cpc_desktop.services.handover",
    "cpc_desktop.services.handover_package",
    "cpc_desktop.services.document",
    "cpc_desktop.domain.merge",
    "cpc_desktop.export.package",
    "cpc_desktop.export.signing",
    "cpc_desktop.export.typeset",
    "cpc_desktop.export.fonts",
)


class _Paints(QtCore.QObject):
    """Counts the paint events of one widget."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_preload_starts_once_the_dialog_has_painted(qtbot: QtBot, store_path: Path) -> None:
    ran = threading.Event()
    preload = Preload(ran.set)
    dialog = UnlockDialog(store_path, _after(preload, lambda *_: None))
    qtbot.addWidget(dialog)
    dialog.painted.connect(preload.start)
    paints = _Paints()
    dialog.installEventFilter(paints)
    assert not preload.started
    with qtbot.waitSignal(dialog.painted):
        dialog.show()
    assert paints.count >= 1
    assert preload.started
    preload.wait()
    assert ran.is_set()
    # Once only, however often it paints again.
    emitted: list[bool] = []
    dialog.painted.connect(lambda: emitted.append(True))
    dialog.hide()
    dialog.show()
    dialog.repaint()
    qtbot.wait(10)
    assert emitted == []


def test_unlock_clicked_during_the_preload_waits_for_it(qtbot: QtBot, store_path: Path) -> None:
    order: list[str] = []
    release = threading.Event()

    def slow_imports() -> None:
        release.wait()
        order.append("preloaded")

    def opener(path: Path, passphrase: str, create: bool) -> Any:
        order.append("opened")
        return object()

    preload = Preload(slow_imports)
    dialog = UnlockDialog(store_path, _after(preload, opener))
    qtbot.addWidget(dialog)
    dialog.painted.connect(preload.start)
    with qtbot.waitSignal(dialog.painted):
        dialog.show()
    assert preload.started and order == []
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    # The imports finish while the click waits for them.
    threading.Timer(0.05, release.set).start()
    dialog.ok.click()
    assert order == ["preloaded", "opened"]
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted


def test_unlock_before_the_preload_started_imports_on_its_own(
    qtbot: QtBot, store_path: Path
) -> None:
    started: list[bool] = []
    preload = Preload(lambda: started.append(True))
    opened: list[Path] = []
    dialog = UnlockDialog(store_path, _after(preload, lambda path, *_: opened.append(path)))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    dialog.ok.click()  # never shown, so never painted: no preload yet
    assert opened == [store_path]
    preload.start()  # too late: it would race the imports of the main thread
    assert not preload.started
    assert started == []


_OPEN_HOME = """
import sys
from pathlib import Path
from PySide6 import QtCore, QtWidgets
app = QtWidgets.QApplication([])
from cpc_desktop import app as application
application._preload()
import importlib
for name in application.workspace_modules():  # the second thread's warm-up
    importlib.import_module(name)
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
session = application.open_or_create(Path(sys.argv[1]), sys.argv[2], False)
settings = QtCore.QSettings(sys.argv[3], QtCore.QSettings.Format.IniFormat)
window = MainWindow(session, Preferences(settings))
window.show()
for _ in range(5):
    app.processEvents()
assert window.home.model.rowCount() > 0
heavy = sys.argv[4].split(",")
print(",".join(m for m in heavy if m in sys.modules or any(
    n.startswith(m + ".") for n in sys.modules)))
session.close()
"""


def test_unlocking_and_the_home_screen_import_nothing_heavy(
    store_path: Path, tmp_path: Path
) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _OPEN_HOME,
            str(store_path),
            PASSPHRASE,
            str(tmp_path / "prefs.ini"),
            ",".join(HEAVY),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"imported at start-up: {done.stdout.strip()}"


def test_the_workspace_is_imported_after_the_first_stage_and_pauses_for_the_unlock(
    qtbot: QtBot, store_path: Path, monkeypatch: Any
) -> None:
    """While the passphrase is typed the second thread imports the workspace, a module
    at a time; from Unlock clicked until the store is open it imports nothing."""
    imported: list[str] = []
    first_done = threading.Event()
    in_opener: list[list[str]] = []
    gate = threading.Semaphore(0)  # one module imported per release

    def importer(name: str) -> None:
        assert first_done.is_set()  # never beside the first stage
        gate.acquire()
        imported.append(name)

    monkeypatch.setattr(app.importlib, "import_module", importer)
    names = ["one", "two", "three", "four"]
    preload = Preload(first_done.set, lambda: names)

    def opener(path: Path, passphrase: str, create: bool) -> Any:
        before = list(imported)
        gate.release()  # the thread may go on, but is held between modules
        gate.release()
        qtbot.wait(100)
        in_opener.append(imported[len(before) :])
        return object()

    dialog = UnlockDialog(store_path, _after(preload, opener))
    qtbot.addWidget(dialog)
    dialog.painted.connect(preload.start)
    with qtbot.waitSignal(dialog.painted):
        dialog.show()
    gate.release()
    qtbot.waitUntil(lambda: imported == ["one"])
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    dialog.ok.click()
    # At most the module under way when Unlock was clicked, then nothing until opened.
    assert len(in_opener) == 1 and len(in_opener[0]) <= 1
    for _ in names:
        gate.release()
    qtbot.wait(100)
    assert len(imported) <= 2  # still held after opening: the home screen is made next
    preload.resume()  # as run() does while the person signs in
    qtbot.waitUntil(preload.finished_later)
    assert imported == names


def test_unlock_before_the_dialog_painted_warms_the_workspace_afterwards(
    qtbot: QtBot, store_path: Path, monkeypatch: Any
) -> None:
    imported: list[str] = []
    monkeypatch.setattr(app.importlib, "import_module", imported.append)
    preload = Preload(lambda: None, lambda: ["workspace"])
    dialog = UnlockDialog(store_path, _after(preload, lambda *_: object()))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    dialog.ok.click()  # never painted: the first stage never ran
    assert imported == [] and not preload.finished_later()
    preload.resume()  # the sign-in: the second stage starts now
    qtbot.waitUntil(preload.finished_later)
    assert imported == ["workspace"] and not preload.started


def test_the_warm_up_keeps_what_it_imported_out_of_later_collections(
    monkeypatch: Any,
) -> None:
    # Else the first open paid for a full pass of the garbage collector over every
    # module imported (issue 21 point 3).
    done: list[str] = []
    monkeypatch.setattr(app.importlib, "import_module", done.append)
    monkeypatch.setattr(app.gc, "freeze", lambda: done.append("frozen"))
    preload = Preload(lambda: None, lambda: ["one", "two"])
    preload.resume()
    deadline = time.monotonic() + 10
    while not preload.finished_later() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert done == ["one", "two", "frozen"]


def test_the_workspace_modules_end_with_its_page() -> None:
    names = workspace_modules()
    assert names[-1] == "cpc_desktop.ui.workspace.page"
    assert "cpc_desktop.ui.workspace.minutes_pane" in names
    assert "cpc_desktop.ui.family.window" in names
    # and the services the workspace makes as it opens (first use imports them)
    assert {"cpc_desktop.services.agenda", "cpc_desktop.services.minute_entries"} <= set(names)
