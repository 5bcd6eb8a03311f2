"""A save that fails is never shown as saved, and its text is never left behind (issue 17.1).

The disk is "full" by making every write of the store fail as SQLite's SQLITE_FULL does:
the driver's error goes through the store's own translation, so the pane sees exactly
the ``StoreError`` a real full disk gives ("the disk holding demo.db is full; nothing
was saved"). Real encrypted stores, real panes and windows, keys typed by qtbot.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.data.store import Store
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace import save_guard
from cpc_desktop.ui.workspace.minutes_pane import MinutesPane
from cpc_desktop.ui.workspace.save_guard import Choice
from tests.faults.support import PASSPHRASE, REVIEW, fixed_clock

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
RETRY_WAIT_MS = 8000  # the retry runs every 3 s


class FullDisk:
    """While :attr:`full`, every unit of work that changes rows fails as a full disk does
    (rolled back, at its commit); reads still work."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        original = Store.unit_of_work
        disk = self

        @contextmanager
        def unit_of_work(store: Store, context):  # type: ignore[no-untyped-def]
            with original(store, context) as work:
                yield work
                work.session.flush()
                if disk.full and work.session.info.get("touched"):
                    error = sqlite3.OperationalError("database or disk is full")
                    error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
                    raise store.translate(error) from error

        monkeypatch.setattr(Store, "unit_of_work", unit_of_work)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> FullDisk:
    return FullDisk(monkeypatch)


@pytest.fixture
def session(demo: Path) -> Iterator[Session]:
    opened = open_session(demo, PASSPHRASE, user="Alex Chair", clock=fixed_clock)
    yield opened
    opened.close()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every question about unsaved text, answered "Keep trying"."""
    questions: list[tuple[str, str]] = []

    def ask(_parent: QtWidgets.QWidget, reason: str, what: str) -> Choice:
        questions.append((reason, what))
        return Choice.KEEP_TRYING

    monkeypatch.setattr(save_guard, "ask_unsaved", ask)
    return questions


def _pane(qtbot: QtBot, session: Session) -> MinutesPane:
    record = session.conferences.get(REVIEW)
    item = record.agenda[0]
    pane = MinutesPane(session, REVIEW, item, 1, QtGui.QUndoStack(), session.clock)
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


def test_a_failed_save_keeps_the_text_blocks_moving_on_and_is_retried(
    qtbot: QtBot, session: Session, disk: FullDisk, asked: list[tuple[str, str]]
) -> None:
    pane = _pane(qtbot, session)
    states: list[str] = []
    pane.saved.connect(states.append)
    qtbot.keyClicks(pane.editor, "First")
    qtbot.waitUntil(lambda: _texts(session) == ["First"], timeout=3000)
    disk.full = True
    qtbot.keyClicks(pane.editor, " words lost?")
    qtbot.waitUntil(lambda: pane.guard.notice.isVisible(), timeout=3000)
    assert "disk holding demo.db is full" in pane.guard.text.text()
    assert states[-1].startswith("Not saved: ")

    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)  # next entry: refused
    assert pane.editor.toPlainText() == "First words lost?"
    assert asked and asked[-1][1] == "start the next entry"
    assert "full" in asked[-1][0]
    states.clear()
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)  # again: still never "Saved"
    qtbot.wait(200)
    assert not any(s.startswith("Saved") for s in states), states
    assert pane.editor.toPlainText() == "First words lost?"
    assert _texts(session) == ["First"]
    assert pane.guard.notice.isVisible()

    disk.full = False  # space is freed: the retry alone stores the text
    qtbot.waitUntil(lambda: _texts(session) == ["First words lost?"], timeout=RETRY_WAIT_MS)
    qtbot.waitUntil(lambda: not pane.guard.notice.isVisible(), timeout=2000)
    assert states[-1].startswith("Saved ")
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)  # now it moves on
    assert pane.editor.toPlainText() == ""


def test_saved_is_never_shown_while_a_save_is_failing(
    qtbot: QtBot, session: Session, disk: FullDisk, asked: list[tuple[str, str]]
) -> None:
    pane = _pane(qtbot, session)
    qtbot.keyClicks(pane.editor, "A")
    qtbot.waitUntil(lambda: _texts(session) == ["A"], timeout=3000)
    disk.full = True
    states: list[str] = []
    pane.saved.connect(states.append)
    qtbot.keyClicks(pane.editor, "bc")
    assert pane.flush() is False
    assert pane.flush() is False  # nothing pending after a failure is not a success
    assert pane.autosave.flush() is False
    assert states and not any(s.startswith("Saved") for s in states), states


def test_the_text_can_be_saved_to_a_file_and_then_the_pane_moves_on(
    qtbot: QtBot,
    session: Session,
    disk: FullDisk,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    pane = _pane(qtbot, session)
    qtbot.keyClicks(pane.editor, "A")
    qtbot.waitUntil(lambda: _texts(session) == ["A"], timeout=3000)
    disk.full = True
    qtbot.keyClicks(pane.editor, " kept")
    out = tmp_path / "kept.txt"
    monkeypatch.setattr(save_guard, "ask_unsaved", lambda *_: Choice.SAVE_TO_FILE)
    monkeypatch.setattr(save_guard, "choose_file", lambda _parent: out)
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)
    assert out.read_text(encoding="utf-8") == "A kept"
    assert pane.editor.toPlainText() == ""


def test_a_new_entry_that_cannot_be_made_keeps_its_text(
    qtbot: QtBot, session: Session, disk: FullDisk, asked: list[tuple[str, str]]
) -> None:
    pane = _pane(qtbot, session)
    disk.full = True
    qtbot.keyClicks(pane.editor, "Hello")
    assert pane.guard.notice.isVisible()
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)
    assert pane.editor.toPlainText() == "Hello" and asked
    disk.full = False
    qtbot.waitUntil(lambda: _texts(session) == ["Hello"], timeout=RETRY_WAIT_MS)
    qtbot.waitUntil(lambda: not pane.guard.notice.isVisible(), timeout=2000)


@pytest.fixture
def window(qtbot: QtBot, session: Session, tmp_path: Path) -> Iterator[MainWindow]:
    preferences = Preferences(
        QtCore.QSettings(str(tmp_path / "prefs.ini"), QtCore.QSettings.Format.IniFormat)
    )
    preferences.check_unfinished = False  # the closing check: tests/ui/test_closing_check.py
    win = MainWindow(session, preferences)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_conference(REVIEW)
    win.workspace.show_minutes()
    yield win


def _window_pane(qtbot: QtBot, win: MainWindow) -> MinutesPane:
    qtbot.waitUntil(lambda: win.workspace.minutes.current_pane() is not None, timeout=3000)
    pane = win.workspace.minutes.current_pane()
    assert pane is not None
    win.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is win)
    pane.editor.setFocus()
    return pane


def test_closing_and_locking_wait_for_unsaved_minutes(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    disk: FullDisk,
    asked: list[tuple[str, str]],
) -> None:
    pane = _window_pane(qtbot, window)
    qtbot.keyClicks(pane.editor, "Start")
    qtbot.waitUntil(lambda: _texts(session) == ["Start"], timeout=3000)
    disk.full = True
    qtbot.keyClicks(pane.editor, " and more")
    assert window.close() is False  # refused, with the choice
    assert asked[-1][1] == "close"
    assert window.isVisible() and pane.editor.toPlainText() == "Start and more"
    window.lock()
    assert not window.locked and asked[-1][1] == "lock"
    assert window.save_state.text().startswith("Not saved")

    disk.full = False
    qtbot.waitUntil(lambda: _texts(session) == ["Start and more"], timeout=RETRY_WAIT_MS)
    qtbot.waitUntil(lambda: window.save_state.text().startswith("Saved "), timeout=2000)
    window.lock()
    assert window.locked


def test_idle_locking_hides_unsaved_minutes_and_keeps_them(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    window: MainWindow,
    session: Session,
    disk: FullDisk,
    asked: list[tuple[str, str]],
) -> None:
    pane = _window_pane(qtbot, window)
    qtbot.keyClicks(pane.editor, "Start")
    qtbot.waitUntil(lambda: _texts(session) == ["Start"], timeout=3000)
    disk.full = True
    warned: list[str] = []  # the lock event cannot be recorded either: said, not modal here
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", lambda _w, _t, text: warned.append(text))
    qtbot.keyClicks(pane.editor, " hidden")
    window.idle.idle.emit()
    assert window.locked and not asked  # hidden at once, nothing asked of nobody
    assert window.close() is False  # quitting while locked does not lose the text
    disk.full = False
    qtbot.waitUntil(lambda: _texts(session) == ["Start hidden"], timeout=RETRY_WAIT_MS)


def test_a_store_turned_read_only_keeps_the_text_until_it_is_copied_out(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = _pane(qtbot, session)
    qtbot.keyClicks(pane.editor, "Before")
    qtbot.waitUntil(lambda: _texts(session) == ["Before"], timeout=3000)
    session.store.refuse_writes("demo.db is damaged (page 7 fails its check)")
    qtbot.keyClicks(pane.editor, " after")
    qtbot.waitUntil(lambda: pane.guard.notice.isVisible(), timeout=3000)
    assert "page 7 fails its check" in pane.guard.text.text()
    monkeypatch.setattr(save_guard, "ask_unsaved", lambda *_: Choice.COPY)
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)
    assert QtWidgets.QApplication.clipboard().text() == "Before after"
    assert pane.editor.toPlainText() == "" and not pane.guard.notice.isVisible()
    assert _texts(session) == ["Before"]


def test_the_question_offers_keep_trying_a_file_and_the_clipboard(
    qtbot: QtBot, session: Session, disk: FullDisk
) -> None:
    pane = _pane(qtbot, session)
    qtbot.keyClicks(pane.editor, "A")
    qtbot.waitUntil(lambda: _texts(session) == ["A"], timeout=3000)
    disk.full = True
    qtbot.keyClicks(pane.editor, "b")
    seen: list[str] = []

    def answer() -> None:
        box = QtWidgets.QApplication.activeModalWidget()
        assert isinstance(box, QtWidgets.QMessageBox)
        seen.extend(b.text() for b in box.buttons())
        seen.append(box.text())
        qtbot.keyClick(box, Key.Key_Escape)  # Escape is "Keep trying"

    QtCore.QTimer.singleShot(200, answer)
    qtbot.keyClick(pane.editor, Key.Key_Return, Ctrl)
    assert "&Keep trying" in seen and "&Save the text to a file…" in seen
    assert "&Copy the text" in seen
    assert "will not start the next entry yet" in seen[-1]
    assert pane.editor.toPlainText() == "Ab"


def test_another_agenda_item_waits_for_unsaved_minutes(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    disk: FullDisk,
    asked: list[tuple[str, str]],
) -> None:
    pane = _window_pane(qtbot, window)
    qtbot.keyClicks(pane.editor, "Start")
    qtbot.waitUntil(lambda: _texts(session) == ["Start"], timeout=3000)
    disk.full = True
    qtbot.keyClicks(pane.editor, " more")
    page = window.workspace
    other = next(i for i in page.agenda.items if i.id != pane.item.id)
    page.agenda.select_item(other.id)
    assert asked[-1][1] == "open another agenda item"
    assert page.minutes.current_pane() is pane
    selected = page.agenda.selected_item()
    assert selected is not None and selected.id == pane.item.id  # the list follows back
    disk.full = False
    qtbot.waitUntil(lambda: _texts(session) == ["Start more"], timeout=RETRY_WAIT_MS)
    page.agenda.select_item(other.id)
    assert page.minutes.current_pane() is not pane


def test_the_outputs_wait_for_unsaved_minutes(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    disk: FullDisk,
    asked: list[tuple[str, str]],
) -> None:
    pane = _window_pane(qtbot, window)
    qtbot.keyClicks(pane.editor, "Start")
    qtbot.waitUntil(lambda: _texts(session) == ["Start"], timeout=3000)
    disk.full = True
    qtbot.keyClicks(pane.editor, " more")
    window.outputs.show_minutes_approval()  # would approve what the store holds
    assert asked[-1][1] == "open the conference's outputs"
    assert window.outputs.current is None
    window.outputs.hand_over()
    assert asked[-1][1] == "hand over the conference" and window.outputs.current is None
