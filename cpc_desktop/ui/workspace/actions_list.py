"""The actions agreed so far in the meeting (Ctrl+J in the minutes adds to them).

One row each: who, what, by when. An action without an owner or a date says so in
words, not by an empty cell, so the gap is seen (and read out) before the meeting ends.
Enter or a double-click on a row asks for that action to be opened (``opened``, with its
id); the workspace opens it for editing (:mod:`.action_fix`) and shows it again saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.conference import ConferenceAction
from cpc_desktop.domain.dates import weekday_date
from cpc_desktop.ui.workspace.emphasis import emphasise

NO_OWNER = "No owner yet"
NO_DATE = "No date set"


def action_cells(action: ConferenceAction) -> tuple[str, str, str]:
    """``(owner, action, due)`` as the list shows them."""
    owner = action.owner.strip() or NO_OWNER
    due = weekday_date(action.due_date) if action.due_date is not None else NO_DATE
    return owner, action.action.strip(), due


def _fill(row: QtWidgets.QTreeWidgetItem, action: ConferenceAction) -> None:
    for column, text in enumerate(action_cells(action)):
        row.setText(column, text)
    row.setData(0, QtCore.Qt.ItemDataRole.UserRole, action.id)
    for column, gap in ((0, NO_OWNER), (2, NO_DATE)):
        font = row.font(column)
        font.setItalic(row.text(column) == gap)
        row.setFont(column, font)
    row.setToolTip(1, action.action)


class ActionsList(QtWidgets.QWidget):
    """A heading with the count, and the actions in the order they were agreed."""

    #: An action's id: Enter or a double-click on its row.
    opened = QtCore.Signal(str)

    def __init__(
        self, actions: Sequence[ConferenceAction], parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreedActions")
        self.heading = QtWidgets.QLabel()
        self.heading.setObjectName("agreedActionsHeading")
        emphasise(self.heading)
        self.table = QtWidgets.QTreeWidget()
        self.table.setObjectName("agreedActionsTable")
        self.table.setAccessibleName("Actions agreed so far")
        self.table.setAccessibleDescription("Enter opens the action to change it.")
        self.table.setColumnCount(3)
        self.table.setHeaderLabels(["Who", "Action", "By when"])
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.heading.setBuddy(self.table)
        self.table.itemActivated.connect(self._activated)
        # Room for one action at the least: the agenda above keeps the rest of a short screen.
        self.table.setMinimumHeight(
            header.sizeHint().height() + self.table.fontMetrics().lineSpacing() + 8
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        self._actions: list[ConferenceAction] = []
        self.set_actions(actions)

    def set_actions(self, actions: Sequence[ConferenceAction]) -> None:
        self._actions = []
        self.table.clear()
        for action in actions:
            self.add(action)
        self._update_heading()

    def add(self, action: ConferenceAction) -> None:
        """Show one more action (just recorded), at the end; again if already shown."""
        if any(a.id == action.id for a in self._actions):
            return
        self._actions.append(action)
        row = QtWidgets.QTreeWidgetItem()
        _fill(row, action)
        self.table.addTopLevelItem(row)
        self._update_heading()

    def replace(self, action: ConferenceAction) -> None:
        """Show ``action`` as it is now saved, in its own row (nothing if not shown)."""
        for index, shown in enumerate(self._actions):
            if shown.id == action.id:
                self._actions[index] = action
                row = self.table.topLevelItem(index)
                if row is not None:
                    _fill(row, action)
                self._update_heading()
                return

    def _activated(self, row: QtWidgets.QTreeWidgetItem, _column: int) -> None:
        self.opened.emit(str(row.data(0, QtCore.Qt.ItemDataRole.UserRole)))

    def rows(self) -> list[tuple[str, str, str]]:
        """What each row says, in order (for a reader, and the tests)."""
        return [
            (item.text(0), item.text(1), item.text(2))
            for item in (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
            if item is not None
        ]

    def _update_heading(self) -> None:
        count = len(self._actions)
        gaps = sum(1 for a in self._actions if not a.owner.strip() or a.due_date is None)
        text = f"Actions agreed ({count})" if count else "Actions agreed: none yet"
        if gaps:
            text += f" · {gaps} without an owner or a date"
        self.heading.setText(text)
