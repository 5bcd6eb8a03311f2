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
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.conference import (
    AttendanceEvent,
    Child,
    ConferenceRecord,
    Participant,
)
from cpc_desktop.domain.enums import AttendanceKind, ChildParticipation, ParticipantRole
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.quorum import QuorumResult
from cpc_desktop.domain.validation import check_conference
from cpc_desktop.services.roll_call import NewParticipant
from cpc_desktop.services.rules import timescale_params
from cpc_desktop.ui.actions import ActionId, make_action
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.field_limits import bound
from cpc_desktop.ui.workspace.exclusion_dialog import ExclusionDialog
from cpc_desktop.ui.workspace.participant_model import (
    ROLE_LABELS,
    Column,
    ParticipantModel,
    local_time,
    open_exclusion,
)
from cpc_desktop.ui.workspace.quorum_indicator import QuorumIndicator

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

T = TypeVar("T")

#: How a child takes part, in plain words.
PARTICIPATION_LABELS: dict[ChildParticipation, str] = {
    ChildParticipation.ATTENDS_ALL: "Attends all",
    ChildParticipation.ATTENDS_PART: "Attends part",
    ChildParticipation.WRITTEN_OR_DRAWN: "Writes or draws",
    ChildParticipation.THROUGH_ADVOCATE: "Through an advocate",
    ChildParticipation.NOT_TAKING_PART: "Not taking part",
}
_STAMP_WORDS = {
    AttendanceKind.PRESENT: "present",
    AttendanceKind.APOLOGIES: "apologies",
    AttendanceKind.ABSENT: "absent",
    AttendanceKind.ARRIVED: "arrived",
    AttendanceKind.LEFT: "left",
    AttendanceKind.EXCLUDED: "excluded",
}
#: The tab's commands on the selected person (declared in ui/actions.py), by name.
ROLL_CALL_COMMANDS: dict[str, ActionId] = {
    "present": ActionId.ROLL_CALL_PRESENT,
    "apologies": ActionId.ROLL_CALL_APOLOGIES,
    "absent": ActionId.ROLL_CALL_ABSENT,
    "arrived": ActionId.ROLL_CALL_ARRIVED,
    "left": ActionId.ROLL_CALL_LEFT,
    "exclude": ActionId.ROLL_CALL_EXCLUDE,
    "end_exclusion": ActionId.ROLL_CALL_END_EXCLUSION,
    "edit": ActionId.ROLL_CALL_EDIT,
}
_REFRESH_MS = 30_000
_NO_DATE = QtCore.QDate(1900, 1, 1)
_ERROR_STYLE = "color: #b91c1c; font-weight: bold;"
_ENTER_KEYS = (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter)
_REPORT_CODES = ("participant.report_",)


def _qdate(day: date) -> QtCore.QDate:
    return QtCore.QDate(day.year, day.month, day.day)


# --- small widgets ---------------------------------------------------------------------


class OptionalDateEdit(QtWidgets.QDateEdit):
    """A date that may be missing: the lowest date shows ``none_text``.

    From "missing", an arrow key or a typed digit starts at ``start`` (usually
    today) rather than in 1900; Delete makes the date missing again.
    """

    def __init__(
        self,
        none_text: str,
        start: date,
        value: date | None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._start = _qdate(start)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(_NO_DATE)
        self.setSpecialValueText(none_text)
        self.setToolTip(f"Press Delete for “{none_text}”")
        self.set_value(value)

    def value(self) -> date | None:
        chosen = self.date()
        if chosen == self.minimumDate():
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(_NO_DATE if value is None else _qdate(value))

    def _missing(self) -> bool:
        return self.date() == self.minimumDate()

    def stepBy(self, steps: int) -> None:
        if self._missing():
            self.setDate(self._start)
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() == QtCore.Qt.Key.Key_Delete and not event.modifiers():
            self.setDate(_NO_DATE)
            return
        if self._missing() and event.text().isdigit():
            self.setDate(self._start)
            self.setSelectedSection(QtWidgets.QDateTimeEdit.Section.DaySection)
        super().keyPressEvent(event)


def _agency_edit(completions: QtCore.QStringListModel, name: str) -> QtWidgets.QLineEdit:
    edit = QtWidgets.QLineEdit()
    edit.setAccessibleName(name)
    completer = QtWidgets.QCompleter(completions, edit)
    completer.setCaseSensitivity(QtCore.Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QtWidgets.QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(QtCore.Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    return edit


def _popup_open(edit: QtWidgets.QLineEdit) -> bool:
    completer = edit.completer()
    popup = None if completer is None else completer.popup()
    return popup is not None and popup.isVisible()


def _role_combo(name: str, current: ParticipantRole) -> QtWidgets.QComboBox:
    combo = QtWidgets.QComboBox()
    combo.setAccessibleName(name)
    for role, label in ROLE_LABELS.items():
        combo.addItem(label, role.value)
    combo.setCurrentIndex(combo.findData(current.value))
    return combo


class DetailsDialog(QtWidgets.QDialog):
    """Everything about one person apart from their attendance.

    :meth:`changes` gives only the fields that differ from the person as opened.
    """

    def __init__(
        self,
        person: Participant,
        completions: QtCore.QStringListModel,
        today: date,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.person = person
        self.setWindowTitle(f"Details for {person.name}")
        self.name = bound(QtWidgets.QLineEdit(person.name), "$.participants[].name")
        self.name.setAccessibleName("Name")
        self.role = _role_combo("Role", person.role)
        self.agency = bound(_agency_edit(completions, "Agency"), "$.participants[].agency")
        self.agency.setText(person.agency)
        self.relationship = bound(
            QtWidgets.QLineEdit(person.relationship), "$.participants[].relationship"
        )
        self.relationship.setAccessibleName("Relationship or job")
        self.direct_contact = QtWidgets.QCheckBox("Has &direct contact with the child or family")
        self.direct_contact.setAccessibleName("Direct contact with the family")
        self.direct_contact.setChecked(person.direct_contact)
        self.report_received = OptionalDateEdit("not received", today, person.report_received)
        self.report_received.setObjectName("reportReceived")
        self.report_received.setAccessibleName("Report received on")
        self.report_shared = OptionalDateEdit("not shared", today, person.report_shared_with_family)
        self.report_shared.setObjectName("reportShared")
        self.report_shared.setAccessibleName("Report shared with the family on")
        self.interpreter = bound(
            QtWidgets.QLineEdit(person.interpreter_language or ""),
            "$.participants[].interpreter_language",
        )
        self.interpreter.setAccessibleName("Interpreter language")
        self.interpreter.setPlaceholderText("blank if no interpreter is needed")
        self.advocate = QtWidgets.QCheckBox("Needs an &advocate")
        self.advocate.setAccessibleName("Advocate needed")
        self.advocate.setChecked(person.advocate_needed)
        self.error = QtWidgets.QLabel()
        self.error.setAccessibleName("Problem")
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setWordWrap(True)

        form = QtWidgets.QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Role:", self.role)
        form.addRow("A&gency:", self.agency)
        form.addRow("Re&lationship:", self.relationship)
        form.addRow("", self.direct_contact)
        form.addRow("Report r&eceived:", self.report_received)
        form.addRow("Report &shared with family:", self.report_shared)
        form.addRow("&Interpreter language:", self.interpreter)
        form.addRow("", self.advocate)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setText("Sa&ve")
        ok.setDefault(True)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.name.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "role": ParticipantRole(self.role.currentData()),
            "agency": " ".join(self.agency.text().split()),
            "relationship": self.relationship.text().strip(),
            "direct_contact": self.direct_contact.isChecked(),
            "report_received": self.report_received.value(),
            "report_shared_with_family": self.report_shared.value(),
            "interpreter_language": self.interpreter.text().strip() or None,
            "advocate_needed": self.advocate.isChecked(),
        }

    def changes(self) -> dict[str, Any]:
        return {
            key: value for key, value in self.values().items() if getattr(self.person, key) != value
        }

    def _on_accept(self) -> None:
        values = self.values()
        if not values["name"]:
            self.error.setText("The name cannot be blank.")
            self.name.setFocus()
            return
        received, shared = values["report_received"], values["report_shared_with_family"]
        if shared is not None and (received is None or shared < received):
            self.error.setText("A report cannot be shared with the family before it is received.")
            self.report_received.setFocus()
            return
        self.accept()


# --- undo ------------------------------------------------------------------------------


class _Ids:
    """Ids that change when an undone creation is redone (a new row, a new id).

    Commands keep the id they saw and look up the current one here.
    """

    def __init__(self) -> None:
        self._current: dict[str, str] = {}

    def __call__(self, original: str) -> str:
        return self._current.get(original, original)

    def moved(self, original: str, current: str) -> None:
        """``original`` (and every id it has had since) is now ``current``."""
        previous = self(original)
        for key, value in list(self._current.items()):
            if value == previous:
                self._current[key] = current
        self._current[original] = current
        if previous != current:
            self._current[previous] = current


class _Command(QtGui.QUndoCommand):
    """A change already made when pushed (the first ``redo`` does nothing).

    ``forward`` makes it again, ``backward`` takes it back; if the store refuses
    either, the tab shows why and the command is dropped from the stack.
    """

    def __init__(
        self,
        tab: RollCallTab,
        text: str,
        forward: Callable[[], object],
        backward: Callable[[], object],
    ) -> None:
        super().__init__(text)
        self._tab = tab
        self._forward = forward
        self._backward = backward
        self._pending_first_redo = True

    def redo(self) -> None:
        if self._pending_first_redo:
            self._pending_first_redo = False
            return
        self._tab._replay(self, self._forward, "redo")

    def undo(self) -> None:
        self._tab._replay(self, self._backward, "undo")


# --- the tab ---------------------------------------------------------------------------


class _ChildRow:
    """The widgets for one child's participation."""

    def __init__(self, child: Child) -> None:
        self.child = child
        name = child_name(child)
        self.label = QtWidgets.QLabel(name)
        self.mode = QtWidgets.QComboBox()
        self.mode.setAccessibleName(f"How {name} takes part")
        self.mode.setPlaceholderText("not recorded yet")
        for mode, label in PARTICIPATION_LABELS.items():
            self.mode.addItem(label, mode.value)
        self.label.setBuddy(self.mode)
        self.reason = QtWidgets.QLineEdit()
        self.reason.setAccessibleName(f"Reason for how {name} takes part")
        self.reason.setPlaceholderText("Reason (needed if not taking part)")
        self.show(child)

    def show(self, child: Child) -> None:
        self.child = child
        if self.mode.hasFocus() or self.reason.hasFocus():
            return  # the chair is working here: keep what they see
        self.mode.setCurrentIndex(
            -1 if child.participation is None else self.mode.findData(child.participation.value)
        )
        self.reason.setText(child.participation_reason or "")
        self.reason.setCursorPosition(0)
        self.reason.setToolTip(child.participation_reason or "")

    def chosen(self) -> tuple[ChildParticipation | None, str | None]:
        data = self.mode.currentData()
        mode = None if data is None else ChildParticipation(data)
        return mode, self.reason.text().strip() or None


class RollCallTab(QtWidgets.QWidget):
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
        self.ids = _Ids()
        self.model = ParticipantModel(self)
        self.completions = QtCore.QStringListModel(self)
        self.child_rows: dict[str, _ChildRow] = {}
        self.exclusion_dialog: ExclusionDialog | None = None
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
        self.name = bound(QtWidgets.QLineEdit(), "$.participants[].name")
        self.name.setObjectName("quickName")
        self.name.setAccessibleName("Name of the person to add")
        self.name.setPlaceholderText("Full name")
        self.role = _role_combo("Role of the person to add", ParticipantRole.PROFESSIONAL)
        self.role.setObjectName("quickRole")
        self.agency = bound(
            _agency_edit(self.completions, "Agency of the person to add"),
            "$.participants[].agency",
        )
        self.agency.setObjectName("quickAgency")
        self.agency.setPlaceholderText("Type to choose")
        self.relationship = bound(QtWidgets.QLineEdit(), "$.participants[].relationship")
        self.relationship.setObjectName("quickRelationship")
        self.relationship.setAccessibleName("Relationship or job of the person to add")
        self.relationship.setPlaceholderText("e.g. GP for the family")
        self.direct_contact = QtWidgets.QCheckBox("&Direct contact with the family")
        self.direct_contact.setObjectName("quickDirectContact")
        self.direct_contact.setAccessibleName(
            "The person to add has direct contact with the family"
        )
        self.add_button = QtWidgets.QPushButton("&Add person")
        self.add_button.setObjectName("quickAdd")
        self.add_button.setAccessibleName("Add the person to the roll call")
        self.add_button.clicked.connect(self.add_person)
        for edit in (self.name, self.agency, self.relationship):
            edit.returnPressed.connect(self._on_quick_return)
        for widget in (self.role, self.direct_contact):
            widget.installEventFilter(self)

        entry = QtWidgets.QGridLayout()
        entry.setHorizontalSpacing(6)
        entry.setVerticalSpacing(2)
        for column, (text, field) in enumerate(
            (
                ("&Name", self.name),
                ("R&ole", self.role),
                ("A&gency", self.agency),
                ("Re&lationship or job", self.relationship),
            )
        ):
            label = QtWidgets.QLabel(text)
            label.setBuddy(field)
            entry.addWidget(label, 0, column)
            entry.addWidget(field, 1, column)
        entry.addWidget(self.direct_contact, 1, 4)
        entry.addWidget(self.add_button, 1, 5)
        entry.setColumnStretch(0, 3)
        entry.setColumnStretch(1, 2)
        entry.setColumnStretch(2, 3)
        entry.setColumnStretch(3, 3)

        self.buttons = QtWidgets.QHBoxLayout()
        self.buttons.setSpacing(4)

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
            (Column.ATTENDANCE, 125),
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

        bottom = QtWidgets.QHBoxLayout()
        bottom.addWidget(self.children_box, 3)
        bottom.addWidget(self.quorum, 2)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(6)
        layout.addLayout(entry)
        layout.addLayout(self.buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)

    def _build_actions(self) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "present": lambda: self.stamp(AttendanceKind.PRESENT),
            "apologies": lambda: self.stamp(AttendanceKind.APOLOGIES),
            "absent": lambda: self.stamp(AttendanceKind.ABSENT),
            "arrived": lambda: self.stamp(AttendanceKind.ARRIVED),
            "left": lambda: self.stamp(AttendanceKind.LEFT),
            "exclude": self.exclude,
            "end_exclusion": self.end_exclusion,
            "edit": self.edit_details,
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
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)

    def _set_tab_order(self) -> None:
        chain: list[QtWidgets.QWidget] = [
            self.name,
            self.role,
            self.agency,
            self.relationship,
            self.direct_contact,
            self.add_button,
            self.table,
        ]
        for index in range(self.buttons.count()):
            item = self.buttons.itemAt(index)
            widget = None if item is None else item.widget()
            if widget is not None:
                chain.append(widget)
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
            row = _ChildRow(child)
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
        self.quorum.set_state(self.quorum_result, self.record.conference.quorum_reason)

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
        row = self.model.row_of(self.ids(participant_id))
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _update_actions(self, *_: object) -> None:
        person = self.selected()
        for name, action in self.actions_by_name.items():
            action.setEnabled(person is not None)
            if name == "end_exclusion" and person is not None:
                action.setEnabled(open_exclusion(person, self.session.clock()) is not None)

    # --- messages ----------------------------------------------------------------------

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(_ERROR_STYLE if error else "")
        self.status.setText(text)
        self.message.emit(text)

    def _report(self, error: BaseException) -> None:
        text = user_message(error)
        if text is None:
            raise error
        self.show_message(text, error=True)

    def _call(self, work: Callable[[], T]) -> T | None:
        """Run a service call; a refusal is shown as one line and ``None`` returned."""
        try:
            return work()
        except Exception as error:
            self._report(error)
            return None

    def _changed(self, text: str = "") -> None:
        self.reload()
        self.participants_changed.emit()
        if text:
            self.show_message(text)

    def _replay(self, command: _Command, work: Callable[[], object], verb: str) -> None:
        """Redo or undo ``command`` (called by the undo stack); ``verb`` says which."""
        try:
            work()
        except Exception as error:
            message = user_message(error)
            if message is None:
                raise
            command.setObsolete(True)
            self.reload()
            self.show_message(f"Could not {verb} “{command.text()}”: {message}", error=True)
            return
        self._changed(f"{'Undone' if verb == 'undo' else 'Redone'}: {command.text()}.")

    def _push(
        self, text: str, forward: Callable[[], object], backward: Callable[[], object]
    ) -> None:
        self.undo_stack.push(_Command(self, text, forward, backward))

    # --- quick entry ---------------------------------------------------------------------

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            watched in (self.role, self.direct_contact)
            and event.type() == QtCore.QEvent.Type.KeyPress
            and isinstance(event, QtGui.QKeyEvent)
            and event.key() in _ENTER_KEYS
            and not (watched is self.role and self.role.view().isVisible())
        ):
            self.add_person()
            return True
        return super().eventFilter(watched, event)

    def _on_quick_return(self) -> None:
        if _popup_open(self.agency):
            return  # Enter picks the highlighted agency; the next Enter adds the person
        self.add_person()

    def add_person(self) -> None:
        """Add the person typed in the quick-entry row, then get ready for the next."""
        name = " ".join(self.name.text().split())
        if not name:
            self.show_message("Type the person's name first.", error=True)
            self.name.setFocus()
            return
        new = NewParticipant(
            name=name,
            role=ParticipantRole(self.role.currentData()),
            agency=" ".join(self.agency.text().split()),
            relationship=self.relationship.text().strip(),
            direct_contact=self.direct_contact.isChecked(),
        )
        created = self._call(lambda: self.session.roll_call.add_participant(self.reference, new))
        if created is None:
            return
        original = created.id

        def again() -> None:
            person = self.session.roll_call.add_participant(self.reference, new)
            self.ids.moved(original, person.id)

        def back() -> None:
            self.session.roll_call.remove_participant(self.ids(original))

        self._push(f"add {name}", again, back)
        self.name.clear()
        self.agency.clear()
        self.relationship.clear()
        self.direct_contact.setChecked(False)
        self.role.setCurrentIndex(self.role.findData(ParticipantRole.PROFESSIONAL.value))
        self._changed(f"Added {name}.")
        self.select(original)
        self.name.setFocus()

    # --- attendance --------------------------------------------------------------------

    def _need_selection(self) -> Participant | None:
        person = self.selected()
        if person is None:
            self.show_message("Select a person in the table first.", error=True)
        return person

    def stamp(self, kind: AttendanceKind) -> None:
        """Record ``kind`` for the selected person at the session's current time."""
        person = self._need_selection()
        if person is not None:
            self._record(person, kind, self.session.clock())

    def _record(
        self,
        person: Participant,
        kind: AttendanceKind,
        at: datetime,
        *,
        until: datetime | None = None,
        grounds: Any = None,
        note: str = "",
    ) -> AttendanceEvent | None:
        pid = person.id
        service = self.session.roll_call

        def record() -> AttendanceEvent:
            return service.record_attendance(
                self.ids(pid), kind, at, until=until, grounds=grounds, note=note
            )

        event = self._call(record)
        if event is None:
            return None
        original = event.id

        def again() -> None:
            self.ids.moved(original, record().id)

        def back() -> None:
            self.session.roll_call.remove_attendance(self.ids(original))

        word = _STAMP_WORDS[kind]
        self._push(f"{word} for {person.name}", again, back)
        self._changed(f"{person.name}: {word} at {local_time(at)}.")
        return event

    def exclude(self) -> None:
        """Ask for the grounds and times, then record the exclusion."""
        person = self._need_selection()
        if person is None:
            return
        dialog = ExclusionDialog(person.name, self.session.clock(), self)
        dialog.accepted.connect(lambda: self._on_exclusion_accepted(person, dialog))
        dialog.finished.connect(self._on_exclusion_finished)
        self.exclusion_dialog = dialog
        dialog.open()

    def _on_exclusion_accepted(self, person: Participant, dialog: ExclusionDialog) -> None:
        value = dialog.value()
        self._record(
            person,
            AttendanceKind.EXCLUDED,
            value.start,
            until=value.until,
            grounds=value.grounds,
            note=value.note,
        )

    def _on_exclusion_finished(self) -> None:
        if self.exclusion_dialog is not None:
            self.exclusion_dialog.deleteLater()
            self.exclusion_dialog = None
        self.table.setFocus()

    def end_exclusion(self) -> None:
        """End the selected person's current exclusion at the session's time."""
        person = self._need_selection()
        if person is None:
            return
        now = self.session.clock()
        event = open_exclusion(person, now)
        if event is None:
            self.show_message(f"{person.name} is not excluded at the moment.", error=True)
            return
        original, before = event.id, event.until
        roll_call = self.session.roll_call
        if self._call(lambda: roll_call.end_exclusion(self.ids(original), now)) is None:
            return

        def back() -> None:
            if before is not None:
                roll_call.end_exclusion(self.ids(original), before)
                return
            # An exclusion cannot be made open-ended again in place: record it afresh.
            roll_call.remove_attendance(self.ids(original))
            again = roll_call.record_attendance(
                self.ids(person.id),
                AttendanceKind.EXCLUDED,
                event.at,
                grounds=event.grounds,
                note=event.note,
            )
            self.ids.moved(original, again.id)

        self._push(
            f"end the exclusion of {person.name}",
            lambda: roll_call.end_exclusion(self.ids(original), now),
            back,
        )
        self._changed(f"{person.name}: exclusion ended at {local_time(now)}.")

    # --- details -----------------------------------------------------------------------

    def _on_table_activated(self, index: QtCore.QModelIndex) -> None:
        if index.isValid():
            self.edit_details()

    def edit_details(self) -> None:
        """Open the details of the selected person; saving is undoable."""
        person = self._need_selection()
        if person is None or self.details_dialog is not None:
            return
        dialog = DetailsDialog(person, self.completions, self.session.today(), self)
        dialog.accepted.connect(lambda: self._on_details_accepted(dialog))
        dialog.finished.connect(self._on_details_finished)
        self.details_dialog = dialog
        dialog.open()

    def _on_details_accepted(self, dialog: DetailsDialog) -> None:
        person = dialog.person
        after = dialog.changes()
        if not after:
            return
        before = {key: getattr(person, key) for key in after}
        pid = person.id
        roll_call = self.session.roll_call
        if self._call(lambda: roll_call.update_participant(self.ids(pid), **after)) is None:
            return
        self._push(
            f"edit the details of {person.name}",
            lambda: roll_call.update_participant(self.ids(pid), **after),
            lambda: roll_call.update_participant(self.ids(pid), **before),
        )
        self._changed(f"Saved the details of {after.get('name', person.name)}.")

    def _on_details_finished(self) -> None:
        if self.details_dialog is not None:
            self.details_dialog.deleteLater()
            self.details_dialog = None
        self.table.setFocus()

    # --- the child's participation -----------------------------------------------------

    def _on_child_changed(self, child_id: str) -> None:
        row = self.child_rows.get(child_id)
        if row is None:
            return
        child = row.child
        name = child_name(child)
        mode, reason = row.chosen()
        if mode is None:
            if reason is not None and reason != (child.participation_reason or None):
                self.show_message(f"Choose how {name} takes part first.", error=True)
            return
        if (mode, reason) == (child.participation, child.participation_reason or None):
            return
        if mode is ChildParticipation.NOT_TAKING_PART and reason is None:
            self.show_message(
                f"Give the reason {name} is not taking part; nothing is saved until you do.",
                error=True,
            )
            row.reason.setFocus()
            return
        before = (child.participation, child.participation_reason)
        roll_call = self.session.roll_call
        if self._call(lambda: roll_call.set_child_participation(child_id, mode, reason)) is None:
            row.show(child)
            return
        self._push(
            f"set how {name} takes part",
            lambda: roll_call.set_child_participation(child_id, mode, reason),
            lambda: roll_call.set_child_participation(child_id, *before),
        )
        self._changed(f"{name}: {PARTICIPATION_LABELS[mode].lower()}.")

    # --- quorum --------------------------------------------------------------------------

    def _on_quorum_reason(self, reason: str) -> None:
        reason = reason.strip()
        if not reason:
            self.show_message("Give the reason for going ahead without a quorum.", error=True)
            return
        before = self.record.conference.quorum_reason
        roll_call = self.session.roll_call
        if self._call(lambda: roll_call.set_quorum_reason(self.reference, reason)) is None:
            return
        self._push(
            "record the reason for proceeding without quorum",
            lambda: roll_call.set_quorum_reason(self.reference, reason),
            lambda: roll_call.set_quorum_reason(self.reference, before),
        )
        self._changed("Recorded the reason for proceeding without quorum.")
