"""Dates typed as a chair types them: "11/12/2026", into a known or an unknown date.

Qt's date box moved on by itself after two digits, and a "/" typed next moved on again,
so "11/12/2026" was taken as 11 November, silently. An unknown date shows "not known";
typing a date there used to be swallowed (the box showed "not known27112026" and the
date stayed unknown) unless an arrow key was pressed first.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.services.profiles import profile_choices
from cpc_desktop.services.session import Session
from cpc_desktop.ui.date_typing import TypedDateEdit
from cpc_desktop.ui.home.new_conference_dialog import NewConferenceDialog
from tests.ui.conftest import TODAY

Key = QtCore.Qt.Key
Alt = QtCore.Qt.KeyboardModifier.AltModifier


def test_an_unknown_date_takes_a_typed_date_and_delete_makes_it_unknown_again(
    qtbot: QtBot, session: Session
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
    assert dialog.due.text() == "Give the anchor date to see when it is due."

    qtbot.keyClick(dialog.profile, Key.Key_D, Alt)  # "&Date:"
    assert dialog.date.hasFocus()
    qtbot.keyClicks(dialog.date, "11/12/2026")
    assert dialog.value().date == date(2026, 12, 11)
    qtbot.keyClick(dialog.date, Key.Key_S, Alt)  # "&Strategy discussion:"
    assert dialog.anchor.hasFocus()
    qtbot.keyClicks(dialog.anchor, "27/11/2026")
    assert dialog.anchor.text() == "27/11/2026"
    assert dialog.value().strategy_discussion_date.isoformat() == "2026-11-27"
    assert dialog.due.text().startswith("Fri 18 Dec 2026")

    qtbot.keyClick(dialog.anchor, Key.Key_Delete)
    assert dialog.anchor.text() == "not known"
    assert dialog.value().strategy_discussion_date is None

    born = dialog.child_rows[0].born
    born.setFocus()
    qtbot.keyClicks(born, "03052019")
    assert born.text() == "03/05/2019"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("11/12/2026", date(2026, 12, 11)),
        ("11122026", date(2026, 12, 11)),
        ("03/05/2019", date(2019, 5, 3)),
        ("1/2/2027", date(2027, 2, 1)),
        ("28-02-2027", date(2027, 2, 28)),
    ],
)
def test_a_date_typed_with_or_without_separators_is_the_date_meant(
    qtbot: QtBot, typed: str, meant: date
) -> None:
    edit = TypedDateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setDate(QtCore.QDate(2026, 11, 23))
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is edit)
    edit.setFocus()
    edit.setSelectedSection(QtWidgets.QDateTimeEdit.Section.DaySection)
    qtbot.keyClicks(edit, typed)
    assert edit.date().toPython() == meant
