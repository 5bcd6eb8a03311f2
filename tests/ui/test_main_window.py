"""The application's entry window (the workspace arrives with issue 3)."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.ui.main_window import MainWindow


def test_main_window_shows_marking_and_quits_by_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(store_path=tmp_path / "store.db")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    marking = window.findChild(QtWidgets.QLabel, "protectiveMarking")
    assert marking is not None and marking.text() == "OFFICIAL-SENSITIVE"
    assert marking.accessibleName() == "Protective marking"
    assert window.size() == QtCore.QSize(1366, 768)
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Q, QtCore.Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
