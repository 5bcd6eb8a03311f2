"""Minute text copied from CPC Desktop leaves the clipboard (issue 17, point 6).

Copied through the save guard's "Copy the text" and with Ctrl+C in a minute editor,
the text is cleared on lock, when the window closes and after the set time; text the
person copied since (replacing ours) is left alone, and 0 seconds keeps it until the
lock or close. Real windows and panes, keys typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.actions import ActionId
from cpc_desktop.ui.clipboard_guard import DEFAULT_CLEAR_SECONDS, ClipboardGuard
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace import save_guard
from cpc_desktop.ui.workspace.minutes_pane import MinutesPane
from tests.faults.support import MAIN, PASSPHRASE, fixed_clock

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
SECRET = "Mum said the boyfriend hit him"  # minute text: must not outlive the session


@pytest.fixture
def session(demo: Path) -> Iterator[Session]:
    opened = open_session(demo, PASSPHRASE, clock=fixed_clock)
    yield opened
    opened.close()


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    prefs = Preferences(
        QtCore.QSettings(str(tmp_path / "prefs.ini"), QtCore.QSettings.Format.IniFormat)
    )
    prefs.check_unfinished = False  # the closing check: tests/ui/test_closing_check.py
    return prefs


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp: QtWidgets.QApplication) -> Iterator[None]:
    QtGui.QGuiApplication.clipboard().clear()
    yield
    guard = ClipboardGuard.for_app(DEFAULT_CLEAR_SECONDS)
    guard.clear()
    QtGui.QGuiApplication.clipboard().clear()


def _board() -> str:
    return QtGui.QGuiApplication.clipboard().text()


def _window(qtbot: QtBot, session: Session, preferences: Preferences) -> MainWindow:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    return window


def _pane(window: MainWindow) -> MinutesPane:
    window.open_conference(MAIN)
    window.workspace.show_minutes()
    pane = window.workspace.minutes.current_pane()
    assert pane is not None
    return pane


def _copy_with_keys(qtbot: QtBot, pane: MinutesPane) -> None:
    """Type a new entry, select it all and press Ctrl+C, as a person would."""
    pane.editor.setFocus()
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)  # a new entry
    qtbot.keyClicks(pane.editor, SECRET)
    qtbot.keyClick(pane.editor, Key.Key_A, Ctrl)
    qtbot.keyClick(pane.editor, Key.Key_C, Ctrl)
    qtbot.wait(1)  # the guard learns of the copy once the key is handled
    assert _board() == SECRET


def _copy_from_the_save_guard(pane: MinutesPane, monkeypatch: pytest.MonkeyPatch) -> None:
    """The save guard's "Copy the text" (offered when a save fails), chosen in its box."""
    pane.editor.setPlainText(SECRET)
    monkeypatch.setattr(save_guard, "ask_unsaved", lambda *_: save_guard.Choice.COPY)
    pane.guard._new_entry_failed = "Not saved: the disk is full"
    assert pane.guard.can_leave("close")
    assert _board() == SECRET


def test_text_copied_with_ctrl_c_is_cleared_on_lock(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    try:
        _copy_with_keys(qtbot, _pane(window))
        qtbot.keyClick(window, Key.Key_L, Ctrl)
        assert window.locked
        assert _board() == ""
    finally:
        window.close()


def test_text_copied_by_the_save_guard_is_cleared_when_the_window_closes(
    qtbot: QtBot, session: Session, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, session, preferences)
    _copy_from_the_save_guard(_pane(window), monkeypatch)
    window.close()
    assert not window.isVisible()
    assert _board() == ""


def test_copied_text_is_cleared_after_the_set_time(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    preferences.clipboard_clear_seconds = 1
    window = _window(qtbot, session, preferences)
    try:
        assert window.clipboard.seconds == 1
        _copy_with_keys(qtbot, _pane(window))
        cleared: list[bool] = []
        window.clipboard.cleared.connect(lambda: cleared.append(True))
        qtbot.waitUntil(lambda: bool(cleared), timeout=5000)  # an event, not a timing
        assert _board() == ""
        assert not window.locked
    finally:
        window.close()


def test_text_the_person_copied_since_is_left_alone(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    try:
        _copy_with_keys(qtbot, _pane(window))
        QtGui.QGuiApplication.clipboard().setText("an address from another program")
        qtbot.keyClick(window, Key.Key_L, Ctrl)
        assert window.locked
        assert _board() == "an address from another program"
    finally:
        window.close()
    assert _board() == "an address from another program"


def test_zero_seconds_keeps_it_until_the_lock(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    preferences.clipboard_clear_seconds = 0
    window = _window(qtbot, session, preferences)
    try:
        _copy_with_keys(qtbot, _pane(window))
        assert window.clipboard.holding and window.clipboard.seconds == 0
        assert not window.clipboard._timer.isActive()  # no clearing by time
        qtbot.keyClick(window, Key.Key_L, Ctrl)
        assert _board() == ""
    finally:
        window.close()


def test_the_time_is_a_preference(
    qtbot: QtBot, session: Session, preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert preferences.clipboard_clear_seconds == DEFAULT_CLEAR_SECONDS == 30
    window = _window(qtbot, session, preferences)
    try:

        def choose(dialog: QtWidgets.QDialog) -> QtWidgets.QDialog.DialogCode:
            box = dialog.findChild(QtWidgets.QSpinBox, "clipboardSeconds")
            assert box is not None
            box.setValue(45)
            return QtWidgets.QDialog.DialogCode.Accepted

        monkeypatch.setattr(QtWidgets.QDialog, "exec", choose)
        window.actions_by_id[ActionId.PREFERENCES].trigger()
        assert preferences.clipboard_clear_seconds == 45
        assert window.clipboard.seconds == 45
    finally:
        window.close()
