"""Remote and hybrid attendance in the Introductions tab, driven by keyboard: how each
person takes part (in the room, on video, by phone), a dropped call rung back in, and
the quorum that follows who is here at each moment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import (
    AttendanceKind,
    AttendanceMode,
    ConferenceType,
    MeetingMode,
    ParticipantRole,
)
from cpc_desktop.services.conferences import NewChild, NewConference
from cpc_desktop.services.roll_call import NewParticipant
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.workspace.participant_model import Column
from cpc_desktop.ui.workspace.roll_call import RollCallTab
from tests.ui.conftest import PASSPHRASE

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier

#: The demo's pre-birth conference (in person): seven invitees, nobody marked yet.
PRE_BIRTH = "CPC-2026-0003"


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 10, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: int) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def live(store_path: Path, clock: Clock) -> Iterator[Session]:
    opened = open_session(store_path, PASSPHRASE, clock=clock)
    yield opened
    opened.close()


def _tab(qtbot: QtBot, session: Session, ref: str = PRE_BIRTH) -> RollCallTab:
    stack = QtGui.QUndoStack()
    tab = RollCallTab(session, ref, stack)
    tab.test_stack = stack  # type: ignore[attr-defined]  # kept alive with the tab
    undo = stack.createUndoAction(tab)
    undo.setShortcut(QtGui.QKeySequence.StandardKey.Undo)
    tab.addAction(undo)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is tab)
    return tab


def _select(qtbot: QtBot, tab: RollCallTab, name: str) -> None:
    row = next(r for r in range(tab.model.rowCount()) if tab.model.value(r).name == name)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Key.Key_Home, Ctrl)
    for _ in range(row):
        qtbot.keyClick(tab.table, Key.Key_Down)
    assert tab.selected() is not None and tab.selected().name == name


def _cell(tab: RollCallTab, name: str, column: Column = Column.ATTENDANCE) -> object:
    row = tab.model.row_of(next(p.id for p in tab.model.values() if p.name == name))
    assert row is not None
    return tab.model.index(row, column).data(QtCore.Qt.ItemDataRole.DisplayRole)


def _events(session: Session, name: str, ref: str = PRE_BIRTH) -> list[tuple[object, ...]]:
    record = session.conferences.get(ref)
    person = next(p for p in record.participants if p.name == name)
    return [(e.kind, e.at, e.mode) for e in person.attendance]


def _chosen(tab: RollCallTab) -> AttendanceMode:
    (checked,) = [mode for mode, action in tab.mode_actions.items() if action.isChecked()]
    assert checked is tab.chosen_mode()
    return checked


def _local(instant: datetime) -> str:
    return instant.astimezone().strftime("%H:%M")


def test_the_mode_is_chosen_by_keyboard_and_recorded_with_present(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    tab = _tab(qtbot, live)
    start = clock()
    _select(qtbot, tab, "Hannah Fielding")
    assert _chosen(tab) is AttendanceMode.IN_ROOM  # an in-person conference
    qtbot.keyClick(tab.table, Key.Key_P, Ctrl | Shift)
    assert _events(live, "Hannah Fielding") == [
        (AttendanceKind.PRESENT, start, AttendanceMode.IN_ROOM)
    ]
    assert _cell(tab, "Hannah Fielding") == "present, in the room"

    # Someone not here yet: Ctrl+2 says what Present will record, and records nothing.
    _select(qtbot, tab, "Grace Obi")
    qtbot.keyClick(tab.table, Key.Key_2, Ctrl)
    assert _chosen(tab) is AttendanceMode.VIDEO
    assert tab.status.text() == (
        "Grace Obi is not here now: Present or Arrived will record them on video."
    )
    assert _events(live, "Grace Obi") == []
    qtbot.keyClick(tab.table, Key.Key_P, Ctrl | Shift)
    assert _events(live, "Grace Obi") == [(AttendanceKind.PRESENT, start, AttendanceMode.VIDEO)]
    assert _cell(tab, "Grace Obi") == "present, on video"
    assert tab.status.text() == f"Grace Obi: present on video at {_local(start)}."

    # The chooser shows how the selected person takes part; a newcomer gets the default.
    _select(qtbot, tab, "Hannah Fielding")
    assert _chosen(tab) is AttendanceMode.IN_ROOM
    _select(qtbot, tab, "Grace Obi")
    assert _chosen(tab) is AttendanceMode.VIDEO
    _select(qtbot, tab, "Steven Hale")
    assert _chosen(tab) is AttendanceMode.IN_ROOM

    # Apologies carry no mode, whatever the chooser shows.
    qtbot.keyClick(tab.table, Key.Key_3, Ctrl)
    qtbot.keyClick(tab.table, Key.Key_O, Ctrl | Shift)
    assert _events(live, "Steven Hale") == [(AttendanceKind.APOLOGIES, start, None)]
    assert _cell(tab, "Steven Hale") == "apologies"

    # The buttons name their keys, and are reached by Tab.
    button = tab.findChild(QtWidgets.QToolButton, "rollCallMode_phone")
    assert button is not None and button.accessibleName() == "By phone (Ctrl+3)"
    assert button.defaultAction() is tab.mode_actions[AttendanceMode.PHONE]


def test_a_remote_conference_records_video_unless_told_otherwise(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    conference = live.conferences.create_conference(
        NewConference(
            type=ConferenceType.REVIEW,
            date=date(2026, 11, 26),
            previous_conference_date=date(2026, 8, 27),
            children=(NewChild("Eli", "Ford", date(2020, 3, 3)),),
            mode=MeetingMode.REMOTE,
        )
    )
    ref = conference.reference
    for name in ("Ruth Adeyemi", "Jo Quinn"):
        live.roll_call.add_participant(ref, NewParticipant(name, ParticipantRole.PARENT))
    tab = _tab(qtbot, live, ref)
    _select(qtbot, tab, "Ruth Adeyemi")
    assert _chosen(tab) is AttendanceMode.VIDEO
    qtbot.keyClick(tab.table, Key.Key_F6)  # arrived now
    assert _events(live, "Ruth Adeyemi", ref) == [
        (AttendanceKind.ARRIVED, clock(), AttendanceMode.VIDEO)
    ]
    _select(qtbot, tab, "Jo Quinn")
    qtbot.keyClick(tab.table, Key.Key_1, Ctrl)  # Jo came to the office
    qtbot.keyClick(tab.table, Key.Key_F6)
    assert _events(live, "Jo Quinn", ref) == [
        (AttendanceKind.ARRIVED, clock(), AttendanceMode.IN_ROOM)
    ]
    assert _cell(tab, "Jo Quinn") == "present, in the room"


def test_a_dropped_call_makes_the_meeting_inquorate_until_they_ring_in(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    tab = _tab(qtbot, live)
    start = clock()
    for name, key in (
        ("Hannah Fielding", Key.Key_1),
        ("Grace Obi", Key.Key_2),
        ("Steven Hale", Key.Key_3),
    ):
        _select(qtbot, tab, name)
        qtbot.keyClick(tab.table, key, Ctrl)
        qtbot.keyClick(tab.table, Key.Key_P, Ctrl | Shift)
    assert tab.quorum.text() == "Quorate: children's social care and 2 other agencies"

    # Grace's video drops: she has left, and the conference is not quorate.
    dropped = clock.advance(20)
    _select(qtbot, tab, "Grace Obi")
    qtbot.keyClick(tab.table, Key.Key_F7)
    assert tab.quorum.text().startswith("Not quorate — Only 1 other agency")
    assert _cell(tab, "Grace Obi") == f"left {_local(dropped)}"

    # She rings in: arrived now, by phone; quorate again.
    back = clock.advance(4)
    qtbot.keyClick(tab.table, Key.Key_3, Ctrl)
    qtbot.keyClick(tab.table, Key.Key_F6)
    assert tab.quorum.text() == "Quorate: children's social care and 2 other agencies"
    assert _cell(tab, "Grace Obi") == "present, by phone"
    assert _events(live, "Grace Obi") == [
        (AttendanceKind.PRESENT, start, AttendanceMode.VIDEO),
        (AttendanceKind.LEFT, dropped, None),
        (AttendanceKind.ARRIVED, back, AttendanceMode.PHONE),
    ]
    # The history is in the cell's tool tip.
    row = tab.model.row_of(tab.selected_id() or "")
    tip = tab.model.index(row or 0, Column.ATTENDANCE).data(QtCore.Qt.ItemDataRole.ToolTipRole)
    assert f"{_local(start)} present (on video)" in tip
    assert f"{_local(back)} arrived (by phone)" in tip


def test_someone_here_changes_how_they_take_part_and_it_can_be_undone(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    tab = _tab(qtbot, live)
    start = clock()
    _select(qtbot, tab, "Grace Obi")
    qtbot.keyClick(tab.table, Key.Key_2, Ctrl)
    qtbot.keyClick(tab.table, Key.Key_P, Ctrl | Shift)

    # The picture froze; she rings in without being lost: joined by phone, now.
    joined = clock.advance(15)
    qtbot.keyClick(tab.table, Key.Key_3, Ctrl)
    assert tab.status.text() == f"Grace Obi: joined by phone at {_local(joined)}."
    assert _events(live, "Grace Obi") == [
        (AttendanceKind.PRESENT, start, AttendanceMode.VIDEO),
        (AttendanceKind.ARRIVED, joined, AttendanceMode.PHONE),
    ]
    assert _cell(tab, "Grace Obi") == "present, by phone"
    assert _chosen(tab) is AttendanceMode.PHONE

    # The same again changes nothing, and says so.
    qtbot.keyClick(tab.table, Key.Key_3, Ctrl)
    assert tab.status.text() == "Grace Obi is already taking part by phone."
    assert len(_events(live, "Grace Obi")) == 2

    # Undo takes the change back.
    qtbot.keyClick(tab.table, Key.Key_Z, Ctrl)
    assert _events(live, "Grace Obi") == [(AttendanceKind.PRESENT, start, AttendanceMode.VIDEO)]
    assert _cell(tab, "Grace Obi") == "present, on video"

    # Taken off the roll call by mistake and brought back: how she took part comes too.
    qtbot.keyClick(tab.table, Key.Key_3, Ctrl)
    before = _events(live, "Grace Obi")
    assert [mode for *_, mode in before] == [AttendanceMode.VIDEO, AttendanceMode.PHONE]
    _select(qtbot, tab, "Grace Obi")
    qtbot.keyClick(tab.table, Key.Key_Delete, Ctrl | Shift)
    assert all(p.name != "Grace Obi" for p in tab.model.values())
    qtbot.keyClick(tab.table, Key.Key_Z, Ctrl)
    assert _events(live, "Grace Obi") == before
