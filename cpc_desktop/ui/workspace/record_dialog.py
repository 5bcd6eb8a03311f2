"""What the Appeals and Complaints dialogs share: the line saying the decision stands, the
list of records with its label and "none yet" line, the row of buttons ending in Close,
filling the list, and the one form open over it at a time.

Each dialog names its widgets ``<name>DecisionStands``, ``<name>Table``, ``<name>Empty``
and ``<name>Close``, and gives its own buttons, columns and forms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6 import QtWidgets

from cpc_desktop.ui.record_table import record_table

__all__ = ["RecordListDialog", "RecordListWords"]


@dataclass(frozen=True)
class RecordListWords:
    """A record list dialog's words: its name for object names, and what it says."""

    name: str  # "appeals": appealsTable, appealsClose ...
    title: str  # the window title
    stands: str  # said first, in bold
    table: str  # the table's accessible name
    label: str  # the table's label, with its Alt key ("&Appeals:")
    empty: str  # shown while there is no record
    close: str  # the Close button's text, with its Alt key


class RecordListDialog(QtWidgets.QDialog):
    """The frame: :meth:`frame` lays it out (after ``__init__``, so that the dialog's
    words may be translated with ``self.tr``), :meth:`show_rows` fills the list,
    :meth:`open_form` opens a form over it."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.form: QtWidgets.QDialog | None = None  # the form open over the list, if any

    def frame(
        self,
        words: RecordListWords,
        columns: Sequence[str],
        buttons: Sequence[QtWidgets.QPushButton],
    ) -> None:
        """The stands line, the labelled list, its empty line, and ``buttons`` then Close."""
        self.setWindowTitle(words.title)
        self.stands = QtWidgets.QLabel(words.stands)
        self.stands.setObjectName(f"{words.name}DecisionStands")
        self.stands.setWordWrap(True)
        self.stands.setStyleSheet("font-weight: bold;")
        self.table = record_table(f"{words.name}Table", words.table, columns)
        self.empty = QtWidgets.QLabel(words.empty)
        self.empty.setObjectName(f"{words.name}Empty")
        label = QtWidgets.QLabel(words.label)
        label.setBuddy(self.table)
        close = QtWidgets.QPushButton(words.close)
        close.setObjectName(f"{words.name}Close")
        close.clicked.connect(self.accept)
        row = QtWidgets.QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.stands)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)

    def show_rows(self, rows: Sequence[tuple[str, Sequence[str]]], select: str | None) -> None:
        """Fill the list with ``rows`` (an id and its cells), selecting the row whose id
        is ``select``, else the first; the "none yet" line shows while there is none."""
        self.table.setRowCount(len(rows))
        for index, (row_id, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(index, column, item)
            if row_id == select:
                self.table.selectRow(index)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not rows)
        if rows and not self.table.selectedItems():
            self.table.selectRow(0)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def open_form(self, form: QtWidgets.QDialog) -> None:
        """Open ``form`` over the list (window-modal, without blocking); the list has the
        focus again when it closes."""
        self.form = form
        form.finished.connect(self._on_form_finished)
        form.open()

    def _on_form_finished(self) -> None:
        if self.form is not None:
            self.form.deleteLater()
            self.form = None
        self.table.setFocus()
