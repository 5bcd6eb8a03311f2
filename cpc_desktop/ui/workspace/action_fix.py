"""Complete an action noted in the meeting: its owner, its words and its due date.

Opened from the closing check (issue 19, point 6) for an action without an owner or a
date. OK saves through ``session.notes.update_action``; a refusal is one line in the
dialog, which stays open with what was typed.
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
        when = action.due_date
        self.due.setDate(NO_DATE if when is None else QtCore.QDate(when.year, when.month, when.day))
        self.problem = QtWidgets.QLabel()
        self.problem.setObjectName("actionProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.hide()
        form = QtWidgets.QFormLayout()
        form.addRow("&Who:", self.owner)
        form.addRow("&What:", self.what)
        form.addRow("&By:", self.due)
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

    def due_date(self) -> date | None:
        value = self.due.date()
        return None if value == NO_DATE else date(value.year(), value.month(), value.day())

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
