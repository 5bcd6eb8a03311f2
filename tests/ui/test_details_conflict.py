"""The Details dialog when someone else changed the same detail meanwhile (issue 17).

Another chair (a second session on the same store) changes Grace Obi's agency while the
Details dialog is open; saving says so in the dialog and the tab, saves nothing, shows
theirs in the roll call, and keeps what was typed. Keep mine saves it over theirs,
knowingly; Keep theirs closes saving nothing. A different detail saved meanwhile is no
clash: both stand. A quorum reason given by the other chair while the reason box was
open is shown, not overwritten.
"""

from __future__ import annotations

from PySide6 import QtCore
from pytestqt.qtbot import QtBot

from cpc_desktop.services.session import Session
from cpc_desktop.ui.workspace.participant_model import Column
from cpc_desktop.ui.workspace.roll_call import RollCallTab
from cpc_desktop.ui.workspace.roll_call_dialogs import DetailsDialog
from tests.ui.conftest import Clock
from tests.ui.test_roll_call import PRE_BIRTH, _activate, _cell, _person, _select, _tab

Key = QtCore.Qt.Key
Left = QtCore.Qt.MouseButton.LeftButton


def _open_details(qtbot: QtBot, tab: RollCallTab, name: str) -> DetailsDialog:
    _select(qtbot, tab, name)
    qtbot.keyClick(tab.table, Key.Key_F2)
    dialog = tab.details_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    return dialog


def _type_agency(qtbot: QtBot, dialog: DetailsDialog, text: str) -> None:
    dialog.agency.setFocus()
    dialog.agency.selectAll()
    qtbot.keyClicks(dialog.agency, text)
    dialog.agency.completer().popup().hide()


def test_a_clash_keeps_the_typed_details_and_keep_mine_saves_them(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    tab = _tab(qtbot, live)
    grace = _person(live, "Grace Obi")
    dialog = _open_details(qtbot, tab, "Grace Obi")
    _type_agency(qtbot, dialog, "Health Visiting North")
    other = Session(live.store, live.actor, clock)
    other.roll_call.update_participant(grace.id, agency="PSNI", expected={"agency": grace.agency})
    assert not dialog.keep_mine.isVisible()

    qtbot.mouseClick(dialog.ok, Left)
    assert tab.details_dialog is dialog and dialog.isVisible()  # nothing lost
    said = (
        "Someone else changed Grace Obi's agency to “PSNI” while you were editing; "
        "nothing was saved. The roll call now shows their change."
    )
    assert dialog.error.text().startswith(said)
    assert tab.status.text() == said
    assert _person(live, "Grace Obi").agency == "PSNI"
    assert _cell(tab, "Grace Obi", Column.AGENCY) == "PSNI"  # theirs is shown
    assert dialog.agency.text() == "Health Visiting North"  # mine is kept
    assert dialog.keep_mine.isVisible() and dialog.keep_theirs.isVisible()
    assert not dialog.ok.isVisible()

    qtbot.mouseClick(dialog.keep_mine, Left)
    qtbot.waitUntil(lambda: tab.details_dialog is None)
    assert _person(live, "Grace Obi").agency == "Health Visiting North"
    assert tab.status.text() == "Saved the details of Grace Obi."
    # Undo puts back theirs, the version the choice was made over.
    tab.test_stack.undo()  # type: ignore[attr-defined]
    assert _person(live, "Grace Obi").agency == "PSNI"


def test_keep_theirs_closes_saving_nothing(qtbot: QtBot, live: Session, clock: Clock) -> None:
    tab = _tab(qtbot, live)
    grace = _person(live, "Grace Obi")
    dialog = _open_details(qtbot, tab, "Grace Obi")
    _type_agency(qtbot, dialog, "Health Visiting North")
    other = Session(live.store, live.actor, clock)
    other.roll_call.update_participant(grace.id, agency="PSNI", expected={"agency": grace.agency})
    qtbot.keyClick(dialog.agency, Key.Key_Return)
    assert dialog.keep_theirs.isVisible()
    qtbot.mouseClick(dialog.keep_theirs, Left)
    qtbot.waitUntil(lambda: tab.details_dialog is None)
    assert _person(live, "Grace Obi").agency == "PSNI"
    assert not tab.test_stack.canUndo()  # type: ignore[attr-defined]


def test_a_different_detail_saved_meanwhile_is_no_clash(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    tab = _tab(qtbot, live)
    grace = _person(live, "Grace Obi")
    dialog = _open_details(qtbot, tab, "Grace Obi")
    _type_agency(qtbot, dialog, "Health Visiting North")
    other = Session(live.store, live.actor, clock)
    other.roll_call.update_participant(
        grace.id, relationship="Health visitor", expected={"relationship": grace.relationship}
    )
    qtbot.keyClick(dialog.agency, Key.Key_Return)
    qtbot.waitUntil(lambda: tab.details_dialog is None)
    after = _person(live, "Grace Obi")
    assert (after.agency, after.relationship) == ("Health Visiting North", "Health visitor")


def test_a_quorum_reason_given_meanwhile_is_shown_not_overwritten(
    qtbot: QtBot, live: Session, clock: Clock
) -> None:
    tab = _tab(qtbot, live)
    assert tab.quorum.proceed.isVisible()
    tab.quorum.proceed.setFocus()
    qtbot.keyClick(tab.quorum.proceed, Key.Key_Space)
    dialog = tab.quorum.reason_dialog
    assert dialog is not None
    _activate(qtbot, dialog)
    qtbot.keyClicks(dialog.reason, "Mine: the plan cannot wait.")
    other = Session(live.store, live.actor, clock)
    other.roll_call.set_quorum_reason(
        PRE_BIRTH, "Theirs: the family travelled.", expected={"quorum_reason": None}
    )
    qtbot.keyClick(dialog.ok, Key.Key_Space)
    assert tab.status.text() == (
        "Someone else changed the reason for going ahead without a quorum to “Theirs: the "
        "family travelled.” while you were editing; nothing was saved. The roll call now "
        "shows their change; make yours again to replace it."
    )
    assert live.conferences.get(PRE_BIRTH).conference.quorum_reason == (
        "Theirs: the family travelled."
    )
    assert "Theirs: the family travelled." in tab.quorum.proceeding.text()
    assert not tab.test_stack.canUndo()  # type: ignore[attr-defined]
