"""One minutes pane per agenda item, showing the one the agenda has selected.

Signals:
    saved(str): the latest autosave state of any pane.
    message(str): one line for the status bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.conference import AgendaItem, ConferenceRecord, Participant
from cpc_desktop.ui.workspace.minutes_pane import MinutesPane


class MinutesTab(QtWidgets.QWidget):
    saved = QtCore.Signal(str)
    message = QtCore.Signal(str)

    def __init__(
        self,
        service: Any,
        record: ConferenceRecord,
        undo_stack: QtGui.QUndoStack,
        now: Callable[[], datetime],
        parent: QtWidgets.QWidget | None = None,
        *,
        signs_of_safety: bool = False,
    ) -> None:
        super().__init__(parent)
        self._signs_of_safety = signs_of_safety
        self._service = service
        self._reference = record.conference.reference
        self._undo = undo_stack
        self._now = now
        self.panes: dict[str, MinutesPane] = {}
        self.stack = QtWidgets.QStackedWidget()
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.set_agenda(record.agenda, record)

    def set_agenda(self, agenda: Sequence[AgendaItem], record: ConferenceRecord) -> None:
        """Make sure every agenda item has a pane (new items get one; none are lost)."""
        for number, item in enumerate(agenda, start=1):
            pane = self.panes.get(item.id)
            if pane is None:
                pane = MinutesPane(
                    self._service, self._reference, item, number, self._undo, self._now
                )
                pane.saved.connect(self.saved)
                pane.message.connect(self.message)
                self.panes[item.id] = pane
                self.stack.addWidget(pane)
                pane.set_participants(record.participants)
                pane.set_entries(record.minutes)
                if pane.analysis is not None:
                    pane.analysis.set_scaling(record.scaling)

    def set_participants(self, participants: Sequence[Participant]) -> None:
        for pane in self.panes.values():
            pane.set_participants(participants)

    def show_item(self, item_id: str) -> None:
        pane = self.panes.get(item_id)
        if pane is None or pane is self.stack.currentWidget():
            return
        shown = self.current_pane()
        if shown is not None:
            shown.flush()
        self.stack.setCurrentWidget(pane)

    def current_pane(self) -> MinutesPane | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, MinutesPane) else None

    def focus_editor(self) -> None:
        pane = self.current_pane()
        if pane is not None:
            pane.editor.setFocus()

    def flush(self) -> bool:
        return all(pane.flush() for pane in self.panes.values())
