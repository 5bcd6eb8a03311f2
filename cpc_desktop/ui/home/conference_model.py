"""The home screen's table: every conference, what is due next and what is overdue."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6 import QtCore, QtGui

from cpc_desktop.services.schedule import ConferenceSummary
from cpc_desktop.ui.rows_model import RowsModel

TYPE_NAMES = {
    "initial": "Initial",
    "review": "Review",
    "transfer_in": "Transfer-in",
    "pre_birth": "Pre-birth",
}
_OVERDUE_BACKGROUND = QtGui.QColor("#fee2e2")
SORT_ROLE = QtCore.Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    REFERENCE = 0
    TYPE = 1
    DATE = 2
    STATUS = 3
    CHILDREN = 4
    NEXT = 5
    OVERDUE = 6


def long_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


class ConferenceTableModel(RowsModel[ConferenceSummary]):
    """Rows of :class:`ConferenceSummary`; overdue rows are tinted."""

    headers = ("Reference", "Type", "Date", "Status", "Children", "Next deadline", "Overdue")

    def __init__(self, today: date, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def set_summaries(self, rows: Sequence[ConferenceSummary], today: date) -> None:
        self._today = today
        self.set_rows(rows)

    def cell_text(self, value: ConferenceSummary, column: int) -> str:
        col = Column(column)
        if col is Column.REFERENCE:
            return value.reference
        if col is Column.TYPE:
            return TYPE_NAMES.get(value.type.value, value.type.value)
        if col is Column.DATE:
            return long_date(value.date)
        if col is Column.STATUS:
            return value.status.value.replace("_", " ").capitalize()
        if col is Column.CHILDREN:
            return str(value.children)
        if col is Column.NEXT:
            found = value.next_deadline(self._today)
            return "" if found is None else f"{found[0].capitalize()} by {long_date(found[1])}"
        return ", ".join(value.overdue).capitalize()

    def cell_data(self, value: ConferenceSummary, column: int, role: int) -> Any:
        if role == QtCore.Qt.ItemDataRole.BackgroundRole and value.overdue:
            return _OVERDUE_BACKGROUND
        if role == QtCore.Qt.ItemDataRole.ToolTipRole and value.overdue:
            return "Overdue: " + ", ".join(value.overdue)
        if role == SORT_ROLE:
            col = Column(column)
            if col is Column.DATE:
                return value.date.isoformat()
            if col is Column.CHILDREN:
                return value.children
            if col is Column.NEXT:
                found = value.next_deadline(self._today)
                return "9999" if found is None else found[1].isoformat()
            return self.cell_text(value, column)
        return None
