"""The Signs of Safety scaling table: each participant's own 0-10 score and a note.

In the table: a digit starts typing that person's score (Enter stores it); Delete
clears the score (or the note); Enter or F2 edits; a letter jumps to the person whose
name starts with it; Tab from the score editor stores it and goes on to the note.
The panel around it is :class:`~cpc_desktop.ui.workspace.analysis.AnalysisTools`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.conference import Participant, SafetyScale
from cpc_desktop.domain.enums import ParticipantRole
from cpc_desktop.domain.minutes import SCALE_MAX, SCALE_MIN
from cpc_desktop.ui.field_limits import bound
from cpc_desktop.ui.rows_model import DISPLAY, Index, RowsModel
from cpc_desktop.ui.workspace.participant_model import SHORT_ROLE_LABELS

EDIT = QtCore.Qt.ItemDataRole.EditRole


def parse_score(text: str) -> int | None:
    """The score typed, ``None`` for blank; ``ValueError`` if it is not 0-10."""
    typed = text.strip()
    if not typed:
        return None
    if not typed.isascii() or not typed.isdigit() or not SCALE_MIN <= int(typed) <= SCALE_MAX:
        raise ValueError(typed)
    return int(typed)


def spread_text(scores: Iterable[int]) -> str:
    """One line about the scores given: how many, the lowest and the highest."""
    given = sorted(scores)
    if not given:
        return "No scores given yet."
    if given[0] == given[-1]:
        every = "everyone" if len(given) > 1 else "score"
        return f"Scores given: {len(given)} · {every} {given[0]}"
    return f"Scores given: {len(given)} · lowest {given[0]}, highest {given[-1]}"


# --- the scaling table -------------------------------------------------------------


class Column(IntEnum):
    NAME = 0
    ROLE = 1
    SCORE = 2
    NOTE = 3


@dataclass(frozen=True)
class ScaleRow:
    """One participant and the score they gave, if any."""

    participant: Participant
    scale: SafetyScale | None = None

    @property
    def score(self) -> int | None:
        return None if self.scale is None else self.scale.score

    @property
    def note(self) -> str:
        return "" if self.scale is None else self.scale.note


def role_text(p: Participant) -> str:
    role = SHORT_ROLE_LABELS.get(p.role, p.role.value.replace("_", " "))
    if p.role is ParticipantRole.PROFESSIONAL and p.agency:
        return p.agency
    return f"{role}, {p.agency}" if p.agency else role


class ScalingModel(RowsModel[ScaleRow]):
    """The participants and their scores; the score and note cells take typing.

    Nothing is stored here: an edit is passed on as ``edited(row, column, text)`` and
    the row changes only when the owner calls :meth:`replace_row` with what the store
    now holds.
    """

    headers = ("Name", "Role / agency", f"Score ({SCALE_MIN}–{SCALE_MAX})", "Note")
    edited = QtCore.Signal(int, int, str)

    def row_of(self, participant_id: str) -> int:
        for row, value in enumerate(self.values()):
            if value.participant.id == participant_id:
                return row
        return -1

    def scores(self) -> tuple[int, ...]:
        return tuple(v.score for v in self.values() if v.score is not None)

    def cell_text(self, value: ScaleRow, column: int) -> str:
        if column == Column.NAME:
            return value.participant.name
        if column == Column.ROLE:
            return role_text(value.participant)
        if column == Column.SCORE:
            return "" if value.score is None else str(value.score)
        return value.note

    def cell_data(self, value: ScaleRow, column: int, role: int) -> Any:
        if role == EDIT and column in (Column.SCORE, Column.NOTE):
            return self.cell_text(value, column)
        if role == QtCore.Qt.ItemDataRole.TextAlignmentRole and column == Column.SCORE:
            return int(QtCore.Qt.AlignmentFlag.AlignCenter)
        if role == QtCore.Qt.ItemDataRole.FontRole and column == Column.SCORE:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if role == QtCore.Qt.ItemDataRole.ToolTipRole:
            if column == Column.SCORE:
                return "Type 0–10 and press Enter; Delete clears the score"
            if column == Column.NOTE:
                return value.note or "A few words on why (after a score is given)"
            return f"{value.participant.name} · {role_text(value.participant)}"
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if (
            role == QtCore.Qt.ItemDataRole.AccessibleTextRole
            and index.isValid()
            and index.column() == Column.SCORE
            and 0 <= index.row() < self.rowCount()
            and self.value(index.row()).score is None
        ):
            return "no score"
        return super().data(index, role)

    def flags(self, index: Index) -> QtCore.Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (Column.SCORE, Column.NOTE):
            flags |= QtCore.Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if (
            role != EDIT
            or not index.isValid()
            or index.column() not in (Column.SCORE, Column.NOTE)
            or not 0 <= index.row() < self.rowCount()
        ):
            return False
        self.edited.emit(index.row(), index.column(), "" if value is None else str(value))
        return True


class CellEditor(QtWidgets.QStyledItemDelegate):
    """A one-line editor for the score and note cells, named for screen readers."""

    def createEditor(
        self,
        parent: QtWidgets.QWidget,
        option: QtWidgets.QStyleOptionViewItem,
        index: Index,
    ) -> QtWidgets.QWidget:
        editor = QtWidgets.QLineEdit(parent)
        name = index.model().index(index.row(), Column.NAME).data()
        if index.column() == Column.SCORE:
            editor.setPlaceholderText(f"{SCALE_MIN}–{SCALE_MAX}")
            editor.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
            editor.setMaxLength(6)
            editor.setAccessibleName(f"Score from {SCALE_MIN} to {SCALE_MAX} for {name}")
        else:
            editor.setPlaceholderText("Why this number (optional)")
            editor.setAccessibleName(f"Note on the score for {name}")
            bound(editor, "$.scaling[].note")  # its length limit, and where the note goes
        return editor


class ScalingTable(QtWidgets.QTableView):
    """The table, with keys that go straight to the score: type a digit, Enter."""

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        current = self.currentIndex()
        model = self.model()
        plain = not event.modifiers() & (
            QtCore.Qt.KeyboardModifier.ControlModifier
            | QtCore.Qt.KeyboardModifier.AltModifier
            | QtCore.Qt.KeyboardModifier.MetaModifier
        )
        if (
            model is None
            or not current.isValid()
            or not plain
            or self.state() == QtWidgets.QAbstractItemView.State.EditingState
        ):
            super().keyPressEvent(event)
            return
        key = event.key()
        text = event.text()
        in_note = current.column() == Column.NOTE
        target = current.siblingAtColumn(Column.NOTE if in_note else Column.SCORE)
        if key in (QtCore.Qt.Key.Key_Delete, QtCore.Qt.Key.Key_Backspace):
            model.setData(target, "", EDIT)
            return
        if key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter, QtCore.Qt.Key.Key_F2):
            self.setCurrentIndex(target)
            self.edit(target)
            return
        if text and text.isdigit() and not in_note:
            self.setCurrentIndex(target)  # the key then opens the score editor
        elif text and text.isprintable() and not text.isspace() and not in_note:
            self.setCurrentIndex(current.siblingAtColumn(Column.NAME))
            self.keyboardSearch(text)
            self.setCurrentIndex(self.currentIndex().siblingAtColumn(current.column()))
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:
        model = self.model()
        if model is not None and model.rowCount() and not self.currentIndex().isValid():
            self.setCurrentIndex(model.index(0, Column.SCORE))
        super().focusInEvent(event)
