"""A plan's events on screen (issue 20): a transfer-in's originating authority typed in
the New conference dialog, shown only for a transfer-in; a baby's birth recorded from the
Decisions tab of a pre-birth conference (Record birth…, Alt+B)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import (
    AdjournReason,
    AdministrativeEnding,
    ConferenceStatus,
    ConferenceType,
    Outcome,
)
from cpc_desktop.services.profiles import load_profile
from cpc_desktop.services.session import Session
from cpc_desktop.ui.home.new_conference_dialog import NewConferenceDialog
from cpc_desktop.ui.workspace.birth_dialog import BirthForm
from cpc_desktop.ui.workspace.decisions_tab import DecisionsTab
from cpc_desktop.ui.workspace.page import WorkspacePage
from tests.helpers.meeting import CHAIR
from tests.helpers.plan_events import PRE_BIRTH_REF, pre_birth_record
from tests.helpers.stores import new_store
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


NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


@pytest.fixture
def pre_birth(tmp_path: Path) -> Iterator[Session]:
    """A concluded pre-birth conference whose baby is not yet born; today is 05/12/2026."""
    store = new_store(tmp_path)
    with Session(store, CHAIR, lambda: NOW) as opened:
        opened.conferences.import_record(pre_birth_record())
        yield opened
    store.close()


def test_a_birth_is_recorded_from_the_decisions_tab(qtbot: QtBot, pre_birth: Session) -> None:
    # Issue 20, point 2: the baby becomes a named child; the review comes forward.
    page = WorkspacePage(pre_birth, PRE_BIRTH_REF)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is page)
    qtbot.keyClick(page, Key.Key_D, Alt)
    assert page.birth_button is not None
    qtbot.waitUntil(page.birth_button.isVisible)
    qtbot.keyClick(page, Key.Key_B, Alt)
    qtbot.waitUntil(lambda: page.birth_form is not None and page.birth_form.isVisible())
    form = page.birth_form
    assert isinstance(form, BirthForm)
    form.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is form)
    qtbot.keyClick(form.given, Key.Key_Return)  # no name yet: refused in one line
    assert form.isVisible() and form.error.text() == "Give the baby's given name."
    qtbot.keyClicks(form.given, "Amara")
    form.born.setDate(QtCore.QDate(2026, 12, 1))
    with qtbot.waitSignal(page.message) as said:
        qtbot.keyClick(form.given, Key.Key_Return)
    assert said.args == [
        "Birth of Amara Oyelaran recorded. The post-birth review is due by 31 December 2026; "
        "the review set for 19 February 2027 must come forward."
    ]
    (baby,) = pre_birth.conferences.get(PRE_BIRTH_REF).children
    assert (baby.given_name, baby.date_of_birth) == ("Amara", date(2026, 12, 1))
    assert not page.birth_button.isEnabled()


def test_the_decisions_tab_reads_back_an_adjournment_and_an_ending(qtbot: QtBot) -> None:
    record = pre_birth_record()
    adjourned = dataclasses.replace(
        record,
        conference=dataclasses.replace(
            record.conference,
            status=ConferenceStatus.ADJOURNED,
            adjourned_for=AdjournReason.MORE_INFORMATION,
            adjourn_reason="The police report is not ready.",
        ),
        decisions=(),
    )
    tab = DecisionsTab()
    qtbot.addWidget(tab)
    profile = load_profile("england")
    tab.show_record(adjourned, profile)
    text = tab.toPlainText()
    assert "Adjourned because there was not enough information to decide" in text
    assert "The police report is not ready." in text
    ended = dataclasses.replace(
        record.decisions[0],
        outcome=Outcome.ADMINISTRATIVE_END,
        ending=AdministrativeEnding.LEFT_UK,
        ending_date=date(2026, 12, 1),
        ending_note="The core group agreed.",
    )
    tab.show_record(dataclasses.replace(record, decisions=(ended,)), profile)
    assert "Consulted: The core group agreed." in tab.toPlainText()
