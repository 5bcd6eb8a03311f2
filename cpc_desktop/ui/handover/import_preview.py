"""The preview step of importing a hand-over: what the package does, and settling it.

The list of changes (:class:`ChangesTree` over a :class:`ChangesModel`) above the
panel that shows the selected entry and, for a conflict, its choices
(:class:`ComparePanel`). Import is offered only once every conflict is settled; the
import itself, and the steps before and after, are :class:`ImportDialog`'s.
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.merge import ChangeKind, Resolution, UnitKey
from cpc_desktop.ui.handover.changes_model import (
    COLUMNS,
    CONFLICTS,
    ROW_ROLE,
    ChangesModel,
    Row,
)
from cpc_desktop.ui.handover.conflict_panel import ComparePanel
from cpc_desktop.ui.handover.describe import Names
from cpc_desktop.ui.output.common import moment_text, plural, text_label

_BANNER = "background: #eef2f7; color: #1f2937; border: 1px solid #9ca3af; border-radius: 4px;"
_BLOCKED = "background: #fde2e2; color: #7f1d1d; border: 2px solid #c53030; border-radius: 4px;"


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


class ChangesTree(QtWidgets.QTreeView):
    """The list of changes; Enter on a conflict asks for its panel (never the dialog's button)."""

    enter_pressed = QtCore.Signal(QtCore.QModelIndex)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid() and not index.parent().isValid():
                self.setExpanded(index.siblingAtColumn(0), not self.isExpanded(index))
            self.enter_pressed.emit(index)
            event.accept()
            return
        super().keyPressEvent(event)


class ImportPreview(QtWidgets.QWidget):
    """What a package adds, changes and removes, its conflicts settled one by one.

    The Import and Cancel buttons are here; what they do is the dialog's.
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.package: Any = None
        self.preview: Any = None
        self.names: Names | None = None
        self._build()

    def _build(self) -> None:
        self.setObjectName("previewPage")
        self.header = text_label("importHeader", "What the package does", bold=True, scale=1.15)
        self.header.setMargin(8)
        self.header.setStyleSheet(_BANNER)
        self.made = text_label("importMadeBy", "Who made the package")
        self.blocked = text_label("importBlocked", "Why it cannot be imported", bold=True, margin=8)
        self.blocked.setStyleSheet(_BLOCKED)

        self.model = ChangesModel(self)
        self.tree = ChangesTree()
        self.tree.setObjectName("changesList")
        self.tree.setAccessibleName("What the package changes")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(1, 330)
        self.tree.setColumnWidth(2, 130)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.enter_pressed.connect(self._enter)
        self.model.modelReset.connect(self.tree.expandAll)

        self.panel = ComparePanel()
        self.panel.resolved.connect(self.settle)
        splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        splitter.setObjectName("previewSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 300])

        self.settled_label = text_label("settledCount", "Conflicts settled", bold=True)
        self.import_button = QtWidgets.QPushButton("&Import")
        self.import_button.setAccessibleName("Import")
        self.import_button.setAutoDefault(False)
        self.cancel_button = cancel = QtWidgets.QPushButton("Cancel")
        cancel.setAccessibleName("Cancel the import")
        cancel.setAutoDefault(False)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.settled_label, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)

        self.keys_hint = hint = QtWidgets.QLabel(
            "Up and Down move through the list; Enter on a conflict goes to its choices: "
            "Alt+T takes theirs, Alt+K keeps mine, Alt+E edits a merged text."
        )
        hint.setObjectName("previewKeys")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #4b5563;")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.made)
        layout.addWidget(self.blocked)
        layout.addWidget(splitter, 1)
        layout.addWidget(hint)
        layout.addLayout(buttons)

    def show_preview(self, package: Any, preview: Any) -> None:
        """Show what ``package`` does (``preview``: the service's preview of it)."""
        self.package, self.preview = package, preview
        plan = preview.plan
        self.names = Names((plan.mine, plan.theirs, plan.base)) if plan is not None else None
        self.panel.can_choose = not preview.blocked
        self.keys_hint.setVisible(plan is not None and not plan.empty and not preview.blocked)
        self.model.set_plan(plan, self.names)
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(1, min(max(self.tree.columnWidth(1), 200), 420))
        role = package.sender_role.replace("_", "-")
        self.made.setText(
            f"Made by {package.sender} ({role}) on {moment_text(package.created_at)}. "
            "Nothing is written until you choose Import."
        )
        self.header.setText(self._headline())
        self.blocked.setVisible(bool(preview.blocked))
        if preview.blocked:
            self.blocked.setText(f"This package cannot be imported: {_sentence(preview.blocked)}")
        self.tree.setVisible(plan is not None and not plan.empty)
        self.panel.setVisible(plan is not None and not plan.empty)
        self._update_import()
        first = self.model.index(0, 0)
        child = self.model.index(0, 0, first)
        if child.isValid():
            self.tree.setCurrentIndex(child)
        if self.tree.isVisible():
            self.tree.setFocus()

    def _headline(self) -> str:
        preview, ref = self.preview, self.package.reference
        if preview.imported_at is not None:
            return f"{ref}: already imported on {moment_text(preview.imported_at)}: nothing to do."
        if preview.new_conference:
            record = self.package.current
            return (
                f"New conference: {ref} is not on this laptop, so it will be added whole "
                f"({plural(len(record.participants), 'person', 'people')}, "
                f"{plural(len(record.minutes), 'minute entry', 'minute entries')})."
            )
        plan = preview.plan
        if plan is None or plan.empty:
            return f"{ref}: nothing to import. This laptop already has everything in it."
        return (
            f"{ref}: {plan.count(ChangeKind.ADDED)} added, {plan.count(ChangeKind.CHANGED)} "
            f"changed, {plan.count(ChangeKind.DELETED)} removed, "
            f"{plural(len(plan.conflicts), 'conflict')}"
        )

    def can_import(self) -> bool:
        preview = self.preview
        if preview is None or preview.blocked or preview.nothing_to_do:
            return False
        return bool(preview.new_conference) or self.model.settled() == len(self.model.conflicts())

    def _update_import(self) -> None:
        preview = self.preview
        total, settled = len(self.model.conflicts()), self.model.settled()
        if preview.blocked:
            text = "Import is not possible: see the reason above."
        elif preview.nothing_to_do:
            text = "Nothing to import."
        elif total and settled < total:
            text = f"{settled} of {plural(total, 'conflict')} settled. Settle each to import."
        elif total:
            text = f"All {plural(total, 'conflict')} settled: ready to import."
        else:
            text = "No conflicts: ready to import."
        self.settled_label.setText(text)
        self.import_button.setEnabled(self.can_import())
        self.import_button.setToolTip("" if self.can_import() else text)

    def _current_changed(self, current: QtCore.QModelIndex, _previous: Any) -> None:
        row: Row | None = self.model.data(current, ROW_ROLE)
        names = self.names
        if row is None or names is None:
            self.panel.show_nothing("Select an entry in the list to see it here.")
        elif row.conflict is not None:
            self.panel.show_conflict(row.conflict, self.model.resolutions.get(row.key), names)
        elif row.change is not None:
            self.panel.show_change(row.change, names)

    def _enter(self, index: QtCore.QModelIndex) -> None:
        row: Row | None = self.model.data(index, ROW_ROLE)
        if row is not None and row.conflict is not None:
            self.panel.focus_choices()

    def select(self, key: UnitKey, group: str | None = None) -> None:
        """Make the row for ``key`` current (and so show it in the panel)."""
        index = self.model.index_of(key, group)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def settle(self, key: UnitKey, resolution: Resolution) -> None:
        self.model.set_resolution(key, resolution)
        current: Row | None = self.model.data(self.tree.currentIndex(), ROW_ROLE)
        if current is not None and current.key == key:
            self.panel.show_choice(resolution)
        self._update_import()

    def conflict_keys(self) -> list[UnitKey]:
        return [row.key for row in self.model.rows(CONFLICTS)]
