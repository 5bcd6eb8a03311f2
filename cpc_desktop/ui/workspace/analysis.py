"""Signs of Safety tools for the minutes of the "analysis" agenda item.

Two things sit under the minutes when the conference's profile uses Signs of Safety:

* a **section chooser**: which part of the assessment map the minute being typed
  belongs to (worries, what is working well, what needs to happen), or "General";
* a **scaling table**: each participant's own 0-10 judgement of the child's safety,
  with the meaning of both ends of the scale printed above it and the spread of the
  scores given below it.

Keys (while the focus is in the tools, or in a widget that installed
:meth:`AnalysisTools.section_actions`; declared in ui/actions.py):
    Ctrl+Shift+1..7  section, in the order of the assessment map
    Ctrl+Shift+8     general (no section); Ctrl+Shift+0 does the same
In the scaling table:
    a digit          start typing that person's score; Enter stores it
    Delete           clear the score (or, in the note column, the note)
    Enter, F2        edit the score (or the note, in the note column)
    a letter         jump to the person whose name starts with it
    Tab              from the score editor, store it and go on to the note

Signals:
    section_changed(object): the chair chose a section (AnalysisSection or None).
    scaling_changed(): a score or note was stored or cleared.
    message(str): one line for the status bar.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.conference import Participant, SafetyScale
from cpc_desktop.domain.enums import AnalysisSection, ParticipantRole
from cpc_desktop.domain.minutes import SCALE_MAX, SCALE_MEANING, SCALE_MIN
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.ui.actions import SPECS, ActionId, make_action
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.rows_model import Index
from cpc_desktop.ui.workspace.scaling_table import (
    CellEditor,
    Column,
    ScaleRow,
    ScalingModel,
    ScalingTable,
    parse_score,
    spread_text,
)

# Names the tests and other modules import from here.
__all__ = [
    "SECTION_COMMANDS",
    "SECTION_LABELS",
    "SECTION_ORDER",
    "AnalysisTools",
    "Column",
    "ScalingModel",
    "parse_score",
    "spread_text",
]

EDIT = QtCore.Qt.ItemDataRole.EditRole

#: The assessment map, in the order a chair works through it: each question and the
#: sections under it, with the words the chooser shows.
SECTION_GROUPS: tuple[tuple[str, tuple[tuple[AnalysisSection, str], ...]], ...] = (
    (
        "What are we worried about?",
        (
            (AnalysisSection.HARM, "Past harm"),
            (AnalysisSection.DANGER, "Future danger"),
            (AnalysisSection.COMPLICATING_FACTORS, "Complicating factors"),
        ),
    ),
    (
        "What is working well?",
        ((AnalysisSection.WORKING_WELL, "Strengths and existing safety"),),
    ),
    (
        "What needs to happen?",
        (
            # Each safety goal answers a danger statement, so the two sit together.
            (AnalysisSection.DANGER_STATEMENTS, "Danger statements"),
            (AnalysisSection.SAFETY_GOALS, "Safety goals"),
            (AnalysisSection.NEXT_STEPS, "Next steps"),
        ),
    ),
)
GENERAL_LABEL = "General (no section)"

#: Plain words for each section (and None), e.g. for a column in the minutes list.
SECTION_LABELS: dict[AnalysisSection | None, str] = {
    None: GENERAL_LABEL,
    **{section: label for _, items in SECTION_GROUPS for section, label in items},
}
#: The question each section answers.
SECTION_QUESTIONS: dict[AnalysisSection, str] = {
    section: question for question, items in SECTION_GROUPS for section, _ in items
}
#: The order Ctrl+Shift+1.. picks them in; "General" comes last.
SECTION_ORDER: tuple[AnalysisSection | None, ...] = (
    *(section for _, items in SECTION_GROUPS for section, _ in items),
    None,
)

#: People who take no part in the judgement: shown only if they already have a score.
_NOT_SCALING = frozenset(
    {ParticipantRole.MINUTE_TAKER, ParticipantRole.INTERPRETER, ParticipantRole.OBSERVER}
)
_HEADER_ROLE = QtCore.Qt.ItemDataRole.UserRole + 10


#: The command that picks each section (declared in ui/actions.py, in SECTION_ORDER).
SECTION_COMMANDS: dict[AnalysisSection | None, ActionId] = {
    section: ActionId(f"analysis_{section.value if section else 'general'}")
    for section in SECTION_ORDER
}


def section_shortcut(section: AnalysisSection | None) -> str:
    """The key that picks ``section``, e.g. "Ctrl+Shift+1"."""
    return SPECS[SECTION_COMMANDS[section]].sequences()[0].toString()


# --- the section chooser -----------------------------------------------------------


class _IndentDelegate(QtWidgets.QStyledItemDelegate):
    """The chooser's list: questions as headings, sections indented under them with
    their key at the right."""

    _GAP = 24

    def paint(
        self, painter: QtGui.QPainter, option: QtWidgets.QStyleOptionViewItem, index: Index
    ) -> None:
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        palette = opt.palette
        if index.data(_HEADER_ROLE):
            # A heading is not a choice, but it should be as easy to read as one.
            palette.setColor(
                QtGui.QPalette.ColorGroup.Disabled,
                QtGui.QPalette.ColorRole.Text,
                palette.color(QtGui.QPalette.ColorGroup.Active, QtGui.QPalette.ColorRole.Text),
            )
        else:
            section = index.data(QtCore.Qt.ItemDataRole.UserRole)
            if section is not None:
                opt.text = "    " + opt.text
        widget = opt.widget
        style = widget.style() if widget is not None else QtWidgets.QApplication.style()
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        keys = self._keys(index)
        if keys:
            selected = bool(opt.state & QtWidgets.QStyle.StateFlag.State_Selected)
            role = (
                QtGui.QPalette.ColorRole.HighlightedText
                if selected
                else QtGui.QPalette.ColorRole.PlaceholderText
            )
            painter.save()
            painter.setPen(palette.color(role))
            painter.drawText(
                opt.rect.adjusted(0, 0, -6, 0),
                int(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter),
                keys,
            )
            painter.restore()

    def sizeHint(self, option: QtWidgets.QStyleOptionViewItem, index: Index) -> QtCore.QSize:
        size = super().sizeHint(option, index)
        keys = self._keys(index)
        if keys:
            metrics = option.fontMetrics
            extra = metrics.horizontalAdvance("    ") + metrics.horizontalAdvance(keys)
            size.setWidth(size.width() + extra + self._GAP)
        return size

    @staticmethod
    def _keys(index: Index) -> str:
        if index.data(_HEADER_ROLE):
            return ""
        value = index.data(QtCore.Qt.ItemDataRole.UserRole)
        return section_shortcut(AnalysisSection(value) if value is not None else None)


# --- the panel ---------------------------------------------------------------------


class AnalysisTools(QtWidgets.QWidget):
    section_changed = QtCore.Signal(object)
    scaling_changed = QtCore.Signal()
    message = QtCore.Signal(str)

    def __init__(
        self, service: Any, reference: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("analysisTools")
        self.service = service
        self.reference = reference
        self._participants: tuple[Participant, ...] = ()
        self._scales: dict[str, SafetyScale] = {}
        self.model = ScalingModel(self)
        self.model.edited.connect(self._on_edited)
        self._build_ui()
        self._actions = self._build_actions()
        self._update_spread()

    # --- building --------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.section_combo = QtWidgets.QComboBox()
        self.section_combo.setObjectName("analysisSection")
        self.section_combo.setAccessibleName("Analysis section of the minute")
        self.section_combo.setAccessibleDescription(
            "Where the minute sits in the Signs of Safety map: "
            "Control Shift 1 to 7 choose a section, Control Shift 8 general"
        )
        self.section_combo.setItemDelegate(_IndentDelegate(self.section_combo))
        self._fill_sections()
        self.section_combo.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents
        )
        self.section_combo.activated.connect(self._on_section_activated)
        section_label = QtWidgets.QLabel("Analysis se&ction:")
        section_label.setBuddy(self.section_combo)
        section_label.setAccessibleName("Analysis section")
        self.section_question = QtWidgets.QLabel()
        self.section_question.setObjectName("analysisQuestion")
        self.section_question.setAccessibleName("Question the section answers")
        self.section_question.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.section_question.setStyleSheet("font-style: italic;")
        keys = QtWidgets.QLabel("Ctrl+Shift+1–7 section · Ctrl+Shift+8 general")
        keys.setObjectName("sectionKeys")
        keys.setAccessibleName("Section keys")
        top = QtWidgets.QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(section_label)
        top.addWidget(self.section_combo)
        top.addWidget(self.section_question)
        top.addStretch(1)
        top.addWidget(keys)

        self.meaning = QtWidgets.QFrame()
        self.meaning.setObjectName("scaleMeaning")
        self.meaning.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.meaning.setAccessibleName("What the safety scale means")
        grid = QtWidgets.QGridLayout(self.meaning)
        grid.setContentsMargins(6, 3, 6, 3)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(1)
        title = QtWidgets.QLabel("Safety scale")
        title.setStyleSheet("font-weight: bold;")
        title.setAccessibleName("Safety scale")
        grid.addWidget(title, 0, 0, 2, 1, QtCore.Qt.AlignmentFlag.AlignTop)
        self.anchor_labels: list[QtWidgets.QLabel] = []
        for row, point in enumerate((SCALE_MIN, SCALE_MAX)):
            number = QtWidgets.QLabel(f"{point} =")
            number.setStyleSheet("font-weight: bold;")
            number.setAlignment(
                QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignTop
            )
            number.setAccessibleName(f"Scale point {point}")
            words = QtWidgets.QLabel(SCALE_MEANING[point])
            words.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            words.setWordWrap(True)
            words.setAccessibleName(f"{point} means")
            words.setObjectName(f"scaleAnchor{point}")
            grid.addWidget(number, row, 1)
            grid.addWidget(words, row, 2)
            self.anchor_labels.append(words)
        grid.setColumnStretch(2, 1)

        self.table = ScalingTable()
        self.table.setObjectName("scalingTable")
        self.table.setAccessibleName("Safety scaling: each participant's score from 0 to 10")
        self.table.setAccessibleDescription(
            "Type a number from 0 to 10 and press Enter to store it; Delete clears it"
        )
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellEditor(self.table))
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QtWidgets.QAbstractItemView.EditTrigger.AnyKeyPressed
            | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed
            | QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(Column.NOTE, QtWidgets.QHeaderView.ResizeMode.Stretch)
        width = self.fontMetrics().horizontalAdvance
        self.table.setColumnWidth(Column.NAME, width("DC Neil Brannigan") + 28)
        self.table.setColumnWidth(Column.ROLE, width("Social worker, Children's Social Care") + 24)
        self.table.setColumnWidth(Column.SCORE, width(self.model.headers[Column.SCORE]) + 24)
        self.table.setMinimumHeight(rows.defaultSectionSize() * 3 + header.sizeHint().height())

        self.spread = QtWidgets.QLabel()
        self.spread.setObjectName("scaleSpread")
        self.spread.setAccessibleName("Spread of the scores")
        self.spread.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.error = QtWidgets.QLabel()
        self.error.setObjectName("scaleError")
        self.error.setAccessibleName("Scaling problem")
        self.error.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )
        hint = QtWidgets.QLabel("Type a score, Enter to store · Delete clears · Tab to the note")
        hint.setObjectName("scaleKeys")
        hint.setAccessibleName("Scaling keys")
        bottom = QtWidgets.QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(self.spread)
        bottom.addWidget(self.error, 1)
        bottom.addWidget(hint)
        self._hint = hint

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.meaning)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.section_combo, self.table)

    def _fill_sections(self) -> None:
        combo = self.section_combo
        items = QtGui.QStandardItemModel(combo)
        general = QtGui.QStandardItem(GENERAL_LABEL)
        general.setData(None, QtCore.Qt.ItemDataRole.UserRole)
        general.setToolTip(f"Not part of the map ({section_shortcut(None)})")
        items.appendRow(general)
        bold = QtGui.QFont()
        bold.setBold(True)
        for question, sections in SECTION_GROUPS:
            heading = QtGui.QStandardItem(question)
            heading.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)
            heading.setData(True, _HEADER_ROLE)
            heading.setFont(bold)
            items.appendRow(heading)
            for section, label in sections:
                item = QtGui.QStandardItem(label)
                item.setData(section, QtCore.Qt.ItemDataRole.UserRole)
                item.setToolTip(f"{question} ({section_shortcut(section)})")
                items.appendRow(item)
        combo.setModel(items)
        combo.setCurrentIndex(0)
        view = combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 8)

    def _build_actions(self) -> tuple[QtGui.QAction, ...]:
        actions = []
        for section in SECTION_ORDER:
            slot = functools.partial(self._choose, section)
            actions.append(make_action(SECTION_COMMANDS[section], self, slot))
        return tuple(actions)

    # --- the section -----------------------------------------------------------------

    @property
    def section(self) -> AnalysisSection | None:
        value = self.section_combo.currentData(QtCore.Qt.ItemDataRole.UserRole)
        return AnalysisSection(value) if value is not None else None

    def set_section(self, value: AnalysisSection | None) -> None:
        """Show ``value`` as the chosen section, without emitting ``section_changed``.

        For the pane to call when it shows an existing entry.
        """
        section = AnalysisSection(value) if value is not None else None
        for row in range(self.section_combo.count()):
            item_value = self.section_combo.itemData(row, QtCore.Qt.ItemDataRole.UserRole)
            heading = self.section_combo.itemData(row, _HEADER_ROLE)
            if not heading and item_value == section:
                self.section_combo.setCurrentIndex(row)
                break
        self._show_question()

    def section_actions(self) -> tuple[QtGui.QAction, ...]:
        """The Ctrl+Shift+1..8 actions, for a parent widget to install on itself too."""
        return self._actions

    def _choose(self, section: AnalysisSection | None) -> None:
        before = self.section
        self.set_section(section)
        if section != before:
            self.section_changed.emit(section)

    def _on_section_activated(self, _row: int) -> None:
        self._show_question()
        self.section_changed.emit(self.section)

    def _show_question(self) -> None:
        section = self.section
        self.section_question.setText("" if section is None else SECTION_QUESTIONS[section])

    # --- the scaling -----------------------------------------------------------------

    def set_participants(self, participants: Sequence[Participant]) -> None:
        self._participants = tuple(participants)
        self._refill()

    def set_scaling(self, scales: Sequence[SafetyScale]) -> None:
        self._scales = {s.participant_id: s for s in scales}
        self._refill()

    def _refill(self) -> None:
        current = self.table.currentIndex()
        chosen = self.model.value(current.row()).participant.id if current.isValid() else None
        self.model.set_rows(
            [
                ScaleRow(p, self._scales.get(p.id))
                for p in self._participants
                if p.role not in _NOT_SCALING or p.id in self._scales
            ]
        )
        if chosen is not None:
            row = self.model.row_of(chosen)
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, current.column()))
        self._update_spread()

    def _on_edited(self, row: int, column: int, text: str) -> None:
        value = self.model.value(row)
        person = value.participant
        if column == Column.SCORE:
            try:
                score = parse_score(text)
            except ValueError:
                self._refuse(
                    f"“{text.strip()}” is not a score: type a whole number from "
                    f"{SCALE_MIN} to {SCALE_MAX} (leave it blank to clear it)."
                )
                return
            if score == value.score:
                return
            note = value.note if score is not None else ""
            done = (
                f"{person.name}: {score} out of {SCALE_MAX}."
                if score is not None
                else f"{person.name}'s score cleared."
            )
        else:
            note = text.strip()
            if note == value.note:
                return
            if value.score is None:
                self._refuse(f"Give {person.name} a score before adding a note.")
                return
            score = value.score
            done = f"Note on {person.name}'s score {'saved' if note else 'cleared'}."
        was = {"score": value.score, "note": value.note}
        clash = ""
        try:
            stored = self.service.set_scale(self.reference, person.id, score, note, expected=was)
        except EditedElsewhere as error:  # theirs is shown; mine can be typed again
            stored, clash = error.theirs, f"{user_message(error)} The table now shows theirs."
        except Exception as error:
            message = user_message(error)
            if message is None:
                raise
            self._refuse(message)
            return
        if stored is None:
            self._scales.pop(person.id, None)
        else:
            self._scales[person.id] = stored
        self.model.replace_row(row, ScaleRow(person, stored))
        self._update_spread()
        self.scaling_changed.emit()
        if clash:
            self._refuse(clash)
            return
        self.error.clear()
        self.error.setToolTip("")
        self._hint.show()
        self.message.emit(done)

    def _refuse(self, text: str) -> None:
        line = " ".join(text.split())
        self.error.setText(line)
        self.error.setToolTip(line)
        self._hint.hide()  # the problem gets the whole line
        self.message.emit(line)

    def _update_spread(self) -> None:
        self.spread.setText(spread_text(self.model.scores()))
