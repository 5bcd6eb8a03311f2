"""The base of every decision wizard page: load, collect, validate.

A page never decides where the wizard goes next and never judges an answer itself:
it writes what the chair chose into the wizard's :class:`FlowAnswers` as they type
(so the wizard's ``nextId()`` always asks the state machine about current answers)
and asks :func:`step_problems` whether the step may be left. Errors are listed in the
page's message line and keep the page; warnings are listed as well but never block.
"""

from __future__ import annotations

import dataclasses
from html import escape
from typing import Any, Protocol

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain.validation import Problem, Severity
from cpc_desktop.ui.decision.widgets import child_name, problem_line


class Host(Protocol):
    """What a page needs from the wizard that holds the answers."""

    answers: flow.FlowAnswers
    ctx: flow.FlowContext
    dissent_hours: int | None

    def set_quorum(self, answer: flow.QuorumAnswer) -> None: ...

    def set_child(self, index: int, answer: flow.ChildAnswer) -> None: ...

    def change_child(self, index: int) -> None: ...


class StepPage(QtWidgets.QWizardPage):
    """One step for one child (or for the whole conference): load, collect, validate."""

    def __init__(self, host: Host, step: flow.Step, title: str) -> None:
        super().__init__()
        self.host = host
        self.step = step
        self._loading = False
        self._tried = False
        if step.child is not None:
            count = len(host.ctx.children)
            title = f"{title}: {child_name(host.ctx, step.child)}"
            self.setSubTitle(f"Child {step.child + 1} of {count}." if count > 1 else " ")
        self.setTitle(title)
        self.body = QtWidgets.QWidget()
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        scroll.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        #: The problems shown, one plain line each (errors "• …", warnings "⚠ …").
        self.problem_lines: list[str] = []
        self.messages = QtWidgets.QLabel()
        self.messages.setObjectName("stepMessages")
        self.messages.setWordWrap(True)
        self.messages.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.messages.setAccessibleName("Problems on this page")
        self.messages.hide()
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        self.confirm: QtWidgets.QCheckBox | None = None
        self.build(QtWidgets.QVBoxLayout(self.body))
        # After the page's own fields, so that it comes last in the tab order.
        if step.child is not None:
            name = child_name(host.ctx, step.child)
            self.confirm = QtWidgets.QCheckBox(f"&I confirm the decision for {name}")
            self.confirm.setAccessibleName(f"Confirm the decision for {name}")
            self.confirm.setToolTip("Each child's decision is confirmed on its own.")
            self.confirm.setStyleSheet("font-weight: bold;")
            self.confirm.toggled.connect(self._confirmed)
            outer.addWidget(self.confirm)
        outer.addWidget(self.messages)

    # --- for subclasses ---------------------------------------------------------------

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        raise NotImplementedError

    def load(self) -> None:
        """Show the current answers in the widgets."""

    def collect(self) -> None:
        """Write the widgets into the host's answers."""

    # --- shared --------------------------------------------------------------------------

    @property
    def child_answer(self) -> flow.ChildAnswer:
        assert self.step.child is not None
        return self.host.answers.children[self.step.child]

    def put(self, **changes: Any) -> None:
        assert self.step.child is not None
        self.host.set_child(self.step.child, dataclasses.replace(self.child_answer, **changes))

    def is_last_for_child(self) -> bool:
        """Whether this is the child's last page (where the decision is confirmed)."""
        steps = [
            s for s in flow.path(self.host.answers, self.host.ctx) if s.child == self.step.child
        ]
        return bool(steps) and steps[-1] == self.step

    def _sync_confirm(self) -> None:
        if self.confirm is None:
            return
        self.confirm.blockSignals(True)
        self.confirm.setChecked(self.child_answer.confirmed)
        self.confirm.blockSignals(False)
        self.confirm.setVisible(self.is_last_for_child())

    def _confirmed(self, checked: bool) -> None:
        if not self._loading:
            self.put(confirmed=checked)
            self.changed()

    def changed(self) -> None:
        """A widget changed: store the answers and refresh the problems shown."""
        if self._loading:
            return
        self.collect()
        self._sync_confirm()
        self.show_problems(self.problems(), errors=self._tried)
        self.completeChanged.emit()

    def problems(self) -> tuple[Problem, ...]:
        return tuple(flow.step_problems(self.step, self.host.answers, self.host.ctx))

    def show_problems(self, problems: tuple[Problem, ...], *, errors: bool) -> None:
        shown = [p for p in problems if errors or p.severity is Severity.WARNING]
        self.set_lines([(problem_line(p), p.severity is Severity.ERROR) for p in shown])

    def set_lines(self, lines: list[tuple[str, bool]]) -> None:
        """Show these lines (text, whether it blocks) under the page."""
        self.problem_lines = [text for text, _ in lines]
        self.messages.setText(
            "<br>".join(
                f'<span style="color:#a4000f; font-weight:bold">{escape(text)}</span>'
                if blocking
                else f'<span style="color:#7a4d00">{escape(text)}</span>'
                for text, blocking in lines
            )
        )
        self.messages.setAccessibleDescription("\n".join(self.problem_lines))
        self.messages.setVisible(bool(lines))

    def initializePage(self) -> None:
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False
        self.collect()  # the defaults shown are answers too
        self._sync_confirm()
        self._tried = False
        self.show_problems(self.problems(), errors=False)

    def cleanupPage(self) -> None:  # Back keeps what was typed
        pass

    def validatePage(self) -> bool:
        self.collect()
        self._tried = True
        problems = self.problems()
        self.show_problems(problems, errors=True)
        return not any(p.severity is Severity.ERROR for p in problems)
