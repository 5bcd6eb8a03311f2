"""Correction requests in the minutes window (issue 20 point 8): the chair records a
parent's request and rules on it with the mouse and keyboard; an accepted one opens
version 1.1 at once in the window; a refused one keeps the statement of disagreement; a
ruling without reasons is refused in one line and changes nothing; a minute-taker may
look but not record or rule.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import CorrectionRuling, UserRole
from cpc_desktop.export.signing import ChairCertificate
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from cpc_desktop.ui.output.corrections_dialog import CorrectionsDialog
from cpc_desktop.ui.settings import Preferences
from tests.helpers.stores import TickingClock
from tests.ui.test_outputs_ui import (  # noqa: F401 - fixtures used by name
    CONCLUDED,
    _click,
    _minutes_window,
    _no_opened_certificates,
    _row,
    certificate,
    p12,
)

Key = QtCore.Qt.Key


def _issued(session: Session, certificate: ChairCertificate) -> None:  # noqa: F811
    session.minutes.approve(CONCLUDED)
    session.minutes.issue(CONCLUDED, certificate)


def _dialog(qtbot: QtBot, window: QtWidgets.QWidget) -> CorrectionsDialog:
    _click(qtbot, window.corrections_button)  # type: ignore[attr-defined]
    dialog = window.property("corrections_dialog")
    assert isinstance(dialog, CorrectionsDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot: QtBot, box: QtWidgets.QWidget, text: str) -> None:
    box.setFocus()
    qtbot.keyClicks(box, text)


def test_the_chair_records_and_rules_on_a_request(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    certificate: ChairCertificate,  # noqa: F811
) -> None:
    _issued(session, certificate)
    window = _minutes_window(qtbot, session, preferences)
    try:
        dialog = _dialog(qtbot, window)
        assert dialog.table.rowCount() == 0 and not dialog.rule_button.isEnabled()
        dialog.who.lineEdit().clear()
        _type(qtbot, dialog.who, "Justyna Harland")
        _type(qtbot, dialog.disputed, "The entry about the police visit")
        _type(qtbot, dialog.asked, "Say I asked the officer to leave calmly")
        _click(qtbot, dialog.record_button)
        assert dialog.problem.text() == ""
        assert dialog.table.rowCount() == 1
        assert dialog.table.item(0, 1).text() == "Justyna Harland"
        assert dialog.table.item(0, 3).text() == "waiting for the chair's ruling"
        request = session.corrections.requests(CONCLUDED).lines[0].request
        assert request.participant_id is not None  # found in the roll call

        # No reasons: refused in one line, nothing recorded.
        assert dialog.rule_button.isEnabled()
        _click(qtbot, dialog.rule_button)
        assert dialog.problem.text() == "Give the reasons for the ruling."
        assert session.corrections.requests(CONCLUDED).lines[0].request.ruled_at is None

        dialog.ruling.setCurrentIndex(0)  # accepted
        assert not dialog.statement.isEnabled()
        _type(qtbot, dialog.reasons, "The officer's note agrees")
        _click(qtbot, dialog.rule_button)
        assert "Version 1.1 is open as a draft" in dialog.message.text()
        assert dialog.table.item(0, 4).text() == "1.1"
        versions = [_row(window.table, r)[:2] for r in range(window.table.rowCount())]
        assert ["1.1", "Draft"] in versions  # the minutes window shows it at once
        assert not dialog.rule_button.isEnabled()  # ruled already
        dialog.close()
    finally:
        window.close()


def test_a_refusal_keeps_the_statement_and_a_minute_taker_only_looks(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    certificate: ChairCertificate,  # noqa: F811
) -> None:
    _issued(session, certificate)
    asked = session.corrections.record_request(
        CONCLUDED,
        requested_by="A Neighbour",
        received=datetime(2026, 11, 23, tzinfo=UTC).date(),
        disputed="The address",
        asked="Another address",
    )
    dialog = CorrectionsDialog(session, CONCLUDED)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(0)
    dialog.ruling.setCurrentIndex(2)  # refused
    assert dialog.statement.isEnabled()
    _type(qtbot, dialog.reasons, "The address is right")
    _type(qtbot, dialog.statement, "I still say it is wrong")
    _click(qtbot, dialog.rule_button)
    found = session.corrections.requests(CONCLUDED).lines[0].request
    assert (found.id, found.ruling, found.statement) == (
        asked.id,
        CorrectionRuling.REFUSED,
        "I still say it is wrong",
    )
    assert "Statement of disagreement: I still say it is wrong" in dialog.details.text()
    dialog.close()

    session.conferences.add_user("Morgan Minutes", UserRole.MINUTE_TAKER)
    minuter = Session(session.store, Actor("Morgan Minutes", UserRole.MINUTE_TAKER), TickingClock())
    looking = CorrectionsDialog(minuter, CONCLUDED)
    qtbot.addWidget(looking)
    looking.show()
    looking.table.selectRow(0)
    assert looking.table.rowCount() == 1
    assert not looking.record_button.isEnabled() and not looking.rule_button.isEnabled()
    looking.close()


def test_the_entry_disputed_is_chosen_by_keyboard_from_the_numbered_entries(
    qtbot: QtBot,
    session: Session,
    preferences: Preferences,
    certificate: ChairCertificate,  # noqa: F811
) -> None:
    _issued(session, certificate)
    listed = session.corrections.entries(CONCLUDED)
    window = _minutes_window(qtbot, session, preferences)
    try:
        dialog = _dialog(qtbot, window)
        assert dialog.entry.count() == 1 + len(listed.lines)
        second = listed.lines[1]
        assert dialog.entry.itemText(2).startswith(f"2. {second.item} —")
        assert dialog.entry.itemText(2).endswith(second.opening)
        dialog.who.lineEdit().clear()
        _type(qtbot, dialog.who, "Justyna Harland")
        _type(qtbot, dialog.disputed, "The second entry")
        _type(qtbot, dialog.asked, "Reword it")
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
        qtbot.keyClick(dialog, Key.Key_E, QtCore.Qt.KeyboardModifier.AltModifier)
        assert dialog.focusWidget() is dialog.entry
        for _ in range(2):
            qtbot.keyClick(dialog.entry, Key.Key_Down)
        assert dialog.entry.currentData() == second.id
        qtbot.keyClick(dialog, Key.Key_R, QtCore.Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
        request = session.corrections.requests(CONCLUDED).lines[0].request
        assert request.entry_id == second.id
        assert dialog.entry.currentIndex() == 0  # ready for the next request
        dialog.close()
    finally:
        window.close()
