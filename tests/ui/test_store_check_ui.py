"""File > Check the store runs the whole check in the background, with progress and
Cancel, while the window keeps taking keys (issue 21.2)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.data import row_check
from cpc_desktop.services.session import Session
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences

Key = QtCore.Qt.Key


def _window(qtbot: QtBot, session: Session, preferences: Preferences) -> MainWindow:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _choose_check(qtbot: QtBot, window: MainWindow) -> None:
    """The File menu open, then its mnemonic K."""
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QtWidgets.QMenu)
    assert window.store_check.action in file_menu.actions()
    file_menu.popup(window.mapToGlobal(QtCore.QPoint(0, 0)))
    qtbot.waitUntil(file_menu.isVisible)
    qtbot.keyClick(file_menu, Key.Key_K)


def test_the_check_runs_in_the_background_and_says_the_store_is_sound(
    qtbot: QtBot, session: Session, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, session, preferences)
    hold = threading.Event()
    reached = threading.Event()
    real = row_check.compare_rows

    def held(*args: Any) -> Any:  # the worker waits here until the test has typed
        reached.set()
        assert hold.wait(30)
        return real(*args)

    monkeypatch.setattr(row_check, "compare_rows", held)
    check = window.store_check
    _choose_check(qtbot, window)
    qtbot.waitUntil(reached.is_set)
    assert check.running and check.bar.isVisible() and check.cancel_button.isVisible()
    qtbot.waitUntil(lambda: check.bar.value() > 0)
    assert "replaying the audit log" in check.bar.format() or "%" in check.bar.format()
    # The window still takes keys while the check works.
    window.home.search_box.setFocus()
    qtbot.keyClicks(window.home.search_box, "review")
    assert window.home.search_box.text() == "review"
    hold.set()
    qtbot.waitUntil(lambda: check.result_box is not None, timeout=30_000)
    assert check.result_box is not None
    assert check.result_box.text().startswith("The store is sound: 4 conferences")
    assert not check.bar.isVisible() and check.action.isEnabled()


def test_cancel_stops_the_check_and_says_nothing_was_changed(
    qtbot: QtBot, session: Session, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, session, preferences)
    cancelled = threading.Event()
    reached = threading.Event()
    real = row_check.compare_rows

    def held(*args: Any) -> Any:
        reached.set()
        assert cancelled.wait(30)
        return real(*args)  # its first step sees the cancel and stops

    monkeypatch.setattr(row_check, "compare_rows", held)
    check = window.store_check
    _choose_check(qtbot, window)
    qtbot.waitUntil(reached.is_set)
    qtbot.mouseClick(check.cancel_button, QtCore.Qt.MouseButton.LeftButton)
    cancelled.set()
    qtbot.waitUntil(lambda: not check.running and not check.bar.isVisible(), timeout=30_000)
    assert check.result_box is None
    assert window.statusBar().currentMessage() == (
        "The check was stopped before it finished; nothing was changed"
    )
    assert check.action.isEnabled()
