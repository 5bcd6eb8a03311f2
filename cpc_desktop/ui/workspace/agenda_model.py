"""The agenda as a table: number, title and time allowed, one row per item.

The current item is bold, tinted and marked with an arrow; done items are grey with a
tick; a skipped item is grey, its title struck through, and "skipped" stands where
its time would be. Rows can be dragged
to a new place, but the model never reorders itself: it asks for the move with
:attr:`AgendaModel.move_requested` and shows the store's answer when the panel
reloads it.

Signals:
    move_requested(str, int): the id of the item to move and its index after the move.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6 import QtCore, QtGui

from cpc_desktop.domain.conference import AgendaItem
from cpc_desktop.domain.enums import AgendaStatus
from cpc_desktop.ui.rows_model import Index, RowsModel

MIME_TYPE = "application/x-cpc-agenda-item-ids"
_ROOT = QtCore.QModelIndex()
_Flag = QtCore.Qt.ItemFlag
_Role = QtCore.Qt.ItemDataRole

CURRENT_BACKGROUND = QtGui.QColor("#dbeafe")
FINISHED_FOREGROUND = QtGui.QColor("#5b6472")
CURRENT_MARK = "▶"
DONE_MARK = "✓"
STATUS_WORDS = {
    AgendaStatus.PENDING: "to come",
    AgendaStatus.CURRENT: "current item",
    AgendaStatus.DONE: "done",
    AgendaStatus.SKIPPED: "skipped",
}


class Column(IntEnum):
    NUMBER = 0
    TITLE = 1
    ALLOWANCE = 2


def destination_index(source_row: int, before_row: int) -> int:
    """Where a row ends up when it is dropped in front of ``before_row``.

    ``before_row`` counts the rows as they were before the move (Qt's convention
    for ``moveRows`` and drops); the answer counts them after it.
    """
    return before_row - 1 if before_row > source_row else before_row


class AgendaModel(RowsModel[AgendaItem]):
    headers = ("No.", "Item", "Time")
    move_requested = QtCore.Signal(str, int)

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)

    # --- contents --------------------------------------------------------------------

    def set_items(self, items: Sequence[AgendaItem]) -> None:
        self.set_rows(items)

    def row_of(self, item_id: str) -> int:
        """The row showing ``item_id``, or -1."""
        for row, item in enumerate(self.values()):
            if item.id == item_id:
                return row
        return -1

    def cell_text(self, value: AgendaItem, column: int) -> str:
        col = Column(column)
        if col is Column.NUMBER:
            number = str(self.row_of(value.id) + 1)
            if value.status is AgendaStatus.CURRENT:
                return f"{CURRENT_MARK} {number}"
            if value.status is AgendaStatus.DONE:
                return f"{DONE_MARK} {number}"
            return number
        if col is Column.TITLE:
            return value.title
        if value.status is AgendaStatus.SKIPPED:
            # Said in words where the time would be, and not struck through with the title.
            return "skipped"
        return f"{value.allowance_minutes} min"

    def cell_data(self, value: AgendaItem, column: int, role: int) -> Any:
        status = value.status
        if role == _Role.FontRole:
            if status is AgendaStatus.CURRENT:
                font = QtGui.QFont()
                font.setBold(True)
                return font
            if status is AgendaStatus.SKIPPED and column != Column.NUMBER:
                font = QtGui.QFont()
                font.setStrikeOut(column == Column.TITLE)
                font.setItalic(column == Column.ALLOWANCE)
                return font
            return None
        if role == _Role.BackgroundRole and status is AgendaStatus.CURRENT:
            return CURRENT_BACKGROUND
        if role == _Role.ForegroundRole and status in (AgendaStatus.DONE, AgendaStatus.SKIPPED):
            return FINISHED_FOREGROUND
        if role == _Role.TextAlignmentRole:
            return _alignment(column)
        if role in (_Role.ToolTipRole, _Role.AccessibleDescriptionRole):
            return self.describe(value)
        return None

    def describe(self, value: AgendaItem) -> str:
        """One sentence for a screen reader or a tooltip."""
        number = self.row_of(value.id) + 1
        return (
            f"Item {number}: {value.title}, {value.allowance_minutes} minutes, "
            f"{STATUS_WORDS[value.status]}"
        )

    # --- dragging rows ---------------------------------------------------------------

    def flags(self, index: Index) -> QtCore.Qt.ItemFlag:
        if not index.isValid():
            return _Flag.ItemIsDropEnabled
        return _Flag.ItemIsEnabled | _Flag.ItemIsSelectable | _Flag.ItemIsDragEnabled

    def supportedDropActions(self) -> QtCore.Qt.DropAction:
        return QtCore.Qt.DropAction.MoveAction

    def supportedDragActions(self) -> QtCore.Qt.DropAction:
        return QtCore.Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QtCore.QModelIndex]) -> QtCore.QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self.value(row).id for row in rows]
        data = QtCore.QMimeData()
        data.setData(MIME_TYPE, QtCore.QByteArray("\n".join(ids).encode("utf-8")))
        return data

    def canDropMimeData(
        self,
        data: QtCore.QMimeData,
        action: QtCore.Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        return action == QtCore.Qt.DropAction.MoveAction and len(self._dropped_ids(data)) == 1

    def dropMimeData(
        self,
        data: QtCore.QMimeData,
        action: QtCore.Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if action == QtCore.Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        (item_id,) = self._dropped_ids(data)
        source = self.row_of(item_id)
        if source < 0:
            return False
        if row < 0:
            # Dropped on a row (not between rows) or below the last one.
            row = parent.row() if parent.isValid() else self.rowCount()
        return self._request_move(source, row)

    def moveRows(
        self,
        sourceParent: Index,
        sourceRow: int,
        count: int,
        destinationParent: Index,
        destinationChild: int,
    ) -> bool:
        """Ask for one row to move in front of ``destinationChild`` (old numbering)."""
        if sourceParent.isValid() or destinationParent.isValid() or count != 1:
            return False
        if not 0 <= sourceRow < self.rowCount():
            return False
        if not 0 <= destinationChild <= self.rowCount():
            return False
        return self._request_move(sourceRow, destinationChild)

    def removeRows(self, row: int, count: int, parent: Index = _ROOT) -> bool:
        """Refused: after a drag the view asks to remove the dragged rows; the store moved them."""
        return False

    def _request_move(self, source: int, before_row: int) -> bool:
        before_row = max(0, min(before_row, self.rowCount()))
        target = destination_index(source, before_row)
        if target == source:
            return False
        self.move_requested.emit(self.value(source).id, target)
        return True

    def _dropped_ids(self, data: QtCore.QMimeData) -> list[str]:
        if not data.hasFormat(MIME_TYPE):
            return []
        raw = bytes(data.data(MIME_TYPE).data()).decode("utf-8")
        return [part for part in raw.split("\n") if part]


def _alignment(column: int) -> QtCore.Qt.AlignmentFlag:
    vertical = QtCore.Qt.AlignmentFlag.AlignVCenter
    if column == Column.ALLOWANCE:
        return QtCore.Qt.AlignmentFlag.AlignRight | vertical
    return QtCore.Qt.AlignmentFlag.AlignLeft | vertical
