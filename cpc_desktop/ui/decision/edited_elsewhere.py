"""Someone else recorded a child's decision while this wizard was open (issue 17).

Finishing is refused by the service (nothing is written over theirs); the wizard shows
both, side by side, and the chair chooses: **Keep theirs** (this wizard closes and saves
nothing; the workspace then shows theirs) or **Keep mine** (the wizard's answers are
saved over the decisions shown, and only those: if they change once more, the choice
comes again). **Back to the wizard** chooses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain import labels, reporter
from cpc_desktop.domain.conference import Child, Decision
from cpc_desktop.domain.enums import Outcome
from cpc_desktop.domain.terms import Terms

THEIRS, MINE = "theirs", "mine"


def _summary(
    outcome: Outcome | None, reason: str, terms: Terms, refer: bool | None = None, why: str = ""
) -> str:
    label = "no outcome" if outcome is None else terms.outcome(outcome)
    said = f"{label}: {reason.strip() or '(no reason given)'}"
    if refer is not None:  # Scotland: the Children's Reporter, which may be all that differs
        what = "refer" if refer else "do not refer"
        said += f"\n{reporter.REPORTER}: {what}: {why.strip() or '(no reason given)'}"
    return said


def describe(
    children: Sequence[Child],
    theirs: Sequence[Decision],
    answers: flow.FlowAnswers,
    terms: Terms,
    *,
    reasons: tuple[str, str] | None = None,
) -> tuple[str, str]:
    """Theirs and mine, one paragraph per child whose decision changed meanwhile, and
    ``reasons`` (theirs, mine) for going ahead without a quorum if that was given too."""
    names = {child.id: labels.child_name(child, blank="Unborn baby") for child in children}
    changed = {dec.child_id for dec in theirs}
    theirs_text = "\n\n".join(
        f"{names.get(dec.child_id, 'A child')}: "
        + _summary(
            dec.outcome, dec.reason, terms, dec.reporter_referral, dec.reporter_referral_reason
        )
        for dec in theirs
    )
    mine_text = "\n\n".join(
        f"{names.get(answer.child_id, 'A child')}: "
        + _summary(
            answer.outcome,
            answer.reason,
            terms,
            answer.reporter_referral,
            answer.reporter_referral_reason,
        )
        for answer in answers.children
        if answer.child_id in changed or not changed
    )
    if reasons is not None:
        theirs_reason, my_reason = (
            f"Reason for going ahead without a quorum: {text.strip() or '(none given)'}"
            for text in reasons
        )
        if not theirs:
            return theirs_reason, my_reason
        theirs_text, mine_text = f"{theirs_text}\n\n{theirs_reason}", f"{mine_text}\n\n{my_reason}"
    return theirs_text or "(their decision was removed)", mine_text


class DecisionConflictDialog(QtWidgets.QDialog):
    """Theirs or mine; ``choice`` is set when a button is pressed (None: back)."""

    def __init__(self, parent: QtWidgets.QWidget, message: str, theirs: str, mine: str) -> None:
        super().__init__(parent)
        self.setObjectName("decisionEditedElsewhere")
        self.setWindowTitle("Decided elsewhere meanwhile")
        self.choice: str | None = None
        self.line = QtWidgets.QLabel(message[:1].upper() + message[1:] + ".")
        self.line.setWordWrap(True)
        self.line.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.theirs = QtWidgets.QPlainTextEdit(theirs)
        self.theirs.setAccessibleName("Their decision")
        self.mine = QtWidgets.QPlainTextEdit(mine)
        self.mine.setAccessibleName("Your decision")
        for box in (self.theirs, self.mine):
            box.setReadOnly(True)
        grid = QtWidgets.QGridLayout()
        grid.addWidget(QtWidgets.QLabel("Theirs, as recorded:"), 0, 0)
        grid.addWidget(QtWidgets.QLabel("Yours, not saved:"), 0, 1)
        grid.addWidget(self.theirs, 1, 0)
        grid.addWidget(self.mine, 1, 1)
        buttons = QtWidgets.QDialogButtonBox()
        role = QtWidgets.QDialogButtonBox.ButtonRole
        self.keep_theirs = buttons.addButton("Keep &theirs", role.AcceptRole)
        self.keep_mine = buttons.addButton("Keep &mine", role.AcceptRole)
        self.back = buttons.addButton("&Back to the wizard", role.RejectRole)
        self.keep_theirs.clicked.connect(lambda: self._choose(THEIRS))
        self.keep_mine.clicked.connect(lambda: self._choose(MINE))
        self.back.clicked.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.line)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
