"""File > Check the store: the whole check (``cpc-desktop check``), in the background.

The check runs on a worker thread with a connection of its own
(:meth:`Store.second_connection`), reading without the write lock, so the chair goes on
typing and saving meanwhile. The status bar shows a progress bar with what it is doing
and a Cancel button; when it ends a message says what it found (a sound store, or the
first problem in one line). Cancelled, it records nothing. Closing the store cancels a
check still running and waits for it (its connection closes first).
"""

from __future__ import annotations

import threading
from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.services.conferences import CheckStopped, ConferenceService
from cpc_desktop.ui.actions import ActionId, make_action

if TYPE_CHECKING:
    from cpc_desktop.ui.main_window import MainWindow

STEPS = 1000


def step_words(what: str) -> str:
    """What the check is doing (``data.integrity``'s words) in the screens' language."""
    translate = QtCore.QCoreApplication.translate
    return {
        "checking every page": translate("StoreCheck", "checking every page"),
        "checking the structure": translate("StoreCheck", "checking the structure"),
        "checking the search index": translate("StoreCheck", "checking the search index"),
        "replaying the audit log": translate("StoreCheck", "replaying the audit log"),
        "hashing every row": translate("StoreCheck", "hashing every row"),
        "comparing every row with the audit log": translate(
            "StoreCheck", "comparing every row with the audit log"
        ),
    }.get(what, what)


class StoreCheck(QtCore.QObject):
    """The command, its status-bar progress and its worker.

    Signals (emitted on the worker thread, handled on the GUI thread):
        progressed(int, str): how far, in thousandths, and what it is doing.
        ended(object): the report, or the error that stopped it.
    """

    progressed = QtCore.Signal(int, str)
    ended = QtCore.Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.action = make_action(ActionId.CHECK_STORE, window, self.start)
        self.bar = QtWidgets.QProgressBar(window)
        self.bar.setObjectName("storeCheckProgress")
        self.bar.setAccessibleName(self.tr("Store check progress"))
        self.bar.setRange(0, STEPS)
        self.bar.setMaximumWidth(360)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel check"), window)
        self.cancel_button.setObjectName("cancelStoreCheck")
        self.cancel_button.clicked.connect(self.cancel)
        # In the status bar only while a check runs: a hidden button there would still
        # make the bar taller, and the workspace above it scroll at 150 %.
        for widget in (self.bar, self.cancel_button):
            widget.hide()
        self.result_box: QtWidgets.QMessageBox | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.progressed.connect(self._show)
        self.ended.connect(self._on_ended)
        window.session.store.when_closed(self._on_store_closed)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self.action.setEnabled(False)
        self.bar.setValue(0)
        self.bar.setFormat(self.tr("Checking the store: %p %"))
        self.cancel_button.setEnabled(True)
        for widget in (self.bar, self.cancel_button):
            self._window.statusBar().addPermanentWidget(widget)
            widget.show()
        session = self._window.session
        self._thread = threading.Thread(
            target=self._run,
            args=(session.store, session.actor, session.clock, session.rules),
            name="store-check",
            daemon=True,
        )
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()
        self.cancel_button.setEnabled(False)
        self.bar.setFormat(self.tr("Stopping the check…"))

    def _run(self, store: object, actor: object, clock: object, rules: object) -> None:
        outcome: object
        side = None
        try:
            side = store.second_connection()  # type: ignore[attr-defined]
            service = ConferenceService(side, actor, clock, rules)  # type: ignore[arg-type]
            outcome = service.check(self._heard, self._stop.is_set)
        except Exception as error:  # shown to the chair in one line
            outcome = error
        finally:
            if side is not None:
                side.close()
        with suppress(RuntimeError):  # the window is gone
            self.ended.emit(outcome)

    def _heard(self, fraction: float, what: str) -> None:
        with suppress(RuntimeError):
            self.progressed.emit(int(fraction * STEPS), what)

    def _show(self, done: int, what: str) -> None:
        if self._stop.is_set():
            return
        self.bar.setValue(done)
        self.bar.setFormat(
            self.tr("Checking the store: %p % ({what})").format(what=step_words(what))
        )

    def _on_ended(self, outcome: object) -> None:
        for widget in (self.bar, self.cancel_button):
            self._window.statusBar().removeWidget(widget)  # hides it too
        self.action.setEnabled(True)
        bar = self._window.statusBar()
        if isinstance(outcome, CheckStopped):
            bar.showMessage(
                self.tr("The check was stopped before it finished; nothing was changed"), 10_000
            )
            return
        if isinstance(outcome, Exception):
            self._tell(
                QtWidgets.QMessageBox.Icon.Warning,
                self.tr("The store could not be checked"),
                outcome,
            )
            return
        report = outcome
        if report.sound:  # type: ignore[attr-defined]
            text = self.tr(
                "The store is sound: {conferences} conferences, {rows} rows, {events} audit events."
            ).format(
                conferences=report.conferences,  # type: ignore[attr-defined]
                rows=report.rows,  # type: ignore[attr-defined]
                events=report.audit_events,  # type: ignore[attr-defined]
            )
            self._tell(QtWidgets.QMessageBox.Icon.Information, self.tr("The store is sound"), text)
        else:
            problem = report.problems[0]  # type: ignore[attr-defined]
            self._tell(
                QtWidgets.QMessageBox.Icon.Critical, self.tr("The store failed its check"), problem
            )

    def _tell(self, icon: QtWidgets.QMessageBox.Icon, title: str, text: object) -> None:
        message = str(text)
        box = QtWidgets.QMessageBox(
            icon,
            title,
            message[:1].upper() + message[1:],
            QtWidgets.QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setObjectName("storeCheckResult")
        self.result_box = box
        box.open()

    def _on_store_closed(self) -> None:
        """The store is closing: stop a check still running and wait for its connection."""
        thread = self._thread
        if thread is not None and thread.is_alive():
            self._stop.set()
            if thread is not threading.current_thread():
                thread.join()
