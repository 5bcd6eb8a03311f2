"""A read-only table model over a list of frozen values (one value per row).

Subclasses say what each cell shows (``cell_text``) and may add other roles
(``cell_data``); the list is replaced whole with :meth:`set_rows` or one row at a
time with :meth:`replace_row`, so views keep their selection where they can.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6 import QtCore

from cpc_desktop.domain.inert import isolated

T = TypeVar("T")
_ROOT = QtCore.QModelIndex()
Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex
DISPLAY = QtCore.Qt.ItemDataRole.DisplayRole
VALUE_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1


class RowsModel(QtCore.QAbstractTableModel, Generic[T]):
    headers: tuple[str, ...] = ()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    # --- contents --------------------------------------------------------------------

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_row(self, row: int, value: T) -> None:
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))

    def value(self, row: int) -> T:
        return self._rows[row]

    def values(self) -> tuple[T, ...]:
        return tuple(self._rows)

    # --- to override -----------------------------------------------------------------

    def cell_text(self, value: T, column: int) -> str:
        raise NotImplementedError

    def cell_data(self, value: T, column: int, role: int) -> Any:
        return None

    # --- Qt --------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = DISPLAY
    ) -> Any:
        horizontal = orientation == QtCore.Qt.Orientation.Horizontal
        if horizontal and role == DISPLAY and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()]
        if role == VALUE_ROLE:
            return value
        if role in (DISPLAY, QtCore.Qt.ItemDataRole.AccessibleTextRole):
            text = self.cell_text(value, index.column())
            # A bidi control typed in a name acts inside its own cell text only.
            return isolated(text) if role == DISPLAY else (text or "blank")
        return self.cell_data(value, index.column(), role)
