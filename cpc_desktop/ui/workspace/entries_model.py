"""The minute entries of one agenda item, one row each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6 import QtCore, QtGui

from cpc_desktop.domain.conference import MinuteEntry
from cpc_desktop.domain.dates import clock
from cpc_desktop.ui.rows_model import RowsModel
from cpc_desktop.ui.workspace.analysis import SECTION_LABELS

TAG_LABELS = {
    "fact": "Fact",
    "observation": "Observation",
    "allegation": "Allegation",
    "opinion": "Opinion",
}
_RESTRICTED = QtGui.QColor("#fef3c7")


class EntriesModel(RowsModel[MinuteEntry]):
    headers = ("Time", "Speaker", "Minute", "Tag", "Restricted")

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._names: Mapping[str, str] = {}

    def set_names(self, names: Mapping[str, str]) -> None:
        self._names = dict(names)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 1), self.index(self.rowCount() - 1, 1))

    def row_of(self, entry_id: str) -> int:
        for row, entry in enumerate(self.values()):
            if entry.id == entry_id:
                return row
        return -1

    def cell_text(self, value: MinuteEntry, column: int) -> str:
        if column == 0:
            return clock(value.created_at.astimezone())
        if column == 1:
            return self._names.get(value.speaker_id or "", "")
        if column == 2:
            first = value.text.strip().splitlines()[0] if value.text.strip() else ""
            if value.section is not None:
                return f"[{SECTION_LABELS[value.section]}] {first[:200]}"
            return first[:200]
        if column == 3:
            return TAG_LABELS.get(value.tag.value, "") if value.tag else ""
        return "restricted" if value.restricted else ""

    def cell_data(self, value: MinuteEntry, column: int, role: int) -> Any:
        if role == QtCore.Qt.ItemDataRole.BackgroundRole and value.restricted:
            return _RESTRICTED
        if role == QtCore.Qt.ItemDataRole.ToolTipRole and column == 2:
            return value.text[:2000]
        return None
