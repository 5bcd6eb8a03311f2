"""The wizard's first pages for each child: the views, the threshold, the decision
and the categories of harm.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain.conference import AgencyView, Participant
from cpc_desktop.domain.enums import (
    AdministrativeEnding,
    ConferenceType,
    Outcome,
    View,
)
from cpc_desktop.ui.decision.base import Host, StepPage
from cpc_desktop.ui.decision.widgets import (
    ENDING_LABELS,
    buddy,
    child_name,
    date_edit,
    line_edit,
    new_id,
    outcome_label,
    person_label,
    pydate,
    qdate,
    recap,
    text_edit,
    view_labels,
)
from cpc_desktop.ui.field_limits import share_box, tell_readers


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
        for column, heading in enumerate(("Professional", "View", "Reason", "Family copies")):
            label = QtWidgets.QLabel(f"<b>{heading}</b>")
            grid.addWidget(label, 0, column)
        self.rows: list[tuple[Participant, QtWidgets.QComboBox, QtWidgets.QLineEdit]] = []
        #: Each professional's "share the reason with the family" box, by their id.
        self.shares: dict[str, QtWidgets.QCheckBox] = {}
        for line, person in enumerate(self.host.ctx.professionals, start=1):
            combo = QtWidgets.QComboBox()
            combo.setAccessibleName(f"View of {person.name}")
            combo.addItem("Not given", None)
            for view, text in view_labels(self.host.ctx.terms).items():
                combo.addItem(text, view.value)
            reason = line_edit(f"Reason for {person.name}'s view", "Why")
            share = share_box(reason, "$.decisions[].views[].reason", text="Sh&are")
            share.setAccessibleName(f"Share the reason for {person.name}'s view with the family")
            grid.addWidget(QtWidgets.QLabel(person_label(person)), line, 0)
            grid.addWidget(combo, line, 1)
            grid.addWidget(reason, line, 2)
            grid.addWidget(share, line, 3)
            combo.currentIndexChanged.connect(self.changed)
            reason.textChanged.connect(self.changed)
            share.toggled.connect(self.changed)
            self.shares[person.id] = share
            self.rows.append((person, combo, reason))
        if not self.rows:
            grid.addWidget(QtWidgets.QLabel("No professionals are recorded as present."), 1, 0)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        self.parents = text_edit("Parents' view", "In the parents' own words where possible", 2)
        self.child_view = text_edit(
            "Child's view", "Directly, in writing, or through an advocate", 2
        )
        tell_readers(self.parents, "$.decisions[].parents_view")
        tell_readers(self.child_view, "$.decisions[].child_view")
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
            # No view yet: the reason starts from the safety scale minuted, if any.
            scaled = getattr(self.host, "scaled", {}).get(person.id, "")
            reason.setText(view.reason if view else scaled)
            self.shares[person.id].setChecked(view.shared_with_family if view else False)
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
                    shared_with_family=self.shares[person.id].isChecked(),
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
        tell_readers(self.rationale, "$.decisions[].threshold_rationale")
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
        who = QtWidgets.QLabel(f"Decided by {self.host.ctx.terms.terminology.decision_maker}.")
        who.setObjectName("decisionMaker")
        who.setWordWrap(True)
        layout.addWidget(who)
        self.recap = QtWidgets.QLabel()
        self.recap.setWordWrap(True)
        self.recap.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.recap.setAccessibleName("What has been said")
        layout.addWidget(self.recap)
        layout.addSpacing(6)
        self.group = QtWidgets.QButtonGroup(self)
        self.radios: dict[Outcome, QtWidgets.QRadioButton] = {}
        for outcome in outcomes:
            text = outcome_label(outcome, self.host.ctx.terms, review=review)
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
        self.ending_note = text_edit(
            "Who was consulted", "Who was consulted about the ending, and what they said", 2
        )
        tell_readers(self.ending_note, "$.decisions[].ending_note")
        ending_form.addRow(buddy("Who was cons&ulted:", self.ending_note), self.ending_note)
        layout.addWidget(self.ending_box)
        self.reason = text_edit("Reason for the decision", "Based on risk", 5)
        tell_readers(self.reason, "$.decisions[].reason")
        layout.addWidget(buddy("Rea&son for the decision:", self.reason))
        layout.addWidget(self.reason)
        layout.addStretch(1)
        self.ending.currentIndexChanged.connect(self.changed)
        self.ending_date.dateChanged.connect(self.changed)
        self.ending_note.textChanged.connect(self.changed)
        self.reason.textChanged.connect(self.changed)

    def load(self) -> None:
        answer = self.child_answer
        self.recap.setText(recap(answer, self.host.ctx.terms))
        self.group.setExclusive(False)
        for outcome, radio in self.radios.items():
            radio.setChecked(answer.outcome is outcome)
        self.group.setExclusive(True)
        self.ending.setCurrentIndex(
            self.ending.findData(answer.ending.value) if answer.ending else 0
        )
        self.ending_date.setDate(qdate(answer.ending_date or self.host.ctx.today))
        self.ending_note.setPlainText(answer.ending_note)
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
            ending_date=pydate(self.ending_date.date()) if administrative else None,
            ending_note=self.ending_note.toPlainText().strip() if administrative else "",
        )


class CategoriesPage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, host.ctx.terms.categories)

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        terms = self.host.ctx.terms
        singular = terms.terminology.category_singular
        intro = QtWidgets.QLabel(
            f"Tick every {singular} that applies (Space ticks the one selected)."
        )
        intro.setWordWrap(True)
        self.list = QtWidgets.QListWidget()
        self.list.setAccessibleName(terms.categories)
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
        self.primary.setAccessibleName(f"Primary {singular}")
        required = " (required)" if self.host.ctx.primary_required else ""
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(buddy(f"&{terms.categories}:", self.list))
        layout.addWidget(self.list)
        layout.addWidget(buddy(f"&Primary {singular}{required}:", self.primary))
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
