"""Stepping through the meeting: next item, previous item, make current, skip.

:class:`AgendaSteps` is mixed into the panel
(:class:`~cpc_desktop.ui.workspace.agenda_panel.AgendaPanel`); each step is one
undoable set of status changes (:class:`~cpc_desktop.ui.workspace.agenda_commands.SetStatus`).
"""

from __future__ import annotations

from collections.abc import Sequence

from cpc_desktop.domain.conference import AgendaItem
from cpc_desktop.domain.enums import AgendaStatus

__all__ = ["AgendaSteps", "next_pending"]

_FINISHED = (AgendaStatus.DONE, AgendaStatus.SKIPPED)


def next_pending(items: Sequence[AgendaItem], after: int) -> int:
    """The first pending item after row ``after``, else the first pending one at all."""
    rows = [row for row, item in enumerate(items) if item.status is AgendaStatus.PENDING]
    later = [row for row in rows if row > after]
    if later:
        return later[0]
    return rows[0] if rows else -1


class AgendaSteps:
    """The meeting's steps (a mixin: the panel provides what is declared here)."""

    @property
    def items(self) -> tuple[AgendaItem, ...]:
        raise NotImplementedError

    def _current_row(self) -> int:
        raise NotImplementedError

    def _selected_row(self) -> int:
        raise NotImplementedError

    def _say(self, text: str) -> None:
        raise NotImplementedError

    def _set_statuses(
        self, changes: list[tuple[str, AgendaStatus]], text: str, select_row: int
    ) -> None:
        raise NotImplementedError

    def next_item(self) -> None:
        items = self.items
        current = self._current_row()
        target = next_pending(items, current)
        if current < 0:
            if target < 0:
                self._say("Every item is done or skipped. Select one and make it current.")
                return
            started = any(item.status in _FINISHED for item in items)
            text = "go to the next item" if started else "start the meeting"
            self._set_statuses([(items[target].id, AgendaStatus.CURRENT)], text, target)
        elif target < 0:
            self._set_statuses(
                [(items[current].id, AgendaStatus.DONE)], "finish the last item", current
            )
        else:
            self._set_statuses(
                [(items[target].id, AgendaStatus.CURRENT)], "go to the next item", target
            )

    def previous_item(self) -> None:
        items = self.items
        current = self._current_row()
        if current < 0:
            finished = [row for row, item in enumerate(items) if item.status in _FINISHED]
            if not finished:
                self._say("The meeting has not started yet.")
                return
            row = finished[-1]
            changes = [(items[row].id, AgendaStatus.CURRENT)]
            self._set_statuses(changes, "go back to the last item", row)
            return
        if current == 0:
            self._say("This is the first item.")
            return
        changes = [
            (items[current - 1].id, AgendaStatus.CURRENT),
            (items[current].id, AgendaStatus.PENDING),
        ]
        self._set_statuses(changes, "go back to the previous item", current - 1)

    def make_selected_current(self) -> None:
        row = self._selected_row()
        if row < 0:
            self._say("Select an item first.")
            return
        item = self.items[row]
        if item.status is AgendaStatus.CURRENT:
            self._say("That item is already the current one.")
            return
        self._set_statuses([(item.id, AgendaStatus.CURRENT)], f"make “{item.title}” current", row)

    def skip_item(self) -> None:
        row = self._selected_row()
        if row < 0:
            row = self._current_row()
        if row < 0:
            self._say("Select the item to skip.")
            return
        items = self.items
        item = items[row]
        if item.status is AgendaStatus.SKIPPED:
            self._set_statuses([(item.id, AgendaStatus.PENDING)], f"bring back “{item.title}”", row)
            return
        changes = [(item.id, AgendaStatus.SKIPPED)]
        select = row
        if item.status is AgendaStatus.CURRENT:
            target = next_pending(items, row)
            if target >= 0:
                changes.append((items[target].id, AgendaStatus.CURRENT))
                select = target
        self._set_statuses(changes, f"skip “{item.title}”", select)
