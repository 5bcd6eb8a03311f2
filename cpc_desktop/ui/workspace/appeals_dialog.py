"""Appeals (Northern Ireland): a parent's appeals against the decision, and how each ended.

Opened from the Decisions tab (A&ppeals…), only under a profile with appeals. It lists
each appeal with its state, records a new one and, later, its outcome. The decision
stands while an appeal is considered: the dialog says so, and nothing here changes the
decision or the minutes (no copy of the minutes prints an appeal), so it works the same
before and after the minutes are approved or issued.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.appeals import GROUND_WORDS
from cpc_desktop.services.appeals import AppealBook, AppealLine
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.roles import Action
from cpc_desktop.ui.permissions import may, refuse_widget, why_not
from cpc_desktop.ui.workspace.appeal_forms import AppealOutcomeForm, RecordAppealForm
from cpc_desktop.ui.workspace.decisions_buttons import command_button
from cpc_desktop.ui.workspace.record_dialog import RecordListDialog, RecordListWords

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

#: What the dialog says first: the decision does not wait for the appeal.
STANDS = (
    "The conference's decision stands while an appeal is considered: nothing it decided "
    "changes unless an appeal is upheld and the decision is then looked at again."
)
_COLUMNS = ("Received", "Appellant", "Children", "Grounds", "State")


def appeals_button(open_appeals: Callable[[], None]) -> QtWidgets.QPushButton:
    """The Decisions tab's "Appeals…" button."""
    translate = QtCore.QCoreApplication.translate
    return command_button(
        translate("AppealsDialog", "A&ppeals…"),
        "appealsButton",
        translate("AppealsDialog", "Appeals against the decision"),
        translate(
            "AppealsDialog", "Record a parent's appeal against the decision, and how it ended"
        ),
        open_appeals,
    )


class AppealsDialog(RecordListDialog):
    """The conference's appeals: the list, "Record an appeal…" and "Record the outcome…"."""

    def __init__(
        self, session: Session, reference: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.reference = session, reference
        self.book: AppealBook = session.appeals.appeals(reference)
        self.record_button = QtWidgets.QPushButton("&Record an appeal…")
        self.record_button.setObjectName("recordAppeal")
        self.outcome_button = QtWidgets.QPushButton("Record the &outcome…")
        self.outcome_button.setObjectName("appealOutcomeButton")
        words = RecordListWords(
            name="appeals",
            title=f"Appeals — {reference}",
            stands=STANDS,
            table="Appeals against the decision",
            label="&Appeals:",
            empty="No appeal has been recorded.",
            close="&Close",
        )
        self.frame(words, _COLUMNS, (self.record_button, self.outcome_button))
        self.record_button.clicked.connect(self.record_appeal)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.table.itemSelectionChanged.connect(self._update)
        self.table.activated.connect(lambda _index: self.record_outcome())
        self.resize(820, 420)
        actor = session.actor
        if not may(actor, Action.RECORD_APPEAL):
            refuse_widget(self.record_button, why_not(actor, Action.RECORD_APPEAL))
        self._fill()
        (self.record_button if self.record_button.isEnabled() else self.table).setFocus()

    # --- the list ------------------------------------------------------------------

    def _fill(self, select: str | None = None) -> None:
        rows = [
            (
                line.appeal.id,
                (
                    line.appeal.received.strftime("%d/%m/%Y"),
                    line.appellant or "(not recorded)",
                    ", ".join(line.children) or "Every child",
                    "; ".join(GROUND_WORDS[g] for g in line.appeal.grounds),
                    line.state,
                ),
            )
            for line in self.book.lines
        ]
        self.show_rows(rows, select)
        self._update()

    def selected(self) -> AppealLine | None:
        row = self.selected_row()
        return self.book.lines[row] if row is not None else None

    def _update(self) -> None:
        actor = self.session.actor
        if not may(actor, Action.DECIDE_APPEAL):
            refuse_widget(self.outcome_button, why_not(actor, Action.DECIDE_APPEAL))
            return
        self.outcome_button.setEnabled(self.selected() is not None)

    def _reload(self, select: str | None = None) -> None:
        try:
            self.book = self.session.appeals.appeals(self.reference)
        except ServiceError as error:
            QtWidgets.QMessageBox.warning(self, "Appeals", error.message)
            return
        self._fill(select)

    # --- the forms (window-modal, opened without blocking) -----------------------------

    def record_appeal(self) -> None:
        if not self.record_button.isEnabled() or self.form is not None:
            return
        before = {line.appeal.id for line in self.book.lines}
        form = RecordAppealForm(self.session.appeals, self.book, self.session.today(), self)
        form.accepted.connect(lambda: self._after_recording(before))
        self.open_form(form)

    def _after_recording(self, before: set[str]) -> None:
        self._reload()
        added = [line for line in self.book.lines if line.appeal.id not in before]
        if added:
            self._fill(added[-1].appeal.id)

    def record_outcome(self) -> None:
        line = self.selected()
        if line is None or not self.outcome_button.isEnabled() or self.form is not None:
            return
        form = AppealOutcomeForm(
            self.session.appeals, self.reference, line, self.session.today(), self
        )
        # Reloaded however it closed: an outcome someone else set meanwhile shows.
        form.finished.connect(lambda _result: self._reload(line.appeal.id))
        self.open_form(form)


def open_appeals(
    parent: QtWidgets.QWidget, session: Session, reference: str
) -> AppealsDialog | None:
    """Open the Appeals dialog (window-modal); a refusal to open it is one line in a
    message box."""
    try:
        dialog = AppealsDialog(session, reference, parent)
    except ServiceError as error:
        QtWidgets.QMessageBox.warning(parent, "Appeals", error.message)
        return None
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
