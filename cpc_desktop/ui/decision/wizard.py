"""The decision wizard: a QWizard over the pure decision flow.

The wizard holds the :class:`FlowAnswers`; its pages write into them as the chair
types. Where to go next is never decided here: ``nextId()`` maps the current page to
its :class:`Step` and asks :func:`next_step`. Each step (a kind, and for the per-child
kinds the child's index) has one page, created the first time the flow reaches it and
reused when the chair comes back. Finishing hands the answers to
``session.decisions.finish``; a refusal is shown on the summary and nothing closes.

It opens with the answers kept when it was last closed unfinished for this conference,
at the page it was left on (walked to through the pages before it, so Back still goes
back through them), with the focus in that page's first field; or else with what the
meeting has minuted (:mod:`.drafts`, :mod:`cpc_desktop.domain.decision_start`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.services.decisions import QUORUM_STAMP, Stamps
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.ui.decision import drafts
from cpc_desktop.ui.decision.edited_elsewhere import MINE, DecisionConflictDialog, describe
from cpc_desktop.ui.decision.pages import PAGE_CLASSES, StepPage, SummaryPage
from cpc_desktop.ui.errors import user_message

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

#: Page ids: the kinds in flow order; a per-child step adds 100 per child.
_KIND_ORDER = tuple(flow.StepKind)
_CHILD_BASE = 100


def page_id(step: flow.Step) -> int:
    offset = _KIND_ORDER.index(step.kind) + 1
    return offset if step.child is None else _CHILD_BASE * (step.child + 1) + offset


class DecisionWizard(QtWidgets.QWizard):
    """Collects every child's decision and records them all at once."""

    def __init__(self, session: Session, ref: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ref = ref
        self.ctx: flow.FlowContext = session.decisions.context(ref)
        opened = drafts.opening(session, ref, self.ctx)
        self.answers: flow.FlowAnswers = opened.answers
        #: Whether the answers are those kept when the wizard was closed unfinished.
        self.resumed = opened.resumed
        #: Each professional's safety scale in words: their view's reason starts with it.
        self.scaled = opened.scaled
        #: The step to walk to once shown (where the kept draft was left).
        self._resume_at: flow.Step | None = opened.step if opened.resumed else None
        self.dissent_hours: int | None = self._dissent_hours()
        self.decisions: tuple[Any, ...] = ()
        self.conflict: DecisionConflictDialog | None = None  # decided elsewhere meanwhile
        self._steps: dict[int, flow.Step] = {}
        self.setObjectName("decisionWizard")
        self.setWindowTitle(
            f"Decisions: {ref}" + (" (carried on from before)" if self.resumed else "")
        )
        self.setAccessibleName("Decision wizard")
        self.setWizardStyle(QtWidgets.QWizard.WizardStyle.ClassicStyle)
        self.setOption(QtWidgets.QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QtWidgets.QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QtWidgets.QWizard.WizardButton.NextButton, "&Next >")
        self.setButtonText(QtWidgets.QWizard.WizardButton.BackButton, "< &Back")
        self.setButtonText(QtWidgets.QWizard.WizardButton.FinishButton, "&Finish")
        self.setButtonText(QtWidgets.QWizard.WizardButton.CancelButton, "Cancel")
        for which, name in (
            (QtWidgets.QWizard.WizardButton.NextButton, "Next"),
            (QtWidgets.QWizard.WizardButton.BackButton, "Back"),
            (QtWidgets.QWizard.WizardButton.FinishButton, "Finish"),
            (QtWidgets.QWizard.WizardButton.CancelButton, "Cancel"),
        ):
            self.button(which).setAccessibleName(name)
        self.resize(900, 640)
        first = flow.path(self.answers, self.ctx)[0]
        self._ensure(first)
        self.setStartId(page_id(first))

    def _dissent_hours(self) -> int | None:
        try:
            profile = self.session.rules.profile(self.ctx.conference.profile)
            return int(profile.timescales.dissent_hours)
        except (AttributeError, KeyError, ValueError):
            return None

    # --- pages ------------------------------------------------------------------------------

    def _ensure(self, step: flow.Step) -> int:
        ident = page_id(step)
        if ident not in self._steps:
            page = PAGE_CLASSES[step.kind](self, step)
            self.setPage(ident, page)
            self._steps[ident] = step
        return ident

    def step_page(self, step: flow.Step) -> StepPage:
        page = self.page(self._ensure(step))
        assert isinstance(page, StepPage)
        return page

    def current_step(self) -> flow.Step | None:
        return self._steps.get(self.currentId())

    def nextId(self) -> int:
        current = self.current_step()
        if current is None:
            return -1
        following = flow.next_step(current, self.answers, self.ctx)
        return -1 if following is None else self._ensure(following)

    # --- reopening where it was left ------------------------------------------------------

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        if visible and self._resume_at is not None:
            target, self._resume_at = self._resume_at, None
            self._walk_to(target)

    def _walk_to(self, target: flow.Step) -> None:
        """Go forward page by page to ``target``; stop early at a page that will not let
        the chair on (its problems shown) or if ``target`` is no longer on the way."""
        if target not in flow.path(self.answers, self.ctx):
            return
        while self.current_step() != target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break
        first = first_field(self.currentPage())
        if isinstance(first, QtWidgets.QRadioButton) and first.group() is not None:
            first = first.group().checkedButton() or first  # a choice made: on it
        if first is not None:
            first.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    # --- answers (the pages call these) --------------------------------------------------

    def set_quorum(self, answer: flow.QuorumAnswer) -> None:
        self.answers = dataclasses.replace(self.answers, quorum=answer)

    def set_child(self, index: int, answer: flow.ChildAnswer) -> None:
        children = list(self.answers.children)
        children[index] = answer
        self.answers = dataclasses.replace(self.answers, children=tuple(children))

    def change_child(self, index: int) -> None:
        """Go back to the first page of one child (the summary's Change button)."""
        steps = [s for s in flow.path(self.answers, self.ctx) if s.child == index]
        if not steps:
            return
        target = page_id(steps[0])
        if target not in self.visitedIds():
            return
        while self.currentId() != target and self.currentId() in self.visitedIds()[1:]:
            self.back()

    # --- finishing ------------------------------------------------------------------------

    def done(self, result: int) -> None:
        if result != QtWidgets.QDialog.DialogCode.Accepted:
            # Back to them, and to this page, next time.
            drafts.keep(self.session, self.ref, self.answers, self.current_step())
            super().done(result)
            return
        if not self.validateCurrentPage():
            return
        self._finish()

    def _finish(self, base: Stamps | None = None) -> None:
        finish = self.session.decisions.finish
        try:
            if base is None:
                self.decisions = tuple(finish(self.ref, self.answers))
            else:  # keeping mine over the decisions shown, knowingly
                self.decisions = tuple(finish(self.ref, self.answers, base=base))
        except EditedElsewhere as refusal:  # decided elsewhere meanwhile: a choice
            self._offer_choice(refusal)
            return
        except Exception as error:  # a refusal keeps the wizard open with its one line
            message = user_message(error)
            if message is None:
                raise
            page = self.currentPage()
            if isinstance(page, SummaryPage):
                page.show_error(message)
            return
        drafts.forget(self.session, self.ref)
        QtWidgets.QDialog.done(self, QtWidgets.QDialog.DialogCode.Accepted)

    def _offer_choice(self, refusal: EditedElsewhere) -> None:
        """Theirs or mine, side by side (see edited_elsewhere.py); runs beside the wizard."""
        stamps = refusal.version if isinstance(refusal.version, dict) else {}
        their_reason = stamps.get(QUORUM_STAMP)
        quorum = self.answers.quorum
        theirs, mine = describe(
            self.ctx.children,
            refusal.theirs,
            self.answers,
            self.ctx.terms,
            reasons=None
            if their_reason is None or quorum is None
            else (their_reason[0], quorum.reason),
        )
        self.conflict = DecisionConflictDialog(self, refusal.message, theirs, mine)
        page = self.currentPage()
        if isinstance(page, SummaryPage):
            page.show_error(refusal.message)

        def chosen(_result: int) -> None:
            dialog, self.conflict = self.conflict, None
            if dialog is None or dialog.choice is None:
                return
            if dialog.choice == MINE:
                self._finish(base=refusal.version)
            elif not refusal.theirs and their_reason is not None and quorum is not None:
                # Only the quorum reason was given elsewhere: my decisions, their reason.
                kept = dataclasses.replace(
                    quorum, reason=their_reason[0], reason_shared=bool(their_reason[1])
                )
                self.answers = dataclasses.replace(self.answers, quorum=kept)
                self._finish(base=refusal.version)
            else:  # theirs stands: nothing saved here; the workspace shows theirs
                self.decisions = tuple(refusal.theirs)
                drafts.forget(self.session, self.ref)
                QtWidgets.QDialog.done(self, QtWidgets.QDialog.DialogCode.Accepted)

        self.conflict.finished.connect(chosen)
        self.conflict.open()


def first_field(page: QtWidgets.QWidget | None) -> QtWidgets.QWidget | None:
    """The first control of ``page`` that Tab reaches, or ``None``."""
    if page is None:
        return None
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        takes_tab = bool(widget.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus)
        if (
            takes_tab
            and page.isAncestorOf(widget)
            and widget.isVisibleTo(page)
            and widget.isEnabled()
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


def open_decision_wizard(parent: QtWidgets.QWidget | None, session: Session, ref: str) -> int:
    """Run the wizard modally for conference ``ref``; the dialog's result code."""
    wizard = DecisionWizard(session, ref, parent)
    wizard.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    return wizard.exec()
