"""The decision wizard's pages: one class per step kind, collecting answers only.

A page never decides where the wizard goes next and never judges an answer itself:
it writes what the chair chose into the wizard's :class:`FlowAnswers` as they type
(so the wizard's ``nextId()`` always asks the state machine about current answers)
and asks :func:`step_problems` whether the step may be left. Errors are listed in the
page's message line and keep the page; warnings are listed as well but never block.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable
from html import escape
from typing import Any, Protocol

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain import labels
from cpc_desktop.domain.conference import AgencyView, Dissent, Participant, PlanAction
from cpc_desktop.domain.dates import weekday_date
from cpc_desktop.domain.enums import (
    AdministrativeEnding,
    ConferenceType,
    Outcome,
    ParticipantRole,
    View,
)
from cpc_desktop.domain.validation import Problem, Severity

VIEW_LABELS: dict[View, str] = {
    View.PLAN: "Child protection plan",
    View.CHILD_IN_NEED: "Child in need plan",
    View.NO_FURTHER_ACTION: "No further action",
    View.UNSURE: "Unsure",
}

OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.CP_PLAN: "A &child protection plan",
    Outcome.CIN_PLAN: "No protection plan: a child in need &plan",
    Outcome.NO_FURTHER_ACTION: "No further &action",
    Outcome.ADJOURN: "&Adjourn: not enough information to decide",
    Outcome.END_PLAN: "&End the plan: no longer at continuing risk of significant harm",
    Outcome.ADMINISTRATIVE_END: "End the plan for an administrative &reason",
}

ENDING_LABELS: dict[AdministrativeEnding, str] = {
    AdministrativeEnding.TURNED_18: "Turned 18",
    AdministrativeEnding.MOVED_AUTHORITY: "Moved to another local authority (transfer confirmed)",
    AdministrativeEnding.DIED: "Died",
    AdministrativeEnding.LEFT_UK: "Left the UK permanently",
}

DATE_FORMAT = "dd/MM/yyyy"

SOCIAL_WORKER = ParticipantRole.SOCIAL_WORKER
#: People who run or watch the conference rather than work with the family.
NOT_CORE_GROUP = frozenset(
    {ParticipantRole.CHAIR, ParticipantRole.MINUTE_TAKER, ParticipantRole.OBSERVER}
)


class Host(Protocol):
    """What a page needs from the wizard that holds the answers."""

    answers: flow.FlowAnswers
    ctx: flow.FlowContext
    dissent_hours: int | None

    def set_quorum(self, answer: flow.QuorumAnswer) -> None: ...

    def set_child(self, index: int, answer: flow.ChildAnswer) -> None: ...

    def change_child(self, index: int) -> None: ...


def child_name(ctx: flow.FlowContext, index: int) -> str:
    return labels.child_name(ctx.children[index], blank="Unborn baby")


def person_label(person: Participant) -> str:
    return f"{person.name} ({person.agency})" if person.agency else person.name


def shown_date(value: dt.date | None) -> str:
    """ "Mon 7 Dec 2026" (:func:`weekday_date`), or "no date" when none is chosen."""
    return weekday_date(value) or "no date"


def _qdate(value: dt.date) -> QtCore.QDate:
    return QtCore.QDate(value.year, value.month, value.day)


def _pydate(value: QtCore.QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(name: str) -> QtWidgets.QDateEdit:
    edit = QtWidgets.QDateEdit()
    edit.setMaximumWidth(160)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    return edit


def line_edit(name: str, placeholder: str = "") -> QtWidgets.QLineEdit:
    edit = QtWidgets.QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def text_edit(name: str, placeholder: str = "", lines: int = 3) -> QtWidgets.QPlainTextEdit:
    edit = QtWidgets.QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setFixedHeight(height)
    return edit


def buddy(text: str, widget: QtWidgets.QWidget) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text)
    label.setBuddy(widget)
    return label


def recap(answer: flow.ChildAnswer) -> str:
    """The professionals' views counted, and the threshold answer: the chair's reminder."""
    counts = {view: 0 for view in View}
    for view in answer.views:
        counts[view.view] += 1
    views = "; ".join(f"{VIEW_LABELS[v].lower()}: {n}" for v, n in counts.items() if n)
    threshold = {True: "met", False: "not met", None: "not answered"}[answer.threshold_met]
    return f"Professionals' views ({views or 'none recorded'}). Threshold {threshold}."


def problem_line(problem: Problem) -> str:
    """One problem as a line: errors with a bullet, warnings with a warning sign."""
    mark = "•" if problem.severity is Severity.ERROR else "⚠"
    return f"{mark} {problem.message}"


def new_id() -> str:
    return str(uuid.uuid4())


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


# --- the whole conference ------------------------------------------------------------------


class QuorumPage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, "Quorum")
        self.setSubTitle("Before the decisions: is the conference quorate?")

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        quorum = self.host.ctx.quorum
        self.state = QtWidgets.QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.state.setAccessibleName("Quorum")
        if quorum.quorate:
            groups = ", ".join(quorum.other_groups)
            text = (
                "Quorate: children's social care is present, with these other agencies "
                f"that have direct contact with the family: {groups}."
            )
        else:
            text = f"Not quorate. {quorum.missing}"
        self.state.setText(text)
        self.state.setStyleSheet("" if quorum.quorate else "font-weight: bold;")
        self.proceed = QtWidgets.QRadioButton("&Proceed to the decisions")
        self.proceed.setAccessibleName("Proceed to the decisions")
        self.adjourn = QtWidgets.QRadioButton("A&djourn and reconvene on another date")
        self.adjourn.setAccessibleName("Adjourn and reconvene")
        self.reason = text_edit(
            "Reason for proceeding",
            "Why the conference goes ahead without a quorum (for example, the risk "
            "to the child of waiting)",
        )
        self.reason_label = buddy("&Reason for proceeding without a quorum:", self.reason)
        layout.addWidget(self.state)
        layout.addSpacing(8)
        layout.addWidget(self.proceed)
        layout.addWidget(self.adjourn)
        layout.addSpacing(8)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addStretch(1)
        for radio in (self.proceed, self.adjourn):
            radio.toggled.connect(self.changed)
        self.reason.textChanged.connect(self.changed)

    def _reason_shown(self) -> bool:
        return not self.host.ctx.quorum.quorate and self.proceed.isChecked()

    def load(self) -> None:
        answer = self.host.answers.quorum
        if answer is not None:
            (self.adjourn if answer.adjourn else self.proceed).setChecked(True)
        elif self.host.ctx.quorum.quorate:
            self.proceed.setChecked(True)
        self.reason.setPlainText(answer.reason if answer else "")
        self._sync()

    def _sync(self) -> None:
        self.reason.setVisible(self._reason_shown())
        self.reason_label.setVisible(self._reason_shown())

    def collect(self) -> None:
        self._sync()
        old = self.host.answers.quorum or flow.QuorumAnswer()
        self.host.set_quorum(
            dataclasses.replace(
                old,
                proceed=self.proceed.isChecked(),
                adjourn=self.adjourn.isChecked(),
                reason=self.reason.toPlainText().strip(),
            )
        )


class AdjournPage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, "Adjourn the conference")
        self.setSubTitle("No decision is made today; the conference meets again.")

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        missing = self.host.ctx.quorum.missing
        intro = QtWidgets.QLabel(
            f"The conference is adjourned because it is not quorate. {missing} "
            "A new conference, with the same children, is set up for the date below."
        )
        intro.setWordWrap(True)
        self.date = date_edit("Reconvene date")
        self.latest = QtWidgets.QLabel()
        form = QtWidgets.QFormLayout()
        form.addRow(buddy("Re&convene on:", self.date), self.date)
        form.addRow("", self.latest)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        self.date.dateChanged.connect(self.changed)

    def load(self) -> None:
        answer = self.host.answers.quorum or flow.QuorumAnswer(adjourn=True, proceed=False)
        latest = flow.reconvene_by(self.host.ctx)
        self.date.setDateRange(
            _qdate(self.host.ctx.conference.date + dt.timedelta(days=1)), _qdate(latest)
        )
        self.date.setDate(_qdate(answer.reconvene_date or latest))
        self.latest.setText(f"The rules allow up to {shown_date(latest)}.")

    def collect(self) -> None:
        old = self.host.answers.quorum or flow.QuorumAnswer(adjourn=True, proceed=False)
        self.host.set_quorum(
            dataclasses.replace(
                old,
                reconvene_date=_pydate(self.date.date()),
            )
        )


# --- each child ---------------------------------------------------------------------------


class ViewsPage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, "Views")

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        index = self.step.child
        assert index is not None
        intro = QtWidgets.QLabel(
            "Each professional's view is a record, not a vote: the decision is yours."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.same: QtWidgets.QPushButton | None = None
        self.copied = QtWidgets.QLabel()
        self.copied.setWordWrap(True)
        self.copied.hide()
        if index > 0:
            previous = child_name(self.host.ctx, index - 1)
            self.same = QtWidgets.QPushButton(f"&Same as {previous}")
            self.same.setAccessibleName(f"Same decision as {previous}")
            self.same.setToolTip(
                f"Copy every answer for {previous} to this child. You still check each "
                "page and confirm this child on the summary."
            )
            self.same.clicked.connect(self.copy_previous)
            row = QtWidgets.QHBoxLayout()
            row.addWidget(self.same)
            row.addWidget(self.copied, 1)
            layout.addLayout(row)
        grid = QtWidgets.QGridLayout()
        for column, heading in enumerate(("Professional", "View", "Reason")):
            label = QtWidgets.QLabel(f"<b>{heading}</b>")
            grid.addWidget(label, 0, column)
        self.rows: list[tuple[Participant, QtWidgets.QComboBox, QtWidgets.QLineEdit]] = []
        for line, person in enumerate(self.host.ctx.professionals, start=1):
            combo = QtWidgets.QComboBox()
            combo.setAccessibleName(f"View of {person.name}")
            combo.addItem("Not given", None)
            for view, text in VIEW_LABELS.items():
                combo.addItem(text, view.value)
            reason = line_edit(f"Reason for {person.name}'s view", "Why")
            grid.addWidget(QtWidgets.QLabel(person_label(person)), line, 0)
            grid.addWidget(combo, line, 1)
            grid.addWidget(reason, line, 2)
            combo.currentIndexChanged.connect(self.changed)
            reason.textChanged.connect(self.changed)
            self.rows.append((person, combo, reason))
        if not self.rows:
            grid.addWidget(QtWidgets.QLabel("No professionals are recorded as present."), 1, 0)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        self.parents = text_edit("Parents' view", "In the parents' own words where possible", 2)
        self.child_view = text_edit(
            "Child's view", "Directly, in writing, or through an advocate", 2
        )
        form = QtWidgets.QFormLayout()
        form.addRow(buddy("&Parents' view:", self.parents), self.parents)
        form.addRow(buddy("C&hild's view:", self.child_view), self.child_view)
        layout.addLayout(form)
        layout.addStretch(1)
        self.parents.textChanged.connect(self.changed)
        self.child_view.textChanged.connect(self.changed)

    def copy_previous(self) -> None:
        index = self.step.child
        assert index is not None
        self.host.set_child(index, flow.same_as_previous(index, self.host.answers))
        self.initializePage()
        name = child_name(self.host.ctx, index)
        self.copied.setText(
            f"Copied. Check each page; {name}'s decision still needs its own confirmation."
        )
        self.copied.show()
        self.completeChanged.emit()

    def load(self) -> None:
        answer = self.child_answer
        views = {v.participant_id: v for v in answer.views}
        for person, combo, reason in self.rows:
            view = views.get(person.id)
            combo.setCurrentIndex(combo.findData(view.view.value) if view else 0)
            reason.setText(view.reason if view else "")
        self.parents.setPlainText(answer.parents_view)
        self.child_view.setPlainText(answer.child_view)

    def collect(self) -> None:
        old = {v.participant_id: v for v in self.child_answer.views}
        views = []
        for person, combo, reason in self.rows:
            value = combo.currentData()
            if value is None:
                continue
            previous = old.get(person.id)
            views.append(
                AgencyView(
                    id=previous.id if previous else new_id(),
                    participant_id=person.id,
                    view=View(value),
                    reason=reason.text().strip(),
                )
            )
        self.put(
            views=tuple(views),
            parents_view=self.parents.toPlainText().strip(),
            child_view=self.child_view.toPlainText().strip(),
        )


class ThresholdPage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, "The threshold")

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        question = QtWidgets.QLabel(
            "Has the child suffered significant harm, or is the child likely to suffer "
            "significant harm, from abuse or neglect?"
        )
        question.setWordWrap(True)
        self.yes = QtWidgets.QRadioButton("&Yes: the threshold is met")
        self.yes.setAccessibleName("Threshold met")
        self.no = QtWidgets.QRadioButton("N&o: the threshold is not met")
        self.no.setAccessibleName("Threshold not met")
        self.group = QtWidgets.QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        self.rationale = text_edit("Threshold rationale", "What the evidence shows", 5)
        layout.addWidget(question)
        layout.addWidget(self.yes)
        layout.addWidget(self.no)
        layout.addWidget(buddy("&Rationale:", self.rationale))
        layout.addWidget(self.rationale)
        layout.addStretch(1)
        self.yes.toggled.connect(self.changed)
        self.no.toggled.connect(self.changed)
        self.rationale.textChanged.connect(self.changed)

    def load(self) -> None:
        answer = self.child_answer
        self.group.setExclusive(False)
        self.yes.setChecked(answer.threshold_met is True)
        self.no.setChecked(answer.threshold_met is False)
        self.group.setExclusive(True)
        self.rationale.setPlainText(answer.threshold_rationale)

    def collect(self) -> None:
        met = True if self.yes.isChecked() else False if self.no.isChecked() else None
        self.put(threshold_met=met, threshold_rationale=self.rationale.toPlainText().strip())


class OutcomePage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, "The decision")

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        review = self.host.ctx.conference.type is ConferenceType.REVIEW
        outcomes = flow.outcome_options(self.host.ctx)
        self.recap = QtWidgets.QLabel()
        self.recap.setWordWrap(True)
        self.recap.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.recap.setAccessibleName("What has been said")
        layout.addWidget(self.recap)
        layout.addSpacing(6)
        self.group = QtWidgets.QButtonGroup(self)
        self.radios: dict[Outcome, QtWidgets.QRadioButton] = {}
        for outcome in outcomes:
            text = OUTCOME_LABELS[outcome]
            if review and outcome is Outcome.CP_PLAN:
                text = "&Continue the child protection plan"
            radio = QtWidgets.QRadioButton(text)
            radio.setAccessibleName(text.replace("&", ""))
            self.group.addButton(radio)
            self.radios[outcome] = radio
            layout.addWidget(radio)
            radio.toggled.connect(self.changed)
        self.ending = QtWidgets.QComboBox()
        self.ending.setAccessibleName("Administrative reason")
        self.ending.addItem("Choose the reason", None)
        for ending, text in ENDING_LABELS.items():
            self.ending.addItem(text, ending.value)
        self.ending_date = date_edit("Date of the administrative ending")
        self.ending_box = QtWidgets.QWidget()
        ending_form = QtWidgets.QFormLayout(self.ending_box)
        ending_form.setContentsMargins(24, 0, 0, 0)
        ending_form.addRow(buddy("Reason for endin&g:", self.ending), self.ending)
        ending_form.addRow(buddy("Da&te:", self.ending_date), self.ending_date)
        layout.addWidget(self.ending_box)
        self.reason = text_edit("Reason for the decision", "Based on risk", 5)
        layout.addWidget(buddy("Rea&son for the decision:", self.reason))
        layout.addWidget(self.reason)
        layout.addStretch(1)
        self.ending.currentIndexChanged.connect(self.changed)
        self.ending_date.dateChanged.connect(self.changed)
        self.reason.textChanged.connect(self.changed)

    def load(self) -> None:
        answer = self.child_answer
        self.recap.setText(recap(answer))
        self.group.setExclusive(False)
        for outcome, radio in self.radios.items():
            radio.setChecked(answer.outcome is outcome)
        self.group.setExclusive(True)
        self.ending.setCurrentIndex(
            self.ending.findData(answer.ending.value) if answer.ending else 0
        )
        self.ending_date.setDate(_qdate(answer.ending_date or self.host.ctx.today))
        self.reason.setPlainText(answer.reason)
        self._sync()

    def _chosen(self) -> Outcome | None:
        return next((o for o, r in self.radios.items() if r.isChecked()), None)

    def _sync(self) -> None:
        self.ending_box.setVisible(self._chosen() is Outcome.ADMINISTRATIVE_END)

    def collect(self) -> None:
        self._sync()
        outcome = self._chosen()
        administrative = outcome is Outcome.ADMINISTRATIVE_END
        value = self.ending.currentData()
        self.put(
            outcome=outcome,
            reason=self.reason.toPlainText().strip(),
            ending=AdministrativeEnding(value) if administrative and value else None,
            ending_date=_pydate(self.ending_date.date()) if administrative else None,
        )


class CategoriesPage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, "Categories")

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        intro = QtWidgets.QLabel(
            "Tick every category of harm that applies (Space ticks the one selected)."
        )
        intro.setWordWrap(True)
        self.list = QtWidgets.QListWidget()
        self.list.setAccessibleName("Categories")
        for key, label in self.host.ctx.allowed_categories:
            item = QtWidgets.QListWidgetItem(label)
            item.setData(QtCore.Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(QtCore.Qt.CheckState.Unchecked)
            self.list.addItem(item)
        rows = max(1, self.list.count())
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 8)
        self.list.setCurrentRow(0)
        self.primary = QtWidgets.QComboBox()
        self.primary.setAccessibleName("Primary category")
        required = " (required)" if self.host.ctx.primary_required else ""
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(buddy("&Categories:", self.list))
        layout.addWidget(self.list)
        layout.addWidget(buddy(f"&Primary category{required}:", self.primary))
        layout.addWidget(self.primary)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.list.itemChanged.connect(self._ticked)
        self.primary.currentIndexChanged.connect(self.changed)

    def _checked(self) -> list[str]:
        return [
            self.list.item(row).data(QtCore.Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == QtCore.Qt.CheckState.Checked
        ]

    def _fill_primary(self, chosen: str | None) -> None:
        labels = dict(self.host.ctx.allowed_categories)
        self.primary.blockSignals(True)
        self.primary.clear()
        self.primary.addItem("None marked primary", None)
        for key in self._checked():
            self.primary.addItem(labels.get(key, key), key)
        index = self.primary.findData(chosen) if chosen else 0
        self.primary.setCurrentIndex(max(index, 0))
        self.primary.blockSignals(False)
        several = len(self._checked()) > 1
        self.note.setText(
            "More than one category: the Children in Need census records this child "
            'under "Multiple" (the primary category is kept in the record).'
            if several
            else ""
        )
        self.note.setVisible(several)

    def _ticked(self, _item: QtWidgets.QListWidgetItem) -> None:
        self._fill_primary(self.primary.currentData())
        self.changed()

    def load(self) -> None:
        answer = self.child_answer
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            key = item.data(QtCore.Qt.ItemDataRole.UserRole)
            item.setCheckState(
                QtCore.Qt.CheckState.Checked
                if key in answer.categories
                else QtCore.Qt.CheckState.Unchecked
            )
        self.list.blockSignals(False)
        self._fill_primary(answer.primary_category)

    def collect(self) -> None:
        self.put(categories=tuple(self._checked()), primary_category=self.primary.currentData())


class ActionRow:
    """One outline-plan action: owner, what, by when, and a button to remove it."""

    def __init__(self, number: int) -> None:
        self.owner = line_edit(f"Action {number} owner", "Who")
        self.action = line_edit(f"Action {number}", "What will be done")
        self.due = date_edit(f"Action {number} due date")
        self.remove = QtWidgets.QPushButton("Remove")
        self.remove.setAccessibleName(f"Remove action {number}")
        self.id = new_id()

    def widgets(self) -> tuple[QtWidgets.QWidget, ...]:
        return (self.owner, self.action, self.due, self.remove)


class PlanPage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, "The child protection plan")

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        ctx = self.host.ctx
        self.lead = QtWidgets.QComboBox()
        self.lead.setAccessibleName("Lead social worker")
        self.lead.addItem("Choose the lead social worker", None)
        # Social workers first: the lead is normally one of them.
        for person in sorted(ctx.participants, key=lambda p: p.role is not SOCIAL_WORKER):
            self.lead.addItem(person_label(person), person.id)
        self.contact = line_edit("Lead social worker's contact", "Telephone or email")
        self.core = QtWidgets.QListWidget()
        self.core.setAccessibleName("Core group members")
        for person in ctx.participants:
            if person.role in NOT_CORE_GROUP:
                continue
            item = QtWidgets.QListWidgetItem(person_label(person))
            item.setData(QtCore.Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(QtCore.Qt.CheckState.Unchecked)
            self.core.addItem(item)
        self.core.setCurrentRow(0)
        self.core.setMinimumHeight(120)
        self.first_default, self.review_default = flow.default_dates(ctx)
        assert self.step.child is not None
        #: A plan starting now has a first core group; a continuing plan already had one.
        self.new_plan = flow.start(ctx).children[self.step.child].first_core_group_date is not None
        self.first = date_edit("First core group date")
        self.first_reason = line_edit("Reason the first core group is later", "Why later")
        self.review = date_edit("Review conference date")
        self.review_reason = line_edit("Reason the review is later", "Why later")
        self.contingency = text_edit(
            "Contingency plan", "What happens if the plan is not followed or things change", 3
        )

        left = QtWidgets.QFormLayout()
        left.addRow(buddy("&Lead social worker:", self.lead), self.lead)
        left.addRow(buddy("Con&tact:", self.contact), self.contact)
        left.addRow(buddy("Core &group:", self.core), self.core)
        right = QtWidgets.QFormLayout()
        self.first_label = QtWidgets.QLabel(f"(usual: {shown_date(self.first_default)})")
        self.review_label = QtWidgets.QLabel(f"(usual: {shown_date(self.review_default)})")
        self.first_title = buddy("Fi&rst core group:", self.first)
        right.addRow(self.first_title, self.first)
        right.addRow("", self.first_label)
        self.first_reason_label = buddy("Why &later:", self.first_reason)
        right.addRow(self.first_reason_label, self.first_reason)
        right.addRow(buddy("Re&view conference:", self.review), self.review)
        right.addRow("", self.review_label)
        self.review_reason_label = buddy("Why l&ater:", self.review_reason)
        right.addRow(self.review_reason_label, self.review_reason)
        columns = QtWidgets.QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        layout.addWidget(buddy("&Contingency plan:", self.contingency))
        layout.addWidget(self.contingency)

        heading = QtWidgets.QHBoxLayout()
        heading.addWidget(QtWidgets.QLabel("<b>Outline plan actions</b> (who, what, by when)"))
        heading.addStretch(1)
        self.add_action = QtWidgets.QPushButton("A&dd action")
        self.add_action.setAccessibleName("Add action")
        heading.addWidget(self.add_action)
        layout.addLayout(heading)
        self.actions_grid = QtWidgets.QGridLayout()
        self.actions_grid.setColumnStretch(1, 1)
        layout.addLayout(self.actions_grid)
        layout.addStretch(1)
        self.action_rows: list[ActionRow] = []
        self.add_action.clicked.connect(self._add_clicked)

        self.lead.currentIndexChanged.connect(self.changed)
        self.contact.textChanged.connect(self.changed)
        self.core.itemChanged.connect(self.changed)
        for edit in (self.first, self.review):
            edit.dateChanged.connect(self.changed)
        for line in (self.first_reason, self.review_reason):
            line.textChanged.connect(self.changed)
        self.contingency.textChanged.connect(self.changed)

    def _add_clicked(self) -> None:
        row = self.add_row()
        self.changed()
        row.owner.setFocus()

    def add_row(self, action: PlanAction | None = None) -> ActionRow:
        row = ActionRow(len(self.action_rows) + 1)
        if action is not None:
            row.id = action.id
            row.owner.setText(action.owner)
            row.action.setText(action.action)
        due = action.due_date if action and action.due_date else self.review_default
        row.due.setDate(_qdate(due or self.host.ctx.today))
        line = len(self.action_rows)
        for column, widget in enumerate(row.widgets()):
            self.actions_grid.addWidget(widget, line, column)
        self.action_rows.append(row)
        row.owner.textChanged.connect(self.changed)
        row.action.textChanged.connect(self.changed)
        row.due.dateChanged.connect(self.changed)
        row.remove.clicked.connect(lambda: self.remove_row(row))
        self._retab()
        return row

    def remove_row(self, row: ActionRow) -> None:
        index = self.action_rows.index(row)
        self.action_rows.remove(row)
        for widget in row.widgets():
            self.actions_grid.removeWidget(widget)
            widget.deleteLater()
        self._relayout()
        self.changed()
        if self.action_rows:
            self.action_rows[min(index, len(self.action_rows) - 1)].owner.setFocus()
        else:
            self.add_action.setFocus()

    def _relayout(self) -> None:
        for line, row in enumerate(self.action_rows):
            for column, widget in enumerate(row.widgets()):
                self.actions_grid.addWidget(widget, line, column)
        self._retab()

    def _retab(self) -> None:
        previous: QtWidgets.QWidget = self.add_action
        for row in self.action_rows:
            for widget in row.widgets():
                QtWidgets.QWidget.setTabOrder(previous, widget)
                previous = widget
        if self.confirm is not None:
            QtWidgets.QWidget.setTabOrder(previous, self.confirm)

    def _sync(self) -> None:
        later_first = self.new_plan and _pydate(self.first.date()) > self.first_default
        later_review = _pydate(self.review.date()) > self.review_default
        for widget in (self.first, self.first_label, self.first_title):
            widget.setVisible(self.new_plan)
        self.first_reason.setVisible(later_first)
        self.first_reason_label.setVisible(later_first)
        self.review_reason.setVisible(later_review)
        self.review_reason_label.setVisible(later_review)

    def load(self) -> None:
        answer = self.child_answer
        ctx = self.host.ctx
        index = self.lead.findData(answer.lead_social_worker_id)
        self.lead.setCurrentIndex(max(index, 0))
        self.contact.setText(answer.lead_social_worker_contact)
        for number in range(self.core.count()):
            item = self.core.item(number)
            member = item.data(QtCore.Qt.ItemDataRole.UserRole) in answer.core_group
            item.setCheckState(
                QtCore.Qt.CheckState.Checked if member else QtCore.Qt.CheckState.Unchecked
            )
        self.first.setDate(_qdate(answer.first_core_group_date or self.first_default or ctx.today))
        self.review.setDate(_qdate(answer.review_date or self.review_default or ctx.today))
        self.first_reason.setText(answer.first_core_group_reason or "")
        self.review_reason.setText(answer.review_date_reason or "")
        self.contingency.setPlainText(answer.contingency_plan)
        for row in list(self.action_rows):
            for widget in row.widgets():
                self.actions_grid.removeWidget(widget)
                widget.deleteLater()
        self.action_rows.clear()
        for action in answer.actions:
            self.add_row(action)
        self._sync()

    def collect(self) -> None:
        self._sync()
        actions = tuple(
            PlanAction(
                id=row.id,
                owner=row.owner.text().strip(),
                action=row.action.text().strip(),
                due_date=_pydate(row.due.date()),
            )
            for row in self.action_rows
        )
        core = tuple(
            self.core.item(row).data(QtCore.Qt.ItemDataRole.UserRole)
            for row in range(self.core.count())
            if self.core.item(row).checkState() == QtCore.Qt.CheckState.Checked
        )
        self.put(
            lead_social_worker_id=self.lead.currentData(),
            lead_social_worker_contact=self.contact.text().strip(),
            core_group=core,
            first_core_group_date=_pydate(self.first.date()) if self.new_plan else None,
            first_core_group_reason=self.first_reason.text().strip()
            if self.first_reason.isVisibleTo(self)
            else None,
            review_date=_pydate(self.review.date()),
            review_date_reason=self.review_reason.text().strip()
            if self.review_reason.isVisibleTo(self)
            else None,
            contingency_plan=self.contingency.toPlainText().strip(),
            actions=actions,
        )


class DissentRow:
    def __init__(self, person: Participant, view: str) -> None:
        self.person = person
        self.check = QtWidgets.QCheckBox(f"{person_label(person)} dissents (view: {view})")
        self.check.setAccessibleName(f"{person.name} dissents")
        self.reasons = line_edit(f"{person.name}'s reasons for dissent", "Their reasons")
        self.id = new_id()


class DissentPage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, "Dissent")

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        hours = self.host.dissent_hours
        deadline = (
            f" Formal dissent must be raised within {hours} hours of the conference."
            if hours
            else ""
        )
        intro = QtWidgets.QLabel(
            "These professionals gave a view that differs from the decision. Ask each whether "
            "they dissent; dissent is recorded with their reasons and does not change the "
            f"decision.{deadline}"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.rows_box = QtWidgets.QVBoxLayout()
        layout.addLayout(self.rows_box)
        self.none = QtWidgets.QLabel("Nobody's view differs from the decision.")
        layout.addWidget(self.none)
        layout.addStretch(1)
        self.rows: list[DissentRow] = []

    def load(self) -> None:
        while self.rows_box.count():
            item = self.rows_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows.clear()
        answer = self.child_answer
        people = {p.id: p for p in self.host.ctx.participants}
        views = {v.participant_id: v.view for v in answer.views}
        dissents = {d.participant_id: d for d in answer.dissents}
        previous: QtWidgets.QWidget | None = None
        for pid in flow.dissent_candidates(answer):
            person = people.get(pid)
            if person is None:
                continue
            view = views.get(pid)
            row = DissentRow(person, VIEW_LABELS[view].lower() if view else "not given")
            existing = dissents.get(pid)
            if existing is not None:
                row.id = existing.id
                row.check.setChecked(True)
                row.reasons.setText(existing.reasons)
            box = QtWidgets.QWidget()
            lay = QtWidgets.QVBoxLayout(box)
            lay.setContentsMargins(0, 4, 0, 4)
            lay.addWidget(row.check)
            lay.addWidget(row.reasons)
            row.reasons.setEnabled(row.check.isChecked())
            row.check.toggled.connect(row.reasons.setEnabled)
            row.check.toggled.connect(self.changed)
            row.reasons.textChanged.connect(self.changed)
            self.rows_box.addWidget(box)
            self.rows.append(row)
            for widget in (row.check, row.reasons):
                if previous is not None:
                    QtWidgets.QWidget.setTabOrder(previous, widget)
                previous = widget
        if previous is not None and self.confirm is not None:
            QtWidgets.QWidget.setTabOrder(previous, self.confirm)
        self.none.setVisible(not self.rows)
        if self.rows:
            self.rows[0].check.setFocus()

    def collect(self) -> None:
        dissents = tuple(
            Dissent(id=row.id, participant_id=row.person.id, reasons=row.reasons.text().strip())
            for row in self.rows
            if row.check.isChecked()
        )
        self.put(dissents=dissents)


# --- the summary ---------------------------------------------------------------------------


def describe(answer: flow.ChildAnswer, ctx: flow.FlowContext) -> str:
    """The decision for one child in plain sentences, for the chair to check."""
    people = {p.id: p for p in ctx.participants}
    labels = dict(ctx.allowed_categories)

    def name(pid: str | None) -> str:
        return people[pid].name if pid in people else "not chosen"

    lines = []
    if answer.views:
        views = "; ".join(
            f"{name(v.participant_id)}: {VIEW_LABELS[v.view].lower()}" for v in answer.views
        )
        lines.append(f"Views: {views}.")
    if answer.threshold_met is not None:
        met = "met" if answer.threshold_met else "not met"
        lines.append(f"Threshold {met}. Rationale: {answer.threshold_rationale or 'none given'}")
    if answer.outcome is not None:
        text = OUTCOME_LABELS[answer.outcome].replace("&", "")
        if ctx.conference.type is ConferenceType.REVIEW and answer.outcome is Outcome.CP_PLAN:
            text = "Continue the child protection plan"
        lines.append(f"Decision: {text}. Reason: {answer.reason or 'none given'}")
        if answer.ending is not None:
            lines.append(
                f"Ending: {ENDING_LABELS[answer.ending]}, {shown_date(answer.ending_date)}."
            )
    else:
        lines.append("Decision: not made yet.")
    if answer.categories:
        chosen = ", ".join(labels.get(k, k) for k in answer.categories)
        primary = (
            f" (primary: {labels.get(answer.primary_category, answer.primary_category)})"
            if answer.primary_category
            else ""
        )
        lines.append(f"Categories: {chosen}{primary}.")
    if answer.outcome is Outcome.CP_PLAN:
        core = ", ".join(name(p) for p in answer.core_group) or "none"
        lines.append(
            f"Lead social worker: {name(answer.lead_social_worker_id)}. Core group: {core}."
        )
        lines.append(
            f"First core group {shown_date(answer.first_core_group_date)}; "
            f"review {shown_date(answer.review_date)}."
        )
        lines.append(f"Contingency: {answer.contingency_plan or 'none'}")
        for action in answer.actions:
            lines.append(
                f"Action: {action.owner}: {action.action} by {shown_date(action.due_date)}."
            )
    for dissent in answer.dissents:
        lines.append(f"Dissent: {name(dissent.participant_id)}: {dissent.reasons}")
    return "\n".join(lines)


class SummaryPage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, "Summary")
        self.setSubTitle("Check each decision, confirm each child, then Finish.")

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        self.quorum = QtWidgets.QLabel()
        self.quorum.setWordWrap(True)
        layout.addWidget(self.quorum)
        self.texts: list[QtWidgets.QLabel] = []
        self.confirms: list[QtWidgets.QCheckBox] = []
        self.boxes: list[QtWidgets.QGroupBox] = []
        self.change_buttons: list[QtWidgets.QPushButton] = []
        for index in range(len(self.host.ctx.children)):
            name = child_name(self.host.ctx, index)
            box = QtWidgets.QGroupBox(name)
            box.setStyleSheet("QGroupBox { font-weight: bold; }")
            box.setAccessibleName(name)
            inner = QtWidgets.QVBoxLayout(box)
            text = QtWidgets.QLabel()
            text.setWordWrap(True)
            text.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            text.setAccessibleName(f"Decision for {name}")
            text.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
            confirm = QtWidgets.QCheckBox(f"I confirm the decision for {name}")
            confirm.setAccessibleName(f"Confirm the decision for {name}")
            change = QtWidgets.QPushButton(f"Change {name}'s answers")
            change.setAccessibleName(f"Change the answers for {name}")
            change.clicked.connect(lambda _=False, i=index: self.host.change_child(i))
            confirm.toggled.connect(self.changed)
            row = QtWidgets.QHBoxLayout()
            row.addWidget(confirm, 1)
            row.addWidget(change)
            inner.addWidget(text)
            inner.addLayout(row)
            layout.addWidget(box)
            self.texts.append(text)
            self.confirms.append(confirm)
            self.boxes.append(box)
            self.change_buttons.append(change)
        layout.addStretch(1)

    def load(self) -> None:
        ctx = self.host.ctx
        quorum = self.host.answers.quorum
        adjourned = quorum is not None and quorum.adjourn
        self.setSubTitle(
            "Finish to adjourn: no decision is recorded and the new conference is set up."
            if adjourned
            else "Check each decision, confirm each child, then Finish."
        )
        if adjourned and quorum is not None:
            self.quorum.setText(
                "The conference is adjourned because it is not quorate; it reconvenes on "
                f"{shown_date(quorum.reconvene_date)}."
            )
        elif ctx.quorum.quorate:
            self.quorum.setText("The conference was quorate.")
        else:
            reason = quorum.reason if quorum else ""
            self.quorum.setText(f"Proceeded without a quorum: {reason}")
        for index, answer in enumerate(self.host.answers.children):
            self.boxes[index].setVisible(not adjourned)
            self.texts[index].setText(describe(answer, ctx))
            self.confirms[index].setChecked(answer.confirmed)
        if not adjourned and self.confirms:
            self.confirms[0].setFocus()

    def collect(self) -> None:
        children = self.host.answers.children
        for index, confirm in enumerate(self.confirms):
            if children[index].confirmed != confirm.isChecked():
                self.host.set_child(
                    index, dataclasses.replace(children[index], confirmed=confirm.isChecked())
                )

    def show_error(self, text: str) -> None:
        """The service's one-line refusal."""
        self.set_lines([(text, True)])


PAGE_CLASSES: dict[flow.StepKind, Callable[[Host, flow.Step], StepPage]] = {
    flow.StepKind.QUORUM: QuorumPage,
    flow.StepKind.ADJOURN: AdjournPage,
    flow.StepKind.VIEWS: ViewsPage,
    flow.StepKind.THRESHOLD: ThresholdPage,
    flow.StepKind.OUTCOME: OutcomePage,
    flow.StepKind.CATEGORIES: CategoriesPage,
    flow.StepKind.PLAN: PlanPage,
    flow.StepKind.DISSENT: DissentPage,
    flow.StepKind.SUMMARY: SummaryPage,
}
