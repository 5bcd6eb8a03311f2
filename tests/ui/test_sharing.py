"""The chair shares free text with the family box by box, from the keyboard, and every box
says where its text goes (disclosure.md; issue 16, point 3).

Driven against the demo store: the exclusion dialog's two boxes, the reason for going
ahead without a quorum, and the reason for delay on a new conference.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import AttendanceKind
from cpc_desktop.services.session import Session, open_session
from cpc_desktop.ui.field_limits import PROFESSIONALS_ONLY, SHARED_WITH_FAMILY
from cpc_desktop.ui.home.new_conference_dialog import NewConferenceDialog
from tests.ui.conftest import PASSPHRASE, Clock
from tests.ui.test_roll_call import PRE_BIRTH, _activate, _person, _select, _tab

Key = QtCore.Qt.Key
Alt = QtCore.Qt.KeyboardModifier.AltModifier


@pytest.fixture
def moving() -> Clock:
    return Clock()


@pytest.fixture
def meeting(store_path: Path, moving: Clock) -> Iterator[Session]:
    opened = open_session(store_path, PASSPHRASE, clock=moving)
    yield opened
    opened.close()


def _focused() -> QtWidgets.QWidget:
    return QtWidgets.QApplication.focusWidget()


def _alt(qtbot: QtBot, key: Key) -> None:
    """Alt+letter to the focused widget; a check box's mnemonic toggles it after a short
    animation, so wait it out."""
    qtbot.keyClick(_focused(), key, Alt)
    qtbot.wait(150)


def test_an_exclusions_grounds_are_shared_and_shown_by_keyboard(
    qtbot: QtBot, meeting: Session, moving: Clock
) -> None:
    tab = _tab(qtbot, meeting)
    _select(qtbot, tab, "Lee Tanner")
    moving.advance(20)
    qtbot.keyClick(tab.table, Key.Key_F8)
    dialog = tab.exclusion_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    note = dialog.note
    assert note.accessibleDescription() == PROFESSIONALS_ONLY
    assert PROFESSIONALS_ONLY in note.placeholderText()
    assert not dialog.shared.isChecked() and not dialog.shown_to_excluded.isEnabled()
    for _ in range(4):  # the start time (hours, minutes) and the end check box
        qtbot.keyClick(_focused(), Key.Key_Tab)
    assert note.hasFocus()
    qtbot.keyClicks(note, "Lee asked to step out while the police spoke.")
    qtbot.keyClick(note, Key.Key_Tab)
    assert dialog.shared.hasFocus()
    qtbot.keyClick(dialog.shared, Key.Key_Space)
    assert note.accessibleDescription() == SHARED_WITH_FAMILY
    assert note.toolTip() == SHARED_WITH_FAMILY and SHARED_WITH_FAMILY in note.placeholderText()
    assert PROFESSIONALS_ONLY not in note.placeholderText()
    assert dialog.shown_to_excluded.isEnabled()
    qtbot.keyClick(dialog.shared, Key.Key_Tab)
    assert dialog.shown_to_excluded.hasFocus()
    qtbot.keyClick(dialog.shown_to_excluded, Key.Key_Space)
    assert dialog.shown_to_excluded.isChecked()
    qtbot.keyClick(dialog.shown_to_excluded, Key.Key_Return)
    assert tab.exclusion_dialog is None

    event = _person(meeting, "Lee Tanner").attendance[-1]
    assert event.kind is AttendanceKind.EXCLUDED
    assert event.note == "Lee asked to step out while the police spoke."
    assert (event.shared_with_family, event.shown_to_excluded) == (True, True)


def test_clearing_the_share_box_clears_showing_and_the_words_go_back(
    qtbot: QtBot, meeting: Session
) -> None:
    tab = _tab(qtbot, meeting)
    _select(qtbot, tab, "Lee Tanner")
    qtbot.keyClick(tab.table, Key.Key_F8)
    dialog = tab.exclusion_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    _alt(qtbot, Key.Key_H)  # S&hare with the family
    assert dialog.shared.isChecked()
    _alt(qtbot, Key.Key_A)  # &Also show the grounds
    assert dialog.shown_to_excluded.isChecked()
    _alt(qtbot, Key.Key_H)
    assert not dialog.shared.isChecked()
    assert not dialog.shown_to_excluded.isChecked()
    assert not dialog.shown_to_excluded.isEnabled()
    assert dialog.note.accessibleDescription() == PROFESSIONALS_ONLY
    value = dialog.value()
    assert (value.shared_with_family, value.shown_to_excluded) == (False, False)
    dialog.reject()


def test_the_quorum_reason_is_shared_by_keyboard(
    qtbot: QtBot, meeting: Session, moving: Clock
) -> None:
    tab = _tab(qtbot, meeting)
    assert tab.quorum.text().startswith("Not quorate")
    tab.quorum.proceed.setFocus()
    qtbot.keyClick(tab.quorum.proceed, Key.Key_Space)
    dialog = tab.quorum.reason_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    assert dialog.reason.accessibleDescription() == PROFESSIONALS_ONLY
    qtbot.keyClicks(dialog.reason, "The baby is due next week; the plan cannot wait.")
    qtbot.keyClick(dialog.reason, Key.Key_Tab)
    assert dialog.shared.hasFocus() and not dialog.shared.isChecked()
    qtbot.keyClick(dialog.shared, Key.Key_Space)
    assert dialog.reason.accessibleDescription() == SHARED_WITH_FAMILY
    qtbot.keyClick(dialog.ok, Key.Key_Space)
    assert tab.quorum.reason_dialog is None
    conference = meeting.conferences.get(PRE_BIRTH).conference
    assert conference.quorum_reason == "The baby is due next week; the plan cannot wait."
    assert conference.quorum_reason_shared is True

    # Changing the reason starts from what is stored: still shared.
    tab.quorum.proceed.setFocus()
    qtbot.keyClick(tab.quorum.proceed, Key.Key_Space)
    dialog = tab.quorum.reason_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    assert dialog.shared.isChecked()
    _alt(qtbot, Key.Key_S)  # &Share: cleared
    qtbot.keyClick(dialog.ok, Key.Key_Space)
    assert meeting.conferences.get(PRE_BIRTH).conference.quorum_reason_shared is False


def test_a_delay_reason_is_shared_on_a_new_conference(qtbot: QtBot) -> None:
    made = []
    dialog = NewConferenceDialog(date(2026, 11, 22), lambda new: made.append(new), lambda _: None)
    qtbot.addWidget(dialog)
    box = dialog.reason_shared
    assert not box.isChecked()
    assert dialog.reason.accessibleDescription() == PROFESSIONALS_ONLY
    dialog.reason.setPlainText("The police disclosure was late.")
    box.setFocus()
    qtbot.keyClick(box, Key.Key_Space)
    assert dialog.reason.accessibleDescription() == SHARED_WITH_FAMILY
    assert dialog.value().delay_reason_shared is True
    dialog.reason.setPlainText(" ")  # nothing to share: nothing shared
    assert dialog.value().delay_reason_shared is False
