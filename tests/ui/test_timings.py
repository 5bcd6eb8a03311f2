"""The timings the product promises, proved on the real timers without timing anything.

- A pause in typing saves before the 750 ms limit: the pause timer is shorter than the
  limit and is what starts the save, while the limit is still waiting.
- Typing without a pause is saved by the limit (750 ms after the first unsaved key),
  which keystrokes do not put off.
- Locking, asked for or after the idle time, saves the typed minutes before it locks.
- The idle lock is armed with the minutes set in Preferences, and re-armed when they
  change; "never" disarms it.

Each of these could be broken (a longer delay, a limit restarted by every key, a lock
that hides the screen first, an idle timer never started) and a test here would fail.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.services.session import Session
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace import autosave
from cpc_desktop.ui.workspace.minutes_pane import MinutesPane
from tests.ui.conftest import TODAY

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
REVIEW = f"CPC-{TODAY.year}-0002"  # a review: no minutes yet
PROMISED_MS = 750  # security.md D1: autosave debounce at most 750 ms


def _pane(qtbot: QtBot, session: Session) -> MinutesPane:
    record = session.conferences.get(REVIEW)
    pane = MinutesPane(session, REVIEW, record.agenda[0], 1, QtGui.QUndoStack(), session.clock)
    pane.set_participants(record.participants)
    pane.set_entries(record.minutes)
    qtbot.addWidget(pane)
    pane.resize(1000, 600)
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is pane)
    pane.editor.setFocus()
    return pane


def _texts(session: Session) -> list[str]:
    return [e.text for e in session.entries.entries(REVIEW)]


def _fired(saver: autosave.Autosaver) -> list[str]:
    """Which of the two timers fired, in order (a save started by one stops the other)."""
    fired: list[str] = []
    saver._quiet.timeout.connect(lambda: fired.append("pause"))
    saver._limit.timeout.connect(lambda: fired.append("limit"))
    return fired


def test_the_autosave_delays_are_within_the_promise(qtbot: QtBot, session: Session) -> None:
    saver = _pane(qtbot, session).autosave
    assert autosave.QUIET_MS < autosave.LIMIT_MS <= PROMISED_MS
    assert saver._quiet.interval() == autosave.QUIET_MS
    assert saver._limit.interval() == autosave.LIMIT_MS
    assert saver._quiet.isSingleShot() and saver._limit.isSingleShot()


def test_a_pause_in_typing_saves_before_the_limit(qtbot: QtBot, session: Session) -> None:
    pane = _pane(qtbot, session)
    saver = pane.autosave
    fired = _fired(saver)
    qtbot.keyClicks(pane.editor, "Hello")
    # Not before the pause: the first key made the entry, the rest wait for a timer.
    assert _texts(session) == ["H"]
    assert saver.dirty and saver._quiet.isActive() and saver._limit.isActive()
    qtbot.waitUntil(lambda: _texts(session) == ["Hello"], timeout=5000)
    # The pause started the save, and so the 750 ms limit never had to.
    assert fired == ["pause"]
    assert not saver.dirty and not saver._limit.isActive()


def test_typing_without_a_pause_is_saved_by_the_limit(qtbot: QtBot, session: Session) -> None:
    pane = _pane(qtbot, session)
    saver = pane.autosave
    fired = _fired(saver)
    qtbot.keyClicks(pane.editor, "Go")
    armed = saver._limit.remainingTime()
    qtbot.keyClicks(pane.editor, "ing on")
    # More keys put the pause off, never the limit.
    assert 0 <= saver._limit.remainingTime() <= armed
    saver._quiet.stop()  # as if the keys never paused
    qtbot.waitUntil(lambda: _texts(session) == ["Going on"], timeout=5000)
    assert fired == ["limit"]


def _window(qtbot: QtBot, session: Session, preferences: Preferences) -> MainWindow:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    return window


def _typing_pane(qtbot: QtBot, window: MainWindow) -> MinutesPane:
    window.open_conference(REVIEW)
    window.workspace.show_minutes()
    qtbot.waitUntil(lambda: window.workspace.minutes.current_pane() is not None)
    pane = window.workspace.minutes.current_pane()
    assert pane is not None
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    pane.editor.setFocus()
    return pane


def _actions(session: Session) -> list[str]:
    with session.store.engine.connect() as conn:
        rows = conn.exec_driver_sql("select action from audit_event order by seq").fetchall()
    return [row[0] for row in rows]


def test_locking_saves_the_typed_minutes_first(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    pane = _typing_pane(qtbot, window)
    qtbot.keyClicks(pane.editor, "Said just before locking")
    assert pane.autosave._quiet.isActive()  # no timer has saved it yet
    qtbot.keyClick(pane.editor, Key.Key_L, Ctrl)  # Lock now
    assert window.locked
    assert _actions(session)[-2:] == ["write_minutes", "lock"]
    assert _texts(session) == ["Said just before locking"]


def test_the_idle_lock_saves_the_typed_minutes_first(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    pane = _typing_pane(qtbot, window)
    qtbot.keyClicks(pane.editor, "Said before the room emptied")
    assert pane.autosave._quiet.isActive()
    window.idle._timer.timeout.emit()  # the idle time is up
    assert window.locked
    assert _actions(session)[-2:] == ["write_minutes", "lock"]
    assert _texts(session) == ["Said before the room emptied"]


def _set_idle_minutes(qtbot: QtBot, window: MainWindow, typed: str) -> None:
    """Preferences (Ctrl+,), the minutes typed into its box, OK by Return."""

    def answer() -> None:
        qtbot.waitUntil(lambda: QtWidgets.QApplication.activeModalWidget() is not None)
        dialog = QtWidgets.QApplication.activeModalWidget()
        assert dialog.windowTitle() == "Preferences"
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
        box = dialog.findChild(QtWidgets.QSpinBox)
        box.setFocus()
        qtbot.keyClick(box, Key.Key_A, Ctrl)
        qtbot.keyClicks(box, typed)
        qtbot.keyClick(box, Key.Key_Return)

    QtCore.QTimer.singleShot(0, answer)
    qtbot.keyClick(window, Key.Key_Comma, Ctrl)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)


def test_the_idle_lock_is_armed_with_the_minutes_set(
    qtbot: QtBot, session: Session, preferences: Preferences, tmp_path: Path
) -> None:
    preferences.idle_lock_minutes = 7
    window = _window(qtbot, session, preferences)
    timer = window.idle._timer
    assert timer.isActive() and timer.isSingleShot()
    assert timer.interval() == 7 * 60_000
    pane = _typing_pane(qtbot, window)
    qtbot.keyClicks(pane.editor, "Typing keeps it armed")
    assert timer.isActive() and timer.interval() == 7 * 60_000
    assert timer.remainingTime() > 6 * 60_000  # nearly all of it still to run

    _set_idle_minutes(qtbot, window, "12")
    assert preferences.idle_lock_minutes == 12
    assert timer.isActive() and timer.interval() == 12 * 60_000
    _set_idle_minutes(qtbot, window, "0")
    assert preferences.idle_lock_minutes == 0
    assert not timer.isActive()
    assert not window.locked
