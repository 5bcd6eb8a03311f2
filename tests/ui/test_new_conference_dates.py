"""The New conference dialog's optional dates take a date typed straight in.

An unknown date shows "not known"; typing a date there used to be swallowed (the box
showed "not known27112026" and the date stayed unknown) unless an arrow key was
pressed first.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.services.profiles import profile_choices
from cpc_desktop.services.session import Session
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

    qtbot.keyClick(dialog.profile, Key.Key_S, Alt)  # "&Strategy discussion:"
    assert dialog.anchor.hasFocus()
    qtbot.keyClicks(dialog.anchor, "27112026")
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
