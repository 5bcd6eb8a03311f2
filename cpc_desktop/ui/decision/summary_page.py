"""The wizard's last page: every child's decision in plain sentences, confirmed."""

from __future__ import annotations

import dataclasses

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain import reporter
from cpc_desktop.domain.adjournment import adjourned_for
from cpc_desktop.domain.enums import (
    AdjournReason,
    ConferenceType,
    Outcome,
)
from cpc_desktop.ui.decision.base import Host, StepPage
from cpc_desktop.ui.decision.widgets import (
    ENDING_LABELS,
    child_name,
    outcome_label,
    shown_date,
    view_labels,
)


def describe(answer: flow.ChildAnswer, ctx: flow.FlowContext) -> str:
    """The decision for one child in plain sentences, for the chair to check."""
    people = {p.id: p for p in ctx.participants}
    labels = dict(ctx.allowed_categories)
    terms = ctx.terms
    views_said = view_labels(terms)

    def name(pid: str | None) -> str:
        return people[pid].name if pid in people else "not chosen"

    lines = []
    if answer.views:
        views = "; ".join(
            f"{name(v.participant_id)}: {views_said[v.view].lower()}" for v in answer.views
        )
        lines.append(f"Views: {views}.")
    if answer.threshold_met is not None:
        met = "met" if answer.threshold_met else "not met"
        lines.append(f"Threshold {met}. Rationale: {answer.threshold_rationale or 'none given'}")
    if answer.outcome is not None:
        review = ctx.conference.type is ConferenceType.REVIEW
        text = outcome_label(answer.outcome, terms, review=review).replace("&", "")
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
        lines.append(f"{terms.categories}: {chosen}{primary}.")
    if answer.outcome is Outcome.CP_PLAN:
        core = ", ".join(name(p) for p in answer.core_group) or "none"
        lines.append(
            f"{terms.lead_worker}: {name(answer.lead_social_worker_id)}. "
            f"{terms.core_group}: {core}"
            + (f", meeting {answer.core_group_frequency}." if answer.core_group_frequency else ".")
        )
        lines.append(
            f"{terms.first_core_group} {shown_date(answer.first_core_group_date)}; "
            f"review {shown_date(answer.review_date)}."
        )
        lines.append(f"Contingency: {answer.contingency_plan or 'none'}")
        for action in answer.actions:
            lines.append(
                f"Action: {action.owner}: {action.action} by {shown_date(action.due_date)}."
            )
    for dissent in answer.dissents:
        lines.append(f"Dissent: {name(dissent.participant_id)}: {dissent.reasons}")
    if reporter.asked(ctx.reporter, answer.outcome):
        said = {True: "refer", False: "do not refer", None: "not answered"}
        lines.append(
            f"{reporter.REPORTER}: {said[answer.reporter_referral]}. "
            f"Reason: {answer.reporter_referral_reason or 'none given'}"
        )
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
        why = adjourned_for(self.host.answers, ctx)
        adjourned = why is not None
        self.setSubTitle(
            "Finish to adjourn: no decision is recorded and the new conference is set up."
            if adjourned
            else "Check each decision, confirm each child, then Finish."
        )
        if adjourned and quorum is not None:
            because = (
                "there is not enough information to decide"
                if why is AdjournReason.MORE_INFORMATION
                else "it is not quorate"
            )
            self.quorum.setText(
                f"The conference is adjourned because {because}; it reconvenes on "
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
