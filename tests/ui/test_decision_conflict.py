"""A child's decision recorded elsewhere while the wizard was open (issue 17, point 2).

A real wizard, walked by keys to its summary; meanwhile another chair (a second session
on the same store, its own services) records a decision for the same child. Finishing is
refused, nothing is written over theirs, and the choice shows both: keep theirs (the
wizard closes, saving nothing) or keep mine (saved over the decision shown).
"""

from __future__ import annotations

import dataclasses

from PySide6 import QtCore, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain.enums import View
from cpc_desktop.services.session import Session
from cpc_desktop.ui.decision.edited_elsewhere import DecisionConflictDialog, describe
from cpc_desktop.ui.decision.wizard import DecisionWizard
from tests.ui.test_decision_wizard import (
    Key,
    _alt,
    _at,
    _confirm,
    _next,
    _open,
    _outcome,
    _review_with_plan,
    _threshold,
    _views,
)

MINE_WHY = "All actions evidenced as complete"
THEIRS_WHY = "Decided in the other room"


def _at_summary(qtbot: QtBot, session: Session) -> tuple[str, DecisionWizard]:
    ref = _review_with_plan(session)
    wizard = _open(qtbot, session, ref)
    _next(qtbot, wizard)
    people = ("Ruth Adeyemi", "DC Dan Hart", "Hana Patel")
    _views(
        qtbot,
        wizard,
        0,
        {n: (View.CHILD_IN_NEED, "Progress sustained") for n in people},
        parents="Relieved",
        child_view="Wants the visits to stop",
    )
    _next(qtbot, wizard)
    _threshold(qtbot, wizard, 0, False, "No longer at continuing risk")
    _next(qtbot, wizard)
    _outcome(qtbot, wizard, 0, Key.Key_E, MINE_WHY)
    _confirm(qtbot, wizard)
    _next(qtbot, wizard)
    _at(wizard, flow.StepKind.SUMMARY)
    return ref, wizard


def _decided_elsewhere(session: Session, ref: str, wizard: DecisionWizard) -> None:
    other = Session(session.store, session.actor, session.clock)
    other.decisions.context(ref)
    (answer,) = wizard.answers.children
    theirs = dataclasses.replace(
        wizard.answers,
        children=(
            dataclasses.replace(
                answer,
                reason=THEIRS_WHY,
                views=tuple(dataclasses.replace(v, id=v.id[:-4] + "beef") for v in answer.views),
            ),
        ),
    )
    other.decisions.finish(ref, theirs)


def _refused(qtbot: QtBot, wizard: DecisionWizard) -> DecisionConflictDialog:
    _alt(qtbot, wizard, Key.Key_F)
    qtbot.waitUntil(lambda: wizard.conflict is not None and wizard.conflict.isVisible())
    assert wizard.isVisible()
    dialog = wizard.conflict
    assert dialog is not None
    assert dialog.line.text().startswith("Someone else recorded the decision for Dee Lane")
    assert THEIRS_WHY in dialog.theirs.toPlainText()
    assert MINE_WHY in dialog.mine.toPlainText()
    return dialog


def test_keep_theirs_closes_the_wizard_and_saves_nothing(qtbot: QtBot, session: Session) -> None:
    ref, wizard = _at_summary(qtbot, session)
    _decided_elsewhere(session, ref, wizard)
    dialog = _refused(qtbot, wizard)
    assert [d.reason for d in session.conferences.get(ref).decisions] == [THEIRS_WHY]
    qtbot.mouseClick(dialog.keep_theirs, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    # Accepted, so the workspace reloads and shows the decision that stands: theirs.
    assert wizard.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert [d.reason for d in wizard.decisions] == [THEIRS_WHY]
    assert [d.reason for d in session.conferences.get(ref).decisions] == [THEIRS_WHY]


def test_keep_mine_saves_over_the_decision_shown(qtbot: QtBot, session: Session) -> None:
    ref, wizard = _at_summary(qtbot, session)
    _decided_elsewhere(session, ref, wizard)
    dialog = _refused(qtbot, wizard)
    qtbot.mouseClick(dialog.keep_mine, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert [d.reason for d in session.conferences.get(ref).decisions] == [MINE_WHY]


def test_back_to_the_wizard_chooses_nothing(qtbot: QtBot, session: Session) -> None:
    ref, wizard = _at_summary(qtbot, session)
    _decided_elsewhere(session, ref, wizard)
    dialog = _refused(qtbot, wizard)
    qtbot.mouseClick(dialog.back, QtCore.Qt.MouseButton.LeftButton)
    assert wizard.isVisible() and wizard.conflict is None
    assert [d.reason for d in session.conferences.get(ref).decisions] == [THEIRS_WHY]


def test_a_quorum_reason_given_elsewhere_is_shown_beside_mine(
    qtbot: QtBot, session: Session
) -> None:
    """Only the reason for going ahead moved: the choice shows the two reasons."""
    _ref, wizard = _at_summary(qtbot, session)
    theirs, mine = describe(
        wizard.ctx.children,
        (),
        wizard.answers,
        wizard.ctx.terms,
        reasons=("The family had travelled.", " "),
    )
    assert theirs == "Reason for going ahead without a quorum: The family had travelled."
    assert mine == "Reason for going ahead without a quorum: (none given)"
