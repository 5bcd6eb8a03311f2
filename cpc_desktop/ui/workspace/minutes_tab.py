"""One minutes pane per agenda item, showing the one the agenda has selected.

A pane is made when its item is first shown on screen, not when the conference opens:
twelve panes over 2,000 entries took most of the second that opening took. Until then the
item's entries are those of the record the tab was given; nothing else writes them
(an item with minutes cannot be removed, and only its own pane adds to it).

Signals:
    saved(str): the latest autosave state of any pane.
    message(str): one line for the status bar.
    action_recorded(ConferenceAction): an action was recorded with Ctrl+J.

Above the panes, :class:`ExclusionBanner` names whoever is excluded now.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.conference import (
    AgendaItem,
    ConferenceAction,
    ConferenceRecord,
    Participant,
)
from cpc_desktop.ui.permissions import apply_roles_within
from cpc_desktop.ui.workspace.exclusion_banner import ExclusionBanner
from cpc_desktop.ui.workspace.frozen import lock_reason, set_frozen
from cpc_desktop.ui.workspace.minutes_pane import MinutesPane

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session


class MinutesTab(QtWidgets.QWidget):
    saved = QtCore.Signal(str)
    message = QtCore.Signal(str)
    action_recorded = QtCore.Signal(ConferenceAction)

    def __init__(
        self,
        session: Session,
        record: ConferenceRecord,
        undo_stack: QtGui.QUndoStack,
        now: Callable[[], datetime],
        parent: QtWidgets.QWidget | None = None,
        *,
        signs_of_safety: bool = False,
    ) -> None:
        super().__init__(parent)
        self._signs_of_safety = signs_of_safety
        self._session = session
        self._reference = record.conference.reference
        self._undo = undo_stack
        self._now = now
        #: The panes made so far, by agenda item id.
        self.panes: dict[str, MinutesPane] = {}
        self._items: dict[str, tuple[int, AgendaItem]] = {}
        self._record = record
        self._participants: tuple[Participant, ...] = record.participants
        self._wanted: str | None = None  # the item to show (once this tab is on screen)
        #: Why every pane is read-only (approved or issued minutes, a read-only user).
        self.lock_reason = lock_reason(record, session.actor)
        self.stack = QtWidgets.QStackedWidget()
        self.excluded = ExclusionBanner(record.participants, now)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.excluded)
        layout.addWidget(self.stack)
        self.set_agenda(record.agenda, record)

    def set_agenda(self, agenda: Sequence[AgendaItem], record: ConferenceRecord) -> None:
        """Note every agenda item and its number; its pane is made when first shown.

        Panes already made are kept as they are (with what was typed in them).
        """
        self._record = record
        for number, item in enumerate(agenda, start=1):
            self._items[item.id] = (number, item)

    def set_participants(self, participants: Sequence[Participant]) -> None:
        self._participants = tuple(participants)
        self.excluded.set_participants(participants)
        for pane in self.panes.values():
            pane.set_participants(participants)

    def pane(self, item_id: str) -> MinutesPane | None:
        """The pane of agenda item ``item_id``, made now if it has not been shown yet."""
        pane = self.panes.get(item_id)
        if pane is None and item_id in self._items:
            pane = self._make_pane(*self._items[item_id])
        return pane

    def _make_pane(self, number: int, item: AgendaItem) -> MinutesPane:
        pane = MinutesPane(
            self._session,
            self._reference,
            item,
            number,
            self._undo,
            self._now,
            signs_of_safety=self._signs_of_safety,
        )
        pane.saved.connect(self.saved)
        pane.message.connect(self.message)
        pane.action_recorded.connect(self.action_recorded)
        self.panes[item.id] = pane
        self.stack.addWidget(pane)
        pane.set_participants(self._participants)
        pane.set_entries(self._record.minutes)
        if pane.analysis is not None:
            pane.analysis.set_scaling(self._record.scaling)
        apply_roles_within(self._session.actor, pane)  # made on first sight
        set_frozen(pane, self.lock_reason)
        return pane

    def set_record_state(self, record: ConferenceRecord) -> None:
        """The minutes were approved, reopened, issued or corrected: lock or unlock."""
        self._record = record
        self.lock_reason = lock_reason(record, self._session.actor)
        for pane in self.panes.values():
            set_frozen(pane, self.lock_reason)

    def show_item(self, item_id: str) -> bool:
        """Show the minutes of ``item_id`` (its pane is made once this tab is on screen).

        False when the pane shown kept its place: its text is not saved.
        """
        if item_id not in self._items:
            return True
        self._wanted = item_id
        return not self.isVisible() or self._show_wanted()

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        self._show_wanted()
        super().showEvent(event)

    def _show_wanted(self) -> bool:
        pane = None if self._wanted is None else self.pane(self._wanted)
        if pane is None or pane is self.stack.currentWidget():
            return True
        shown = self.current_pane()
        if shown is not None and not shown.guard.can_leave("open another agenda item"):
            self._wanted = shown.item.id
            return False
        self.stack.setCurrentWidget(pane)
        return True

    def current_pane(self) -> MinutesPane | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, MinutesPane) else None

    def focus_editor(self) -> None:
        pane = self.current_pane()
        if pane is not None:
            pane.editor.setFocus()

    def flush(self) -> bool:
        flushed = [pane.flush() for pane in self.panes.values()]  # each, even after a failure
        return all(flushed)

    def can_leave(self, what: str) -> bool:
        """Every pane's text is saved, or taken out on purpose (each pane with unsaved
        text asks, shown first)."""
        if self.flush():
            return True
        for pane in self.panes.values():
            if not pane.flush():
                self.stack.setCurrentWidget(pane)
                pane.editor.setFocus()
                if not pane.guard.can_leave(what):
                    return False
        return True
