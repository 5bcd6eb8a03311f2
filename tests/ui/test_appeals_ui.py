"""The Appeals dialog (Northern Ireland), driven from the keyboard.

From the Decisions tab (Alt+D), A&ppeals… (Alt+P) lists each appeal with its state and
says the decision stands meanwhile; "Record an appeal…" (Alt+R) and "Record the
outcome…" (Alt+O) save through the service, and a refusal stays in the form as one
line. Under England's rules there is no Appeals button at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.data import repository
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AppealGround, AppealOutcome, UserRole
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from cpc_desktop.ui.workspace.appeals_dialog import AppealsDialog
from cpc_desktop.ui.workspace.page import WorkspacePage
from tests.helpers.appeals import NI_APPEAL, NI_CHILD, NI_DAD, NI_REF, ni_record
from tests.helpers.meeting import CHAIR
from tests.helpers.records import small_record
from tests.helpers.stores import new_store

Key = QtCore.Qt.Key
Alt = QtCore.Qt.KeyboardModifier.AltModifier
NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


def clock() -> datetime:
    return NOW


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    store = new_store(tmp_path)
    with Session(store, CHAIR, clock) as opened:
        opened.conferences.import_record(ni_record(appeal=True))
        opened.conferences.import_record(small_record())
        yield opened
    store.close()


def appeals(session: Session) -> tuple[d.Appeal, ...]:
    with session.store.reading() as s:
        found = repository.find_conference_id(s, NI_REF)
        assert found is not None
        record = repository.load_record(s, found)
    assert record is not None
    return record.appeals


def activate(qtbot: QtBot, window: QtWidgets.QWidget) -> None:
    """Wait for a window and make it the active one (offscreen needs it)."""
    qtbot.waitUntil(window.isVisible)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)


def page_for(qtbot: QtBot, session: Session, ref: str = NI_REF) -> WorkspacePage:
    page = WorkspacePage(session, ref)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    activate(qtbot, page)
    return page


def open_dialog(qtbot: QtBot, page: WorkspacePage) -> AppealsDialog:
    qtbot.keyClick(page, Key.Key_D, Alt)
    assert page.tabs.currentWidget() is page.decisions_page
    button = page.appeals_button
    assert button is not None
    qtbot.waitUntil(button.isVisible)
    qtbot.keyClick(page, Key.Key_P, Alt)  # a mnemonic clicks a moment later
    qtbot.waitUntil(lambda: page.appeals_dialog is not None)
    dialog = page.appeals_dialog
    assert isinstance(dialog, AppealsDialog)
    activate(qtbot, dialog)
    return dialog


def rows(dialog: AppealsDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_an_appeal_is_recorded_from_the_keyboard(qtbot: QtBot, session: Session) -> None:
    page = page_for(qtbot, session)
    dialog = open_dialog(qtbot, page)
    assert "decision stands while an appeal is considered" in dialog.stands.text()
    assert rows(dialog) == [
        [
            "21/11/2026",
            "Ola Oyelaran",
            "Every child",
            "The threshold for registration was not met",
            "waiting for a decision",
        ]
    ]

    qtbot.keyClick(dialog, Key.Key_R, Alt)
    qtbot.waitUntil(lambda: dialog.form is not None)
    form = dialog.form
    assert form is not None
    activate(qtbot, form)
    assert "decision stands while the appeal is considered" in form.intro.text()
    qtbot.keyClick(form.focusWidget(), Key.Key_Down)  # the father, after the mother
    qtbot.keyClick(form, Key.Key_C, Alt)  # Re&ceived on: the day before today
    qtbot.keyClick(form.focusWidget(), Key.Key_Down)
    qtbot.keyClick(form, Key.Key_H, Alt)  # C&hildren: tick Bethany
    qtbot.keyClick(form.focusWidget(), Key.Key_Space)
    qtbot.keyClick(form, Key.Key_G, Alt)  # &Grounds: the second, information
    qtbot.keyClick(form.focusWidget(), Key.Key_Down)
    qtbot.keyClick(form.focusWidget(), Key.Key_Space)
    qtbot.keyClick(form, Key.Key_D, Alt)
    qtbot.keyClicks(form.focusWidget(), "The school's report was not read.")
    qtbot.keyClick(form, Key.Key_R, Alt)

    qtbot.waitUntil(lambda: dialog.form is None)
    mine = appeals(session)[-1]
    assert (mine.appellant_id, mine.child_ids, mine.received) == (
        NI_DAD,
        (NI_CHILD,),
        date(2026, 12, 4),
    )
    assert tuple(mine.grounds) == (AppealGround.INFORMATION,)
    assert mine.details == "The school's report was not read."
    assert rows(dialog)[-1][:3] == ["04/12/2026", "Tobi Oyelaran", "Bethany Oyelaran"]
    assert dialog.selected() is not None and dialog.selected().appeal.id == mine.id

    # Closed (Alt+C), the Decisions tab reads the appeals back.
    activate(qtbot, dialog)
    qtbot.keyClick(dialog, Key.Key_C, Alt)
    qtbot.waitUntil(lambda: "Tobi Oyelaran" in page.decisions.toPlainText())
    text = page.decisions.toPlainText()
    assert "Ola Oyelaran, received 21 November 2026: waiting for a decision." in text
    assert "Tobi Oyelaran, received 4 December 2026: waiting for a decision." in text
    assert "The decision stands while an appeal is considered." in text


def test_a_refused_appeal_stays_in_the_form_as_one_line(qtbot: QtBot, session: Session) -> None:
    page = page_for(qtbot, session)  # held here: qtbot holds it only weakly
    dialog = open_dialog(qtbot, page)
    qtbot.keyClick(dialog, Key.Key_R, Alt)
    qtbot.waitUntil(lambda: dialog.form is not None)
    form = dialog.form
    assert form is not None
    activate(qtbot, form)
    qtbot.keyClick(form, Key.Key_R, Alt)  # no ground ticked

    qtbot.waitUntil(lambda: form.error.text() != "")
    assert form.isVisible()
    assert form.error.text() == "Give at least one ground for the appeal."
    assert len(appeals(session)) == 1
    qtbot.keyClick(form, Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.form is None)
    assert len(rows(dialog)) == 1


def test_the_outcome_is_recorded_and_someone_elses_is_not_written_over(
    qtbot: QtBot, session: Session
) -> None:
    page = page_for(qtbot, session)  # held here: qtbot holds it only weakly
    dialog = open_dialog(qtbot, page)
    qtbot.keyClick(dialog, Key.Key_O, Alt)
    qtbot.waitUntil(lambda: dialog.form is not None)
    form = dialog.form
    assert form is not None
    activate(qtbot, form)
    # Meanwhile another chair records that the appeal was withdrawn.
    other = Session(session.store, Actor("Sam Second", UserRole.CHAIR), clock)
    other.appeals.decide_appeal(NI_REF, NI_APPEAL, "withdrawn", date(2026, 12, 1))
    qtbot.keyClick(form.focusWidget(), Key.Key_Down)  # "Not upheld"
    qtbot.keyClick(form, Key.Key_N, Alt)
    qtbot.keyClicks(form.focusWidget(), "The panel met.")
    qtbot.keyClick(form, Key.Key_S, Alt)

    qtbot.waitUntil(lambda: form.error.text() != "")
    assert form.isVisible()
    assert form.error.text().startswith("Someone else changed the outcome of Ola Oyelaran's")
    assert appeals(session)[0].outcome is AppealOutcome.WITHDRAWN
    qtbot.keyClick(form, Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.form is None)
    assert rows(dialog)[0][4] == "withdrawn on 01/12/2026"
    activate(qtbot, dialog)  # back from the form (offscreen needs help)

    # Seeing it now, the chair records the outcome: it stands.
    qtbot.keyClick(dialog, Key.Key_O, Alt)
    qtbot.waitUntil(lambda: dialog.form is not None)
    form = dialog.form
    assert form is not None
    activate(qtbot, form)
    qtbot.keyClick(form.focusWidget(), Key.Key_Up)  # from "Withdrawn" to "Not upheld"
    qtbot.keyClick(form, Key.Key_S, Alt)
    qtbot.waitUntil(lambda: dialog.form is None)
    assert appeals(session)[0].outcome is AppealOutcome.NOT_UPHELD
    assert rows(dialog)[0][4] == "not upheld on 01/12/2026"  # the date it showed, kept


def test_a_minute_taker_sees_the_appeals_but_cannot_record_them(
    qtbot: QtBot, session: Session
) -> None:
    minuter = Session(session.store, Actor("Morgan Minutes", UserRole.MINUTE_TAKER), clock)
    session.conferences.add_user(minuter.actor.name, minuter.actor.role)
    page = page_for(qtbot, minuter)  # held here: qtbot holds it only weakly
    dialog = open_dialog(qtbot, page)
    assert len(rows(dialog)) == 1
    assert not dialog.record_button.isEnabled()
    assert "may not record a parent's appeal" in dialog.record_button.toolTip()
    assert not dialog.outcome_button.isEnabled()
    qtbot.keyClick(dialog, Key.Key_R, Alt)
    qtbot.wait(300)  # time enough for a mnemonic's click, were the button enabled
    assert dialog.form is None


def test_there_is_no_appeals_button_under_englands_rules(qtbot: QtBot, session: Session) -> None:
    page = page_for(qtbot, session, small_record().conference.reference)
    assert page.appeals_button is None
    assert page.findChild(QtWidgets.QPushButton, "appealsButton") is None
    assert page.tabs.indexOf(page.decisions_page) >= 0
    assert page.decisions_page.isAncestorOf(page.decisions)  # with Complaints… below


def test_locking_closes_the_appeals_and_the_form_over_them(qtbot: QtBot, session: Session) -> None:
    page = page_for(qtbot, session)
    dialog = open_dialog(qtbot, page)
    qtbot.keyClick(dialog, Key.Key_R, Alt)
    qtbot.waitUntil(lambda: dialog.form is not None)
    form = dialog.form
    assert form is not None
    activate(qtbot, form)

    page.close_appeals()

    qtbot.waitUntil(lambda: not form.isVisible() and not dialog.isVisible())
    assert page.appeals_dialog is None
