"""Changing, by keyboard, whether a recorded exclusion's grounds go into family copies
(Shift+F8): stored, undoable, and what the father's own copy then prints."""

from __future__ import annotations

from PySide6 import QtCore
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import AttendanceKind
from cpc_desktop.services.session import Session
from tests.ui.test_roll_call import CONCLUDED, _activate, _back_to, _person, _select, _tab

Key = QtCore.Qt.Key


def _exclusion(session: Session):
    dean = _person(session, "Dean Harland", CONCLUDED)
    return next(e for e in dean.attendance if e.kind is AttendanceKind.EXCLUDED)


def test_the_chair_shares_an_exclusions_grounds_later_and_can_undo_it(
    qtbot: QtBot, session: Session
) -> None:
    before = _exclusion(session)
    assert (before.shared_with_family, before.shown_to_excluded) == (False, False)
    tab = _tab(qtbot, session, CONCLUDED)
    _select(qtbot, tab, "Justyna Harland")
    assert not tab.actions_by_name["share_exclusion"].isEnabled()  # never excluded
    _select(qtbot, tab, "Dean Harland")
    assert tab.actions_by_name["share_exclusion"].isEnabled()
    qtbot.keyClick(tab.table, Key.Key_F8, QtCore.Qt.KeyboardModifier.ShiftModifier)
    dialog = tab.sharing_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    assert dialog.shared.hasFocus() and not dialog.shown.isEnabled()
    qtbot.keyClick(dialog.shared, Key.Key_Space)
    assert dialog.shown.isEnabled()
    qtbot.keyClick(dialog.shared, Key.Key_Tab)
    assert dialog.shown.hasFocus()
    qtbot.keyClick(dialog.shown, Key.Key_Space)
    qtbot.keyClick(dialog.shown, Key.Key_Return)
    qtbot.waitUntil(lambda: tab.sharing_dialog is None)

    after = _exclusion(session)
    assert after.id == before.id
    assert (after.shared_with_family, after.shown_to_excluded) == (True, True)
    assert "now shared with the family" in tab.status.text()

    _back_to(qtbot, tab)
    tab.test_stack.undo()  # type: ignore[attr-defined]
    undone = _exclusion(session)
    assert (undone.shared_with_family, undone.shown_to_excluded) == (False, False)
