"""The wizard's pages for the whole conference: the quorum, and adjourning."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain import flow_dates
from cpc_desktop.domain.adjournment import adjourned_for
from cpc_desktop.domain.enums import AdjournReason
from cpc_desktop.ui.decision.base import Host, StepPage
from cpc_desktop.ui.decision.widgets import (
    buddy,
    date_edit,
    pydate,
    qdate,
    shown_date,
    text_edit,
)
from cpc_desktop.ui.field_limits import share_box, tell_readers


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
                f"Quorate: {quorum.csc_name} is present, with these other agencies "
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
        self.adjourn.setVisible(not quorum.quorate)  # adjourning for want of a quorum
        self.wanting = QtWidgets.QRadioButton("Adjourn: not enough &information to decide")
        self.wanting.setAccessibleName("Adjourn: not enough information to decide")
        self.wanting_reason = text_edit(
            "Why there is not enough information",
            "What information is missing, and who will provide it",
        )
        tell_readers(self.wanting_reason, "$.conference.adjourn_reason")
        self.wanting_label = buddy(
            "&What is missing (the minutes say the conference was adjourned):",
            self.wanting_reason,
        )
        self.reason = text_edit(
            "Reason for proceeding",
            "Why the conference goes ahead without a quorum (for example, the risk "
            "to the child of waiting)",
        )
        self.reason_label = buddy("&Reason for proceeding without a quorum:", self.reason)
        self.reason_shared = share_box(self.reason, "$.conference.quorum_reason")
        layout.addWidget(self.state)
        layout.addSpacing(8)
        layout.addWidget(self.proceed)
        layout.addWidget(self.adjourn)
        layout.addWidget(self.wanting)
        layout.addSpacing(8)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.reason_shared)
        layout.addWidget(self.wanting_label)
        layout.addWidget(self.wanting_reason)
        layout.addStretch(1)
        for radio in (self.proceed, self.adjourn, self.wanting):
            radio.toggled.connect(self.changed)
        self.reason.textChanged.connect(self.changed)
        self.wanting_reason.textChanged.connect(self.changed)
        self.reason_shared.toggled.connect(self.changed)

    def _reason_shown(self) -> bool:
        return not self.host.ctx.quorum.quorate and self.proceed.isChecked()

    def load(self) -> None:
        answer = self.host.answers.quorum
        if answer is not None:
            wanting = answer.adjourn_for is AdjournReason.MORE_INFORMATION
            chosen = self.wanting if wanting else self.adjourn
            (chosen if answer.adjourn else self.proceed).setChecked(True)
        elif self.host.ctx.quorum.quorate:
            self.proceed.setChecked(True)
        self.wanting_reason.setPlainText(answer.adjourn_reason if answer else "")
        self.reason.setPlainText(answer.reason if answer else "")
        self.reason_shared.setChecked(answer.reason_shared if answer else False)
        self._sync()

    def _sync(self) -> None:
        self.reason.setVisible(self._reason_shown())
        self.reason_label.setVisible(self._reason_shown())
        self.reason_shared.setVisible(self._reason_shown())
        self.wanting_label.setVisible(self.wanting.isChecked())
        self.wanting_reason.setVisible(self.wanting.isChecked())

    def collect(self) -> None:
        self._sync()
        old = self.host.answers.quorum or flow.QuorumAnswer()
        self.host.set_quorum(
            dataclasses.replace(
                old,
                proceed=self.proceed.isChecked(),
                adjourn=self.adjourn.isChecked() or self.wanting.isChecked(),
                adjourn_for=AdjournReason.MORE_INFORMATION
                if self.wanting.isChecked()
                else (AdjournReason.INQUORATE if self.adjourn.isChecked() else None),
                adjourn_reason=self.wanting_reason.toPlainText().strip()
                if self.wanting.isChecked()
                else "",
                reason=self.reason.toPlainText().strip(),
                reason_shared=self.reason_shared.isChecked(),
            )
        )


class AdjournPage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, "Adjourn the conference")
        self.setSubTitle("No decision is made today; the conference meets again.")

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        self.intro = intro = QtWidgets.QLabel()
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
        wanting = adjourned_for(self.host.answers, self.host.ctx) is AdjournReason.MORE_INFORMATION
        why = (
            "there is not enough information to decide."
            if wanting
            else f"it is not quorate. {self.host.ctx.quorum.missing}"
        )
        self.intro.setText(
            f"The conference is adjourned because {why} "
            "A new conference, with the same children, is set up for the date below."
        )
        latest = flow_dates.reconvene_by(self.host.ctx)
        # Information may take longer to gather: a later date is warned of, not refused.
        furthest = latest + dt.timedelta(days=90) if wanting else latest
        self.date.setDateRange(
            qdate(self.host.ctx.conference.date + dt.timedelta(days=1)), qdate(furthest)
        )
        self.date.setDate(
            qdate(answer.reconvene_date or flow_dates.reconvene_default(self.host.ctx))
        )
        self.latest.setText(f"The rules allow up to {shown_date(latest)}.")

    def collect(self) -> None:
        old = self.host.answers.quorum or flow.QuorumAnswer(adjourn=True, proceed=False)
        self.host.set_quorum(
            dataclasses.replace(
                old,
                reconvene_date=pydate(self.date.date()),
            )
        )
