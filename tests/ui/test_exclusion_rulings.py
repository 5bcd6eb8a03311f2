"""The chair decides, by keyboard, on entries changed while a parent was out of the room.

The demo conference CPC-2026-0001 (Dean Harland out from 10:50 to 11:05) gains two
entries begun before he left and edited while he was out. The minutes window lists
both with "Include" and "Leave out" buttons; approval is off until both are decided.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.enums import CopyKind
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.services.session import Session
from cpc_desktop.ui.output.minutes_window import MinutesWindow
from cpc_desktop.ui.settings import Preferences
from tests.helpers.stores import TickingClock

REF = "CPC-2026-0001"
Key = QtCore.Qt.Key


def _straddle(session: Session) -> tuple[str, list[str]]:
    """Two entries begun before Dean Harland left and edited while he was out."""
    record = session.conferences.get(REF)
    dad = next(p for p in record.participants if p.name == "Dean Harland")
    out = next(e for e in dad.attendance if e.kind.value == "excluded")
    clock = TickingClock(out.at - timedelta(minutes=5))
    writer = Session(session.store, session.actor, clock)
    ids = []
    for text in ("First point", "Second point"):
        ids.append(writer.entries.add_entry(REF, record.agenda[3].id, text).id)
    clock.now = out.at + timedelta(minutes=2)
    for entry_id in ids:
        writer.entries.save_text(entry_id, "Changed while he was out")
    return dad.id, ids


def _press(qtbot: QtBot, button: QtWidgets.QPushButton) -> None:
    """Reach ``button`` by Tab from the one before it, then press Space."""
    assert button.isVisible() and button.isEnabled(), button.text()
    assert button.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus
    button.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Key.Key_Space)


def test_the_chair_decides_each_entry_by_keyboard_then_may_approve(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    dad, (first, second) = _straddle(session)
    window = MinutesWindow(session, REF, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        box = window.rulings
        assert box.isVisible() and len(box.buttons) == 2
        assert not window.approve_button.isEnabled()
        assert "Decide whether Dean Harland's copy includes" in window.problems.text()
        include, leave = box.buttons[0]
        assert include.text() == "Include in Dean Harland's copy"
        assert leave.text() == "Leave out of Dean Harland's copy"
        for button in (include, leave):
            assert button.accessibleName().endswith("(ruling 1)")
            assert button.accessibleDescription().startswith("Decide whether")
        # Tab goes from the first choice to the second.
        include.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(include.hasFocus)
        qtbot.keyClick(include, Key.Key_Tab)
        qtbot.waitUntil(leave.hasFocus)

        _press(qtbot, leave)  # the first entry stays out of his copy
        assert "left out of Dean Harland's family copies" in window.message.text()
        assert len(box.buttons) == 1 and box.buttons[0][0].hasFocus()
        assert not window.approve_button.isEnabled()

        _press(qtbot, box.buttons[0][0])  # the second goes into it
        assert "included in Dean Harland's family copies" in window.message.text()
        assert not box.isVisible() and box.buttons == []
        assert window.approve_button.isEnabled() and window.approve_button.hasFocus()
        assert not window.problems_box.isVisible()

        entries = {e.id: e for e in session.entries.entries(REF)}
        assert (entries[first].kept_from, entries[first].shown_to) == ((dad,), ())
        assert (entries[second].shown_to, entries[second].kept_from) == ((dad,), ())
        fathers = session.minutes.preview(REF, MinutesCopy(CopyKind.FAMILY, dad))
        gone = {r.entry_id for r in fathers.redactions}
        assert first in gone and second not in gone
    finally:
        window.close()


def test_only_the_chair_is_offered_the_rulings(
    qtbot: QtBot, session: Session, preferences: Preferences
) -> None:
    _straddle(session)
    window = MinutesWindow(session, REF, preferences)
    qtbot.addWidget(window)
    window.is_chair = False
    window.refresh()
    assert window.rulings.buttons == []
    window.close()
