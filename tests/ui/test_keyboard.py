"""The keyboard everywhere (issue 19, point 3), driven by keys against the demo store.

Tab and Shift+Tab leave every table; the focus is seen; Ctrl+F searches as one types
and a hit opens the conference at its entry; a key pressed where it does nothing says
so on the status line; dates are taken as typed, "3.5.2019" and "3/5/19" too.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.services.profiles import profile_choices
from cpc_desktop.services.session import Session
from cpc_desktop.ui.date_typing import TypedDateEdit, full_year
from cpc_desktop.ui.home.new_conference_dialog import NewConferenceDialog
from cpc_desktop.ui.keyboard import RING, has_ring, idle_key_note
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.settings import Preferences
from tests.ui.conftest import TODAY

Key = QtCore.Qt.Key
Ctrl = QtCore.Qt.KeyboardModifier.ControlModifier
Shift = QtCore.Qt.KeyboardModifier.ShiftModifier
Alt = QtCore.Qt.KeyboardModifier.AltModifier
#: The demo's concluded conference: minutes under several agenda items.
CONCLUDED = "CPC-2026-0001"


def _window(qtbot: QtBot, session: Session, preferences: Preferences) -> MainWindow:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    return window


def _focus() -> QtWidgets.QWidget | None:
    return QtWidgets.QApplication.focusWidget()


def _views(window: QtWidgets.QWidget) -> list[QtWidgets.QAbstractItemView]:
    return [
        view
        for view in window.findChildren(QtWidgets.QAbstractItemView)
        if view.isVisible() and view.focusPolicy() != QtCore.Qt.FocusPolicy.NoFocus
    ]


def _tab_leaves(qtbot: QtBot, view: QtWidgets.QAbstractItemView) -> None:
    name = view.accessibleName() or view.objectName()
    for modifier in (QtCore.Qt.KeyboardModifier.NoModifier, Shift):
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        if view.model() is not None and view.model().rowCount():
            view.setCurrentIndex(view.model().index(0, 0))
        qtbot.keyClick(view, Key.Key_Tab, modifier)
        after = _focus()
        assert after is not view, f"Tab stays in {name}"
        assert after is None or not view.isAncestorOf(after), f"Tab stays in {name}"


def test_tab_and_shift_tab_leave_every_table_of_the_home_and_the_workspace(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    home_views = _views(window)
    assert {v.objectName() for v in home_views} >= {"conferenceTable", "searchResults"}
    for view in home_views:
        _tab_leaves(qtbot, view)

    window.open_conference(CONCLUDED)
    page = window.workspace
    seen: set[str] = set()
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        for view in _views(window):
            _tab_leaves(qtbot, view)
            seen.add(view.accessibleName() or view.objectName())
    assert page.roll_call.table in window.findChildren(QtWidgets.QAbstractItemView)
    assert len(seen) >= 3  # the agenda, the roll call and an item's entries at least
    # Every view in the window, shown or not, leaves by Tab.
    assert all(not v.tabKeyNavigation() for v in window.findChildren(QtWidgets.QAbstractItemView))


def _has_ring(widget: QtWidgets.QWidget) -> bool:
    image = widget.grab().toImage()
    ring = QtGui.QColor(RING).rgb()
    width, height = image.width(), image.height()
    edge = [(x, y) for x in range(width) for y in (1, height // 2)]
    edge += [(x, y) for y in range(height) for x in (1, width // 2)]
    return any(image.pixel(x, y) == ring for x, y in edge)


def test_a_focus_ring_shows_on_buttons_fields_and_tables(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    home = window.home
    button = home.new_button
    home.search_box.setFocus()
    qtbot.waitUntil(home.search_box.hasFocus)
    assert _has_ring(home.search_box)
    assert not _has_ring(button)
    assert not _has_ring(home.table)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    assert _has_ring(button)
    assert not _has_ring(home.search_box)
    home.table.setFocus()
    qtbot.waitUntil(home.table.hasFocus)
    assert _has_ring(home.table)
    # The current row's cell has its own ring, inside the table's.
    current = home.table.currentIndex()
    assert current.isValid()
    cell = home.table.viewport().grab(home.table.visualRect(current)).toImage()
    ring = QtGui.QColor(RING).rgb()
    assert cell.pixel(1, cell.height() // 2) == ring
    other = home.table.visualRect(current.siblingAtRow(current.row() + 1))
    below = home.table.viewport().grab(other).toImage()
    assert below.pixel(1, below.height() // 2) != ring


def test_the_ring_reaches_an_opened_conference_and_a_window_of_its_own(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    # The ring is the application's style, no style sheet (issue 21 point 3): a
    # workspace added to the window has it, and so does a window shown on its own.
    window = _window(qtbot, session, preferences)
    assert has_ring(window)
    assert RING not in (QtWidgets.QApplication.instance().styleSheet() or "")  # type: ignore[union-attr]
    assert RING not in window.styleSheet()
    window.open_conference(CONCLUDED)
    page = window.workspace
    assert page is not None
    page.show_minutes()
    editor = page.minutes.current_pane().editor
    qtbot.waitUntil(editor.hasFocus)
    assert _has_ring(editor)
    alone = QtWidgets.QDialog()
    qtbot.addWidget(alone)
    field = QtWidgets.QLineEdit(alone)
    QtWidgets.QVBoxLayout(alone).addWidget(field)
    alone.show()
    qtbot.waitExposed(alone)
    assert has_ring(alone) and RING not in alone.styleSheet()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert _has_ring(field)
    over = QtWidgets.QDialog(window)  # within the window: the same
    qtbot.addWidget(over)
    over.show()
    qtbot.waitExposed(over)
    assert has_ring(over) and RING not in over.styleSheet()


def test_ctrl_f_searches_as_one_types_and_a_hit_opens_at_its_entry(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    assert "Ctrl+F" in window.home.search_box.placeholderText()
    qtbot.keyClick(window.home.table, Key.Key_F, Ctrl)
    box = window.home.search_box
    assert box.hasFocus()
    qtbot.keyClicks(box, "climbing frame")  # no Enter
    qtbot.waitUntil(lambda: window.home.results.rowCount() >= 1)
    hit = window.home.results.value(0)
    qtbot.keyClick(box, Key.Key_Tab)
    assert window.home.results_view.hasFocus()
    qtbot.keyClick(window.home.results_view, Key.Key_Return)

    page = window.workspace
    assert page is not None and page.reference == hit.reference
    assert page.tabs.currentWidget() is page.minutes
    entry = next(e for e in page.record.minutes if e.id == hit.entry_id)
    pane = page.minutes.current_pane()
    assert pane is not None and pane.item.id == entry.agenda_item_id
    assert page.agenda.selected_item().id == entry.agenda_item_id
    chosen = pane.table.selectionModel().selectedRows()
    assert [pane.model.value(i.row()).id for i in chosen] == [hit.entry_id]
    assert pane.current_id == hit.entry_id
    assert "climbing frame" in pane.editor.toPlainText()
    assert pane.table.hasFocus()


def test_clearing_the_search_clears_the_results(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    box = window.home.search_box
    qtbot.keyClick(window.home.table, Key.Key_F, Ctrl)
    qtbot.keyClicks(box, "climbing")
    qtbot.waitUntil(lambda: window.home.results.rowCount() >= 1)
    qtbot.keyClick(box, Key.Key_A, Ctrl)
    qtbot.keyClick(box, Key.Key_Backspace)
    qtbot.waitUntil(lambda: window.home.results.rowCount() == 0)
    assert window.home.search_note.text() == ""


def test_a_roll_call_key_outside_introductions_says_where_it_works(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    window.open_conference(CONCLUDED)
    page = window.workspace
    page.show_minutes()
    editor = page.minutes.current_pane().editor
    qtbot.waitUntil(editor.hasFocus)
    before = editor.toPlainText()
    for key, name in ((Key.Key_F6, "Arrived now"), (Key.Key_F9, "End exclusion now")):
        window.statusBar().clearMessage()
        qtbot.keyClick(editor, key)
        said = window.statusBar().currentMessage()
        assert said.startswith(QtGui.QKeySequence(key).toString() + " does nothing here")
        assert f"{name} works only in Introductions" in said
        assert "\n" not in said
    assert editor.toPlainText() == before
    assert editor.hasFocus()


def test_a_roll_call_key_that_is_off_for_the_person_says_so(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    window.open_conference(CONCLUDED)
    page = window.workspace
    page.show_introductions()
    table = page.roll_call.table
    table.setFocus()
    table.selectRow(0)
    window.statusBar().clearMessage()
    end_exclusion = page.roll_call.findChild(QtGui.QAction, "rollCall_end_exclusion")
    assert not end_exclusion.isEnabled()  # nobody selected is excluded
    qtbot.keyClick(table, Key.Key_F9)
    assert window.statusBar().currentMessage() == "F9: End exclusion now is not available now."


def test_an_alt_letter_no_label_owns_is_not_typed_into_the_text(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    box = window.home.search_box
    qtbot.keyClick(window.home.table, Key.Key_F, Ctrl)
    qtbot.keyClicks(box, "ab")
    qtbot.keyClick(box, Key.Key_J, Alt)
    assert box.text() == "ab"
    assert box.hasFocus()
    assert window.statusBar().currentMessage().startswith("Alt+J does nothing here")
    qtbot.keyClick(box, Key.Key_C)  # plain letters still type
    assert box.text() == "abc"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("3.5.2019", date(2019, 5, 3)),
        ("3/5/19", date(2019, 5, 3)),
        ("3-5-19", date(2019, 5, 3)),
        ("03.05.2019", date(2019, 5, 3)),
        ("11.12.26", date(2026, 12, 11)),
        ("1/1/85", date(1985, 1, 1)),
        ("11/12/2026", date(2026, 12, 11)),
    ],
)
@pytest.mark.parametrize("leave", [Key.Key_Tab, Key.Key_Return])
def test_a_date_typed_without_leading_zeros_or_with_a_short_year(
    qtbot: QtBot, typed: str, meant: date, leave: Key
) -> None:
    form = QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(form)
    edit = TypedDateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setDate(QtCore.QDate(2026, 11, 23))
    layout.addWidget(edit)
    layout.addWidget(QtWidgets.QLineEdit())
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is form)
    edit.setFocus()
    edit.setSelectedSection(QtWidgets.QDateTimeEdit.Section.DaySection)
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, leave)
    assert edit.date().toPython() == meant
    assert edit.text() == meant.strftime("%d/%m/%Y")


def test_a_two_digit_year_is_this_centurys_unless_more_than_ten_years_ahead() -> None:
    today = date(2026, 11, 23)
    assert full_year(19, today) == 2019
    assert full_year(36, today) == 2036
    assert full_year(37, today) == 1937
    assert full_year(85, today) == 1985


def test_ctrl_f_in_a_conference_goes_to_the_search_with_the_minutes_saved(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    window = _window(qtbot, session, preferences)
    window.open_conference(CONCLUDED)
    page = window.workspace
    page.show_minutes()
    editor = page.minutes.current_pane().editor
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Key.Key_F, Ctrl)
    assert window.workspace is None
    assert window.home.search_box.hasFocus()
    qtbot.keyClicks(window.home.search_box, "climbing")
    qtbot.waitUntil(lambda: window.home.results.rowCount() >= 1)
    assert window.home.search_note.text().endswith("found")


@pytest.mark.parametrize("typed", ["27.11.2026", "27/11/26", "27-11-26"])
def test_a_not_known_date_takes_a_date_typed_any_usual_way(
    qtbot: QtBot, session: Session, typed: str
) -> None:
    dialog = NewConferenceDialog(
        TODAY, session.schedule.preview_due, lambda v: v, choices=profile_choices()
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
    assert dialog.anchor.text() == "not known"
    qtbot.keyClick(dialog.profile, Key.Key_S, Alt)  # "&Strategy discussion:"
    assert dialog.anchor.hasFocus()
    qtbot.keyClicks(dialog.anchor, typed)
    qtbot.keyClick(dialog.anchor, Key.Key_Tab)
    assert dialog.value().strategy_discussion_date == date(2026, 11, 27)
    assert dialog.anchor.text() == "27/11/2026"


def test_only_function_keys_and_held_keys_are_said_to_do_nothing() -> None:
    assert idle_key_note(QtCore.Qt.Key.Key_Home.value) is None  # the preview's first page
    assert idle_key_note(QtCore.Qt.Key.Key_PageDown.value) is None
    note = idle_key_note(QtCore.QKeyCombination(Ctrl | Shift, Key.Key_P).toCombined())
    assert note == "Ctrl+Shift+P does nothing here: Present works only in Introductions."
