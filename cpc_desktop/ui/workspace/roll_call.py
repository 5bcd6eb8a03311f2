"""The Introductions tab: going round the table, marking attendance and checking quorum.

The chair (or minute-taker) types each person into the quick-entry row and presses
Enter; the table shows everyone with where they are now; one key marks the selected
person present, arrived, gone and so on; the indicator at the bottom says whether
the conference is quorate. Every change goes through the services, is pushed on the
workspace's undo stack, and is followed by a fresh read of the record.

Signals (RollCallTab):
    participants_changed: something about the people changed (speaker lists refresh).
    message(str): one line for the window's status bar.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.conference import ConferenceRecord, Participant
from cpc_desktop.domain.enums import AttendanceKind
from cpc_desktop.domain.quorum import QuorumResult
from cpc_desktop.domain.roll_call_notes import roll_call_notes
from cpc_desktop.domain.validation import check_conference
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.services.rules import timescale_params
from cpc_desktop.ui.actions import ActionId, make_action
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.flow_layout import FlowLayout
from cpc_desktop.ui.permissions import enable
from cpc_desktop.ui.workspace.child_participation import PARTICIPATION_LABELS, ChildRow
from cpc_desktop.ui.workspace.exclusion_dialog import ExclusionDialog
from cpc_desktop.ui.workspace.exclusion_sharing import ExclusionSharingDialog
from cpc_desktop.ui.workspace.participant_model import (
    Column,
    ParticipantModel,
    last_exclusion,
    open_exclusion,
)
from cpc_desktop.ui.workspace.quick_entry import QuickEntry
from cpc_desktop.ui.workspace.quorum_indicator import QuorumIndicator
from cpc_desktop.ui.workspace.roll_call_dialogs import ERROR_STYLE, DetailsDialog
from cpc_desktop.ui.workspace.roll_call_edits import RollCallEdits
from cpc_desktop.ui.workspace.roll_call_layout import (
    below_table,
    label_buttons,
    people_and_below,
    short_screen,
)
from cpc_desktop.ui.workspace.roll_call_modes import RollCallModes

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

# Names other modules and the tests have imported from here.
__all__ = ["PARTICIPATION_LABELS", "ROLL_CALL_COMMANDS", "DetailsDialog", "RollCallTab"]

#: The tab's commands on the selected person (declared in ui/actions.py), by name.
ROLL_CALL_COMMANDS: dict[str, ActionId] = {
    "present": ActionId.ROLL_CALL_PRESENT,
    "apologies": ActionId.ROLL_CALL_APOLOGIES,
    "absent": ActionId.ROLL_CALL_ABSENT,
    "arrived": ActionId.ROLL_CALL_ARRIVED,
    "left": ActionId.ROLL_CALL_LEFT,
    "exclude": ActionId.ROLL_CALL_EXCLUDE,
    "end_exclusion": ActionId.ROLL_CALL_END_EXCLUSION,
    "share_exclusion": ActionId.ROLL_CALL_SHARE_EXCLUSION,
    "edit": ActionId.ROLL_CALL_EDIT,
    "remove": ActionId.ROLL_CALL_REMOVE,
}
#: The commands on the first row of buttons, with the mode chooser.
_FIRST_ROW = frozenset({"present", "apologies", "absent", "arrived", "left"})
_REFRESH_MS = 30_000
_REPORT_CODES = ("participant.report_",)
_NOTE_STYLE = "color: #92400e;"


class RollCallTab(RollCallModes, RollCallEdits, QtWidgets.QWidget):
    """Introductions for one conference.

    Signals:
        participants_changed: a person was added, edited, or their attendance changed.
        message(str): one line to show in the window's status bar.
    """

    participants_changed = QtCore.Signal()
    message = QtCore.Signal(str)

    def __init__(
        self,
        session: Session,
        ref: str,
        undo_stack: QtGui.QUndoStack,
        parent: QtWidgets.QWidget | None = None,
        *,
        record: ConferenceRecord | None = None,
    ) -> None:
        """``record``, when the caller has just read it, saves reading it again."""
        super().__init__(parent)
        self.session = session
        self.undo_stack = undo_stack
        self.record: ConferenceRecord = record or session.conferences.get(ref)
        self.reference: str = self.record.conference.reference
        self.profile = session.rules.profile(self.record.conference.profile)
        self.model = ParticipantModel(self)
        self.completions = QtCore.QStringListModel(self)
        self.child_rows: dict[str, ChildRow] = {}
        self.exclusion_dialog: ExclusionDialog | None = None
        self.sharing_dialog: ExclusionSharingDialog | None = None
        self.details_dialog: DetailsDialog | None = None
        self.quorum_result: QuorumResult | None = None
        self._build_ui()
        self._build_actions()
        self.show_record(self.record)
        self._set_tab_order()
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(_REFRESH_MS)
        self.timer.timeout.connect(self.refresh_now)
        self.timer.start()

    # --- building --------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.quick = QuickEntry(self.completions, describe=self.describe_agency)
        self.quick.add_requested.connect(self.add_person)
        # The quick entry's boxes, by the names the tab has always had.
        self.name = self.quick.name
        self.role = self.quick.role
        self.agency = self.quick.agency
        self.relationship = self.quick.relationship
        self.direct_contact = self.quick.direct_contact
        self.add_button = self.quick.add_button

        # Who is here and how on the first row; exclusions and the details on the second.
        # Each row wraps on a narrow screen.
        self.buttons = FlowLayout(spacing=4)
        self.more_buttons = FlowLayout(spacing=4)

        self.table = QtWidgets.QTableView()
        self.table.setObjectName("rollCallTable")
        self.table.setAccessibleName("People at the conference")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        for column, width in (
            (Column.NAME, 130),
            (Column.ROLE, 95),
            (Column.AGENCY, 130),
            (Column.RELATIONSHIP, 140),
            (Column.ATTENDANCE, 140),
            (Column.ARRIVED, 52),
            (Column.LEFT, 52),
            (Column.REPORT_RECEIVED, 62),
            (Column.REPORT_SHARED, 80),
            (Column.INTERPRETER, 76),
            (Column.ADVOCATE, 64),
        ):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(Column.RELATIONSHIP, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.table.doubleClicked.connect(self._on_table_activated)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)

        self.children_box = QtWidgets.QGroupBox("The child's participation")
        self.children_box.setObjectName("childParticipation")
        self.children_grid = QtWidgets.QGridLayout(self.children_box)
        self.children_grid.setContentsMargins(8, 4, 8, 6)
        self.children_grid.setVerticalSpacing(4)
        self.children_grid.setColumnStretch(2, 1)

        self.quorum = QuorumIndicator()
        self.quorum.reason_given.connect(self._on_quorum_reason)

        self.status = QtWidgets.QLabel()
        self.status.setObjectName("rollCallMessage")
        self.status.setAccessibleName("Roll call message")
        self.status.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.status.setMinimumHeight(self.status.fontMetrics().height() + 2)
        self.status.setWordWrap(True)  # a long message takes two lines, never the width

        # The nation's warnings (Wales: who must be invited, whose language is not asked).
        self.notes = QtWidgets.QLabel()
        self.notes.setObjectName("nationNotes")
        self.notes.setAccessibleName("What this nation's rules still need")
        self.notes.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(_NOTE_STYLE)
        bold = self.notes.font()
        bold.setBold(True)
        self.notes.setFont(bold)
        self.notes.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Minimum
        )
        self.notes.hide()

        short = short_screen(self)
        below = below_table(self.children_box, self.quorum, short=short)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(4 if short else 6)
        layout.addWidget(self.quick)
        layout.addLayout(self.buttons)
        layout.addLayout(self.more_buttons)
        layout.addWidget(people_and_below(self.table, below, self.quorum), 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.status)

    def _build_actions(self) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "present": lambda: self.stamp(AttendanceKind.PRESENT, self.chosen_mode()),
            "apologies": lambda: self.stamp(AttendanceKind.APOLOGIES),
            "absent": lambda: self.stamp(AttendanceKind.ABSENT),
            "arrived": lambda: self.stamp(AttendanceKind.ARRIVED, self.chosen_mode()),
            "left": lambda: self.stamp(AttendanceKind.LEFT),
            "exclude": self.exclude,
            "end_exclusion": self.end_exclusion,
            "share_exclusion": self.share_exclusion,
            "edit": self.edit_details,
            "remove": self.remove_person,
        }
        self.actions_by_name: dict[str, QtGui.QAction] = {}
        for name, command in ROLL_CALL_COMMANDS.items():
            action = make_action(command, self, handlers[name])
            text = action.text()
            native = action.shortcut().toString(QtGui.QKeySequence.SequenceFormat.NativeText)
            action.setIconText(f"{text.rstrip('…')}\n{native}")
            self.actions_by_name[name] = action
            button = QtWidgets.QToolButton()
            button.setObjectName(f"rollCallButton_{name}")
            button.setDefaultAction(action)
            button.setAccessibleName(f"{text.rstrip('…')} ({native})")
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)
            button.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextOnly)
            (self.buttons if name in _FIRST_ROW else self.more_buttons).addWidget(button)
        self.buttons.addWidget(self._build_mode_chooser())
        label_buttons(
            (
                b
                for b in self.findChildren(QtWidgets.QToolButton)
                if b.objectName().startswith("rollCall")
            ),
            short=short_screen(self),
        )
        self.table.selectionModel().currentRowChanged.connect(self._follow_selection)

    def _set_tab_order(self) -> None:
        chain = [*self.quick.widgets_in_order(), self.table]
        for line in (self.buttons, self.more_buttons):
            for index in range(line.count()):
                item = line.itemAt(index)
                widget = None if item is None else item.widget()
                if widget is not None:
                    chain += [widget, *widget.findChildren(QtWidgets.QToolButton)]
        for row in self.child_rows.values():
            chain += [row.mode, row.reason]
        chain.append(self.quorum.proceed)
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    # --- reading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the record again and show it (keeping the selected person selected)."""
        try:
            record = self.session.conferences.get(self.reference)
        except Exception as error:
            self._report(error)
            return
        self.show_record(record)

    def show_record(self, record: ConferenceRecord) -> None:
        """Show ``record`` as read from the store (keeping the selected person selected)."""
        self.record = record
        self.profile = self.session.rules.profile(record.conference.profile)
        selected = self.selected_id()
        self.model.update(record.participants, self.session.clock(), self._warnings(record))
        if selected is not None:
            self.select(selected)
        self._update_completions(record)
        self._show_children(record)
        self._show_quorum()
        notes = roll_call_notes(record, self.profile.nation)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self._update_actions()

    def refresh_now(self) -> None:
        """Judge attendance and quorum again at the current time (no store read)."""
        self.model.set_now(self.session.clock())
        self._show_quorum()
        self._update_actions()

    def _warnings(self, record: ConferenceRecord) -> dict[str, str]:
        """Report-sharing problems by participant id (late, or shared before received)."""
        conference = record.conference
        try:
            calendar = self.session.rules.calendar(self.profile.division, [conference.date])
            problems = check_conference(
                conference,
                record.children,
                record.participants,
                timescale_params(self.profile),
                calendar,
            )
        except Exception:  # e.g. a date the holiday calendar cannot cover: show no flags
            return {}
        found: dict[str, str] = {}
        for problem in problems:
            index = problem.index_in("participants")
            if not problem.code.startswith(_REPORT_CODES) or index is None:
                continue
            if index < len(record.participants):
                pid = record.participants[index].id
                found[pid] = f"{found[pid]} {problem.message}" if pid in found else problem.message
        return found

    def describe_agency(self, agency: str) -> str:
        """What a typed agency name was taken as, for the line under the agency box."""
        return self.profile.quorum.directory.match(agency).note()

    def _update_completions(self, record: ConferenceRecord) -> None:
        names: dict[str, str] = {}
        for agency in self.profile.quorum.agencies:
            names.setdefault(agency.name.casefold(), agency.name)
        for person in record.participants:
            tidy = " ".join(person.agency.split())
            if tidy:
                names.setdefault(tidy.casefold(), tidy)
        values = sorted(names.values(), key=str.casefold)
        if values != self.completions.stringList():
            self.completions.setStringList(values)

    def _show_children(self, record: ConferenceRecord) -> None:
        ids = [child.id for child in record.children]
        if ids == list(self.child_rows):
            for child in record.children:
                self.child_rows[child.id].show(child)
            return
        while self.children_grid.count():
            item = self.children_grid.takeAt(0)
            widget = None if item is None else item.widget()
            if widget is not None:
                widget.deleteLater()
        self.child_rows = {}
        for index, child in enumerate(record.children):
            row = ChildRow(child)
            row.mode.activated.connect(lambda _i, cid=child.id: self._on_child_changed(cid))
            row.reason.editingFinished.connect(lambda cid=child.id: self._on_child_changed(cid))
            self.children_grid.addWidget(row.label, index, 0)
            self.children_grid.addWidget(row.mode, index, 1)
            self.children_grid.addWidget(row.reason, index, 2)
            self.child_rows[child.id] = row
        if not record.children:
            self.children_grid.addWidget(QtWidgets.QLabel("No children are recorded."), 0, 0)
        for row_index in range(self.children_grid.rowCount()):
            self.children_grid.setRowStretch(row_index, 0)
        self.children_grid.setRowStretch(max(len(record.children), 1), 1)
        self._set_tab_order()

    def _show_quorum(self) -> None:
        try:
            self.quorum_result = self.session.rules.quorum(self.record, self.session.clock())
        except Exception as error:
            self.quorum_result = None
            self._report(error)
        conference = self.record.conference
        self.quorum.set_state(
            self.quorum_result, conference.quorum_reason, conference.quorum_reason_shared
        )

    # --- selection ---------------------------------------------------------------------

    def selected(self) -> Participant | None:
        index = self.table.selectionModel().currentIndex()
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else (index.row() if index.isValid() else -1)
        if 0 <= row < self.model.rowCount():
            return self.model.value(row)
        return None

    def selected_id(self) -> str | None:
        person = self.selected()
        return None if person is None else person.id

    def select(self, participant_id: str) -> None:
        row = self.model.row_of(participant_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _on_table_activated(self, index: QtCore.QModelIndex) -> None:
        if index.isValid():
            self.edit_details()

    def _update_actions(self, *_: object) -> None:
        person = self.selected()
        for action in self.mode_actions.values():
            enable(action)
        for name, action in self.actions_by_name.items():
            enable(action, person is not None)
            if name == "end_exclusion" and person is not None:
                enable(action, open_exclusion(person, self.session.clock()) is not None)
            if name == "share_exclusion" and person is not None:
                enable(action, last_exclusion(person) is not None)

    # --- messages ----------------------------------------------------------------------

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)
        self.message.emit(text)

    def _report(self, error: BaseException) -> None:
        text = user_message(error)
        if text is None:
            raise error
        if isinstance(error, EditedElsewhere):  # show theirs; mine can be made again
            self.reload()
            text += " The roll call now shows their change; make yours again to replace it."
        self.show_message(text, error=True)

    def _changed(self, text: str = "") -> None:
        self.reload()
        self.participants_changed.emit()
        if text:
            self.show_message(text)
