"""The bar Ctrl+J opens under the minute editor: who does what, by when.

Signals:
    submitted(str, str, object): owner, action, due date (or None).
    closed: Escape closed it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.ui.date_typing import TypedDateEdit
from cpc_desktop.ui.field_limits import bound

_NO_DATE = QtCore.QDate(1900, 1, 1)


class ActionBar(QtWidgets.QFrame):
    """Owner, action and due date, typed in one go; Enter records, Escape closes.

    Signals:
        submitted(str, str, object): owner, action, due date (or None).
    """

    submitted = QtCore.Signal(str, str, object)
    closed = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.owner = bound(QtWidgets.QLineEdit(), "$.actions[].owner")
        self.owner.setPlaceholderText("Who")
        self.owner.setAccessibleName("Action owner")
        self.action_text = bound(QtWidgets.QLineEdit(), "$.actions[].action")
        self.action_text.setPlaceholderText("What will be done")
        self.action_text.setAccessibleName("Action")
        self.due = TypedDateEdit()
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setCalendarPopup(True)
        self.due.setMinimumDate(_NO_DATE)
        self.due.setSpecialValueText("no date")
        self.due.setAccessibleName("Action due date")
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QtWidgets.QLabel("Action:"))
        layout.addWidget(self.owner, 2)
        layout.addWidget(self.action_text, 5)
        layout.addWidget(QtWidgets.QLabel("by"))
        layout.addWidget(self.due, 1)
        # Return reaches keyPressEvent below from any field (line edits pass it on).

    def open(self, names: Sequence[str], default_due: date) -> None:
        completer = QtWidgets.QCompleter(list(names), self)
        completer.setCaseSensitivity(QtCore.Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(QtCore.Qt.MatchFlag.MatchContains)
        self.owner.setCompleter(completer)
        self.owner.clear()
        self.action_text.clear()
        self.due.setDate(QtCore.QDate(default_due.year, default_due.month, default_due.day))
        self.show()
        self.owner.setFocus()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() == QtCore.Qt.Key.Key_Escape:
            self.hide()
            self.closed.emit()
            return
        if event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
            self._submit()
            return
        super().keyPressEvent(event)

    def _submit(self) -> None:
        value = self.due.date()
        due = None if value == _NO_DATE else date(value.year(), value.month(), value.day())
        self.submitted.emit(self.owner.text().strip(), self.action_text.text().strip(), due)
