"""A minute entry someone else saved while this pane was editing it (issue 17).

The save is refused by the store, never written over and never tried again blindly
(see ``autosave.py``). The pane keeps the text, says so in the band under the editor,
and offers the choice in :class:`EditedElsewhereDialog`:

* **Keep theirs**: the editor shows what is stored; the text typed here is dropped.
* **Keep mine**: the text typed here is saved over theirs, knowingly (over that version
  only: if it changed once more, the choice is offered again). Audited as any save.
* **Save merged**: an editor holding both texts, to combine; saved the same way.

Closing the dialog chooses nothing: the band's "Choose…" opens it again, and moving on
asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.conference import MinuteEntry
from cpc_desktop.domain.dates import clock
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.ui.errors import user_message

if TYPE_CHECKING:
    from cpc_desktop.ui.workspace.minutes_pane import MinutesPane

THEIRS, MINE, MERGED = "theirs", "mine", "merged"


def opened_entry(pane: MinutesPane, row: int) -> MinuteEntry:
    """The entry at ``row`` as stored now, read for editing: the service checks the pane's
    saves against this version. The list's copy if it cannot be read (said elsewhere)."""
    listed = pane.model.value(row)
    try:
        entry = pane.service.entry(listed.id)
    except Exception as error:
        if user_message(error) is None:
            raise
        return listed
    if entry != listed:
        pane.model.replace_row(row, entry)
    return entry


def _text_box(name: str, text: str, *, read_only: bool) -> QtWidgets.QPlainTextEdit:
    box = QtWidgets.QPlainTextEdit()
    box.setObjectName(name)
    box.setAccessibleName(name.replace("_", " ").capitalize())
    box.setPlainText(text)
    box.setReadOnly(read_only)
    box.setTabChangesFocus(True)
    return box


class EditedElsewhereDialog(QtWidgets.QDialog):
    """Theirs, mine, or both merged. ``choice`` (THEIRS, MINE or MERGED) and ``text``
    (what to save) are set when a button is pressed; closing chooses nothing."""

    def __init__(
        self, parent: QtWidgets.QWidget, message: str, theirs: MinuteEntry | None, mine: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("editedElsewhere")
        self.setWindowTitle("Saved elsewhere meanwhile")
        self.choice: str | None = None
        self.text = mine
        stored = "" if theirs is None else theirs.text
        self.line = line = QtWidgets.QLabel(message[:1].upper() + message[1:] + ".")
        line.setObjectName("editedElsewhereMessage")
        line.setWordWrap(True)
        line.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        when = "" if theirs is None else f" (saved {clock(theirs.updated_at.astimezone())})"
        self.theirs = _text_box("their_text", stored, read_only=True)
        self.mine = _text_box("your_text", mine, read_only=True)
        both = f"{stored}\n\n{mine}" if stored and mine else stored or mine
        self.merged = _text_box("merged_text", both, read_only=False)
        grid = QtWidgets.QGridLayout()
        grid.addWidget(QtWidgets.QLabel(f"Theirs, as stored{when}:"), 0, 0)
        grid.addWidget(QtWidgets.QLabel("Yours, not saved:"), 0, 1)
        grid.addWidget(self.theirs, 1, 0)
        grid.addWidget(self.mine, 1, 1)
        merged_label = QtWidgets.QLabel("Me&rged (edit to combine both, then Save merged):")
        merged_label.setBuddy(self.merged)
        buttons = QtWidgets.QDialogButtonBox()
        self.keep_theirs = buttons.addButton(
            "Keep &theirs", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_mine = buttons.addButton(
            "Keep &mine", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_merged = buttons.addButton(
            "Save mer&ged", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.later = later = buttons.addButton(
            "Decide &later", QtWidgets.QDialogButtonBox.ButtonRole.RejectRole
        )
        if theirs is None:  # deleted: there is no text of theirs to keep or merge
            self.keep_theirs.setText("Let it go (&deleted)")
            self.save_merged.setEnabled(False)
        self.keep_theirs.clicked.connect(lambda: self._choose(THEIRS, stored))
        self.keep_mine.clicked.connect(lambda: self._choose(MINE, mine))
        self.save_merged.clicked.connect(lambda: self._choose(MERGED, self.merged.toPlainText()))
        later.clicked.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(line)
        layout.addLayout(grid, 2)
        layout.addWidget(merged_label)
        layout.addWidget(self.merged, 2)
        layout.addWidget(buttons)
        self.resize(860, 560)

    def _choose(self, choice: str, text: str) -> None:
        self.choice, self.text = choice, text
        self.accept()


class ConflictResolver(QtCore.QObject):
    """Shows and carries out the choice for a pane whose save was refused as stale."""

    def __init__(self, pane: MinutesPane) -> None:
        super().__init__(pane)
        self._pane = pane
        self._refusal: EditedElsewhere | None = None
        self._entry_id: str | None = None
        self.dialog: EditedElsewhereDialog | None = None
        pane.autosave.conflict.connect(self._on_conflict)

    @property
    def active(self) -> bool:
        return self._refusal is not None

    def _on_conflict(self, entry_id: str, refusal: EditedElsewhere) -> None:
        self._entry_id, self._refusal = entry_id, refusal
        self._pane.guard.show_conflict(refusal.message)
        self._pane.saved.emit(f"Not saved: {refusal.message}")
        self.choose()

    def choose(self) -> None:
        """Open the choice (again); it runs alongside the window, the pane keeps its text."""
        if self._refusal is None or self.dialog is not None:
            return
        pane = self._pane
        self.dialog = EditedElsewhereDialog(
            pane, self._refusal.message, self._refusal.theirs, pane.editor.toPlainText()
        )
        self.dialog.finished.connect(self._on_finished)
        self.dialog.open()

    def _on_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        if dialog.choice is not None:
            self.apply(dialog.choice, dialog.text)

    def apply(self, choice: str, text: str) -> bool:
        """Carry out ``choice``; True once the entry holds what was chosen."""
        pane, refusal, entry_id = self._pane, self._refusal, self._entry_id
        if refusal is None or entry_id is None:
            return False
        try:
            if choice == THEIRS:
                entry = None if refusal.theirs is None else pane.service.entry(entry_id)
            else:
                entry = pane.service.save_text(entry_id, text, base=refusal.version)
        except EditedElsewhere as again:  # changed once more meanwhile: choose again
            self._on_conflict(entry_id, again)
            return False
        except Exception as error:
            message = user_message(error)
            if message is None:
                raise
            pane.message.emit(message)
            return False
        self._refusal = self._entry_id = None
        pane.autosave.settle(entry_id)
        pane.guard.conflict_settled()
        if entry is None:  # theirs: deleted
            pane.entry_removed(entry_id)
        else:
            pane.entry_changed(entry, keep_text=False)
        done = {THEIRS: "Their text is kept", MINE: "Your text is saved"}
        pane.message.emit(done.get(choice, "The merged text is saved") + ".")
        return True

    def ask(self) -> bool:
        """Before moving on: the choice, modally. True once it is made and carried out."""
        if self._refusal is None:
            return True
        if self.dialog is not None:  # the one beside the window gives way to this one
            self.dialog.done(QtWidgets.QDialog.DialogCode.Rejected)
        dialog = EditedElsewhereDialog(
            self._pane, self._refusal.message, self._refusal.theirs, self._pane.editor.toPlainText()
        )
        dialog.exec()
        return dialog.choice is not None and self.apply(dialog.choice, dialog.text)
