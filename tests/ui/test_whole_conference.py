"""A whole conference driven through the real main window, by keyboard.

Create it, go round the table (an arrival, a departure, a partial exclusion, and a
doctor on video who joins late and leaves early, the quorum indicator following each),
take minutes in three agenda items with speakers, tags, a restricted entry and an
action, go home mid-meeting and open the conference again (the meeting's and the item's
clocks kept), lock and unlock, close — then reopen the store and check that everything
was saved, and that the minutes give each person's times and how they took part.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.data import integrity
from cpc_desktop.domain.enums import AttendanceKind, AttendanceMode, ConferenceType, Tag
from cpc_desktop.services.session import open_session
from cpc_desktop.ui.home.new_conference_dialog import NewConferenceDialog
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace.participant_model import Column
from cpc_desktop.ui.workspace.roll_call import RollCallTab
from tests.helpers.outputs import pdf_text
from tests.ui.conftest import PASSPHRASE, Clock

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier


def _active(qtbot: QtBot, widget: QtWidgets.QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is widget.window())


def _add_person(
    qtbot: QtBot,
    tab: RollCallTab,
    name: str,
    role: str,
    agency: str,
    relationship: str,
    direct: bool,
) -> None:
    tab.name.setFocus()
    qtbot.keyClicks(tab.name, name)
    qtbot.keyClick(tab.name, Key.Key_Tab)
    assert tab.role.hasFocus()
    qtbot.keyClicks(tab.role, role)
    qtbot.keyClick(tab.role, Key.Key_Tab)
    assert tab.agency.hasFocus()
    if agency:
        qtbot.keyClicks(tab.agency, agency)
        popup = tab.agency.completer().popup()
        if popup.isVisible():
            qtbot.keyClick(popup, Key.Key_Down)
            qtbot.keyClick(popup, Key.Key_Return)
    tab.relationship.setFocus()
    qtbot.keyClicks(tab.relationship, relationship)
    if direct:
        tab.direct_contact.setChecked(True)
    qtbot.keyClick(tab.relationship, Key.Key_Return)


def _select(qtbot: QtBot, tab: RollCallTab, name: str) -> None:
    row = next(r for r in range(tab.model.rowCount()) if tab.model.value(r).name == name)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Key.Key_Home, Ctrl)
    for _ in range(row):
        qtbot.keyClick(tab.table, Key.Key_Down)
    assert tab.selected().name == name


def _local(instant: datetime) -> str:
    return instant.astimezone().strftime("%H:%M")


def _cell(tab: RollCallTab, name: str) -> object:
    row = tab.model.row_of(next(p.id for p in tab.model.values() if p.name == name))
    assert row is not None
    return tab.model.index(row, Column.ATTENDANCE).data(QtCore.Qt.ItemDataRole.DisplayRole)


QUORATE_2 = "Quorate: children's social care and 2 other agencies"
QUORATE_3 = "Quorate: children's social care and 3 other agencies"
MEETING_TIME = "Meeting time {spent} of 1:55 planned (started {start})"
INQUORATE = (
    "Not quorate — Only 1 other agency is present with direct contact with the family "
    "(Health visiting service); at least 2 are needed."
)


def test_a_whole_conference_by_keyboard(
    qtbot: QtBot, store_path: Path, preferences: Preferences, clock: Clock
) -> None:
    clock.now = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    session = open_session(store_path, PASSPHRASE, clock=clock)
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _active(qtbot, window)

    # --- create the conference (Ctrl+N) --------------------------------------------
    def fill_dialog() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        assert isinstance(dialog, NewConferenceDialog)
        dialog.date.setFocus()
        qtbot.keyClicks(dialog.date, "11/12/2026")
        dialog.anchor.setDate(QtCore.QDate(2026, 11, 27))
        assert "Fri 18 Dec 2026" in dialog.due.text()
        row = dialog.child_rows[0]
        qtbot.keyClicks(row.given, "Ada")
        qtbot.keyClick(row.given, Key.Key_Tab)
        qtbot.keyClicks(row.family, "Quinn")
        qtbot.keyClick(row.family, Key.Key_Return)

    def fill_or_close() -> None:
        try:
            fill_dialog()
        finally:  # a failed check must not leave the modal dialog waiting for ever
            dialog = QtWidgets.QApplication.activeModalWidget()
            if dialog is not None:
                dialog.reject()

    QtCore.QTimer.singleShot(0, fill_or_close)
    qtbot.keyClick(window, Key.Key_N, Ctrl)
    page = window.workspace
    assert page is not None
    _active(qtbot, window)  # the offscreen platform does not hand activation back
    ref = page.reference
    record = session.conferences.get(ref)
    assert record.conference.type is ConferenceType.INITIAL
    assert [c.given_name for c in record.children] == ["Ada"]

    # --- introductions ------------------------------------------------------------
    tab = page.roll_call
    assert page.tabs.currentWidget() is page.introductions and tab.isVisible()
    people = [
        ("Sam Worker", "Soc", "Children's soc", "allocated social worker", True),
        ("PC Dee Lane", "Prof", "Poli", "public protection unit", True),
        ("Hana Visitor", "Prof", "Health vis", "health visitor", True),
        ("Mo Quinn", "Par", "", "mother", False),
    ]
    for person in people:
        _add_person(qtbot, tab, *person)
    names = [p.name for p in tab.record.participants]
    assert names == [p[0] for p in people]
    for name, *_ in people:
        _select(qtbot, tab, name)
        qtbot.keyClick(tab.table, Key.Key_P, Ctrl | Shift)
    assert tab.quorum.text() == QUORATE_2
    # The GP is expected later, on video: added now, not here yet.
    _add_person(qtbot, tab, "Dr Gus Doctor", "Prof", "GP", "GP", True)
    assert _cell(tab, "Dr Gus Doctor") == "not recorded"
    assert tab.quorum.text() == QUORATE_2

    arrival = clock.advance(5)
    _select(qtbot, tab, "Hana Visitor")
    qtbot.keyClick(tab.table, Key.Key_F6)

    # --- minutes in three items -----------------------------------------------------
    qtbot.keyClick(window, Key.Key_Right, Ctrl | Shift)  # start: item 1 is current
    qtbot.keyClick(window, Key.Key_M, Ctrl)
    pane = page.minutes.current_pane()
    assert pane is not None and pane.item.key == "welcome"
    assert pane.editor.hasFocus()
    qtbot.keyClicks(pane.editor, "Everyone introduced themselves; the mother was welcomed.")
    qtbot.keyClick(pane.editor, Key.Key_1, Ctrl)

    clock.advance(10)
    qtbot.keyClick(window, Key.Key_Right, Ctrl | Shift)  # item 2
    pane2 = page.minutes.current_pane()
    assert pane2 is not None and pane2 is not pane
    qtbot.keyClick(window, Key.Key_M, Ctrl)
    qtbot.keyClicks(pane2.editor, "The social worker described the bruise seen on Ada's arm.")
    qtbot.keyClick(pane2.editor, Key.Key_K, Ctrl)  # choose the speaker: type, Enter
    view = pane2.speaker.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClicks(view, "Sam")
    qtbot.keyClick(view, Key.Key_Return)
    assert pane2.editor.hasFocus()
    qtbot.keyClick(pane2.editor, Key.Key_3, Ctrl)

    # The mother steps out while the police share restricted information.
    excluded_at = clock.advance(5)
    page.tabs.setCurrentIndex(0)
    _select(qtbot, tab, "Mo Quinn")
    qtbot.keyClick(tab.table, Key.Key_F8)
    dialog = tab.exclusion_dialog
    assert dialog is not None
    _active(qtbot, dialog)
    for _ in range(5):
        qtbot.keyClick(dialog.grounds, Key.Key_Down)
    qtbot.keyClick(dialog.grounds, Key.Key_Return)
    _active(qtbot, window)
    qtbot.keyClick(window, Key.Key_M, Ctrl)
    qtbot.keyClick(pane2.editor, Key.Key_Return, Ctrl)
    qtbot.keyClicks(pane2.editor, "Police shared information about a third party.")
    qtbot.keyClick(pane2.editor, Key.Key_R, Ctrl)
    qtbot.keyClick(pane2.editor, Key.Key_2, Ctrl)
    ended_at = clock.advance(10)
    page.tabs.setCurrentIndex(0)
    _select(qtbot, tab, "Mo Quinn")
    qtbot.keyClick(tab.table, Key.Key_F9)

    # The GP joins late on video (Ctrl+2, then F6: arrived now) and leaves early (F7).
    assert tab.quorum.text() == QUORATE_2  # before
    joined_at = clock.advance(5)
    _select(qtbot, tab, "Dr Gus Doctor")
    qtbot.keyClick(tab.table, Key.Key_2, Ctrl)
    qtbot.keyClick(tab.table, Key.Key_F6)
    assert _cell(tab, "Dr Gus Doctor") == "present, on video"
    assert tab.quorum.text() == QUORATE_3
    gone_at = clock.advance(10)
    qtbot.keyClick(tab.table, Key.Key_F7)
    assert _cell(tab, "Dr Gus Doctor") == f"left {_local(gone_at)}"
    assert tab.quorum.text() == QUORATE_2

    left_at = clock.advance(5)
    _select(qtbot, tab, "PC Dee Lane")
    qtbot.keyClick(tab.table, Key.Key_F7)
    inquorate = tab.quorum.text()
    assert inquorate == INQUORATE

    # --- home mid-meeting, and back: the clocks kept their times ------------------------
    # Item 2 began at 10:15 and runs on (3 minutes allowed); the meeting began at 10:05,
    # with item 1.
    panel = page.agenda
    qtbot.waitUntil(lambda: panel.timer_label.text() == "Item 2 of 12 — 35:00 of 03:00")
    assert panel.meeting_label.text() == MEETING_TIME.format(spent="0:45", start=_local(arrival))
    _active(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, Key.Key_H, Ctrl | Shift)
    assert window.workspace is None and window.pages.currentWidget() is window.home
    clock.advance(3)  # three minutes at the home screen: the meeting goes on
    home = window.home
    row = next(r for r in range(home.model.rowCount()) if home.model.value(r).reference == ref)
    home.table.setFocus()
    qtbot.keyClick(home.table, Key.Key_Home, Ctrl)
    for _ in range(row):
        qtbot.keyClick(home.table, Key.Key_Down)
    qtbot.keyClick(home.table, Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None)
    page = window.workspace
    assert page is not None and page.reference == ref
    panel = page.agenda
    assert panel.current_item() is not None and panel.current_item().key == "purpose"
    assert panel.timer_label.text() == "Item 2 of 12 — 38:00 of 03:00"
    assert panel.meeting_label.text() == MEETING_TIME.format(spent="0:48", start=_local(arrival))
    assert panel.over_label.text() == "+35:00 over"
    tab = page.roll_call
    assert tab.quorum.text() == inquorate  # who is here is the store's, too
    pane2 = page.minutes.current_pane()
    assert pane2 is not None and pane2.item.key == "purpose"

    # Next item from inside the minute editor, where Ctrl+Shift+Right selects a word.
    qtbot.keyClick(window, Key.Key_M, Ctrl)
    qtbot.keyClick(pane2.editor, Key.Key_PageDown, Ctrl)
    qtbot.keyClick(window, Key.Key_M, Ctrl)
    pane3 = page.minutes.current_pane()
    assert pane3 is not None and pane3 not in (pane, pane2)
    qtbot.keyClicks(pane3.editor, "The health visitor will visit weekly.")
    qtbot.keyClick(pane3.editor, Key.Key_J, Ctrl)
    qtbot.keyClicks(pane3.action_bar.owner, "Hana Visitor")
    qtbot.keyClick(pane3.action_bar.owner, Key.Key_Tab)
    qtbot.keyClicks(pane3.action_bar.action_text, "Weekly home visits")
    qtbot.keyClick(pane3.action_bar.action_text, Key.Key_Return)

    # --- lock and unlock ------------------------------------------------------------
    qtbot.keyClick(window, Key.Key_L, Ctrl)
    assert window.locked and not page.isVisible()
    qtbot.keyClicks(window.lock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(window.lock_page.passphrase, Key.Key_Return)
    assert not window.locked and page.isVisible()
    window.close()  # saves what is pending and closes the store

    # --- everything is in the store -----------------------------------------------
    with open_session(store_path, PASSPHRASE) as again:
        saved = again.conferences.get(ref)
        assert integrity.check(again.store).sound
        minutes_text = pdf_text(again.minutes.preview(ref).data)
    by_name = {p.name: p for p in saved.participants}
    assert [e.kind for e in by_name["Hana Visitor"].attendance] == [
        AttendanceKind.PRESENT,
        AttendanceKind.ARRIVED,
    ]
    assert by_name["Hana Visitor"].attendance[1].at == arrival
    assert by_name["PC Dee Lane"].attendance[-1].kind is AttendanceKind.LEFT
    assert by_name["PC Dee Lane"].attendance[-1].at == left_at
    exclusion = by_name["Mo Quinn"].attendance[-1]
    assert (exclusion.kind, exclusion.at, exclusion.until) == (
        AttendanceKind.EXCLUDED,
        excluded_at,
        ended_at,
    )
    items = {a.id: a.key for a in saved.agenda}
    entries = [(items[m.agenda_item_id], m.text, m.tag, m.restricted) for m in saved.minutes]
    assert entries == [
        ("welcome", "Everyone introduced themselves; the mother was welcomed.", Tag.FACT, False),
        (
            "purpose",
            "The social worker described the bruise seen on Ada's arm.",
            Tag.ALLEGATION,
            False,
        ),
        ("purpose", "Police shared information about a third party.", Tag.OBSERVATION, True),
        ("equality", "The health visitor will visit weekly.", None, False),
    ]
    assert saved.minutes[1].speaker_id == by_name["Sam Worker"].id
    assert [(a.owner, a.action) for a in saved.actions] == [("Hana Visitor", "Weekly home visits")]
    assert saved.actions[0].minute_entry_id == saved.minutes[3].id
    gp = by_name["Dr Gus Doctor"]
    assert [(e.kind, e.at, e.mode) for e in gp.attendance] == [
        (AttendanceKind.ARRIVED, joined_at, AttendanceMode.VIDEO),
        (AttendanceKind.LEFT, gone_at, None),
    ]
    # The minutes' attendance: each person's times, and how they took part.
    said = " ".join(minutes_text.split())
    assert f"Arrived {_local(joined_at)} (on video); Left {_local(gone_at)}" in said
    assert f"Left {_local(left_at)}" in said
