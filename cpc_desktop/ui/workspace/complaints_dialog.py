"""Complaints about the conference (domain.md §8, §10 item 36), under every profile.

Opened from the Decisions tab (Complai&nts…, Alt+N). It says first, in words, that the
conference's decision stands while a complaint is considered; lists each complaint with
who made it, the children it concerns, when it was received, its grounds, where it stands
and the next step due by the profile's timescales; and logs a new one, its
acknowledgement and its outcome. Nothing here changes the decision or the minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.services.complaints import ComplaintBook, ComplaintLine
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.roles import Action
from cpc_desktop.ui.permissions import may, refuse_widget, why_not
from cpc_desktop.ui.screen_dates import screen_short_date
from cpc_desktop.ui.workspace.complaint_forms import (
    AcknowledgeForm,
    ComplaintOutcomeForm,
    RecordComplaintForm,
)
from cpc_desktop.ui.workspace.complaint_words import (
    decision_stands,
    grounds,
    state_words,
    step_words,
)
from cpc_desktop.ui.workspace.decisions_buttons import command_button
from cpc_desktop.ui.workspace.record_dialog import RecordListDialog, RecordListWords

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session


def _columns() -> tuple[str, ...]:
    translate = QtCore.QCoreApplication.translate
    return (
        translate("ComplaintsDialog", "Received"),
        translate("ComplaintsDialog", "From"),
        translate("ComplaintsDialog", "Children"),
        translate("ComplaintsDialog", "Grounds"),
        translate("ComplaintsDialog", "Where it stands"),
        translate("ComplaintsDialog", "Next step"),
    )


def complaints_button(open_complaints: Callable[[], None]) -> QtWidgets.QPushButton:
    """The Decisions tab's "Complaints…" button."""
    translate = QtCore.QCoreApplication.translate
    return command_button(
        translate("ComplaintsDialog", "Complai&nts…"),
        "complaintsButton",
        translate("ComplaintsDialog", "Complaints about the conference"),
        translate(
            "ComplaintsDialog", "Log a complaint about the conference, and how it ended (Alt+N)"
        ),
        open_complaints,
    )


class ComplaintsDialog(RecordListDialog):
    """The conference's complaints, and the three forms that log them."""

    def __init__(
        self, session: Session, reference: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.reference = session, reference
        self.book: ComplaintBook = session.complaints.complaints(reference)
        self.record_button = QtWidgets.QPushButton(self.tr("&Record a complaint…"))
        self.record_button.setObjectName("recordComplaint")
        self.acknowledge_button = QtWidgets.QPushButton(self.tr("&Acknowledge…"))
        self.acknowledge_button.setObjectName("acknowledgeComplaint")
        self.outcome_button = QtWidgets.QPushButton(self.tr("Record the &outcome…"))
        self.outcome_button.setObjectName("complaintOutcomeButton")
        words = RecordListWords(
            name="complaints",
            title=self.tr("Complaints — {reference}").format(reference=reference),
            stands=decision_stands(),
            table=self.tr("Complaints about the conference"),
            label=self.tr("&Complaints:"),
            empty=self.tr("No complaint has been recorded."),
            close=self.tr("C&lose"),
        )
        mine = (self.record_button, self.acknowledge_button, self.outcome_button)
        self.frame(words, _columns(), mine)
        self.record_button.clicked.connect(self.record_complaint)
        self.acknowledge_button.clicked.connect(self.acknowledge)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.table.itemSelectionChanged.connect(self._update)
        self.resize(900, 420)
        if not may(session.actor, Action.RECORD_COMPLAINT):
            refuse_widget(self.record_button, why_not(session.actor, Action.RECORD_COMPLAINT))
        self._fill()
        (self.record_button if self.record_button.isEnabled() else self.table).setFocus()

    def _fill(self, select: str | None = None) -> None:
        today = self.session.today()
        words = grounds()
        rows = [
            (
                line.complaint.id,
                (
                    screen_short_date(line.complaint.received),
                    line.complainant
                    + (f" ({line.complaint.relation})" if line.complaint.relation else ""),
                    ", ".join(line.children),
                    "; ".join(words[g] for g in line.complaint.grounds),
                    state_words(line.complaint),
                    step_words(line.next_step, today) if line.next_step else "",
                ),
            )
            for line in self.book.lines
        ]
        self.show_rows(rows, select)
        self._update()

    def selected(self) -> ComplaintLine | None:
        row = self.selected_row()
        return self.book.lines[row] if row is not None else None

    def _update(self) -> None:
        actor = self.session.actor
        for button in (self.acknowledge_button, self.outcome_button):
            if not may(actor, Action.RECORD_COMPLAINT):
                refuse_widget(button, why_not(actor, Action.RECORD_COMPLAINT))
                continue
            line = self.selected()
            button.setEnabled(line is not None and line.next_step is not None)
        line = self.selected()
        if line is not None and line.complaint.acknowledged is not None:
            self.acknowledge_button.setEnabled(False)

    def _reload(self, select: str | None = None) -> None:
        try:
            self.book = self.session.complaints.complaints(self.reference)
        except ServiceError as error:
            QtWidgets.QMessageBox.warning(self, self.tr("Complaints"), error.message)
            return
        self._fill(select)

    def record_complaint(self) -> None:
        if not self.record_button.isEnabled() or self.form is not None:
            return
        before = {line.complaint.id for line in self.book.lines}
        form = RecordComplaintForm(self.session.complaints, self.book, self.session.today(), self)
        form.accepted.connect(lambda: self._after_recording(before))
        self.open_form(form)

    def _after_recording(self, before: set[str]) -> None:
        self._reload()
        added = [line for line in self.book.lines if line.complaint.id not in before]
        if added:
            self._fill(added[-1].complaint.id)

    def acknowledge(self) -> None:
        self._line_form(self.acknowledge_button, AcknowledgeForm)

    def record_outcome(self) -> None:
        self._line_form(self.outcome_button, ComplaintOutcomeForm)

    def _line_form(self, button: QtWidgets.QPushButton, kind: type) -> None:
        line = self.selected()
        if line is None or not button.isEnabled() or self.form is not None:
            return
        form = kind(self.session.complaints, self.reference, line, self.session.today(), self)
        form.finished.connect(lambda _result: self._reload(line.complaint.id))
        self.open_form(form)


def open_complaints(
    parent: QtWidgets.QWidget, session: Session, reference: str
) -> ComplaintsDialog | None:
    """Open the Complaints dialog (window-modal); a refusal to open it is one line."""
    try:
        dialog = ComplaintsDialog(session, reference, parent)
    except ServiceError as error:
        QtWidgets.QMessageBox.warning(
            parent,
            QtCore.QCoreApplication.translate("ComplaintsDialog", "Complaints"),
            error.message,
        )
        return None
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
