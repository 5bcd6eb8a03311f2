"""The wizard's page for Scotland's referral to the Children's Reporter.

Under a profile that considers the referral (``consider_reporter_referral``), each child's
last step asks "Refer Ada Quinn to the Children's Reporter?": Yes or No (Alt+Y, Alt+O),
and the reason (Alt+R), needed either way. The rule lives in
:mod:`cpc_desktop.domain.reporter`; this page only collects the answer.
"""

from __future__ import annotations

from PySide6 import QtWidgets

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain import reporter
from cpc_desktop.ui.decision.base import Host, StepPage
from cpc_desktop.ui.decision.widgets import buddy, child_name, text_edit
from cpc_desktop.ui.field_limits import tell_readers


class ReporterPage(StepPage):
    def __init__(self, host: Host, step: flow.Step) -> None:
        super().__init__(host, step, f"The {reporter.REPORTER}")

    def build(self, layout: QtWidgets.QVBoxLayout) -> None:
        assert self.step.child is not None
        name = child_name(self.host.ctx, self.step.child)
        shown = name.replace("&", "&&")  # a name is never a mnemonic
        self.question = QtWidgets.QLabel(reporter.question(name))
        self.question.setObjectName("reporterQuestion")
        self.question.setStyleSheet("font-weight: bold;")
        self.question.setWordWrap(True)
        about = QtWidgets.QLabel(
            f"The {reporter.REPORTER} decides whether a children's hearing is needed. "
            "Record what the meeting decided and why, whichever way it decided."
        )
        about.setWordWrap(True)
        self.yes = QtWidgets.QRadioButton(f"&Yes: refer {shown} to the {reporter.REPORTER}")
        self.yes.setAccessibleName(f"Refer {name} to the {reporter.REPORTER}")
        self.no = QtWidgets.QRadioButton(f"N&o: do not refer {shown}")
        self.no.setAccessibleName(f"Do not refer {name} to the {reporter.REPORTER}")
        self.group = QtWidgets.QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        self.reason = text_edit(
            f"Reason for the answer on referring {name} to the {reporter.REPORTER}",
            "Why the meeting decided this",
            4,
        )
        tell_readers(self.reason, "$.decisions[].reporter_referral_reason")
        layout.addWidget(self.question)
        layout.addWidget(about)
        layout.addWidget(self.yes)
        layout.addWidget(self.no)
        layout.addWidget(buddy("&Reason (needed either way):", self.reason))
        layout.addWidget(self.reason)
        layout.addStretch(1)
        self.yes.toggled.connect(self.changed)
        self.no.toggled.connect(self.changed)
        self.reason.textChanged.connect(self.changed)

    def load(self) -> None:
        answer = self.child_answer
        self.group.setExclusive(False)
        self.yes.setChecked(answer.reporter_referral is True)
        self.no.setChecked(answer.reporter_referral is False)
        self.group.setExclusive(True)
        self.reason.setPlainText(answer.reporter_referral_reason)

    def collect(self) -> None:
        refer = True if self.yes.isChecked() else False if self.no.isChecked() else None
        self.put(
            reporter_referral=refer,
            reporter_referral_reason=self.reason.toPlainText().strip(),
        )
