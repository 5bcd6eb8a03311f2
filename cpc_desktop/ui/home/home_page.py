"""Home: every conference with what is due or overdue, and search over the minutes."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.services.schedule import ConferenceSummary, Listing
from cpc_desktop.services.search import SearchResults, split_snippet
from cpc_desktop.ui.home.conference_model import Column, ConferenceTableModel
from cpc_desktop.ui.home.fit_columns import SAMPLE_ROWS, fit_columns
from cpc_desktop.ui.home.listing_note import listing_note
from cpc_desktop.ui.home.records_strip import RecordsStrip
from cpc_desktop.ui.rows_model import RowsModel

SNIPPET_HTML_ROLE = QtCore.Qt.ItemDataRole.UserRole + 3
#: How long typing pauses before the search runs (milliseconds).
SEARCH_DELAY_MS = 300


def search_note(count: int, limited: bool) -> str:
    """What the line under the search box says about ``count`` hits."""
    found = f"{count} entr{'y' if count == 1 else 'ies'} found"
    if not limited:
        return found
    return (
        f"{found}, the best among the most recently written matches; "
        "older minutes matched too: add a word to narrow the search"
    )


class SearchResultsModel(RowsModel[Any]):
    """Search hits: conference, agenda item and the matching words in context."""

    headers = ("Conference", "Agenda item", "Found")

    def cell_text(self, value: Any, column: int) -> str:
        if column == 0:
            return str(value.reference)
        if column == 1:
            return str(value.agenda_title)
        plain = "".join(text for text, _lit in split_snippet(value.snippet))
        return plain + ("  [restricted]" if value.restricted else "")

    def cell_data(self, value: Any, column: int, role: int) -> Any:
        if role == SNIPPET_HTML_ROLE and column == 2:
            runs = "".join(
                f"<b>{html.escape(text)}</b>" if lit else html.escape(text)
                for text, lit in split_snippet(value.snippet)
            )
            return runs + (" <i>[restricted]</i>" if value.restricted else "")
        return None


class SnippetDelegate(QtWidgets.QStyledItemDelegate):
    """Draws a search snippet with the matched words in bold."""

    def paint(
        self,
        painter: QtGui.QPainter,
        option: QtWidgets.QStyleOptionViewItem,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
    ) -> None:
        markup = index.data(SNIPPET_HTML_ROLE)
        if markup is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QtWidgets.QApplication.style()
        option.text = ""
        style.drawControl(
            QtWidgets.QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget
        )
        document = QtGui.QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(markup)
        painter.save()
        painter.translate(
            option.rect.left() + 3,
            option.rect.top() + (option.rect.height() - document.size().height()) / 2,
        )
        document.drawContents(painter)
        painter.restore()


class HomePage(QtWidgets.QWidget):
    """The list of conferences and a search box.

    The table lists what :meth:`set_listing` is given: by default the current
    conferences, with a "Show all conferences" box for the rest of the store.

    Signals:
        open_requested(str): the reference of the conference to open.
        entry_requested(str, str): a search hit to open: the conference and the entry.
        new_requested: the user asked for a new conference.
        show_all_changed(bool): the user asked for every conference (``True``) or only
            the current ones; whoever fills the page answers with :meth:`set_listing`.
    """

    open_requested = QtCore.Signal(str)
    entry_requested = QtCore.Signal(str, str)
    new_requested = QtCore.Signal()
    show_all_changed = QtCore.Signal(bool)

    def __init__(
        self,
        today: date,
        search: Callable[[str], SearchResults] | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self.model = ConferenceTableModel(today, self)
        self.results = SearchResultsModel(self)
        self._build_ui()

    def _build_ui(self) -> None:
        self.records = RecordsStrip()  # complaints due, retention (filled by its show_for)
        title = QtWidgets.QLabel("<h2>Conferences</h2>")
        self.summary = QtWidgets.QLabel()
        self.summary.setAccessibleName("Overdue summary")
        new_button = QtWidgets.QPushButton("&New conference…")
        new_button.setAccessibleName("New conference")
        new_button.clicked.connect(self.new_requested)
        self.new_button = new_button  # greyed out for a role that may not create one
        open_button = QtWidgets.QPushButton("&Open")
        open_button.setAccessibleName("Open the selected conference")
        open_button.clicked.connect(self._open_current)

        self.shown = QtWidgets.QLabel()
        self.shown.setObjectName("conferencesShown")
        self.shown.setAccessibleName("Conferences shown")
        self.shown.setWordWrap(True)
        self.show_all = QtWidgets.QCheckBox("Show &all conferences")
        self.show_all.setObjectName("showAllConferences")
        self.show_all.setAccessibleName("Show all conferences")
        self.show_all.setToolTip("List every conference in the store, not only the current ones")
        self.show_all.setVisible(False)  # until a listing says there is a choice
        self.show_all.toggled.connect(self.show_all_changed)
        shown_row = QtWidgets.QHBoxLayout()
        shown_row.addWidget(self.shown, 1)
        shown_row.addWidget(self.show_all)

        self.table = QtWidgets.QTableView()
        self.table.setObjectName("conferenceTable")
        self.table.setAccessibleName("Conferences")
        self.table.setModel(self.model)  # the model sorts itself: no proxy
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DATE, QtCore.Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        # If Qt sizes the columns (a double click on a divider), the rows in view and
        # about 100 others decide, not all 10,000.
        self.table.horizontalHeader().setResizeContentsPrecision(SAMPLE_ROWS)
        self.table.activated.connect(self._open_index)

        self.search_box = QtWidgets.QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(
            "Search the minutes of every conference (Ctrl+F): results show as you type"
        )
        self.search_box.setAccessibleName("Search minutes")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.returnPressed.connect(self.run_search)
        self._search_timer = QtCore.QTimer(self)  # a pause in the typing runs the search
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_note = QtWidgets.QLabel()
        self.search_note.setAccessibleName("Search result count")
        self.search_note.setWordWrap(True)
        self.results_view = QtWidgets.QTableView()
        self.results_view.setObjectName("searchResults")
        self.results_view.setAccessibleName("Search results")
        self.results_view.setModel(self.results)
        self.results_view.setItemDelegateForColumn(2, SnippetDelegate(self.results_view))
        self.results_view.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.results_view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.verticalHeader().hide()
        self.results_view.horizontalHeader().setStretchLastSection(True)
        self.results_view.activated.connect(self._open_hit)
        search_group = QtWidgets.QGroupBox("Search")
        search_layout = QtWidgets.QVBoxLayout(search_group)
        search_layout.addWidget(self.search_box)
        search_layout.addWidget(self.search_note)
        search_layout.addWidget(self.results_view)
        search_group.setEnabled(self._search is not None)

        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(title)
        buttons.addStretch()
        buttons.addWidget(self.records.button)
        buttons.addWidget(new_button)
        buttons.addWidget(open_button)
        splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(search_group)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.records)
        layout.addLayout(shown_row)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.table, self.show_all)
        self.setTabOrder(self.show_all, new_button)
        self.setTabOrder(new_button, open_button)
        self.setTabOrder(open_button, self.records.button)
        self.setTabOrder(self.records.button, self.search_box)
        self.setTabOrder(self.search_box, self.results_view)

    def set_listing(self, listing: Listing, today: date) -> None:
        """Show ``listing``, say what part of the store it is, and offer the rest."""
        self._show_rows(listing.summaries, today)
        self.shown.setText(listing_note(listing))
        with QtCore.QSignalBlocker(self.show_all):
            self.show_all.setChecked(listing.complete)
        self.show_all.setVisible(True)

    def set_conferences(self, rows: Sequence[ConferenceSummary], today: date) -> None:
        """Show ``rows`` as every conference there is (no choice to offer)."""
        self._show_rows(rows, today)
        self.shown.setText(listing_note(Listing(tuple(rows), len(rows), None, 0)))
        self.show_all.setVisible(False)

    @property
    def showing_all(self) -> bool:
        """Whether the user asked for every conference rather than the current ones."""
        return self.show_all.isChecked()

    def _show_rows(self, rows: Sequence[ConferenceSummary], today: date) -> None:
        selected = self.selected_reference()
        self.model.set_summaries(rows, today)
        fit_columns(self.table, self.model)
        overdue = [s for s in rows if s.overdue]
        if overdue:
            items = "; ".join(f"{s.reference}: {', '.join(s.overdue)}" for s in overdue[:4])
            self.summary.setText(f"<b>{len(overdue)} overdue</b> — {items}")
        else:
            self.summary.setText("Nothing is overdue.")
        row = self.model.row_of(selected) if selected is not None else None
        if row is not None:
            self.table.selectRow(row)
        elif self.model.rowCount():
            self.table.selectRow(0)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run_search(self) -> None:
        self._search_timer.stop()
        if self._search is None:
            return
        if not self.search_box.text().strip():
            self.results.set_rows([])
            self.search_note.clear()
            return
        found = self._search(self.search_box.text())
        hits = list(found.hits)
        self.results.set_rows(hits)
        self.results_view.resizeColumnsToContents()
        self.search_note.setText(search_note(len(hits), found.limited))
        if hits:
            self.results_view.selectRow(0)

    def selected_reference(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.value(index.row()).reference

    def _open_current(self) -> None:
        ref = self.selected_reference()
        if ref is not None:
            self.open_requested.emit(ref)

    def _open_index(self, index: QtCore.QModelIndex) -> None:
        self.open_requested.emit(self.model.value(index.row()).reference)

    def _open_hit(self, index: QtCore.QModelIndex) -> None:
        hit = self.results.value(index.row())
        self.entry_requested.emit(str(hit.reference), str(hit.entry_id))
