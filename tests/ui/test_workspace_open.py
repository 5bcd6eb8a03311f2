"""Opening a conference reads it once and builds only what is on screen.

The rest (the other agenda items' minutes panes, the introductions) is made when the
chair first goes there, from the same record, and shows exactly what the store holds.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.data import integrity
from cpc_desktop.domain.minutes import word_count
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.keyboard import has_ring
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace.minutes_tab import MinutesTab
from tests.helpers.held_saves import HeldSaves, holding
from tests.ui.conftest import PASSPHRASE, TODAY, fixed_clock

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
UNDER_WAY = f"CPC-{TODAY.year}-0001"  # every agenda item done, 44 entries: minutes first
NOT_STARTED = f"CPC-{TODAY.year}-0002"  # agenda pending: introductions first


def _window(qtbot: QtBot, session: Session, preferences: Preferences) -> MainWindow:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    return window


def _audited(session: Session) -> list[tuple[str, str]]:
    with session.store.engine.connect() as conn:
        rows = conn.exec_driver_sql("select action, object_type from audit_event order by seq")
        return [(r[0], r[1]) for r in rows]


def test_opening_reads_the_record_once_and_builds_one_pane(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    before = len(_audited(session))
    window.open_conference(UNDER_WAY)
    page = window.workspace
    assert page is not None
    # One audited read of the whole conference, where there were four.
    assert _audited(session)[before:] == [("view", "conference")]
    assert page.tabs.currentWidget() is page.minutes
    shown = page.minutes.current_pane()
    assert shown is not None and shown.isVisible()
    assert list(page.minutes.panes) == [shown.item.id]
    assert not page.introductions.made


class _Restyled(QtCore.QObject):
    """Counts the style changes each widget is sent."""

    def __init__(self) -> None:
        super().__init__()
        self.times: dict[int, int] = {}  # by address: no reference kept to a widget made

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.StyleChange:
            key = shiboken6.getCppPointer(watched)[0]
            self.times[key] = self.times.get(key, 0) + 1
        return False


def _styled_by_the_window_only(widget: QtWidgets.QWidget) -> bool:
    """No style sheet of its own on ``widget`` or on any widget it is in but the window."""
    at: QtWidgets.QWidget | None = widget
    while at is not None and not at.isWindow():
        if at.styleSheet():
            return False
        at = at.parentWidget()
    return at is not None


def test_opening_styles_each_widget_of_the_workspace_once_not_at_every_level(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    # With the focus ring on the application every widget put into another was styled
    # again with its new family, level by level: two thirds of opening a long
    # conference (issue 21 point 3). The workspace is now built apart and added whole.
    window = _window(qtbot, session, preferences)
    counter = _Restyled()
    app = QtWidgets.QApplication.instance()
    assert app is not None
    app.installEventFilter(counter)
    try:
        window.open_conference(UNDER_WAY)
        qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.isVisible())
    finally:
        app.removeEventFilter(counter)
    page = window.workspace
    assert page is not None and page.minutes.current_pane() is not None
    plain = [
        counter.times.get(shiboken6.getCppPointer(widget)[0], 0)
        for widget in page.findChildren(QtWidgets.QWidget)
        if _styled_by_the_window_only(widget)
    ]
    assert len(plain) >= 50  # the workspace's widgets were styled
    assert max(plain) <= 2
    # The ring still reaches them: it is the window's, and the page has none of its own.
    assert has_ring(page) and not page.styleSheet()


def test_other_panes_and_the_introductions_are_made_when_first_shown(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    window.open_conference(UNDER_WAY)
    page = window.workspace
    record = session.conferences.get(UNDER_WAY)
    first = page.minutes.current_pane()
    assert first is not None

    # The next agenda item, chosen in the agenda list by keyboard.
    page.agenda.view.setFocus()
    row = page.agenda.model.row_of(first.item.id)
    qtbot.keyClick(page.agenda.view, Key.Key_Down)
    item = record.agenda[row + 1]
    pane = page.minutes.current_pane()
    assert pane is not None and pane is not first and pane.item == item
    assert set(page.minutes.panes) == {first.item.id, item.id}
    entries = [e for e in record.minutes if e.agenda_item_id == item.id]
    assert entries and pane.model.values() == tuple(entries)
    speakers = [pane.speaker.itemData(i) for i in range(1, pane.speaker.count())]
    assert speakers == [p.id for p in record.participants]
    words = sum(word_count(e.text) for e in entries)
    assert pane.words.text() == f"0 words · {words} in this item"
    # Back to the first: the same pane, not a new one.
    qtbot.keyClick(page.agenda.view, Key.Key_Up)
    assert page.minutes.current_pane() is first
    assert len(page.minutes.panes) == 2

    qtbot.keyClick(window, Key.Key_I, Ctrl)
    assert page.introductions.made and page.roll_call.isVisible()
    assert [p.id for p in page.roll_call.model.values()] == [p.id for p in record.participants]
    assert page.roll_call.name.hasFocus()


def test_a_pane_made_late_knows_who_joined_the_roll_call(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    window.open_conference(NOT_STARTED)
    page = window.workspace
    assert page.tabs.currentWidget() is page.introductions
    assert page.minutes.panes == {}  # the minutes tab has not been shown
    tab = page.roll_call
    tab.name.setFocus()
    qtbot.keyClicks(tab.name, "Lee Newcomer")
    qtbot.keyClick(tab.name, Key.Key_Return)
    assert "Lee Newcomer" in [p.name for p in session.conferences.get(NOT_STARTED).participants]

    qtbot.keyClick(window, Key.Key_M, Ctrl)
    pane = page.minutes.current_pane()
    assert pane is not None and pane.editor.hasFocus()
    names = [pane.speaker.itemText(i) for i in range(pane.speaker.count())]
    assert any(name.startswith("Lee Newcomer") for name in names)


def test_the_analysis_item_gets_its_tools_on_a_signs_of_safety_profile(
    qtbot: QtBot, session: Session
) -> None:
    record = session.conferences.get(NOT_STARTED)
    analysis = next(i for i in record.agenda if i.key == "analysis")
    tab = MinutesTab(session, record, QtGui.QUndoStack(), session.clock, signs_of_safety=True)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab.show_item(analysis.id)
    pane = tab.current_pane()
    assert pane is not None and pane.item == analysis
    assert pane.analysis is not None and pane.analysis.isVisible()
    tab.show_item(record.agenda[0].id)
    other = tab.current_pane()
    assert other is not None and other.analysis is None


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldSaves]:
    yield from holding(monkeypatch)


def test_closing_the_window_waits_for_the_save_that_is_running(
    qtbot: QtBot, store_path: Path, preferences: Preferences, held: HeldSaves
) -> None:
    session = open_session(store_path, PASSPHRASE, clock=fixed_clock)
    window = _window(qtbot, session, preferences)
    window.open_conference(NOT_STARTED)
    qtbot.keyClick(window, Key.Key_M, Ctrl)
    pane = window.workspace.minutes.current_pane()
    qtbot.keyClicks(pane.editor, "Everyone was introduced")
    qtbot.waitUntil(lambda: bool(held.threads), timeout=3000)  # a save is running
    qtbot.keyClicks(pane.editor, " and the plan was read.")
    threading.Timer(0.2, held.release.set).start()
    window.close()  # flushes and closes the store: both saves are written first
    with open_session(store_path, PASSPHRASE, clock=fixed_clock) as again:
        texts = [e.text for e in again.entries.entries(NOT_STARTED)]
        assert integrity.check(again.store).sound
    assert texts == ["Everyone was introduced and the plan was read."]
