"""The Complaints dialog (§10 item 36), driven from the keyboard, under every profile.

From the Decisions tab (Alt+D), Complai&nts… (Alt+N) says first that the decision stands
while a complaint is considered, lists each complaint with its next step, logs one
(Alt+R), its acknowledgement (Alt+A) and its outcome (Alt+O). A refusal stays in the
form as one line.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import AppealGround, AppealOutcome
from cpc_desktop.services.session import Session
from cpc_desktop.ui.workspace.complaints_dialog import ComplaintsDialog
from cpc_desktop.ui.workspace.page import WorkspacePage
from tests.helpers.meeting import CHAIR, READER
from tests.helpers.records import small_record, uid
from tests.helpers.stores import new_store

Key = QtCore.Qt.Key
Alt = QtCore.Qt.KeyboardModifier.AltModifier
NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
REF = "CPC-2026-0042"


def clock() -> datetime:
    return NOW


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    store = new_store(tmp_path)
    with Session(store, CHAIR, clock) as opened:
        opened.conferences.import_record(small_record())
        yield opened
    store.close()


def activate(qtbot: QtBot, window: QtWidgets.QWidget) -> None:
    qtbot.waitUntil(window.isVisible)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)


def open_dialog(
    qtbot: QtBot, session: Session, ref: str = REF
) -> tuple[WorkspacePage, ComplaintsDialog]:
    page = WorkspacePage(session, ref)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    activate(qtbot, page)
    qtbot.keyClick(page, Key.Key_D, Alt)
    assert page.appeals_button is None  # England: no appeals, but complaints
    qtbot.waitUntil(page.complaints_button.isVisible)
    qtbot.keyClick(page, Key.Key_N, Alt)
    qtbot.waitUntil(lambda: page.complaints_dialog is not None)
    dialog = page.complaints_dialog
    assert isinstance(dialog, ComplaintsDialog)
    activate(qtbot, dialog)
    return page, dialog


def rows(dialog: ComplaintsDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def form_of(qtbot: QtBot, dialog: ComplaintsDialog, key: QtCore.Qt.Key) -> QtWidgets.QDialog:
    activate(qtbot, dialog)
    qtbot.keyClick(dialog, key, Alt)
    qtbot.waitUntil(lambda: dialog.form is not None)
    form = dialog.form
    assert form is not None
    activate(qtbot, form)
    return form


def test_a_complaint_is_logged_acknowledged_and_decided_from_the_keyboard(
    qtbot: QtBot, session: Session
) -> None:
    page, dialog = open_dialog(qtbot, session)
    assert "decision stands while the complaint is considered" in dialog.stands.text()
    assert dialog.empty.isVisible() and rows(dialog) == []

    form = form_of(qtbot, dialog, Key.Key_R)
    assert "decision stands" in form.intro.text()  # type: ignore[attr-defined]
    assert not form.which_children.isVisible()  # type: ignore[attr-defined]
    qtbot.keyClick(form, Key.Key_F, Alt)  # From: the roll call, in its order
    for _ in range(2):
        qtbot.keyClick(form.focusWidget(), Key.Key_Down)  # Ola Oyelaran, the mother
    qtbot.keyClick(form, Key.Key_C, Alt)
    qtbot.keyClicks(form.focusWidget(), "mother")
    qtbot.keyClick(form, Key.Key_E, Alt)  # Received: the day before today
    qtbot.keyClick(form.focusWidget(), Key.Key_Down)
    qtbot.keyClick(form, Key.Key_G, Alt)  # Grounds: the first, process
    qtbot.keyClick(form.focusWidget(), Key.Key_Space)
    qtbot.keyClick(form, Key.Key_W, Alt)
    qtbot.keyClicks(form.focusWidget(), "Nobody asked her view.")
    qtbot.keyClick(form, Key.Key_R, Alt)
    qtbot.waitUntil(lambda: dialog.form is None)

    line = session.complaints.complaints(REF).lines[0]
    made = line.complaint
    assert (made.complainant_id, made.relation, made.received, made.grounds) == (
        uid("mum"),
        "mother",
        date(2026, 12, 4),
        (AppealGround.PROCESS,),
    )
    assert made.details == "Nobody asked her view."
    assert made.child_ids == (uid("child"),)  # one child: not asked
    assert dialog.form is None
    assert rows(dialog)[0][1:] == [
        "Ola Oyelaran (mother)",
        "Bethany Oyelaran",
        "The procedures were not followed, and this affected the decision",
        "received, not yet acknowledged",
        "acknowledge by 11 Dec 2026",
    ]

    form = form_of(qtbot, dialog, Key.Key_A)
    qtbot.keyClick(form, Key.Key_B, Alt)
    qtbot.keyClicks(form.focusWidget(), "Chair's review")
    qtbot.keyClick(form, Key.Key_A, Alt)
    qtbot.waitUntil(lambda: dialog.form is None)
    assert rows(dialog)[0][4:] == [
        "acknowledged on 5 Dec 2026, being considered",
        "answer by 1 Jan 2027",
    ]
    assert not dialog.acknowledge_button.isEnabled()

    form = form_of(qtbot, dialog, Key.Key_O)
    qtbot.keyClick(form, Key.Key_O, Alt)
    qtbot.keyClick(form.focusWidget(), Key.Key_Down)  # Not upheld
    qtbot.keyClick(form, Key.Key_P, Alt)
    qtbot.keyClick(form.focusWidget(), Key.Key_A, QtCore.Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.focusWidget(), "Review panel")
    qtbot.keyClick(form, Key.Key_S, Alt)
    qtbot.waitUntil(lambda: dialog.form is None)
    ended = session.complaints.complaints(REF).lines[0].complaint
    assert (ended.outcome, ended.handled_by, ended.decided) == (
        AppealOutcome.NOT_UPHELD,
        "Review panel",
        NOW.date(),
    )
    assert rows(dialog)[0][4:] == ["not upheld on 5 Dec 2026", ""]
    assert not dialog.outcome_button.isEnabled()
    activate(qtbot, dialog)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Key.Key_L, Alt)  # C&lose
    assert page.isVisible()


def test_a_refused_complaint_stays_in_the_form_as_one_line(qtbot: QtBot, session: Session) -> None:
    page, dialog = open_dialog(qtbot, session)  # page held: qtbot holds it only weakly
    form = form_of(qtbot, dialog, Key.Key_R)
    qtbot.keyClick(form, Key.Key_R, Alt)  # no ground ticked
    qtbot.waitUntil(lambda: form.error.text() != "")  # type: ignore[attr-defined]
    assert form.isVisible()
    assert form.error.text() == "Give at least one ground for the complaint."  # type: ignore[attr-defined]
    assert session.complaints.complaints(REF).lines == ()
    qtbot.keyClick(form, Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.form is None)
    assert page.isVisible()


def test_a_reader_sees_complaints_but_cannot_log_one(qtbot: QtBot, session: Session) -> None:
    session.act_as(READER)
    page, dialog = open_dialog(qtbot, session)
    assert not dialog.record_button.isEnabled()
    assert "may not record a complaint" in dialog.record_button.toolTip()
    assert page.isVisible()
