"""The children a complaint concerns, chosen by keyboard in the Record a complaint form:
every child ticked at first, Space unticks the current one, none ticked is one line and
records nothing; a conference with one child is not asked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.services.session import Session
from cpc_desktop.ui.workspace.complaint_forms import RecordComplaintForm
from tests.helpers.meeting import CHAIR
from tests.helpers.stores import new_store
from tests.ui.test_complaints_ui import clock, form_of, open_dialog, rows
from tests.unit.services.test_complaint_children import JOSH, TWO_REF, two_children

Key = QtCore.Qt.Key
Alt = QtCore.Qt.KeyboardModifier.AltModifier


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    store = new_store(tmp_path)
    with Session(store, CHAIR, clock) as opened:
        opened.conferences.import_record(two_children())
        yield opened
    store.close()


def fill_in(qtbot: QtBot, form: QtWidgets.QDialog) -> None:
    qtbot.keyClick(form, Key.Key_G, Alt)  # Grounds: the first, process
    qtbot.keyClick(form.focusWidget(), Key.Key_Space)


def test_the_children_are_ticked_by_keyboard_and_listed(qtbot: QtBot, session: Session) -> None:
    page, dialog = open_dialog(qtbot, session, TWO_REF)
    form = form_of(qtbot, dialog, Key.Key_R)
    assert isinstance(form, RecordComplaintForm)
    assert form.which_children.isVisible()
    fill_in(qtbot, form)
    qtbot.keyClick(form, Key.Key_H, Alt)  # Children: both ticked; untick Bethany
    assert form.focusWidget() is form.which_children
    qtbot.keyClick(form.focusWidget(), Key.Key_Space)
    qtbot.keyClick(form, Key.Key_R, Alt)
    qtbot.waitUntil(lambda: dialog.form is None)
    made = session.complaints.complaints(TWO_REF).lines[0].complaint
    assert made.child_ids == (JOSH,)
    assert rows(dialog)[0][2] == "Joshua Oyelaran"

    form = form_of(qtbot, dialog, Key.Key_R)  # left as it is: every child
    fill_in(qtbot, form)
    qtbot.keyClick(form, Key.Key_R, Alt)
    qtbot.waitUntil(lambda: dialog.form is None)
    assert rows(dialog)[1][2] == "Bethany Oyelaran, Joshua Oyelaran"
    assert page.isVisible()


def test_no_child_ticked_is_one_line_and_records_nothing(qtbot: QtBot, session: Session) -> None:
    page, dialog = open_dialog(qtbot, session, TWO_REF)
    form = form_of(qtbot, dialog, Key.Key_R)
    assert isinstance(form, RecordComplaintForm)
    fill_in(qtbot, form)
    qtbot.keyClick(form, Key.Key_H, Alt)
    for _ in range(2):  # untick both
        qtbot.keyClick(form.focusWidget(), Key.Key_Space)
        qtbot.keyClick(form.focusWidget(), Key.Key_Down)
    qtbot.keyClick(form, Key.Key_R, Alt)
    qtbot.waitUntil(lambda: form.error.text() != "")
    assert form.error.text() == "Tick at least one child the complaint concerns."
    assert form.isVisible()
    assert session.complaints.complaints(TWO_REF).lines == ()
    qtbot.keyClick(form, Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.form is None)
    assert page.isVisible()
