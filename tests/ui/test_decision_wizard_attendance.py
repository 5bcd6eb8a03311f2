"""The decision wizard's quorum page follows who is here now: a professional whose video
call dropped (recorded as leaving) is not counted, and counts again once rung back in."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6 import QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain.enums import AttendanceKind, AttendanceMode, ConferenceType
from cpc_desktop.services.conferences import NewChild
from cpc_desktop.services.session import Session
from tests.ui.test_decision_wizard import ARRIVED, HEALTH, POLICE, SW, _at, _conference, _open


def _state(qtbot: QtBot, session: Session, ref: str) -> str:
    wizard = _open(qtbot, session, ref)
    page = _at(wizard, flow.StepKind.QUORUM)
    text = page.findChildren(QtWidgets.QLabel)[0].text()
    wizard.close()
    return text


def test_a_dropped_call_makes_the_wizard_say_not_quorate(qtbot: QtBot, session: Session) -> None:
    ref = _conference(
        session,
        ConferenceType.INITIAL,
        (NewChild("Eli", "Ford", date(2020, 3, 3)),),
        (SW, POLICE, HEALTH),
    )
    assert _state(qtbot, session, ref).startswith("Quorate")

    # The health visitor's video dropped at 08:50; the wizard opens at 09:00.
    record = session.conferences.get(ref)
    hana = next(p for p in record.participants if p.name == HEALTH[0])
    session.roll_call.record_attendance(
        hana.id, AttendanceKind.LEFT, ARRIVED + timedelta(minutes=20)
    )
    text = _state(qtbot, session, ref)
    assert text.startswith("Not quorate") and "other agenc" in text

    # She rang in by phone at 08:55: quorate again.
    session.roll_call.record_attendance(
        hana.id, AttendanceKind.ARRIVED, ARRIVED + timedelta(minutes=25), mode=AttendanceMode.PHONE
    )
    assert _state(qtbot, session, ref).startswith("Quorate")
