"""The agenda of a sitting conference: where the meeting is, how long it has taken.

The left column of the conference page. From top to bottom: the item timer
("Item 5 of 12 — 07:32 of 10:00", red with "+01:12 over" once the allowance is
used up), previous/next buttons, the progress through the meeting, the agenda list
itself and the buttons that change it.

Every change goes through the shared undo stack. The panel's actions
(:attr:`AgendaPanel.agenda_actions`) are declared in ``ui/actions.py``, with their
shortcuts and their place in the window's Conference menu. Stepping through the
meeting works anywhere in the window; editing the list (add, remove, move) only while
the focus is in the panel, so a typed Alt+Up or Ctrl+Shift+Delete never changes the
agenda from the minutes editor.

Signals:
    current_item_changed(str): the id of the item now current ("" when none is).
    selected_item_changed(str): the id of the item selected in the list, which the
        minutes side follows ("" when none is).
    message(str): one line for the user (a refusal, or why nothing happened).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.conference import AgendaItem, ClockEvent
from cpc_desktop.domain.enums import AgendaStatus
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.ui.actions import ActionId, make_action
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.permissions import enable
from cpc_desktop.ui.workspace.agenda_commands import (
    AddItem,
    AgendaCommand,
    MoveItem,
    RemoveItem,
    SetStatus,
)
from cpc_desktop.ui.workspace.agenda_dialogs import AddItemDialog
from cpc_desktop.ui.workspace.agenda_model import AgendaModel, Column
from cpc_desktop.ui.workspace.agenda_steps import AgendaSteps, next_pending
from cpc_desktop.ui.workspace.agenda_timing import (
    _FINISHED,
    OVER_COLOUR,
    AgendaTiming,
)
from cpc_desktop.ui.workspace.emphasis import emphasise
from cpc_desktop.ui.workspace.undo import ServiceCommand, run_and_push

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

Clock = Callable[[], datetime]


class AgendaPanel(AgendaSteps, AgendaTiming, QtWidgets.QWidget):
    """The agenda of conference ``ref``, its progress and the controls that change it."""

    current_item_changed = QtCore.Signal(str)
    selected_item_changed = QtCore.Signal(str)
    message = QtCore.Signal(str)

    def __init__(
        self,
        session: Session,
        ref: str,
        undo_stack: QtGui.QUndoStack,
        clock: Clock | None = None,
        parent: QtWidgets.QWidget | None = None,
        *,
        agenda: Sequence[AgendaItem] | None = None,
        moments: Sequence[ClockEvent] | None = None,
    ) -> None:
        """``agenda`` and the clock's ``moments``, when the caller has just read the
        record, save reading it again."""
        super().__init__(parent)
        self.session = session
        self.service = session.agenda
        self.reference = ref
        self.undo_stack = undo_stack
        self.clock: Clock = clock or session.clock
        self.add_dialog: AddItemDialog | None = None
        self._current_id = ""
        self._selected_id = ""
        self._moments: tuple[ClockEvent, ...] = ()
        self.setObjectName("agendaPanel")
        self.setAccessibleName("Agenda")
        self.model = AgendaModel(self)
        self.model.move_requested.connect(self._on_model_move_requested)
        self._build_ui()
        self.agenda_actions = self._build_actions()
        self._connect_buttons()
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        if agenda is not None and moments is not None:
            self._moments = tuple(moments)
            self.show_agenda(agenda, read_clock=False)
        else:
            self.reload(self.agenda_from_store() if agenda is None else agenda)
        self.timer.start()

    # --- building ------------------------------------------------------------------

    def _build_ui(self) -> None:
        heading = QtWidgets.QLabel("Agenda")
        emphasise(heading, 13)
        self.now_label = _label("Current item", "", "font-weight: bold;")
        self.timer_label = _label("Item timer", "", "font-size: 12pt; font-weight: bold;")
        self.over_label = _label("Time over or left", "", "font-size: 11pt;")
        timing = QtWidgets.QVBoxLayout()
        timing.setSpacing(2)
        timing.addWidget(self.now_label)
        timing.addWidget(self.timer_label)
        timing.addWidget(self.over_label)
        self.timer_box = QtWidgets.QFrame()
        self.timer_box.setObjectName("agendaTimerBox")
        self.timer_box.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.timer_box.setLayout(timing)

        self.previous_button = _button("◀ Previous", "Previous item")
        self.next_button = _button("Start meeting ▶", "Start or next item")
        self.next_button.setDefault(False)
        emphasise(self.next_button)
        steps = QtWidgets.QHBoxLayout()
        steps.addWidget(self.previous_button, 2)
        steps.addWidget(self.next_button, 3)

        self.progress = QtWidgets.QProgressBar()
        self.progress.setObjectName("agendaProgress")
        self.progress.setAccessibleName("Meeting progress: items done")
        self.progress.setFormat("%v of %m items done")
        self.progress.setTextVisible(True)
        self.progress.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.meeting_label = _label("Meeting time", "")

        self.view = QtWidgets.QTableView()
        self.view.setObjectName("agendaList")
        self.view.setAccessibleName("Agenda items")
        self.view.setAccessibleDescription(
            "Ctrl+Shift+Return makes the selected item current; Alt+Up and Alt+Down move it"
        )
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(False)
        self.view.setTabKeyNavigation(False)
        self.view.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.verticalHeader().hide()
        # Rows fit their wrapped titles, measured once per event-loop turn after a change
        # (ResizeToContents would measure every cell on every layout pass: a dozen times
        # while the workspace opens).
        self._fit_rows_soon = QtCore.QTimer(self)
        self._fit_rows_soon.setSingleShot(True)
        self._fit_rows_soon.setInterval(0)
        self._fit_rows_soon.timeout.connect(self.view.resizeRowsToContents)
        fit_rows = self._fit_rows_soon.start
        for changed in (
            self.model.modelReset,
            self.model.dataChanged,
            self.model.layoutChanged,
            self.model.rowsInserted,
            self.model.rowsMoved,
        ):
            changed.connect(fit_rows)
        header = self.view.horizontalHeader()
        header.sectionResized.connect(
            lambda column, _old, _new: fit_rows() if column == Column.TITLE else None
        )
        fit = QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(Column.NUMBER, fit)
        header.setSectionResizeMode(Column.TITLE, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.ALLOWANCE, fit)
        header.setHighlightSections(False)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(QtCore.Qt.DropAction.MoveAction)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)

        self.current_button = _button("Make current", "Make selected item current")
        self.skip_button = _button("Skip", "Skip item")
        self.add_button = _button("Add…", "Add agenda item")
        self.remove_button = _button("Remove", "Remove agenda item")
        self.up_button = _button("▲ Up", "Move item up")
        self.down_button = _button("▼ Down", "Move item down")
        editing = QtWidgets.QGridLayout()
        editing.setSpacing(4)
        editing.addWidget(self.current_button, 0, 0, 1, 2)
        editing.addWidget(self.skip_button, 0, 2, 1, 2)
        editing.addWidget(self.add_button, 1, 0)
        editing.addWidget(self.remove_button, 1, 1)
        editing.addWidget(self.up_button, 1, 2)
        editing.addWidget(self.down_button, 1, 3)

        self.message_label = _label("Agenda message", "", f"color: {OVER_COLOUR};")
        self.message_label.hide()

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.timer_box)
        layout.addLayout(steps)
        layout.addWidget(self.progress)
        layout.addWidget(self.meeting_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(editing)
        layout.addWidget(self.message_label)
        order = (
            self.previous_button,
            self.next_button,
            self.view,
            self.current_button,
            self.skip_button,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        )
        for first, second in itertools.pairwise(order):
            QtWidgets.QWidget.setTabOrder(first, second)

    def _build_actions(self) -> dict[ActionId, QtGui.QAction]:
        slots: dict[ActionId, Callable[[], None]] = {
            ActionId.AGENDA_NEXT: self.next_item,
            ActionId.AGENDA_PREVIOUS: self.previous_item,
            ActionId.AGENDA_MAKE_CURRENT: self.make_selected_current,
            ActionId.AGENDA_SKIP: self.skip_item,
            ActionId.AGENDA_ADD: self.add_item,
            ActionId.AGENDA_REMOVE: self.remove_item,
            ActionId.AGENDA_MOVE_UP: self.move_up,
            ActionId.AGENDA_MOVE_DOWN: self.move_down,
            ActionId.CLOCK_PAUSE: self.pause_or_resume,
        }
        return {action_id: make_action(action_id, self, slot) for action_id, slot in slots.items()}

    def _connect_buttons(self) -> None:
        pairs = {
            self.previous_button: ActionId.AGENDA_PREVIOUS,
            self.next_button: ActionId.AGENDA_NEXT,
            self.current_button: ActionId.AGENDA_MAKE_CURRENT,
            self.skip_button: ActionId.AGENDA_SKIP,
            self.add_button: ActionId.AGENDA_ADD,
            self.remove_button: ActionId.AGENDA_REMOVE,
            self.up_button: ActionId.AGENDA_MOVE_UP,
            self.down_button: ActionId.AGENDA_MOVE_DOWN,
        }
        for button, action_id in pairs.items():
            action = self.agenda_actions[action_id]
            button.clicked.connect(action.trigger)
            button.setToolTip(action.toolTip())

            action.enabledChanged.connect(button.setEnabled)
            action.changed.connect(lambda b=button, a=action: b.setToolTip(a.toolTip()))
            button.setEnabled(action.isEnabled())

    # --- public ----------------------------------------------------------------------

    @property
    def items(self) -> tuple[AgendaItem, ...]:
        return self.model.values()

    def agenda_from_store(self) -> tuple[AgendaItem, ...]:
        agenda: tuple[AgendaItem, ...] = self.session.conferences.get(self.reference).agenda
        return agenda

    def reload(self, items: Sequence[AgendaItem]) -> None:
        """Show ``items`` (the whole agenda, in order), keeping the selection if it can."""
        self.show_agenda(items)

    def show_agenda(
        self, items: Sequence[AgendaItem], select: str | None = None, *, read_clock: bool = True
    ) -> None:
        """Show the agenda and the clock's moments, read again after a change (the change
        of progress wrote them) unless ``read_clock`` is false."""
        keep = select or self._selected_id
        self.model.set_items(items)
        if read_clock:
            self._read_clock()
        self._follow_current(self.clock())
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and self._current_id:
            row = self.model.row_of(self._current_id)
        if row < 0 and self.model.rowCount():
            row = 0
        self._select_row(row)
        self._update_actions()
        self._tick()

    def select_item(self, item_id: str) -> None:
        self._select_row(self.model.row_of(item_id))

    def selected_item(self) -> AgendaItem | None:
        row = self._selected_row()
        return None if row < 0 else self.model.value(row)

    def current_item(self) -> AgendaItem | None:
        for item in self.items:
            if item.status is AgendaStatus.CURRENT:
                return item
        return None

    def report(self, error: BaseException) -> None:
        """Show a refused change's one line (errors that are bugs are raised again)."""
        text = user_message(error)
        if text is None:
            raise error
        self._say(text)

    # --- changing the list -----------------------------------------------------------

    def add_item(self) -> None:
        selected = self.selected_item()
        dialog = AddItemDialog(None if selected is None else selected.title, self)
        after = None if selected is None else selected.id
        dialog.accepted.connect(
            lambda: self._push(
                AddItem(self, dialog.title.text().strip(), dialog.allowance.value(), after)
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: self.view.setFocus())
        self.add_dialog = dialog
        dialog.open()

    def remove_item(self) -> None:
        row = self._selected_row()
        if row < 0:
            self._say("Select the item to remove.")
            return
        self._push(RemoveItem(self, self.items[row], row))

    def move_up(self) -> None:
        self._move_selected(-1)

    def move_down(self) -> None:
        self._move_selected(+1)

    def _move_selected(self, step: int) -> None:
        row = self._selected_row()
        if row < 0:
            self._say("Select the item to move.")
            return
        target = row + step
        if not 0 <= target < len(self.items):
            self._say("The item cannot move further that way.")
            return
        self._push(MoveItem(self, self.items[row], row, target))

    def _on_model_move_requested(self, item_id: str, new_index: int) -> None:
        row = self.model.row_of(item_id)
        if row < 0 or row == new_index:
            return
        self._push(MoveItem(self, self.items[row], row, new_index))

    # --- the undo stack --------------------------------------------------------------

    def _set_statuses(
        self, changes: list[tuple[str, AgendaStatus]], text: str, select_row: int
    ) -> None:
        select = self.items[select_row].id if 0 <= select_row < len(self.items) else None
        self._push(SetStatus(self, self.items, changes, text, select))

    def _push(self, command: AgendaCommand) -> None:
        if run_and_push(self.undo_stack, command, self._refused):
            self._say("")

    def _refused(self, error: Exception) -> None:
        self.report(error)
        self.show_agenda(self.agenda_from_store())

    def command_refused(self, command: ServiceCommand, verb: str, error: ServiceError) -> None:
        """The store refused to ``verb`` ``command`` (now dropped): say so, show the store."""
        self._refused(error)

    # --- state -----------------------------------------------------------------------

    def _current_row(self) -> int:
        return self.model.row_of(self._current_id) if self._current_id else -1

    def _selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _select_row(self, row: int) -> None:
        selection = self.view.selectionModel()
        if row < 0:
            selection.clearSelection()
        else:
            index = self.model.index(row, Column.TITLE)
            flags = (
                QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QtCore.QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)
            self.view.scrollTo(index)
        self._on_view_selection_changed()

    def _on_view_selection_changed(self, *_args: object) -> None:
        row = self._selected_row()
        item_id = "" if row < 0 else self.model.value(row).id
        self._update_actions()
        if item_id != self._selected_id:
            self._selected_id = item_id
            self.selected_item_changed.emit(item_id)

    def _update_actions(self) -> None:
        items = self.items
        row = self._selected_row()
        current = self._current_row()
        pending = any(item.status is AgendaStatus.PENDING for item in items)
        started = current >= 0 or any(item.status in _FINISHED for item in items)
        a = self.agenda_actions
        enable(a[ActionId.AGENDA_NEXT], current >= 0 or pending)
        enable(a[ActionId.AGENDA_PREVIOUS], current > 0 or (current < 0 and started))
        selected = items[row] if row >= 0 else None
        enable(
            a[ActionId.AGENDA_MAKE_CURRENT],
            selected is not None and selected.status is not AgendaStatus.CURRENT,
        )
        enable(a[ActionId.AGENDA_SKIP], selected is not None or current >= 0)
        enable(a[ActionId.AGENDA_REMOVE], selected is not None)
        enable(a[ActionId.AGENDA_MOVE_UP], row > 0)
        enable(a[ActionId.AGENDA_MOVE_DOWN], 0 <= row < len(items) - 1)
        times = self.clock_times()
        enable(a[ActionId.CLOCK_PAUSE], times.started is not None and times.ended is None)
        if current < 0:
            self.next_button.setText("Next item ▶" if started else "Start meeting ▶")
        elif next_pending(items, current) < 0:
            self.next_button.setText("Finish item ✓")
        else:
            self.next_button.setText("Next item ▶")
        if selected is not None and selected.status is AgendaStatus.SKIPPED:
            self.skip_button.setText("Unskip")
        else:
            self.skip_button.setText("Skip")

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        if text:
            self.message.emit(text)


def _label(accessible_name: str, text: str, style: str = "") -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text)
    label.setProperty("baseStyle", style)
    label.setStyleSheet(style)
    label.setAccessibleName(accessible_name)
    label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _button(text: str, accessible_name: str) -> QtWidgets.QPushButton:
    button = QtWidgets.QPushButton(text)
    button.setAccessibleName(accessible_name)
    button.setAutoDefault(False)
    # Styles pad every push button to 80 px or so; these fit their words, so the
    # panel stays inside a narrow column without clipping any of them.
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text) + 24)
    return button
