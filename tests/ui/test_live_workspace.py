"""The live room, by keyboard (issue 19, point 4): the actions agreed so far beside the
agenda, who is excluded now over the minutes, and the speaker kept per agenda item."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.conference import ConferenceAction
from cpc_desktop.services.session import Session
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace.action_fix import ActionDialog
from cpc_desktop.ui.workspace.actions_list import NO_DATE, NO_OWNER, ActionsList, action_cells
from cpc_desktop.ui.workspace.minutes_pane import MinutesPane
from cpc_desktop.ui.workspace.page import WorkspacePage
from tests.helpers.family import PRE_BIRTH, wales_meeting
from tests.helpers.live import active, open_meeting, wales_store
from tests.ui.conftest import Clock

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def meeting(tmp_path: Path, clock: Clock) -> Iterator[Session]:
    """The pre-birth conference under the Wales profile: nobody marked yet."""
    yield from wales_store(tmp_path / "live.db", clock)


@pytest.fixture
def under_way(tmp_path: Path, clock: Clock) -> Iterator[Session]:
    """The same meeting under way: the second parent is out from 10:50 to 11:05."""
    yield from wales_store(tmp_path / "live.db", clock, secrets=True)


def _page(window: MainWindow) -> WorkspacePage:
    page = window.workspace
    assert isinstance(page, WorkspacePage)
    return page


def _pane(page: WorkspacePage) -> MinutesPane:
    pane = page.minutes.current_pane()
    assert pane is not None
    return pane


def _minutes(qtbot: QtBot, window: MainWindow) -> MinutesPane:
    """Ctrl+M: the minutes of the selected item, the editor focused."""
    qtbot.keyClick(window, Key.Key_M, Ctrl)
    pane = _pane(_page(window))
    qtbot.waitUntil(pane.editor.hasFocus)
    return pane


def _record_action(qtbot: QtBot, pane: MinutesPane, owner: str, what: str, due: str) -> None:
    qtbot.keyClick(pane.editor, Key.Key_J, Ctrl)
    bar = pane.action_bar
    assert bar.owner.hasFocus()
    qtbot.keyClicks(bar.owner, owner)
    qtbot.keyClick(bar.owner, Key.Key_Tab)
    qtbot.keyClicks(bar.action_text, what)
    qtbot.keyClick(bar.action_text, Key.Key_Tab)
    assert bar.due.hasFocus()
    qtbot.keyClicks(bar.due, due)
    qtbot.keyClick(bar.due, Key.Key_Return)
    assert not bar.isVisible() and pane.editor.hasFocus()


# --- the actions agreed so far --------------------------------------------------------


def test_actions_recorded_with_ctrl_j_appear_beside_the_agenda_as_they_are_agreed(
    qtbot: QtBot, meeting: Session, preferences: Preferences
) -> None:
    window = open_meeting(qtbot, meeting, preferences)
    page = _page(window)
    assert page.actions_agreed.isVisible()
    assert page.actions_agreed.rows() == []
    assert page.actions_agreed.heading.text() == "Actions agreed: none yet"
    qtbot.keyClick(window, Key.Key_PageDown, Ctrl)  # the meeting starts: item 1
    pane = _minutes(qtbot, window)
    qtbot.keyClicks(pane.editor, "The health visitor will visit weekly.")
    _record_action(qtbot, pane, "Grace Obi", "Visit every week", "04/12/2026")
    assert page.actions_agreed.rows() == [("Grace Obi", "Visit every week", "Fri 4 Dec 2026")]
    # A date not yet agreed: the list says so in words.
    _record_action(qtbot, pane, "Chloe Marsh", "Book the antenatal class", "01/01/1900")
    assert page.actions_agreed.rows()[-1] == ("Chloe Marsh", "Book the antenatal class", NO_DATE)
    assert page.actions_agreed.heading.text() == (
        "Actions agreed (2) · 1 without an owner or a date"
    )
    stored = meeting.conferences.get(PRE_BIRTH).actions
    assert [(a.owner, a.due_date) for a in stored] == [
        ("Grace Obi", date(2026, 12, 4)),
        ("Chloe Marsh", None),
    ]
    # Reopened, the workspace lists what the store holds.
    window.open_conference(PRE_BIRTH)
    assert len(_page(window).actions_agreed.rows()) == 2


def test_an_action_without_an_owner_or_a_date_is_marked_in_words(qtbot: QtBot) -> None:
    at = datetime(2026, 11, 26, 10, 40, tzinfo=UTC)
    actions = [
        ConferenceAction("a1", "", "Find a nursery place", None, None, at),
        ConferenceAction("a2", "Lee Tanner", "Attend the class", date(2026, 12, 1), None, at),
    ]
    shown = ActionsList(actions)
    qtbot.addWidget(shown)
    assert action_cells(actions[0]) == (NO_OWNER, "Find a nursery place", NO_DATE)
    assert shown.rows() == [
        ("No owner yet", "Find a nursery place", "No date set"),
        ("Lee Tanner", "Attend the class", "Tue 1 Dec 2026"),
    ]
    first = shown.table.topLevelItem(0)
    assert first is not None and first.font(0).italic() and first.font(2).italic()
    shown.add(actions[1])  # shown once, however often it comes
    assert len(shown.rows()) == 2


def _action_dialog(qtbot: QtBot, window: MainWindow) -> ActionDialog:
    qtbot.waitUntil(lambda: window.findChild(ActionDialog) is not None)
    dialog = window.findChild(ActionDialog)
    assert dialog is not None
    active(qtbot, dialog)
    return dialog


def test_an_action_in_the_list_opens_with_enter_or_a_double_click_and_is_saved(
    qtbot: QtBot, meeting: Session, preferences: Preferences
) -> None:
    notes = meeting.notes
    first = notes.add_action(PRE_BIRTH, "Grace Obi", "Visit every week", date(2026, 12, 4))
    undated = notes.add_action(PRE_BIRTH, "Chloe Marsh", "Book the antenatal class")
    window = open_meeting(qtbot, meeting, preferences)
    page = _page(window)
    listed = page.actions_agreed
    assert listed.rows()[1] == ("Chloe Marsh", "Book the antenatal class", NO_DATE)
    assert listed.heading.text() == "Actions agreed (2) · 1 without an owner or a date"

    # The list is reached from the agenda by Tab; Down, then Enter opens the second action.
    page.agenda.setFocus()
    for _ in range(12):
        if listed.table.hasFocus():
            break
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Key.Key_Tab)
    assert listed.table.hasFocus()
    qtbot.keyClick(listed.table, Key.Key_Home)
    qtbot.keyClick(listed.table, Key.Key_Down)
    qtbot.keyClick(listed.table, Key.Key_Return)
    dialog = _action_dialog(qtbot, window)
    assert dialog.windowTitle() == "Action 2"
    assert (dialog.owner.text(), dialog.what.text()) == ("Chloe Marsh", "Book the antenatal class")
    assert dialog.what.hasFocus()  # the owner is there already
    qtbot.keyClick(dialog.what, Key.Key_Tab)
    assert dialog.due.hasFocus()
    qtbot.keyClicks(dialog.due, "11/12/2026")
    qtbot.keyClick(dialog.due, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert listed.rows()[1] == ("Chloe Marsh", "Book the antenatal class", "Fri 11 Dec 2026")
    row = listed.table.topLevelItem(1)
    assert row is not None and not row.font(2).italic()
    assert listed.heading.text() == "Actions agreed (2)"
    stored = meeting.conferences.get(PRE_BIRTH).actions
    assert (stored[1].id, stored[1].due_date) == (undated.id, date(2026, 12, 11))
    assert stored[0] == first
    active(qtbot, window)
    assert window.focusWidget() is listed.table  # back to the list

    # A double-click opens the first; someone else changes its owner meanwhile.
    item = listed.table.topLevelItem(0)
    assert item is not None
    spot = listed.table.visualItemRect(item).center()
    left = QtCore.Qt.MouseButton.LeftButton
    qtbot.mouseClick(listed.table.viewport(), left, pos=spot)  # a double-click's first press
    qtbot.mouseDClick(listed.table.viewport(), left, pos=spot)
    dialog = _action_dialog(qtbot, window)
    assert dialog.windowTitle() == "Action 1"
    notes.update_action(first.id, owner="Grace Obi and Hana Patel")  # another window
    dialog.owner.setFocus()
    dialog.owner.selectAll()
    qtbot.keyClicks(dialog.owner, "Hana Patel")
    qtbot.keyClick(dialog.owner, Key.Key_Return)
    # Nothing saved; one line says why; the list shows theirs; the dialog keeps mine.
    assert dialog.isVisible()
    assert dialog.problem.text() == (
        "Someone else changed this action's owner to “Grace Obi and Hana Patel” while you "
        "were editing; nothing was saved. Save again to keep what you typed, or Cancel to "
        "keep theirs."
    )
    assert listed.rows()[0][0] == "Grace Obi and Hana Patel"
    assert meeting.conferences.get(PRE_BIRTH).actions[0].owner == "Grace Obi and Hana Patel"
    assert dialog.owner.text() == "Hana Patel"
    # Save again: mine, knowingly.
    qtbot.keyClick(dialog.owner, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert meeting.conferences.get(PRE_BIRTH).actions[0].owner == "Hana Patel"
    assert listed.rows()[0] == ("Hana Patel", "Visit every week", "Fri 4 Dec 2026")


# --- who is excluded now, on the minutes pane ------------------------------------------


def _select_person(qtbot: QtBot, page: WorkspacePage, name: str) -> None:
    table = page.roll_call.table
    model = page.roll_call.model
    row = next(r for r in range(model.rowCount()) if model.value(r).name == name)
    table.setFocus()
    qtbot.keyClick(table, Key.Key_Home, Ctrl)
    for _ in range(row):
        qtbot.keyClick(table, Key.Key_Down)
    selected = page.roll_call.selected()
    assert selected is not None and selected.name == name


def test_the_minutes_say_who_is_excluded_while_they_are_out(
    qtbot: QtBot, meeting: Session, preferences: Preferences, clock: Clock
) -> None:
    window = open_meeting(qtbot, meeting, preferences)
    page = _page(window)
    qtbot.keyClick(window, Key.Key_PageDown, Ctrl)
    qtbot.keyClick(window, Key.Key_I, Ctrl)
    _select_person(qtbot, page, "Lee Tanner")
    qtbot.keyClick(page.roll_call.table, Key.Key_P, Ctrl | Shift)
    _minutes(qtbot, window)
    banner = page.minutes.excluded
    assert not banner.isVisible()

    # Excluded by keyboard (F8, grounds, Return): the minutes name him, and say why it matters.
    clock.advance(10)
    qtbot.keyClick(window, Key.Key_I, Ctrl)
    _select_person(qtbot, page, "Lee Tanner")
    qtbot.keyClick(page.roll_call.table, Key.Key_F8)
    dialog = page.roll_call.exclusion_dialog
    assert dialog is not None
    active(qtbot, dialog)
    qtbot.keyClick(dialog.grounds, Key.Key_Down)
    qtbot.keyClick(dialog.grounds, Key.Key_Return)
    assert page.roll_call.exclusion_dialog is None
    active(qtbot, window)
    pane = _minutes(qtbot, window)
    assert banner.isVisible()
    assert banner.text() == (
        "Excluded now: Lee Tanner. What is written now is left out of Lee Tanner's copy "
        "of the minutes."
    )
    assert pane.isVisible()

    # He comes back (F9): the line goes.
    clock.advance(10)
    qtbot.keyClick(window, Key.Key_I, Ctrl)
    _select_person(qtbot, page, "Lee Tanner")
    qtbot.keyClick(page.roll_call.table, Key.Key_F9)
    _minutes(qtbot, window)
    assert not banner.isVisible()
    assert banner.text() == ""


def test_an_exclusion_with_an_end_time_ends_on_the_minutes_by_itself(
    qtbot: QtBot, under_way: Session, preferences: Preferences, clock: Clock
) -> None:
    parent = [p.name for p in wales_meeting().participants if p.role.value == "parent"][-1]
    clock.now = datetime(2026, 11, 26, 10, 55, tzinfo=UTC)  # out from 10:50 to 11:05
    window = open_meeting(qtbot, under_way, preferences)
    _minutes(qtbot, window)
    banner = _page(window).minutes.excluded
    assert banner.isVisible() and f"Excluded now: {parent}." in banner.text()
    assert banner.clock.isActive() and banner.clock.interval() <= 30_000
    clock.now = datetime(2026, 11, 26, 11, 6, tzinfo=UTC)
    banner.clock.timeout.emit()  # what the timer does, without waiting for it
    assert not banner.isVisible()


# --- the current speaker, kept per agenda item -----------------------------------------


def _choose_speaker(qtbot: QtBot, pane: MinutesPane, letters: str) -> None:
    """Ctrl+K, then type the first letters of the name and press Return."""
    qtbot.keyClick(pane.editor, Key.Key_K, Ctrl)
    combo = pane.speaker
    combo.hidePopup()
    qtbot.keyClicks(combo, letters)
    qtbot.keyClick(combo, Key.Key_Return)
    assert pane.editor.hasFocus()


def test_the_speaker_is_kept_per_item_and_restored_when_going_back(
    qtbot: QtBot, meeting: Session, preferences: Preferences
) -> None:
    window = open_meeting(qtbot, meeting, preferences)
    page = _page(window)
    qtbot.keyClick(window, Key.Key_PageDown, Ctrl)  # item 1
    first = _minutes(qtbot, window)
    _choose_speaker(qtbot, first, "Grace")
    assert first.speaker.currentText().startswith("Grace Obi")
    qtbot.keyClicks(first.editor, "Welcomed everyone.")
    qtbot.keyClick(first.editor, Key.Key_Return, Ctrl)  # the next entry: same speaker
    assert first.speaker.currentText().startswith("Grace Obi")
    qtbot.keyClicks(first.editor, "Explained the purpose of the meeting.")

    qtbot.keyClick(window, Key.Key_PageDown, Ctrl)  # item 2: its own speaker
    second = _minutes(qtbot, window)
    assert second is not first and second.speaker.currentData() is None
    _choose_speaker(qtbot, second, "Chloe")
    qtbot.keyClicks(second.editor, "Said she understood.")

    qtbot.keyClick(window, Key.Key_PageUp, Ctrl)  # back to item 1: Grace Obi still
    again = _minutes(qtbot, window)
    assert again is first
    qtbot.keyClick(again.editor, Key.Key_Return, Ctrl)
    assert again.speaker.currentText().startswith("Grace Obi")
    qtbot.keyClick(window, Key.Key_PageDown, Ctrl)
    assert _minutes(qtbot, window).speaker.currentText().startswith("Chloe Marsh")
    first.flush()
    second.flush()
    names = {p.id: p.name for p in meeting.conferences.get(PRE_BIRTH).participants}
    spoken = [(names.get(e.speaker_id or ""), e.text) for e in meeting.entries.entries(PRE_BIRTH)]
    assert spoken == [
        ("Grace Obi", "Welcomed everyone."),
        ("Grace Obi", "Explained the purpose of the meeting."),
        ("Chloe Marsh", "Said she understood."),
    ]
    # Opened again later: each item starts from the speaker of its latest entry.
    window.open_conference(PRE_BIRTH)
    page = _page(window)
    assert _minutes(qtbot, window).speaker.currentText().startswith("Chloe Marsh")
    pane = page.minutes.pane(page.agenda.items[0].id)
    assert pane is not None and pane.speaker.currentText().startswith("Grace Obi")


def test_two_people_out_at_once_are_both_named() -> None:
    from cpc_desktop.ui.workspace.exclusion_banner import excluded_line

    assert excluded_line(()) == ""
    assert excluded_line(("Lee Tanner", "Chloe Marsh", "Sam Marsh")) == (
        "Excluded now: Lee Tanner, Chloe Marsh and Sam Marsh. What is written now is left "
        "out of each of their copies of the minutes."
    )
