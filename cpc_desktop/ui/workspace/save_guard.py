"""What a minutes pane does when its text could not be saved (issue 17, point 1).

A save that fails (a full disk, a store turned read-only after damage was found) leaves
the text in the editor, says so in a band under the editor (not only in the status
line), and is tried again every few seconds and on the next keystroke. Until it is
stored, moving on (the next entry, another entry or item, closing the window, locking)
is refused unless the person chooses to take the text out: to a file or the clipboard.
:meth:`SaveGuard.can_leave` is that check; it asks with :func:`ask_unsaved`.

"Saved" is only ever shown for a commit that happened (see ``autosave.py``).
"""

from __future__ import annotations

import dataclasses
import enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.conference import MinuteEntry
from cpc_desktop.ui.clipboard_guard import ClipboardGuard

if TYPE_CHECKING:
    from cpc_desktop.ui.workspace.minutes_pane import MinutesPane

NEW_ENTRY_RETRY_MS = 3000


class Choice(enum.Enum):
    KEEP_TRYING = "keep trying"
    SAVE_TO_FILE = "save to a file"
    COPY = "copy"


def ask_unsaved(parent: QtWidgets.QWidget, reason: str, what: str) -> Choice:
    """Ask what to do with text that is not saved before ``what`` (e.g. "close")."""
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Warning,
        "The minute is not saved",
        f"The text you typed is not saved, so CPC Desktop will not {what} yet.",
        QtWidgets.QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        f"{reason}\n\nThe text is still in the editor and CPC Desktop keeps trying to "
        "save it. Free some space or fix the store, or save the text somewhere else."
    )
    keep = box.addButton("&Keep trying", QtWidgets.QMessageBox.ButtonRole.RejectRole)
    to_file = box.addButton(
        "&Save the text to a file…", QtWidgets.QMessageBox.ButtonRole.ActionRole
    )
    copy = box.addButton("&Copy the text", QtWidgets.QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is to_file:
        return Choice.SAVE_TO_FILE
    if clicked is copy:
        return Choice.COPY
    return Choice.KEEP_TRYING


def choose_file(parent: QtWidgets.QWidget) -> Path | None:
    """Where to write the unsaved text (None: not chosen)."""
    chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
        parent, "Save the text to a file", "unsaved minute.txt", "Text (*.txt)"
    )
    return Path(chosen) if chosen else None


def show_committed(pane: MinutesPane, entry: MinuteEntry) -> None:
    """A save reached the disk: show its text in the list.

    Only the text is taken: a speaker or tag changed meanwhile on the GUI thread
    is newer than what the save read back.
    """
    row = pane.model.row_of(entry.id)
    if row >= 0:
        shown = pane.model.value(row)
        updated = max(shown.updated_at, entry.updated_at)
        pane.model.replace_row(row, dataclasses.replace(shown, text=entry.text, updated_at=updated))


class SaveGuard(QtCore.QObject):
    """Keeps a pane's unsaved text from being left behind; shows the band under the editor."""

    def __init__(self, pane: MinutesPane) -> None:
        super().__init__(pane)
        self._pane = pane
        self._new_entry_failed: str | None = None  # why typing could not make the entry
        #: The text was taken out to a file or the clipboard and is not stored yet (the
        #: closing check lists it); cleared by the next save that reaches the store.
        self.taken_out = False
        self.notice = QtWidgets.QFrame()
        self.notice.setObjectName("saveProblem")
        self.notice.setStyleSheet(
            "#saveProblem { background: #fee2e2; border: 1px solid #b91c1c; }"
        )
        self.text = QtWidgets.QLabel()
        self.text.setObjectName("saveProblemText")
        self.text.setAccessibleName("Save problem")
        self.text.setWordWrap(True)
        self.text.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.text.setStyleSheet("color: #7f1d1d; font-weight: bold;")
        to_file = QtWidgets.QPushButton("Save the text to a file…")
        to_file.clicked.connect(lambda: self._take_out(Choice.SAVE_TO_FILE))
        copy = QtWidgets.QPushButton("Copy the text")
        copy.clicked.connect(lambda: self._take_out(Choice.COPY))
        # Saved elsewhere meanwhile (edited_elsewhere.py): the choice, opened again.
        self.choose = QtWidgets.QPushButton("C&hoose whose text to keep…")
        self.choose.setObjectName("chooseWhoseText")
        self.choose.clicked.connect(lambda: self._pane.conflicts.choose())
        self.choose.hide()
        layout = QtWidgets.QHBoxLayout(self.notice)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.choose)
        layout.addWidget(to_file)
        layout.addWidget(copy)
        self.notice.hide()
        self._retry = QtCore.QTimer(self)
        self._retry.setInterval(NEW_ENTRY_RETRY_MS)
        self._retry.timeout.connect(self._retry_new_entry)
        pane.autosave.failed.connect(self._show)
        pane.autosave.saved.connect(self._on_saved)

    def reason(self) -> str | None:
        """Why the text on screen is not stored, or None when it is."""
        failed = self._pane.autosave.unsaved
        if failed is not None:
            return f"Not saved: {failed}"
        return self._new_entry_failed

    def new_entry_failed(self, message: str) -> None:
        """Typing could not make the entry (nothing of it is stored)."""
        self._new_entry_failed = f"Not saved: {message}"
        self._retry.start()
        self._show(self._new_entry_failed)
        self._pane.saved.emit(self._new_entry_failed)

    def new_entry_made(self) -> None:
        self._new_entry_failed = None
        self.taken_out = False
        self._retry.stop()
        if self._pane.autosave.unsaved is None:
            self.notice.hide()

    def can_leave(self, what: str) -> bool:
        """Everything typed is saved (saving now), or was taken out on purpose.

        Otherwise asks; "Keep trying" leaves everything as it is and says so.
        """
        conflicts = self._pane.conflicts
        flushed = self._pane.flush()  # may itself find the entry saved elsewhere
        if conflicts.active:
            if not conflicts.ask():
                self._pane.message.emit(
                    "Someone else saved this entry meanwhile; choose whose text to keep first."
                )
                return False
            flushed = self._pane.flush()
        if flushed and self._new_entry_failed is None:
            return True
        reason = self.reason() or "Not saved"
        choice = ask_unsaved(self._pane, reason, what)
        if choice is not Choice.KEEP_TRYING and self._take_out(choice):
            return True
        self._pane.message.emit(f"{reason}. The text is kept in the editor; still trying.")
        return False

    def show_conflict(self, message: str) -> None:
        """Someone else saved the entry meanwhile: the text stays, a person chooses."""
        self.text.setText(
            f"Not saved: {message}. Your text is kept here; nothing is written over theirs "
            "until you choose."
        )
        self.choose.show()
        self.notice.show()

    def conflict_settled(self) -> None:
        self.choose.hide()
        if self._pane.autosave.unsaved is None and self._new_entry_failed is None:
            self.notice.hide()

    # --- behaviour -----------------------------------------------------------------

    def _show(self, message: str) -> None:
        self.text.setText(
            f"{message}. Your text is kept here and saving is tried again every few "
            "seconds; you cannot move on until it is saved or saved to a file."
        )
        self.notice.show()

    def _on_saved(self, _text: str) -> None:
        self.taken_out = False
        if self._new_entry_failed is None:
            self.notice.hide()

    def _retry_new_entry(self) -> None:
        pane = self._pane
        if self._new_entry_failed is None or pane.current_id is not None:
            self._retry.stop()
            return
        if pane.editor.toPlainText():
            pane._on_text_changed()

    def _take_out(self, choice: Choice) -> bool:
        """Put the editor's text in a file or on the clipboard; True once it is there."""
        text = self._pane.editor.toPlainText()
        if choice is Choice.COPY:
            ClipboardGuard.for_app().copy(text)  # cleared on lock, close and time
            done = "The text is copied"
        else:
            path = choose_file(self._pane)
            if path is None:
                return False
            try:
                path.write_text(text, encoding="utf-8")
            except OSError as error:
                self._pane.message.emit(f"Could not write {path.name}: {error.strerror}")
                return False
            done = f"The text is saved in {path.name}"
        self._pane.autosave.forget_failure()
        self.taken_out = True
        self._new_entry_failed = None
        self._retry.stop()
        self.notice.hide()
        self._pane.saved.emit("Not saved in the store")
        self._pane.message.emit(f"{done}; it is not saved in the conference's minutes.")
        return True
