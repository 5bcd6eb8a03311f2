"""The Introductions tab, driven from the keyboard against the demo store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import AttendanceKind, ChildParticipation, ParticipantRole
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.workspace.exclusion_dialog import GROUND_LABELS
from cpc_desktop.ui.workspace.participant_model import LATE_MARKER, Column, attendance_now
from cpc_desktop.ui.workspace.roll_call import RollCallTab
from tests.ui.conftest import PASSPHRASE

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier

#: The demo's pre-birth conference: seven invitees, nobody marked yet, on 26 Nov 2026.
PRE_BIRTH = "CPC-2026-0003"
#: The demo's concluded initial conference, with a full attendance record.
CONCLUDED = "CPC-2026-0001"


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
    redo = stack.createRedoAction(tab)
    redo.setShortcut(QtGui.QKeySequence("Ctrl+Shift+Z"))
    tab.addActions([undo, redo])
    qtbot.addWidget(tab)
    tab.resize(1000, 560)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is tab)
    return tab


def _person(session: Session, name: str, ref: str = PRE_BIRTH):
    record = session.conferences.get(ref)
    return next(p for p in record.participants if p.name == name)


def _select(qtbot: QtBot, tab: RollCallTab, name: str) -> None:
    row = next(r for r in range(tab.model.rowCount()) if tab.model.value(r).name == name)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Key.Key_Home, Ctrl)
    for _ in range(row):
        qtbot.keyClick(tab.table, Key.Key_Down)
    assert tab.selected() is not None and tab.selected().name == name


def _cell(tab: RollCallTab, name: str, column: Column, role: int = 0) -> object:
    row = tab.model.row_of(next(p.id for p in tab.model.values() if p.name == name))
    assert row is not None
    return tab.model.index(row, column).data(role or QtCore.Qt.ItemDataRole.DisplayRole)


def _activate(qtbot: QtBot, dialog: QtWidgets.QDialog) -> None:
    """Wait for a dialog the tab opened and make it the active window (offscreen needs it)."""
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)


def _back_to(qtbot: QtBot, tab: RollCallTab) -> None:
    """After a dialog closes, the tab's window is active again (offscreen needs help)."""
    tab.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is tab)


def _choose_agency(qtbot: QtBot, tab: RollCallTab, typed: str) -> None:
    qtbot.keyClicks(tab.agency, typed)
    popup = tab.agency.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Key.Key_Down)
    qtbot.keyClick(popup, Key.Key_Return)
    assert not popup.isVisible()


def test_two_people_added_by_typing_with_agency_completion(qtbot: QtBot, live: Session) -> None:
    tab = _tab(qtbot, live)
    changed: list[bool] = []
    tab.participants_changed.connect(lambda: changed.append(True))
    before = len(live.conferences.get(PRE_BIRTH).participants)
    assert tab.name.hasFocus()

    # A blank name is refused with a message.
    qtbot.keyClick(tab.name, Key.Key_Return)
    assert "name" in tab.status.text().lower()
    assert len(live.conferences.get(PRE_BIRTH).participants) == before

    qtbot.keyClicks(tab.name, "Ruth Adeyemi")
    qtbot.keyClick(tab.name, Key.Key_Tab)
    assert tab.role.hasFocus()
    qtbot.keyClicks(tab.role, "Social")
    assert tab.role.currentData() == ParticipantRole.SOCIAL_WORKER.value
    qtbot.keyClick(tab.role, Key.Key_Tab)
    assert tab.agency.hasFocus()
    _choose_agency(qtbot, tab, "CHILDREN'S SO")  # case does not matter
    assert tab.agency.text() == "Children's social care"
    qtbot.keyClick(tab.agency, Key.Key_Return)

    added = live.conferences.get(PRE_BIRTH).participants
    assert len(added) == before + 1
    ruth = added[-1]
    assert (ruth.name, ruth.role, ruth.agency) == (
        "Ruth Adeyemi",
        ParticipantRole.SOCIAL_WORKER,
        "Children's social care",
    )
    assert tab.name.hasFocus() and tab.name.text() == "" and tab.agency.text() == ""
    assert tab.selected() is not None and tab.selected().id == ruth.id
    assert changed

    # The second: a paediatrician with direct contact, added by Enter on the checkbox.
    qtbot.keyClicks(tab.name, "Dr Sam Okoro")
    tab.agency.setFocus()
    _choose_agency(qtbot, tab, "paed")
    assert tab.agency.text() == "Paediatrics"
    qtbot.keyClick(tab.agency, Key.Key_Tab)
    qtbot.keyClicks(tab.relationship, "consultant paediatrician")
    qtbot.keyClick(tab.relationship, Key.Key_Tab)
    assert tab.direct_contact.hasFocus()
    qtbot.keyClick(tab.direct_contact, Key.Key_Space)
    qtbot.keyClick(tab.direct_contact, Key.Key_Return)

    sam = live.conferences.get(PRE_BIRTH).participants[-1]
    assert sam.name == "Dr Sam Okoro"
    assert sam.role is ParticipantRole.PROFESSIONAL
    assert sam.agency == "Paediatrics"
    assert sam.relationship == "consultant paediatrician"
    assert sam.direct_contact
    assert tab.model.rowCount() == before + 2
    assert "Added Dr Sam Okoro" in tab.status.text()


def test_arrival_and_departure_are_stamped_with_the_session_clock(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    tab = _tab(qtbot, live)
    _select(qtbot, tab, "Grace Obi")
    arrived_at = clock.advance(3)
    qtbot.keyClick(tab.table, Key.Key_F6)
    left_at = clock.advance(75)
    qtbot.keyClick(tab.table, Key.Key_F7)

    events = _person(live, "Grace Obi").attendance
    assert [(e.kind, e.at) for e in events] == [
        (AttendanceKind.ARRIVED, arrived_at),
        (AttendanceKind.LEFT, left_at),
    ]
    local = left_at.astimezone().strftime("%H:%M")
    assert _cell(tab, "Grace Obi", Column.ATTENDANCE) == f"left {local}"
    assert _cell(tab, "Grace Obi", Column.ARRIVED) == arrived_at.astimezone().strftime("%H:%M")
    assert _cell(tab, "Grace Obi", Column.LEFT) == local
    assert tab.selected().name == "Grace Obi"  # the selection survives the refresh

    # Each stamp is undoable.
    tab.test_stack.undo()  # type: ignore[attr-defined]
    assert [e.kind for e in _person(live, "Grace Obi").attendance] == [AttendanceKind.ARRIVED]
    assert _cell(tab, "Grace Obi", Column.ATTENDANCE) == "present, in the room"


def test_partial_exclusion_by_keyboard_then_ended(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    tab = _tab(qtbot, live)
    _select(qtbot, tab, "Lee Tanner")
    qtbot.keyClick(tab.table, Key.Key_P, Ctrl | Shift)
    assert _cell(tab, "Lee Tanner", Column.ATTENDANCE) == "present, in the room"
    assert not tab.actions_by_name["end_exclusion"].isEnabled()

    start = clock.advance(20)
    qtbot.keyClick(tab.table, Key.Key_F8)
    dialog = tab.exclusion_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    assert dialog.grounds.hasFocus()
    # Down to "Confidential information has to be shared".
    for _ in range(5):
        qtbot.keyClick(dialog.grounds, Key.Key_Down)
    assert "Confidential information" in dialog.grounds.currentText()
    # Tab on through the start time (hours, then minutes) and the end check box.
    for _ in range(4):
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Key.Key_Tab)
    assert dialog.note.hasFocus()
    qtbot.keyClicks(dialog.note, "Police to share third-party information.")
    qtbot.keyClick(dialog.grounds, Key.Key_Return)
    assert tab.exclusion_dialog is None

    exclusion = _person(live, "Lee Tanner").attendance[-1]
    assert exclusion.kind is AttendanceKind.EXCLUDED
    assert exclusion.grounds is not None
    assert GROUND_LABELS[exclusion.grounds].startswith("Confidential information")
    assert (exclusion.at, exclusion.until) == (start, None)
    assert exclusion.note == "Police to share third-party information."
    assert _cell(tab, "Lee Tanner", Column.ATTENDANCE) == "excluded"
    assert tab.actions_by_name["end_exclusion"].isEnabled()

    end = clock.advance(15)
    _back_to(qtbot, tab)
    qtbot.keyClick(tab.table, Key.Key_F9)
    ended = _person(live, "Lee Tanner").attendance[-1]
    assert (ended.id, ended.until) == (exclusion.id, end)
    assert _cell(tab, "Lee Tanner", Column.ATTENDANCE) == "present, in the room"
    tooltip = str(_cell(tab, "Lee Tanner", Column.ATTENDANCE, QtCore.Qt.ItemDataRole.ToolTipRole))
    assert "excluded until" in tooltip

    # Undoing the end makes the exclusion open again.
    qtbot.keyClick(tab.table, Key.Key_Z, Ctrl)
    reopened = _person(live, "Lee Tanner").attendance[-1]
    assert (reopened.kind, reopened.at, reopened.until) == (AttendanceKind.EXCLUDED, start, None)
    assert reopened.grounds is exclusion.grounds
    assert _cell(tab, "Lee Tanner", Column.ATTENDANCE) == "excluded"


def test_exclusion_with_an_end_before_its_start_is_refused(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    tab = _tab(qtbot, live)
    _select(qtbot, tab, "Lee Tanner")
    qtbot.keyClick(tab.table, Key.Key_F8)
    dialog = tab.exclusion_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    dialog.has_end.setChecked(True)
    dialog.until.setTime(dialog.start.time().addSecs(-600))
    qtbot.keyClick(dialog.grounds, Key.Key_Return)
    assert "after its start" in dialog.error.text()
    assert dialog.isVisible()
    dialog.reject()
    assert _person(live, "Lee Tanner").attendance == ()


def test_undo_of_an_add_removes_the_person_from_the_store(qtbot: QtBot, live: Session) -> None:
    tab = _tab(qtbot, live)
    qtbot.keyClicks(tab.name, "Pat Quinn")
    qtbot.keyClick(tab.name, Key.Key_Return)
    assert any(p.name == "Pat Quinn" for p in live.conferences.get(PRE_BIRTH).participants)

    # Ctrl+Z in a text box undoes typing there, so the chair steps onto the table first.
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Key.Key_Z, Ctrl)
    assert not any(p.name == "Pat Quinn" for p in live.conferences.get(PRE_BIRTH).participants)
    assert not any(p.name == "Pat Quinn" for p in tab.model.values())
    assert "Undone" in tab.status.text()

    # Redo adds them again (with their id) and later commands still find them.
    qtbot.keyClick(tab.table, Key.Key_Z, Ctrl | Shift)
    pat = _person(live, "Pat Quinn")
    _select(qtbot, tab, "Pat Quinn")
    qtbot.keyClick(tab.table, Key.Key_F6)
    assert [e.kind for e in _person(live, "Pat Quinn").attendance] == [AttendanceKind.ARRIVED]
    assert _person(live, "Pat Quinn").id == pat.id

    # Undo the arrival and the add, then redo both: the same person, the same arrival.
    stack = tab.test_stack  # type: ignore[attr-defined]
    stack.undo()
    stack.undo()
    assert not any(p.name == "Pat Quinn" for p in live.conferences.get(PRE_BIRTH).participants)
    stack.redo()
    stack.redo()
    again = _person(live, "Pat Quinn")
    assert again.id == pat.id
    assert [e.kind for e in again.attendance] == [AttendanceKind.ARRIVED]


def test_a_person_removed_by_keyboard_comes_back_with_their_id(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    tab = _tab(qtbot, live)
    _select(qtbot, tab, "Lee Tanner")
    qtbot.keyClick(tab.table, Key.Key_F6)  # arrived: their attendance comes back too
    lee = _person(live, "Lee Tanner")
    assert [e.kind for e in lee.attendance] == [AttendanceKind.ARRIVED]

    qtbot.keyClick(tab.table, Key.Key_Delete, Ctrl | Shift)
    people = live.conferences.get(PRE_BIRTH).participants
    assert lee.id not in [p.id for p in people]
    assert "Removed Lee Tanner" in tab.status.text()

    qtbot.keyClick(tab.table, Key.Key_Z, Ctrl)
    back = _person(live, "Lee Tanner")
    assert back.id == lee.id
    assert back.attendance == lee.attendance  # the same events, with their ids
    assert tab.selected_id() == lee.id

    stack = tab.test_stack  # type: ignore[attr-defined]
    stack.redo()
    assert lee.id not in [p.id for p in live.conferences.get(PRE_BIRTH).participants]
    stack.undo()
    assert _person(live, "Lee Tanner").id == lee.id
    # The arrival recorded before the removal can still be undone: it names the same event.
    stack.undo()
    assert _person(live, "Lee Tanner").attendance == ()
    assert "Undone" in tab.status.text()


def test_report_dates_edited_and_late_sharing_flagged(qtbot: QtBot, live: Session) -> None:
    tab = _tab(qtbot, live)
    _select(qtbot, tab, "Grace Obi")
    assert _cell(tab, "Grace Obi", Column.REPORT_SHARED) == ""
    qtbot.keyClick(tab.table, Key.Key_F2)
    dialog = tab.details_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    assert dialog.report_received.value() is None
    assert dialog.report_received.text() == "not received"
    dialog.report_received.setFocus()
    qtbot.keyClicks(dialog.report_received, "20112026")
    assert dialog.report_received.value() == date(2026, 11, 20)
    dialog.report_shared.setFocus()
    qtbot.keyClicks(dialog.report_shared, "25112026")
    assert dialog.report_shared.value() == date(2026, 11, 25)
    dialog.interpreter.setFocus()
    qtbot.keyClicks(dialog.interpreter, "Yoruba")
    qtbot.keyClick(dialog.interpreter, Key.Key_Return)
    assert tab.details_dialog is None

    grace = _person(live, "Grace Obi")
    assert grace.report_received == date(2026, 11, 20)
    assert grace.report_shared_with_family == date(2026, 11, 25)
    assert grace.interpreter_language == "Yoruba"
    shown = str(_cell(tab, "Grace Obi", Column.REPORT_SHARED))
    assert shown.startswith(LATE_MARKER) and "25 Nov" in shown
    tip = str(_cell(tab, "Grace Obi", Column.REPORT_SHARED, QtCore.Qt.ItemDataRole.ToolTipRole))
    assert "1 working days before the conference" in tip and "at least 3" in tip
    assert _cell(tab, "Grace Obi", Column.INTERPRETER) == "Yoruba"

    # Undo puts every edited field back.
    tab.test_stack.undo()  # type: ignore[attr-defined]
    grace = _person(live, "Grace Obi")
    assert (grace.report_received, grace.report_shared_with_family) == (None, None)
    assert grace.interpreter_language is None
    assert _cell(tab, "Grace Obi", Column.REPORT_SHARED) == ""


def test_not_taking_part_needs_a_reason(qtbot: QtBot, live: Session) -> None:
    tab = _tab(qtbot, live)
    child = live.conferences.get(PRE_BIRTH).children[0]
    row = tab.child_rows[child.id]
    row.mode.setFocus()
    qtbot.keyClicks(row.mode, "Not")
    assert row.mode.currentData() == ChildParticipation.NOT_TAKING_PART.value
    assert "reason" in tab.status.text().lower()
    assert live.conferences.get(PRE_BIRTH).children[0].participation is None
    assert row.reason.hasFocus()

    qtbot.keyClicks(row.reason, "Not yet born.")
    qtbot.keyClick(row.reason, Key.Key_Return)
    stored = live.conferences.get(PRE_BIRTH).children[0]
    assert stored.participation is ChildParticipation.NOT_TAKING_PART
    assert stored.participation_reason == "Not yet born."

    # Clearing the reason again is refused and nothing changes.
    row.reason.clear()
    row.reason.setFocus()
    qtbot.keyClick(row.reason, Key.Key_Return)
    assert "reason" in tab.status.text().lower()
    assert live.conferences.get(PRE_BIRTH).children[0].participation_reason == "Not yet born."


def test_quorum_turns_red_when_professionals_leave_and_the_reason_is_stored(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    tab = _tab(qtbot, live)
    assert tab.quorum.text().startswith("Not quorate")
    for name in ("Hannah Fielding", "Grace Obi", "Steven Hale"):
        _select(qtbot, tab, name)
        qtbot.keyClick(tab.table, Key.Key_P, Ctrl | Shift)
    assert tab.quorum.text() == "Quorate: children's social care and 2 other agencies"
    assert not tab.quorum.proceed.isVisible()

    clock.advance(40)
    _select(qtbot, tab, "Steven Hale")
    qtbot.keyClick(tab.table, Key.Key_F7)
    text = tab.quorum.text()
    assert text.startswith("Not quorate — Only 1 other agency")
    assert tab.quorum.proceed.isVisible()

    tab.quorum.proceed.setFocus()
    qtbot.keyClick(tab.quorum.proceed, Key.Key_Space)
    dialog = tab.quorum.reason_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    qtbot.keyClick(dialog.ok, Key.Key_Space)  # blank: refused
    assert dialog.isVisible() and "reason" in dialog.error.text()
    assert live.conferences.get(PRE_BIRTH).conference.quorum_reason is None
    qtbot.keyClicks(dialog.reason, "Probation had to leave; the plan cannot wait.")
    qtbot.keyClick(dialog.ok, Key.Key_Space)
    assert tab.quorum.reason_dialog is None

    reason = live.conferences.get(PRE_BIRTH).conference.quorum_reason
    assert reason == "Probation had to leave; the plan cannot wait."
    assert tab.quorum.proceeding.text() == f"Proceeding without quorum: {reason}"
    assert tab.quorum.proceeding.isVisible()


def test_the_periodic_refresh_follows_the_clock(qtbot: QtBot, live: Session, clock: Clock) -> None:
    tab = _tab(qtbot, live)
    assert tab.timer.isActive() and tab.timer.interval() == 30_000
    grace = _person(live, "Grace Obi")
    live.roll_call.record_attendance(grace.id, AttendanceKind.PRESENT, clock())
    live.roll_call.record_attendance(grace.id, AttendanceKind.LEFT, clock() + timedelta(minutes=10))
    tab.reload()
    assert _cell(tab, "Grace Obi", Column.ATTENDANCE) == "present"
    clock.advance(11)
    tab.timer.timeout.emit()
    assert str(_cell(tab, "Grace Obi", Column.ATTENDANCE)).startswith("left ")


def test_a_refused_change_shows_one_line_and_changes_nothing(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    tab = _tab(qtbot, live)
    _select(qtbot, tab, "Lee Tanner")
    messages: list[str] = []
    tab.message.connect(messages.append)
    qtbot.keyClick(tab.table, Key.Key_F8)
    dialog = tab.exclusion_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    qtbot.keyClick(dialog.grounds, Key.Key_Return)
    _back_to(qtbot, tab)
    qtbot.keyClick(tab.table, Key.Key_P, Ctrl | Shift)
    # Ending the exclusion at the very moment it began is refused by the service.
    qtbot.keyClick(tab.table, Key.Key_F9)
    assert messages and "\n" not in messages[-1]
    assert "end after it starts" in messages[-1]
    assert _person(live, "Lee Tanner").attendance[0].until is None


def test_model_and_the_concluded_demo(qtbot: QtBot, live: Session, qtmodeltester) -> None:
    tab = _tab(qtbot, live, CONCLUDED)
    qtmodeltester.check(tab.model)
    record = live.conferences.get(CONCLUDED)
    now = live.clock()
    for person in record.participants:
        assert _cell(tab, person.name, Column.ATTENDANCE) == attendance_now(person, now)
    assert _cell(tab, "Dr Thomas Ewing", Column.ATTENDANCE) == "apologies"
    assert str(_cell(tab, "Priya Shah", Column.ATTENDANCE)).startswith("left ")
    assert str(_cell(tab, "Dr Thomas Ewing", Column.REPORT_SHARED)).startswith(LATE_MARKER)
    assert not str(_cell(tab, "Amira Hussain", Column.REPORT_SHARED)).startswith(LATE_MARKER)
    assert _cell(tab, "Alan Forsyth", Column.ROLE) == "Supporter"
    assert tab.quorum.text().startswith("Quorate: children's social care and")


def test_everything_fits_and_is_named(qtbot: QtBot, live: Session, tmp_path: Path) -> None:
    tab = _tab(qtbot, live, CONCLUDED)
    hint = tab.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 560
    for widget in tab.findChildren(QtWidgets.QWidget):
        focusable = widget.focusPolicy() != QtCore.Qt.FocusPolicy.NoFocus
        if (
            widget.isVisibleTo(tab)
            and focusable
            and isinstance(
                widget,
                QtWidgets.QLineEdit
                | QtWidgets.QComboBox
                | QtWidgets.QAbstractButton
                | QtWidgets.QTableView,
            )
        ):
            if isinstance(widget, QtWidgets.QLineEdit) and isinstance(
                widget.parent(), QtWidgets.QComboBox
            ):
                continue
            assert widget.accessibleName(), widget
    for action in tab.actions_by_name.values():
        assert action.shortcut().toString()
    assert tab.grab().save(str(tmp_path / "rollcall.png"))


def test_after_approval_the_roll_call_refuses_changes_and_says_why(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    """Frozen means frozen (issue 16): a change by keyboard is refused with one line and
    the store keeps what was approved."""
    live.minutes.approve(CONCLUDED)
    before = live.conferences.get(CONCLUDED)
    tab = _tab(qtbot, live, CONCLUDED)
    _select(qtbot, tab, "Carol Harland")  # sent apologies
    qtbot.keyClick(tab.table, Key.Key_P, Ctrl | Shift)
    assert "approved" in tab.status.text() and "reopen" in tab.status.text()
    assert live.conferences.get(CONCLUDED) == before
    assert _cell(tab, "Carol Harland", Column.ATTENDANCE) == "apologies"
    assert not tab.test_stack.canUndo()  # nothing that did not happen is on the stack


def test_the_agency_box_says_what_a_typed_name_was_taken_as(qtbot: QtBot, live: Session) -> None:
    tab = _tab(qtbot, live)
    note = tab.quick.agency_note
    assert not note.isVisible()  # nothing typed, nothing said
    tab.agency.setFocus()
    qtbot.keyClicks(tab.agency, "Fenbridge Children's Social Care")
    assert note.isVisible()
    assert note.text() == "Taken as Children's social care (a listed agency)."
    assert tab.agency.accessibleDescription() == note.text()
    tab.agency.clear()
    qtbot.keyClicks(tab.agency, "Forsyth Baines Solicitors")
    assert note.text() == "Taken as legal advice: does not count towards quorum."
    tab.agency.clear()
    qtbot.keyClicks(tab.agency, "Fenbridge Fire and Rescue")
    assert note.text() == ("Not in the list: counted as an agency of its own; check the spelling.")
    tab.agency.clear()
    assert not note.isVisible()
