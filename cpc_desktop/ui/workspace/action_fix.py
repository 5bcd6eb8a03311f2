"""Complete an action noted in the meeting: its owner, its words and its due date.

Opened from the closing check (issue 19, point 6) for an action without an owner or a
date. An action with no date keeps none unless one is typed. Save goes through
``session.notes.update_action``; a refusal is one line in the dialog, which stays open
with what was typed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.conference import ConferenceAction
from cpc_desktop.ui.date_typing import TypedDateEdit
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.field_limits import bound

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

NO_DATE = QtCore.QDate(1900, 1, 1)


class ActionDialog(QtWidgets.QDialog):
    def __init__(
        self,
        session: Session,
        action: ConferenceAction,
        number: int,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Action {number}")
        self._session = session
        self._action = action
        self.saved: ConferenceAction | None = None
        self.owner = bound(QtWidgets.QLineEdit(action.owner), "$.actions[].owner")
        self.owner.setAccessibleName("Action owner")
        self.what = bound(QtWidgets.QLineEdit(action.action), "$.actions[].action")
        self.what.setAccessibleName("Action")
        self.due = TypedDateEdit()
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setCalendarPopup(True)
        self.due.setMinimumDate(NO_DATE)
        self.due.setSpecialValueText("no date")
        self.due.setAccessibleName("Action due date")
        # A box showing "no date" takes no typing, so one without a date starts at
        # today's: saved only if it is changed (``dated``), else the action stays undated.
        when = action.due_date or session.today()
        self.due.setDate(QtCore.QDate(when.year, when.month, when.day))
        self.dated = action.due_date is not None
        self.due.dateChanged.connect(self._dated)
        self.problem = QtWidgets.QLabel()
        self.problem.setObjectName("actionProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.hide()
        form = QtWidgets.QFormLayout()
        form.addRow("&Who:", self.owner)
        form.addRow("&What:", self.what)
        form.addRow("&By:" if self.dated else "&By (no date yet):", self.due)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        (self.what if action.owner.strip() else self.owner).setFocus()

    def _dated(self) -> None:
        self.dated = True

    def due_date(self) -> date | None:
        """The date in the box, or None when it is "no date" or was never given one."""
        value = self.due.date()
        if not self.dated or value == NO_DATE:
            return None
        return date(value.year(), value.month(), value.day())

    def _save(self) -> None:
        try:
            self.saved = self._session.notes.update_action(
                self._action.id,
                owner=self.owner.text().strip(),
                action=self.what.text().strip(),
                due_date=self.due_date(),
            )
        except Exception as error:
            message = user_message(error)
            if message is None:
                raise
            self.problem.setText(message)
            self.problem.show()
            return
        self.accept()
