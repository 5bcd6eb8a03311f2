"""Sides by keyboard: the chair moves a person to the family side with a reason in the roll
call, and the minutes window then offers that person only a family copy."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import CopyKind, Side
from cpc_desktop.services.session import Session
from cpc_desktop.ui.field_limits import PROFESSIONALS_ONLY
from cpc_desktop.ui.output.minutes_window import MinutesWindow
from cpc_desktop.ui.settings import Preferences
from tests.ui.test_outputs_ui import _show
from tests.ui.test_roll_call import CONCLUDED, Key, _activate, _person, _select, _tab


def test_a_side_set_by_keyboard_limits_what_the_minutes_window_offers(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    before = MinutesWindow(session, CONCLUDED, preferences)
    qtbot.addWidget(before)
    assert any(name.startswith("Full copy for Priya Shah") for name, _ in before.export_choices())

    tab = _tab(qtbot, session, CONCLUDED)
    _select(qtbot, tab, "Priya Shah")
    qtbot.keyClick(tab.table, Key.Key_F2)
    dialog = tab.details_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    box = dialog.disclosure
    assert box.side_reason.toolTip() == PROFESSIONALS_ONLY
    box.side.setFocus()
    qtbot.keyClick(box.side, Key.Key_Down)  # "As the role implies" -> "Family side"
    assert box.side.currentText() == "Family side"
    qtbot.keyClick(box.side, Key.Key_Return)  # Save without a reason: refused, stays open
    assert tab.details_dialog is dialog and dialog.isVisible()
    assert "Say why" in dialog.error.text()
    assert box.side_reason.hasFocus()
    assert _person(session, "Priya Shah", CONCLUDED).side is None
    qtbot.keyClicks(box.side_reason, "She is the children's aunt.")
    qtbot.keyClick(box.side_reason, Key.Key_Return)
    qtbot.waitUntil(lambda: tab.details_dialog is None)

    priya = _person(session, "Priya Shah", CONCLUDED)
    assert priya.side is Side.FAMILY and priya.side_reason == "She is the children's aunt."

    window = MinutesWindow(session, CONCLUDED, preferences)
    _show(qtbot, window)
    offered = [
        (name, which) for name, which in window.export_choices() if which.recipient_id == priya.id
    ]
    assert [which.copy for _, which in offered] == [CopyKind.FAMILY]
    assert offered[0][0].startswith("Family copy for Priya Shah")
    family_for = [window.family_choice.itemData(i) for i in range(window.family_choice.count())]
    assert priya.id in family_for
    # A professional is still offered the full copy made for them.
    gp = _person(session, "Dr Thomas Ewing", CONCLUDED)
    assert [w.copy for _, w in window.export_choices() if w.recipient_id == gp.id] == [
        CopyKind.FULL
    ]
