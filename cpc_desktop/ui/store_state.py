"""The store's state in the main window's status bar: its pages being checked, or damaged.

A large store opens before its pages are checked (``services/page_watch.py``); until
the check ends nothing is saved, and the status bar says "Checking the store for damage:
N %". Typed minutes stay in their panes, which try again every few seconds (see
``workspace/save_guard.py``), so they are saved once the check passes. If it finds
damage, a dialog says so and the status bar shows "Read-only" for good.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

if TYPE_CHECKING:
    from cpc_desktop.ui.main_window import MainWindow

DAMAGE_ADVICE = (
    "CPC Desktop has stopped saving to this store, so it stays exactly as it was found. "
    "Everything saved until now can still be read, but nothing more you type will be kept. "
    "Close CPC Desktop and restore the store from its latest backup (a .bak file beside "
    "it), or ask your IT service to; do not delete or replace the damaged file yourself."
)
#: How often the per cent shown is brought up to date.
PROGRESS_MS = 250


def _sentence(message: str, path: Path | None) -> str:
    """A one-line message as a sentence; one that begins with the file's name keeps its
    spelling (the name may begin in lower case)."""
    if path is None or not message.startswith(path.name):
        message = message[:1].upper() + message[1:]
    return message + "."


class StoreState(QtCore.QObject):
    """The "Checking…" and "Read-only" labels of ``window`` and the damage dialog.

    Signals:
        check_ended(object): the page check ended (``None``: sound; else the damage),
            emitted from the check's thread and handled on the GUI thread.
    """

    check_ended = QtCore.Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.checking = QtWidgets.QLabel()
        self.checking.setObjectName("checkingStore")
        self.checking.setAccessibleName("Store check")
        self.checking.setStyleSheet("color: #92400e; font-weight: bold;")
        self.checking.hide()
        self.read_only = QtWidgets.QLabel("Read-only: the store is damaged")
        self.read_only.setObjectName("readOnly")
        self.read_only.setAccessibleName("Store state")
        self.read_only.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.read_only.hide()
        self.damage_box: QtWidgets.QMessageBox | None = None
        self._progress = QtCore.QTimer(self)
        self._progress.setInterval(PROGRESS_MS)
        self._progress.timeout.connect(self._show_progress)
        self.check_ended.connect(self._on_check_ended)

    def watch(self) -> None:
        """Show the damage found as the store opened (its audit seal, a lost trigger), or
        the page check's progress if the store's pages are being checked."""
        session = self._window.session
        if session.store.damage is not None:
            self._on_check_ended(session.store.damage)
            return
        watch = getattr(session, "watch_pages", None)
        if watch is None or not watch(self._heard):
            return
        if session.store.checking:
            self._show_progress()
            self.checking.show()
            self._progress.start()

    def _heard(self, damage: str | None) -> None:
        """Called on the page-check thread: hand the outcome to the GUI thread."""
        with suppress(RuntimeError):  # the window may already be gone
            self.check_ended.emit(damage)

    def _show_progress(self) -> None:
        percent = self._window.session.store.check_percent()
        done = "" if percent is None else f": {percent} %"
        self.checking.setText(f"Checking the store for damage{done}; saving waits")

    def _on_check_ended(self, damage: str | None) -> None:
        self._progress.stop()
        self.checking.hide()
        if damage is None:
            self._window.statusBar().showMessage(
                "The store's pages are sound; saving has resumed", 10_000
            )
            return
        self.read_only.show()
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Critical,
            "The store is damaged",
            _sentence(damage, self._window.session.store.path),
            QtWidgets.QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setInformativeText(DAMAGE_ADVICE)
        box.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.damage_box = box
        box.open()
