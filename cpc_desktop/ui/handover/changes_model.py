"""The list of what a hand-over package does, grouped: conflicts, added, changed, removed.

A two-level tree model: one row per group ("Conflicts (1 of 2 settled)"), and under
it one row per unit, in the order the units come in the conference. Columns: the
entry in words, what happens to it, and (for a conflict) the chair's choice so far.
Removals say "Removed:" in words and carry their own icon and colour, so they are
never told apart by colour alone. The model also keeps the chair's choices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.merge import (
    Change,
    ChangeKind,
    Conflict,
    MergePlan,
    Resolution,
    UnitKey,
)
from cpc_desktop.ui.handover.describe import (
    CHOICE_WORDS,
    KIND_WORDS,
    Names,
    change_words,
    conflict_words,
    describe,
    kind_words,
)

Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex
_ROOT = QtCore.QModelIndex()
DISPLAY = QtCore.Qt.ItemDataRole.DisplayRole
ROW_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Entry", "What happens", "Your choice")

CONFLICTS, ADDED, CHANGED, REMOVED = "conflicts", "added", "changed", "removed"
GROUP_TITLES = {
    CONFLICTS: "Conflicts",
    ADDED: "Added",
    CHANGED: "Changed",
    REMOVED: "Removed",
}
_GROUP_OF = {ChangeKind.ADDED: ADDED, ChangeKind.CHANGED: CHANGED, ChangeKind.DELETED: REMOVED}
_KIND_ORDER = {kind: n for n, kind in enumerate(KIND_WORDS)}

REMOVED_COLOUR = QtGui.QColor("#9b1c1c")


@dataclass(frozen=True)
class Row:
    """One unit in the list: where it is grouped and how it is described."""

    group: str
    key: UnitKey
    entry: str  # "Minute entry — Reason for the conference, Amira Hussain: “...”"
    what: str  # "Changes the text", "Changed on both laptops: the text"
    change: Change | None = None
    conflict: Conflict | None = None


def _value(change: Change) -> Any:
    return change.after if change.after is not None else change.before


def build_rows(plan: MergePlan, names: Names) -> dict[str, list[Row]]:
    """The plan's rows, by group, each group in the order of the conference."""
    groups: dict[str, list[Row]] = {name: [] for name in GROUP_TITLES}
    for conflict in plan.conflicts:
        value = next(v for v in (conflict.theirs, conflict.mine, conflict.base) if v is not None)
        entry = f"{kind_words(conflict.key)} — {describe(conflict.key, value, names)}"
        groups[CONFLICTS].append(
            Row(CONFLICTS, conflict.key, entry, conflict_words(conflict), conflict=conflict)
        )
    for change in plan.changes:
        group = _GROUP_OF[change.kind]
        entry = f"{kind_words(change.key)} — {describe(change.key, _value(change), names)}"
        if change.kind is ChangeKind.DELETED:
            entry = "Removed: " + entry
        groups[group].append(Row(group, change.key, entry, change_words(change), change=change))

    def order(row: Row) -> tuple[int, int]:
        return (_KIND_ORDER.get(row.key.kind, 99), names.position.get(row.key.id, 1 << 30))

    return {name: sorted(rows, key=order) for name, rows in groups.items() if rows}


class ChangesModel(QtCore.QAbstractItemModel):
    """Groups of rows (``Row``), and the chair's choice for every conflict."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[Row]]] = []
        self.resolutions: dict[UnitKey, Resolution] = {}
        style = QtWidgets.QApplication.style()
        pixmap = QtWidgets.QStyle.StandardPixmap
        self._icons = {
            "unsettled": style.standardIcon(pixmap.SP_MessageBoxWarning),
            "settled": style.standardIcon(pixmap.SP_DialogApplyButton),
            REMOVED: style.standardIcon(pixmap.SP_TrashIcon),
        }

    # --- contents --------------------------------------------------------------------

    def set_plan(self, plan: MergePlan | None, names: Names | None) -> None:
        self.beginResetModel()
        rows = build_rows(plan, names) if plan is not None and names is not None else {}
        self._groups = list(rows.items())
        self.resolutions = {}
        self.endResetModel()

    def rows(self, group: str | None = None) -> list[Row]:
        return [row for name, rows in self._groups if group in (None, name) for row in rows]

    def conflicts(self) -> list[Conflict]:
        return [row.conflict for row in self.rows(CONFLICTS) if row.conflict is not None]

    def settled(self) -> int:
        return sum(1 for conflict in self.conflicts() if conflict.key in self.resolutions)

    def set_resolution(self, key: UnitKey, resolution: Resolution) -> None:
        self.resolutions[key] = resolution
        where = self.index_of(key)
        if where.isValid():
            self.dataChanged.emit(where.siblingAtColumn(0), where.siblingAtColumn(len(COLUMNS) - 1))
            group = where.parent()
            self.dataChanged.emit(group, group.siblingAtColumn(len(COLUMNS) - 1))

    def index_of(self, key: UnitKey, group: str | None = None) -> QtCore.QModelIndex:
        for g, (name, rows) in enumerate(self._groups):
            if group not in (None, name):
                continue
            for r, row in enumerate(rows):
                if row.key == key:
                    return self.index(r, 0, self.index(g, 0))
        return QtCore.QModelIndex()

    def group_index(self, group: str) -> QtCore.QModelIndex:
        for g, (name, _rows) in enumerate(self._groups):
            if name == group:
                return self.index(g, 0)
        return QtCore.QModelIndex()

    def row_at(self, index: Index) -> Row | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        _name, rows = self._groups[index.internalId() - 1]
        return rows[index.row()] if 0 <= index.row() < len(rows) else None

    # --- Qt --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QtCore.QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QtCore.QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = _ROOT) -> QtCore.QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QtCore.QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = DISPLAY
    ) -> Any:
        horizontal = orientation == QtCore.Qt.Orientation.Horizontal
        if horizontal and role == DISPLAY and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> QtCore.Qt.ItemFlag:
        if not index.isValid():
            return QtCore.Qt.ItemFlag.NoItemFlags
        return QtCore.Qt.ItemFlag.ItemIsEnabled | QtCore.Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        row = self.row_at(index)
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role in (DISPLAY, QtCore.Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        if role == QtCore.Qt.ItemDataRole.AccessibleTextRole:
            return self._text(row, index.column()) or "blank"
        if role == QtCore.Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return self._icon(row)
        if role == QtCore.Qt.ItemDataRole.ForegroundRole and row.group == REMOVED:
            return REMOVED_COLOUR
        if role == QtCore.Qt.ItemDataRole.FontRole and row.conflict is not None:
            font = QtGui.QFont()
            font.setBold(row.key not in self.resolutions)
            return font
        return None

    def _group_data(self, index: Index, role: int) -> Any:
        if not 0 <= index.row() < len(self._groups):
            return None
        name, rows = self._groups[index.row()]
        if role in (DISPLAY, QtCore.Qt.ItemDataRole.AccessibleTextRole):
            if index.column() != 0:
                return "" if role == DISPLAY else "blank"
            if name == CONFLICTS:
                return f"Conflicts ({self.settled()} of {len(rows)} settled)"
            return f"{GROUP_TITLES[name]} ({len(rows)})"
        if role == QtCore.Qt.ItemDataRole.FontRole:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if role == QtCore.Qt.ItemDataRole.ForegroundRole and name == REMOVED:
            return REMOVED_COLOUR
        return None

    def _text(self, row: Row, column: int) -> str:
        if column == 0:
            return row.entry
        if column == 1:
            return row.what
        if row.conflict is not None:
            resolution = self.resolutions.get(row.key)
            return CHOICE_WORDS[resolution.side if resolution else None]
        return ""

    def _icon(self, row: Row) -> QtGui.QIcon | None:
        if row.conflict is not None:
            return self._icons["settled" if row.key in self.resolutions else "unsettled"]
        return self._icons.get(row.group)
