"""Before a conference closes, what is unfinished is listed: by keyboard, Stay keeps it
open, a button goes to the place to finish it, Close anyway closes; a finished
conference closes without a question (issue 19, point 6)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import Language, UserRole
from cpc_desktop.domain.unfinished import TEMPLATES, Place
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from cpc_desktop.ui import i18n
from cpc_desktop.ui.decision.wizard import DecisionWizard
from cpc_desktop.ui.handover.export_dialog import ExportDialog
from cpc_desktop.ui.main_window import MainWindow
from cpc_desktop.ui.output.letters_window import LettersWindow
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.workspace import closing_words
from cpc_desktop.ui.workspace.action_fix import ActionDialog
from cpc_desktop.ui.workspace.closing import UnfinishedDialog

Key = QtCore.Qt.Key
CTRL_SHIFT = QtCore.Qt.KeyboardModifier.ControlModifier | QtCore.Qt.KeyboardModifier.ShiftModifier
ALT = QtCore.Qt.KeyboardModifier.AltModifier
CONCLUDED = "CPC-2026-0001"  # decided; its letters are not issued
PREPARING = "CPC-2026-0002"  # not begun: nothing is due yet


@pytest.fixture
def asking(preferences: Preferences) -> Preferences:
    preferences.check_unfinished = True
    return preferences


def _activate(qtbot: QtBot, widget: QtWidgets.QWidget) -> None:
    qtbot.waitUntil(widget.isVisible)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is widget)


def _window(qtbot: QtBot, session: Session, preferences: Preferences, ref: str) -> MainWindow:
    window = MainWindow(session, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _activate(qtbot, window)
    window.open_conference(ref)
    assert window.workspace is not None and window.workspace.reference == ref
    return window


def _go_home(qtbot: QtBot, window: MainWindow) -> None:
    _activate(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, Key.Key_H, CTRL_SHIFT)


def _shown(window: MainWindow) -> UnfinishedDialog | None:
    """The list on screen (one closed earlier may wait to be deleted, hidden)."""
    return next((d for d in window.findChildren(UnfinishedDialog) if d.isVisible()), None)


def _the_list(qtbot: QtBot, window: MainWindow) -> UnfinishedDialog:
    qtbot.waitUntil(lambda: _shown(window) is not None)
    dialog = _shown(window)
    assert dialog is not None
    _activate(qtbot, dialog)
    return dialog


def test_a_finished_conference_closes_without_a_question(
    qtbot: QtBot, session: Session, asking: Preferences
) -> None:
    window = _window(qtbot, session, asking, PREPARING)
    _go_home(qtbot, window)
    assert window.workspace is None and window.pages.currentWidget() is window.home
    assert window.findChild(UnfinishedDialog) is None
    window.open_conference(PREPARING)
    assert window.close()  # closes at once: nothing to ask
    assert window.findChild(UnfinishedDialog) is None


def test_stay_keeps_the_conference_open(
    qtbot: QtBot, session: Session, asking: Preferences
) -> None:
    window = _window(qtbot, session, asking, CONCLUDED)
    _go_home(qtbot, window)
    dialog = _the_list(qtbot, window)
    assert [item.line.split(":")[0] for item in dialog.items] == [
        "12 letters are due and not issued"
    ]
    assert window.workspace is not None  # asked, not closed
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(UnfinishedDialog) is None)
    assert window.workspace is not None and window.workspace.reference == CONCLUDED
    assert window.pages.currentWidget() is window.workspace
    assert "stays open" in window.statusBar().currentMessage()
    # Opening another conference asks the same, and Stay keeps this one.
    window.open_conference(PREPARING)
    dialog = _the_list(qtbot, window)
    dialog.stay_button.setFocus()
    qtbot.keyClick(dialog.stay_button, Key.Key_Space)
    qtbot.waitUntil(lambda: window.findChild(UnfinishedDialog) is None)
    assert window.workspace.reference == CONCLUDED


def test_close_anyway_closes_the_window(
    qtbot: QtBot, session: Session, asking: Preferences
) -> None:
    window = _window(qtbot, session, asking, CONCLUDED)
    assert not window.close()  # the list opens instead
    dialog = _the_list(qtbot, window)
    qtbot.keyClick(dialog, Key.Key_C, ALT)
    qtbot.waitUntil(lambda: not window.isVisible())
    qtbot.waitUntil(lambda: window.findChild(UnfinishedDialog) is None)


def test_close_anyway_goes_home_or_to_the_other_conference(
    qtbot: QtBot, session: Session, asking: Preferences
) -> None:
    window = _window(qtbot, session, asking, CONCLUDED)
    window.open_conference(PREPARING)
    qtbot.keyClick(_the_list(qtbot, window), Key.Key_C, ALT)
    qtbot.waitUntil(
        lambda: window.workspace is not None and window.workspace.reference == PREPARING
    )
    window.open_conference(CONCLUDED)
    _go_home(qtbot, window)
    qtbot.keyClick(_the_list(qtbot, window), Key.Key_C, ALT)
    qtbot.waitUntil(lambda: window.workspace is None)
    assert window.pages.currentWidget() is window.home


def test_an_action_without_a_date_is_completed_from_its_button(
    qtbot: QtBot, session: Session, asking: Preferences
) -> None:
    noted = session.notes.add_action(PREPARING, "PC Dee", "Share the police report")
    window = _window(qtbot, session, asking, PREPARING)
    _go_home(qtbot, window)
    dialog = _the_list(qtbot, window)
    assert [item.line for item in dialog.items] == [
        "Action 1, “Share the police report”, has no due date."
    ]
    assert QtWidgets.QApplication.focusWidget() is dialog.fix_buttons[0]
    qtbot.keyClick(dialog.fix_buttons[0], Key.Key_Space)
    qtbot.waitUntil(lambda: window.findChild(ActionDialog) is not None)
    fix = window.findChild(ActionDialog)
    assert fix is not None
    _activate(qtbot, fix)
    assert window.workspace is not None  # still open, at the place to finish it
    fix.due.setFocus()
    qtbot.keyClicks(fix.due, "04/12/2026")
    qtbot.keyClick(fix.due, Key.Key_Return)
    qtbot.waitUntil(lambda: not fix.isVisible())
    (action,) = session.conferences.get(PREPARING).actions
    assert (action.id, action.due_date) == (noted.id, date(2026, 12, 4))
    _activate(qtbot, window)
    _go_home(qtbot, window)  # nothing unfinished now
    assert window.workspace is None and window.findChild(UnfinishedDialog) is None


def test_a_minute_taken_out_goes_back_to_its_item(
    qtbot: QtBot, session: Session, asking: Preferences
) -> None:
    window = _window(qtbot, session, asking, PREPARING)
    page = window.workspace
    second = page.agenda.items[1]
    pane = page.minutes.pane(second.id)
    assert pane is not None
    pane.guard.taken_out = True  # as after "Save the text to a file" when saving failed
    _go_home(qtbot, window)
    dialog = _the_list(qtbot, window)
    (item,) = dialog.items
    assert item.line.startswith("Item 2 (") and item.target == second.id
    qtbot.keyClick(dialog.fix_buttons[0], Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(UnfinishedDialog) is None)
    assert page.tabs.currentWidget() is page.minutes
    assert page.minutes.current_pane() is pane
    assert page.agenda.selected_item() is not None
    assert page.agenda.selected_item().id == second.id


def test_a_minute_taker_is_told_of_the_hand_over_not_the_letters(
    qtbot: QtBot, session: Session, asking: Preferences
) -> None:
    session.act_as(Actor("Min Taker", UserRole.MINUTE_TAKER))
    window = _window(qtbot, session, asking, CONCLUDED)
    _go_home(qtbot, window)
    dialog = _the_list(qtbot, window)
    assert [item.place for item in dialog.items] == [Place.HANDOVER]  # letters: the chair's
    assert dialog.fix_buttons[0].text() == "Export the hand-over package…"

    seen: list[str] = []
    _when_modal(ExportDialog, seen)  # the export runs modally: noted, then cancelled
    qtbot.keyClick(dialog.fix_buttons[0], Key.Key_Space)
    qtbot.waitUntil(lambda: bool(seen))
    assert window.workspace is not None and window.workspace.reference == CONCLUDED


def _when_modal(kind: type, seen: list[str]) -> None:
    """Note the title of the next modal ``kind`` opened, and cancel it."""

    def look() -> None:
        opened = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(opened, kind):
            QtCore.QTimer.singleShot(10, look)
            return
        seen.append(opened.windowTitle())
        opened.reject()

    QtCore.QTimer.singleShot(0, look)


def test_a_child_without_a_decision_goes_to_the_decision_wizard(
    qtbot: QtBot, session: Session, asking: Preferences
) -> None:
    record = session.conferences.get(PREPARING)
    session.entries.add_entry(PREPARING, record.agenda[0].id, "The meeting has begun.")
    window = _window(qtbot, session, asking, PREPARING)
    _go_home(qtbot, window)
    dialog = _the_list(qtbot, window)
    assert [item.line for item in dialog.items] == ["No decision is recorded for Maisie Brennan."]
    seen: list[str] = []
    _when_modal(DecisionWizard, seen)
    qtbot.keyClick(dialog.fix_buttons[0], Key.Key_Space)
    qtbot.waitUntil(lambda: bool(seen))
    assert window.workspace is not None and window.workspace.reference == PREPARING


def test_letters_not_issued_go_to_the_outcome_letters(
    qtbot: QtBot, session: Session, asking: Preferences
) -> None:
    window = _window(qtbot, session, asking, CONCLUDED)
    _go_home(qtbot, window)
    dialog = _the_list(qtbot, window)
    assert dialog.fix_buttons[0].text() == "Open the outcome letters…"
    seen: list[str] = []
    _when_modal(LettersWindow, seen)
    qtbot.keyClick(dialog.fix_buttons[0], Key.Key_Space)
    qtbot.waitUntil(lambda: bool(seen))
    assert window.workspace is not None and window.workspace.reference == CONCLUDED


def test_an_undated_action_stays_undated_unless_a_date_is_typed(
    qtbot: QtBot, session: Session, asking: Preferences
) -> None:
    session.notes.add_action(PREPARING, "PC Dee", "Share the police report")
    window = _window(qtbot, session, asking, PREPARING)
    window.show_home()
    dialog = _the_list(qtbot, window)
    qtbot.keyClick(dialog.fix_buttons[0], Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(ActionDialog) is not None)
    fix = window.findChild(ActionDialog)
    assert fix is not None
    _activate(qtbot, fix)
    assert QtWidgets.QApplication.focusWidget() is fix.what  # the owner is there already
    fix.owner.setFocus()
    fix.owner.selectAll()
    qtbot.keyClicks(fix.owner, "Sergeant Dee")
    qtbot.keyClick(fix.owner, Key.Key_Return)
    qtbot.waitUntil(lambda: not fix.isVisible())
    (action,) = session.conferences.get(PREPARING).actions
    assert (action.owner, action.due_date) == ("Sergeant Dee", None)


# --- in Welsh ------------------------------------------------------------------------------


@pytest.fixture
def welsh() -> Iterator[None]:
    i18n.use_language(Language.WELSH)
    yield
    i18n.use_language(Language.ENGLISH)


def test_every_line_the_check_can_give_is_marked_for_translation() -> None:
    assert set(closing_words.SOURCES) == set(TEMPLATES)
    assert len(closing_words.SOURCES) == len(TEMPLATES)


def test_the_list_and_the_action_dialog_speak_welsh(
    qtbot: QtBot, session: Session, asking: Preferences, welsh: None
) -> None:
    session.notes.add_action(PREPARING, "PC Dee", "Share the police report")
    window = _window(qtbot, session, asking, PREPARING)
    _go_home(qtbot, window)
    dialog = _the_list(qtbot, window)
    assert dialog.windowTitle() == "Heb orffen eto"
    assert [label.text() for label in dialog.findChildren(QtWidgets.QLabel)][:2] == [
        f"Mae rhai pethau yn {PREPARING} heb eu gorffen. Ewch i un i'w orffen, neu caewch y "
        "gynhadledd beth bynnag: ni chollir dim y naill ffordd na'r llall.",
        "Nid oes dyddiad targed ar gyfer cam gweithredu 1, “Share the police report”.",
    ]
    assert dialog.fix_buttons[0].text() == "Cwblhau cam gweithredu 1…"
    assert (dialog.close_button.text(), dialog.stay_button.text()) == (
        "&Cau beth bynnag",
        "&Aros",
    )
    # Escape: Stay, said in Welsh.
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(UnfinishedDialog) is None)
    assert window.statusBar().currentMessage() == "Mae'r gynhadledd yn aros ar agor."
    # Again, and the button opens the action in Welsh; the date is typed and saved.
    _go_home(qtbot, window)
    dialog = _the_list(qtbot, window)
    qtbot.keyClick(dialog.fix_buttons[0], Key.Key_Space)
    qtbot.waitUntil(lambda: window.findChild(ActionDialog) is not None)
    fix = window.findChild(ActionDialog)
    assert fix is not None
    _activate(qtbot, fix)
    assert fix.windowTitle() == "Cam gweithredu 1"
    labels = {label.text() for label in fix.findChildren(QtWidgets.QLabel)}
    assert {"&Pwy:", "&Beth:", "&Erbyn (dim dyddiad eto):"} <= labels
    box = fix.findChild(QtWidgets.QDialogButtonBox)
    assert box is not None
    assert [b.text() for b in box.buttons()] == ["&Cadw", "Canslo"]
    assert fix.what.hasFocus()
    qtbot.keyClick(fix.what, Key.Key_Tab)
    qtbot.keyClicks(fix.due, "04/12/2026")
    qtbot.keyClick(fix.due, Key.Key_Return)
    qtbot.waitUntil(lambda: not fix.isVisible())
    assert window.statusBar().currentMessage() == "Cadwyd cam gweithredu 1."
    (action,) = session.conferences.get(PREPARING).actions
    assert action.due_date == date(2026, 12, 4)
