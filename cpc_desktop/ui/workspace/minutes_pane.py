"""The minutes of one agenda item: its entries and the editor the minute-taker types in.

Keys (while the focus is in the pane; declared in ui/actions.py):
    Ctrl+Return   finish this entry and start the next
    Ctrl+K        choose the speaker (type a few letters, Enter)
    Ctrl+1..4     tag: fact, observation, allegation, opinion (Ctrl+0 clears)
    Ctrl+R        restricted: left out of the family's copy
    Ctrl+J        record an action (owner, what, by when) without leaving the keyboard
    Ctrl+Up/Down  previous / next entry
    Ctrl+Shift+D  delete the entry (undoable)

Signals:
    saved(str): autosave state ("Saved 14:03:12", or why not).
    message(str): one line for the status bar.
    entries_changed: an entry was added, removed or changed.
    action_recorded(ConferenceAction): Ctrl+J recorded an action (the workspace lists it).

The speaker chosen is the item's current speaker: the next entry (Ctrl+Return) starts
with it, and it stays with this item while others are minuted. A pane made afresh
starts with the speaker of the item's latest entry.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.conference import (
    AgendaItem,
    ConferenceAction,
    MinuteEntry,
    Participant,
)
from cpc_desktop.domain.dates import clock
from cpc_desktop.domain.enums import Tag
from cpc_desktop.domain.minutes import word_count
from cpc_desktop.services.errors import EditedElsewhere, ServiceError
from cpc_desktop.ui.actions import ActionId, make_action
from cpc_desktop.ui.clipboard_guard import ClipboardGuard
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.field_limits import bound, tell_readers
from cpc_desktop.ui.workspace import frozen
from cpc_desktop.ui.workspace.action_bar import ActionBar
from cpc_desktop.ui.workspace.analysis import AnalysisTools
from cpc_desktop.ui.workspace.autosave import Autosaver
from cpc_desktop.ui.workspace.edited_elsewhere import ConflictResolver, opened_entry
from cpc_desktop.ui.workspace.emphasis import emphasise
from cpc_desktop.ui.workspace.entries_model import TAG_LABELS, EntriesModel
from cpc_desktop.ui.workspace.entry_commands import ChangeEntry, DeleteEntry, NewEntry
from cpc_desktop.ui.workspace.save_guard import SaveGuard, show_committed
from cpc_desktop.ui.workspace.undo import ServiceCommand, run_and_push

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

WORD_COUNT_DELAY_MS = 400  # the word count follows typing after this pause
ANALYSIS_ITEM = "analysis"
VIEWS_ITEMS = {"childs_views": "the child's views", "parents_views": "the parents' views"}
#: The tag each Ctrl+digit command sets (declared in ui/actions.py).
_TAG_COMMANDS: dict[ActionId, Tag | None] = {
    ActionId.ENTRY_TAG_FACT: Tag.FACT,
    ActionId.ENTRY_TAG_OBSERVATION: Tag.OBSERVATION,
    ActionId.ENTRY_TAG_ALLEGATION: Tag.ALLEGATION,
    ActionId.ENTRY_TAG_OPINION: Tag.OPINION,
    ActionId.ENTRY_TAG_NONE: None,
}
_SHORTCUT_HELP = (
    "Ctrl+Return next entry · Ctrl+K speaker · Ctrl+1–4 tag · Ctrl+R restricted · "
    "Ctrl+J action · Ctrl+Up/Down move between entries"
)


def participant_label(p: Participant) -> str:
    detail = ", ".join(x for x in (p.role.value.replace("_", " "), p.agency) if x)
    return f"{p.name} ({detail})" if detail else p.name


class MinutesPane(QtWidgets.QWidget):
    saved = QtCore.Signal(str)
    message = QtCore.Signal(str)
    entries_changed = QtCore.Signal()
    action_recorded = QtCore.Signal(ConferenceAction)

    def __init__(
        self,
        session: Session,
        reference: str,
        item: AgendaItem,
        number: int,
        undo_stack: QtGui.QUndoStack,
        now: Callable[[], datetime],
        parent: QtWidgets.QWidget | None = None,
        *,
        signs_of_safety: bool = False,
    ) -> None:
        super().__init__(parent)
        self.analysis: AnalysisTools | None = None
        if signs_of_safety and item.key == ANALYSIS_ITEM:
            self.analysis = AnalysisTools(session.notes, reference)
        self.session = session
        self.service = session.entries  # the minute entries: what the pane's commands change
        self.reference = reference
        self.item = item
        self._undo = undo_stack
        self._now = now
        self._current: str | None = None
        #: Who is speaking now in this item (``None``: no one chosen); see the docstring.
        self.current_speaker: str | None = None
        self._speaker_known = False  # taken from the item's entries once
        self._loading = False
        self._refusal = "the entry was not made"  # why the store last refused a command
        self.model = EntriesModel(self)
        # Saves are written by the service's worker thread: typing never waits for one.
        self.autosave = Autosaver(self._save_text, self.service.text_writer, now, self)
        # Counting the words of a long entry on every key would block typing (bench/
        # typing_pane.py: 100 ms a key at 100,000 characters), so it waits for a pause.
        self._words_timer = QtCore.QTimer(self)
        self._words_timer.setSingleShot(True)
        self._words_timer.setInterval(WORD_COUNT_DELAY_MS)
        self._words_timer.timeout.connect(self._update_words)
        self._word_counts: dict[str, tuple[str, int]] = {}  # entry id -> (text, words)
        self.autosave.saved.connect(self.saved)
        self.autosave.failed.connect(self.saved)
        self.autosave.committed.connect(functools.partial(show_committed, self))
        self.guard = SaveGuard(self)  # a failed save keeps the text and stops moving on
        self.conflicts = ConflictResolver(self)  # saved elsewhere meanwhile: a choice
        self._build_ui(number)
        self._build_actions()

    # --- building --------------------------------------------------------------------

    def _build_ui(self, number: int) -> None:
        title = QtWidgets.QLabel(f"{number}. {self.item.title}")
        title.setObjectName("paneTitle")
        title.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        emphasise(title, 13)
        self.table = _entries_table(self.model, self.item.title)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)

        self.speaker = _speaker_combo()
        self.speaker.activated.connect(self._on_speaker_chosen)
        self.tag = _tag_combo()
        self.tag.activated.connect(self._on_tag_chosen)
        self.restricted = QtWidgets.QCheckBox("&Restricted")
        self.restricted.setAccessibleName("Restricted: not in the family's copy")
        self.restricted.clicked.connect(self._on_restricted_clicked)
        self.words = QtWidgets.QLabel()
        self.words.setObjectName("wordCount")
        self.words.setAccessibleName("Word count")
        controls = QtWidgets.QHBoxLayout()
        speaker_label = QtWidgets.QLabel("Spea&ker:")
        speaker_label.setBuddy(self.speaker)
        controls.addWidget(speaker_label)
        controls.addWidget(self.speaker, 3)
        controls.addWidget(self.tag, 1)
        controls.addWidget(self.restricted)
        controls.addStretch()
        controls.addWidget(self.words)

        self.editor = QtWidgets.QPlainTextEdit()
        self.editor.setObjectName("minuteEditor")
        self.editor.setAccessibleName(f"Minute text for {self.item.title}")
        self.editor.setPlaceholderText("Type the minute here. " + _SHORTCUT_HELP)
        self.editor.setTabChangesFocus(True)
        tell_readers(self.editor, "$.minutes[].text")
        self.editor.textChanged.connect(self._on_text_changed)
        ClipboardGuard.for_app().watch(self.editor)  # copied text is cleared (lock, time)
        self.action_bar = ActionBar()
        self.action_bar.hide()
        self.action_bar.submitted.connect(functools.partial(_record_action, self))
        self.action_bar.closed.connect(self.editor.setFocus)

        self.not_obtained = _not_obtained_edit(self.item.not_obtained_reason)
        self.not_obtained.editingFinished.connect(self._on_not_obtained)

        editor_box = QtWidgets.QWidget()
        editor_layout = QtWidgets.QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(controls)
        editor_layout.addWidget(self.editor, 1)
        editor_layout.addWidget(self.guard.notice)
        editor_layout.addWidget(self.action_bar)
        splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(editor_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QtWidgets.QVBoxLayout(self)
        self.frozen_banner = frozen.banner()  # approved or issued: read-only, and why
        layout.addWidget(self.frozen_banner)
        layout.addWidget(title)
        if self.item.key in VIEWS_ITEMS:
            row = QtWidgets.QHBoxLayout()
            label = QtWidgets.QLabel("&Not obtained because:")
            label.setBuddy(self.not_obtained)
            row.addWidget(label)
            row.addWidget(self.not_obtained, 1)
            layout.addLayout(row)
        else:
            self.not_obtained.hide()
        layout.addWidget(splitter, 1)
        if self.analysis is not None:
            self.analysis.setAccessibleName("Signs of Safety analysis")
            splitter.addWidget(self.analysis)
            splitter.setStretchFactor(2, 2)
            self.addActions(self.analysis.section_actions())
            self.analysis.message.connect(self.message)
            self.analysis.section_changed.connect(self._on_section_chosen)
        self.setTabOrder(self.editor, self.speaker)
        self.setTabOrder(self.speaker, self.tag)
        self.setTabOrder(self.tag, self.restricted)
        self.setTabOrder(self.restricted, self.table)
        self._update_words()

    def _build_actions(self) -> None:
        make_action(ActionId.ENTRY_NEXT, self, self.next_entry)
        make_action(ActionId.ENTRY_SPEAKER, self, self.choose_speaker)
        make_action(ActionId.ENTRY_RESTRICTED, self, self.toggle_restricted)
        make_action(ActionId.ENTRY_ACTION, self, self.capture_action)
        make_action(ActionId.ENTRY_PREVIOUS, self, lambda: self._step(-1))
        make_action(ActionId.ENTRY_FOLLOWING, self, lambda: self._step(1))
        make_action(ActionId.ENTRY_DELETE, self, self.delete_entry)
        for command, tag in _TAG_COMMANDS.items():
            make_action(command, self, functools.partial(self.set_tag, tag))

    # --- data in -------------------------------------------------------------------

    def set_participants(self, participants: Sequence[Participant]) -> None:
        chosen = self.speaker.currentData()
        self._participants = tuple(participants)
        self.speaker.blockSignals(True)
        self.speaker.clear()
        self.speaker.addItem("No speaker", None)
        for p in participants:
            self.speaker.addItem(participant_label(p), p.id)
        self.speaker.setCurrentIndex(max(0, self.speaker.findData(chosen)))
        self.speaker.blockSignals(False)
        self.model.set_names({p.id: p.name for p in participants})
        if self.analysis is not None:
            self.analysis.set_participants(participants)

    def set_entries(self, entries: Sequence[MinuteEntry]) -> None:
        mine = [e for e in entries if e.agenda_item_id == self.item.id]
        self.model.set_rows(mine)
        if not self._speaker_known:
            self._speaker_known = True
            self.current_speaker = mine[-1].speaker_id if mine else None
            if self._current is None:
                self._show_speaker(self.current_speaker)
        self.table.resizeColumnToContents(0)
        self._update_words()

    @property
    def current_id(self) -> str | None:
        return self._current

    # --- the host side of the undo commands ----------------------------------------

    def _reload(self) -> None:
        self.set_entries(self.service.entries(self.reference))

    def entry_added(self, entry: MinuteEntry) -> None:
        self._reload()
        self._select(entry.id)
        self._show(entry)
        self.entries_changed.emit()

    def entry_removed(self, entry_id: str) -> None:
        if self._current == entry_id:
            self._current = None
            self._show(None)
        self._reload()
        self.entries_changed.emit()

    def entry_changed(self, entry: MinuteEntry, *, keep_text: bool = True) -> None:
        row = self.model.row_of(entry.id)
        if row >= 0:
            self.model.replace_row(row, entry)
        if entry.id == self._current:
            self._show(entry, keep_text=keep_text)
        self.entries_changed.emit()

    # --- commands ------------------------------------------------------------------

    def flush(self) -> bool:
        return self.autosave.flush()

    def next_entry(self) -> None:
        if not self.guard.can_leave("start the next entry"):
            return
        self._current = None
        self.table.clearSelection()
        self._show(None)
        self._show_speaker(self.current_speaker)
        self.editor.setFocus()

    def choose_speaker(self) -> None:
        self.speaker.setFocus()
        self.speaker.showPopup()

    def set_tag(self, tag: Tag | None) -> None:
        self.tag.setCurrentIndex(max(0, self.tag.findData(tag)))
        self._on_tag_chosen()

    def toggle_restricted(self) -> None:
        self.restricted.setChecked(not self.restricted.isChecked())
        self._on_restricted_clicked()

    def capture_action(self) -> None:
        names = [p.name for p in getattr(self, "_participants", ())]
        self.action_bar.open(names, self._now().date())

    def delete_entry(self) -> None:
        if self._current is None:
            return
        self.flush()
        row = self.model.row_of(self._current)
        entry = self.model.value(row)
        after = self.model.value(row - 1).id if row > 0 else None
        self._push(DeleteEntry(self, entry, after))

    # --- behaviour -----------------------------------------------------------------

    def _push(self, command: ServiceCommand) -> bool:
        return run_and_push(self._undo, command, self._refused)

    def _refused(self, error: Exception) -> None:
        message = user_message(error)
        if message is None:
            raise error
        self._refusal = message
        self.message.emit(message)
        if isinstance(error, EditedElsewhere) and self._current is not None:
            self.autosave.refused_elsewhere(self._current, error)  # the choice, as for text

    def command_refused(self, command: ServiceCommand, verb: str, error: ServiceError) -> None:
        """The store refused to ``verb`` ``command`` (now dropped): say so, show the store."""
        self._refused(error)
        self._reload()
        self.entries_changed.emit()

    def _fields(self) -> dict[str, Any]:
        return {
            "text": self.editor.toPlainText(),
            "speaker_id": self.speaker.currentData(),
            "tag": self.tag.currentData(),
            "restricted": self.restricted.isChecked(),
            "section": None if self.analysis is None else self.analysis.section,
        }

    def _on_text_changed(self) -> None:
        if self._loading:
            return
        self._words_timer.start()
        if self._current is None:
            command = NewEntry(self, self.item.id, self._fields())
            if not self._push(command):
                self.guard.new_entry_failed(self._refusal)
                return
            self.guard.new_entry_made()
            assert command.entry is not None
            self._current = command.entry.id
            self.saved.emit(f"Saved {clock(self._now().astimezone(), seconds=True)}")
            return
        self.autosave.touch()

    def _save_text(self) -> None:
        """Start saving the editor's text (the autosave's part on the GUI thread)."""
        if self._current is not None and not self.autosave.in_conflict(self._current):
            self.autosave.submit(self._current, self.editor.toPlainText())

    def _change(self, field: str, after: Any, label: str) -> None:
        if self._current is None or self._loading:
            return
        entry = self.model.value(self.model.row_of(self._current))
        before = getattr(entry, field)
        if before != after:
            self._push(ChangeEntry(self, entry.id, field, before, after, label))

    def _show_speaker(self, speaker_id: str | None) -> None:
        self.speaker.setCurrentIndex(max(0, self.speaker.findData(speaker_id)))

    def _on_speaker_chosen(self) -> None:
        rows = self.model.rowCount()
        if self._current is None or self.model.value(rows - 1).id == self._current:
            self.current_speaker = self.speaker.currentData()  # not a correction of the past
        self._change("speaker_id", self.speaker.currentData(), "change speaker")
        self.editor.setFocus()

    def _on_tag_chosen(self) -> None:
        self._change("tag", self.tag.currentData(), "change tag")

    def _on_section_chosen(self, section: object) -> None:
        self._change("section", section, "change section")

    def _on_restricted_clicked(self) -> None:
        self._change("restricted", self.restricted.isChecked(), "change restricted")

    def _on_not_obtained(self) -> None:
        reason = self.not_obtained.text().strip() or None
        if reason != self.item.not_obtained_reason:
            self.item = _save_not_obtained(self, reason)

    def _step(self, delta: int) -> None:
        rows = self.model.rowCount()
        if not rows or not self.guard.can_leave("move to another entry"):
            return
        row = self.model.row_of(self._current) if self._current else rows
        self.table.selectRow(max(0, min(rows - 1, row + delta)))
        self.editor.setFocus()

    def _select(self, entry_id: str) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0:
            self._loading = True
            try:
                self.table.selectRow(row)
            finally:
                self._loading = False
            self._current = entry_id

    def _on_row_changed(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        if self._loading:
            return
        if not self.guard.can_leave("open another entry"):
            self._loading = True  # back to the entry whose text is not saved
            self.table.clearSelection()
            self._loading = False
            if self._current is not None:
                self._select(self._current)
            return
        if not current.isValid():
            return
        entry = opened_entry(self, current.row())  # its edits are checked from here
        self._current = entry.id
        self._show(entry)

    def _show(self, entry: MinuteEntry | None, *, keep_text: bool = False) -> None:
        self._loading = True
        try:
            if not keep_text:
                self.editor.setPlainText("" if entry is None else entry.text)
                cursor = self.editor.textCursor()
                cursor.movePosition(QtGui.QTextCursor.MoveOperation.End)
                self.editor.setTextCursor(cursor)
            if entry is not None:
                self.speaker.setCurrentIndex(max(0, self.speaker.findData(entry.speaker_id)))
                self.tag.setCurrentIndex(max(0, self.tag.findData(entry.tag)))
                self.restricted.setChecked(entry.restricted)
                if self.analysis is not None:
                    self.analysis.set_section(entry.section)
            else:
                self.tag.setCurrentIndex(0)
                self.restricted.setChecked(False)
        finally:
            self._loading = False
        self._update_words()

    def _update_words(self) -> None:
        here = word_count(self.editor.toPlainText())
        total = sum(self._words_of(e) for e in self.model.values() if e.id != self._current)
        self.words.setText(f"{here} words · {total + here} in this item")

    def _words_of(self, entry: MinuteEntry) -> int:
        """The words of an entry, counted once per text (an item may hold hundreds)."""
        known = self._word_counts.get(entry.id)
        if known is None or known[0] != entry.text:
            known = self._word_counts[entry.id] = (entry.text, word_count(entry.text))
        return known[1]


def _entries_table(model: QtCore.QAbstractItemModel, title: str) -> QtWidgets.QTableView:
    """The list of an item's entries: one row each, selected whole, read only."""
    table = QtWidgets.QTableView()
    table.setObjectName("entriesTable")
    table.setAccessibleName(f"Minute entries for {title}")
    table.setModel(model)
    table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.Stretch)
    # Fitting the time column reads a sample of rows, not every entry (all one width).
    header.setResizeContentsPrecision(50)
    return table


def _speaker_combo() -> QtWidgets.QComboBox:
    speaker = QtWidgets.QComboBox()
    speaker.setAccessibleName("Speaker")
    speaker.setMinimumContentsLength(14)  # names are elided on a small screen
    speaker.setSizeAdjustPolicy(
        QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    )
    return speaker


def _tag_combo() -> QtWidgets.QComboBox:
    combo = QtWidgets.QComboBox()
    combo.setAccessibleName("Tag")
    combo.addItem("No tag", None)
    for tag in Tag:
        combo.addItem(TAG_LABELS[tag.value], tag)
    combo.setMinimumContentsLength(10)
    combo.setSizeAdjustPolicy(
        QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    )
    return combo


def _not_obtained_edit(reason: str | None) -> QtWidgets.QLineEdit:
    edit = bound(QtWidgets.QLineEdit(), "$.agenda[].not_obtained_reason")
    edit.setAccessibleName("Reason the views were not obtained")
    edit.setPlaceholderText(
        "If these views could not be obtained, say why (leave empty if they were)"
    )
    edit.setText(reason or "")
    return edit


def _save_not_obtained(pane: MinutesPane, reason: str | None) -> AgendaItem:
    """Save why the item's views were not obtained, checked against what the box showed;
    the item as stored afterwards (theirs, shown in the box, if someone else changed it
    meanwhile: issue 17)."""
    item = pane.item
    try:
        return pane.session.agenda.update_agenda_item(
            item.id,
            not_obtained_reason=reason,
            expected={"not_obtained_reason": item.not_obtained_reason},
        )
    except EditedElsewhere as error:  # theirs shown; yours can be typed again
        pane.not_obtained.setText(error.theirs.not_obtained_reason or "")
        pane.message.emit(f"{user_message(error)} The box now shows theirs.")
        theirs: AgendaItem = error.theirs
        return theirs
    except Exception as error:
        message = user_message(error)
        if message is None:
            raise
        pane.message.emit(message)
        return item


def _record_action(pane: MinutesPane, owner: str, action: str, due: date | None) -> None:
    """Record the action typed in the Ctrl+J bar, linked to the entry being written."""
    try:
        recorded = pane.session.notes.add_action(
            pane.reference, owner, action, due, minute_entry_id=pane.current_id
        )
    except Exception as error:
        message = user_message(error)
        if message is None:
            raise
        pane.message.emit(message)
        return
    pane.action_bar.hide()
    pane.message.emit(f"Action recorded for {owner}.")
    pane.action_recorded.emit(recorded)
    pane.editor.setFocus()
