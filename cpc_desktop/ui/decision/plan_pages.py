"""The wizard's pages after a decision for each child: the plan and any dissent."""

from __future__ import annotations

import datetime as dt

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain import flow_dates
from cpc_desktop.domain.calendar import WorkingCalendar
from cpc_desktop.domain.conference import Dissent, Participant, PlanAction
from cpc_desktop.domain.timescales import non_working
from cpc_desktop.ui.decision.base import Host, StepPage
from cpc_desktop.ui.decision.widgets import (
    NOT_CORE_GROUP,
    SOCIAL_WORKER,
    buddy,
    date_edit,
    line_edit,
    mnemonic,
    new_id,
    person_label,
    pydate,
    qdate,
    shown_date,
    text_edit,
    view_labels,
)
from cpc_desktop.ui.field_limits import bound, share_box, tell_readers


class ActionRow:
    """One outline-plan action: owner, what, by when, and a button to remove it."""

    def __init__(self, number: int) -> None:
        self.owner = line_edit(f"Action {number} owner", "Who")
        self.action = line_edit(f"Action {number}", "What will be done")
        tell_readers(self.action, "$.decisions[].actions[].action")
        self.due = date_edit(f"Action {number} due date")
        self.remove = QtWidgets.QPushButton("Remove")
        self.remove.setAccessibleName(f"Remove action {number}")
        self.id = new_id()

    def widgets(self) -> tuple[QtWidgets.QWidget, ...]:
        return (self.owner, self.action, self.due, self.remove)


class PlanPage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, f"The {host.ctx.terms.terminology.plan_name}")

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        ctx = self.host.ctx
        terms = ctx.terms
        lead = terms.lead_worker
        self.lead = QtWidgets.QComboBox()
        self.lead.setAccessibleName(lead)
        self.lead.addItem(f"Choose the {lead[:1].lower()}{lead[1:]}", None)
        # Social workers first: the lead is normally one of them.
        for person in sorted(ctx.participants, key=lambda p: p.role is not SOCIAL_WORKER):
            self.lead.addItem(person_label(person), person.id)
        self.contact = line_edit(f"{lead}'s contact", "Telephone or email")
        tell_readers(self.contact, "$.decisions[].lead_social_worker_contact")
        self.core = QtWidgets.QListWidget()
        self.core.setAccessibleName(f"{terms.core_group} members")
        for person in ctx.participants:
            if person.role in NOT_CORE_GROUP:
                continue
            item = QtWidgets.QListWidgetItem(person_label(person))
            item.setData(QtCore.Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(QtCore.Qt.CheckState.Unchecked)
            self.core.addItem(item)
        self.core.setCurrentRow(0)
        # As tall as its people (three to eight rows; more scroll), not a fixed block
        # that pushes the actions below the fold on a laptop at 150 %.
        rows = max(3, min(self.core.count(), 8))
        row = max(self.core.sizeHintForRow(0), self.core.fontMetrics().height() + 2)
        fit = rows * row + 2 * self.core.frameWidth() + 4
        self.core.setMinimumHeight(min(120, fit))
        self.core.setMaximumHeight(fit)
        self.frequency = bound(
            line_edit(f"How often the {terms.core_group.lower()} meets", "e.g. every 4 weeks"),
            "$.decisions[].core_group_frequency",
        )
        self.first_default, self.review_default = flow_dates.default_dates(ctx)
        self.first_latest, self.review_latest = flow_dates.latest_dates(ctx)
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
        tell_readers(self.first_reason, "$.decisions[].first_core_group_reason")
        tell_readers(self.review_reason, "$.decisions[].review_date_reason")
        tell_readers(self.contingency, "$.decisions[].contingency_plan")

        left = QtWidgets.QFormLayout()
        left.addRow(buddy(mnemonic(f"{lead}:", "l"), self.lead), self.lead)
        left.addRow(buddy("Con&tact:", self.contact), self.contact)
        left.addRow(buddy(mnemonic(f"{terms.core_group}:", "g"), self.core), self.core)
        left.addRow(buddy("How &often it meets:", self.frequency), self.frequency)
        right = QtWidgets.QFormLayout()
        self.first_label = QtWidgets.QLabel()
        self.review_label = QtWidgets.QLabel()
        for label in (self.first_label, self.review_label):
            label.setWordWrap(True)
        self.first_title = buddy(mnemonic(f"{terms.first_core_group}:", "r"), self.first)
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
        self.frequency.textChanged.connect(self.changed)
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
        row.due.setDate(qdate(due or self.host.ctx.today))
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
        calendar = self.host.ctx.calendar
        first, review = pydate(self.first.date()), pydate(self.review.date())
        self.first_label.setText(date_note(first, self.first_default, self.first_latest, calendar))
        self.review_label.setText(
            date_note(review, self.review_default, self.review_latest, calendar)
        )
        later_first = self.new_plan and first > self.first_latest
        later_review = review > self.review_latest
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
        self.frequency.setText(answer.core_group_frequency)
        for number in range(self.core.count()):
            item = self.core.item(number)
            member = item.data(QtCore.Qt.ItemDataRole.UserRole) in answer.core_group
            item.setCheckState(
                QtCore.Qt.CheckState.Checked if member else QtCore.Qt.CheckState.Unchecked
            )
        self.first.setDate(qdate(answer.first_core_group_date or self.first_default or ctx.today))
        self.review.setDate(qdate(answer.review_date or self.review_default or ctx.today))
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
                due_date=pydate(row.due.date()),
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
            core_group_frequency=self.frequency.text().strip(),
            first_core_group_date=pydate(self.first.date()) if self.new_plan else None,
            first_core_group_reason=self.first_reason.text().strip()
            if self.first_reason.isVisibleTo(self)
            else None,
            review_date=pydate(self.review.date()),
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
        self.shared = share_box(self.reasons, "$.decisions[].dissents[].reasons")
        self.shared.setAccessibleName(f"Share {person.name}'s reasons for dissent with the family")
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
            said = view_labels(self.host.ctx.terms)[view].lower() if view else "not given"
            row = DissentRow(person, said)
            existing = dissents.get(pid)
            if existing is not None:
                row.id = existing.id
                row.check.setChecked(True)
                row.reasons.setText(existing.reasons)
                row.shared.setChecked(existing.shared_with_family)
            box = QtWidgets.QWidget()
            lay = QtWidgets.QVBoxLayout(box)
            lay.setContentsMargins(0, 4, 0, 4)
            lay.addWidget(row.check)
            lay.addWidget(row.reasons)
            lay.addWidget(row.shared)
            for part in (row.reasons, row.shared):
                part.setEnabled(row.check.isChecked())
                row.check.toggled.connect(part.setEnabled)
            row.check.toggled.connect(self.changed)
            row.reasons.textChanged.connect(self.changed)
            row.shared.toggled.connect(self.changed)
            self.rows_box.addWidget(box)
            self.rows.append(row)
            for widget in (row.check, row.reasons, row.shared):
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
            Dissent(
                id=row.id,
                participant_id=row.person.id,
                reasons=row.reasons.text().strip(),
                shared_with_family=row.shared.isChecked(),
            )
            for row in self.rows
            if row.check.isChecked()
        )
        self.put(dissents=dissents)


def date_note(
    chosen: dt.date, proposed: dt.date, latest: dt.date, calendar: WorkingCalendar
) -> str:
    """What the chair sees under a follow-up date: the usual date, the latest the rules
    allow when that differs (a weekend or bank holiday), and whether the chosen day is
    not a working day."""
    note = f"(usual: {shown_date(proposed)}"
    if latest != proposed:
        note += f"; the rules allow up to {shown_date(latest)}, not a working day"
    note += ")"
    why = non_working(chosen, calendar)
    if why is not None:
        note += f" {shown_date(chosen)} is {why}."
    return note
