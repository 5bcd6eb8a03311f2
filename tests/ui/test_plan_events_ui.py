"""A plan's events on screen (issue 20): a transfer-in's originating authority typed in
the New conference dialog, shown only for a transfer-in."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import ConferenceType
from cpc_desktop.services.session import Session
from cpc_desktop.ui.home.new_conference_dialog import NewConferenceDialog
from tests.ui.conftest import TODAY

Key = QtCore.Qt.Key
Alt = QtCore.Qt.KeyboardModifier.AltModifier


def test_a_transfer_in_is_created_with_its_originating_authority(
    qtbot: QtBot, session: Session
) -> None:
    created = []

    def create(value):  # type: ignore[no-untyped-def]
        conference = session.conferences.create_conference(value)
        created.append(conference)
        return conference

    dialog = NewConferenceDialog(TODAY, session.schedule.preview_due, create)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)

    def alt(key: Key) -> None:
        qtbot.keyClick(QtWidgets.QApplication.focusWidget() or dialog, key, Alt)

    assert not dialog.transfer_from.isVisible()  # an initial conference by default
    dialog.type.setCurrentIndex(dialog.type.findData(ConferenceType.TRANSFER_IN))
    assert dialog.transfer_from.isVisible() and dialog.transfer_details.isVisible()
    dialog.anchor.setDate(QtCore.QDate(TODAY.year, TODAY.month, TODAY.day))
    alt(Key.Key_F)
    assert QtWidgets.QApplication.focusWidget() is dialog.transfer_from
    qtbot.keyClicks(dialog.transfer_from, "Northshire Council")
    alt(Key.Key_P)
    qtbot.keyClicks(dialog.transfer_contact, "Ruth Ames")
    alt(Key.Key_L)
    qtbot.keyClicks(dialog.transfer_details, "County Hall")
    qtbot.keyClicks(dialog.child_rows[0].given, "Nia")
    qtbot.keyClicks(dialog.child_rows[0].family, "Okafor")
    qtbot.keyClick(dialog.child_rows[0].family, Key.Key_Return)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted, dialog.error.text()
    (conference,) = created
    stored = session.conferences.get(conference.reference).conference
    assert (stored.transfer_from, stored.transfer_contact, stored.transfer_contact_details) == (
        "Northshire Council",
        "Ruth Ames",
        "County Hall",
    )
