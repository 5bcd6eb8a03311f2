"""Undoable changes to the agenda: add, remove, move and progress (status).

Each command calls the agenda service with the values after the change
(``redo``) or before it (``undo``) and hands the store's answer to its host (the
agenda panel), which shows it; commands never touch widgets.

They are :class:`~cpc_desktop.ui.workspace.undo.ServiceCommand` s: the panel runs one
before pushing it, so a refusal (say, a minute-taker trying to reorder the agenda) is
reported and nothing reaches the undo stack; a later ``undo`` or ``redo`` that the
store refuses is reported and the command is dropped from the stack.

An item that is removed and then put back keeps its id and key (the service takes
them back), so commands further along the stack that name it still reach it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from cpc_desktop.domain.conference import AgendaItem
from cpc_desktop.domain.enums import AgendaStatus
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.ui.workspace.undo import ServiceCommand, UndoHost


class AgendaHost(UndoHost, Protocol):
    """What a command needs from the panel it works for."""

    service: Any
    reference: str

    def agenda_from_store(self) -> tuple[AgendaItem, ...]: ...

    def show_agenda(self, items: Sequence[AgendaItem], select: str | None = None) -> None: ...


class AgendaCommand(ServiceCommand):
    """A change to the agenda; subclasses write ``forward`` and ``backward``."""

    def __init__(self, host: AgendaHost, text: str) -> None:
        super().__init__(host, text)
        self._host: AgendaHost = host

    # --- helpers ---------------------------------------------------------------------

    def _add(self, item: AgendaItem, after_id: str | None) -> AgendaItem:
        """Add ``item`` (again, with its own id and key, once it has them)."""
        added: AgendaItem = self._host.service.add_agenda_item(
            self._host.reference,
            item.title,
            item.allowance_minutes,
            after_id=after_id,
            item_id=item.id or None,
            key=item.key or None,
        )
        return added


class AddItem(AgendaCommand):
    """A new item after ``after_id`` (or at the end)."""

    def __init__(
        self, host: AgendaHost, title: str, allowance_minutes: int, after_id: str | None
    ) -> None:
        super().__init__(host, f"add agenda item “{title}”")
        self._after = after_id
        self._item = AgendaItem(id="", key="", title=title, allowance_minutes=allowance_minutes)

    @property
    def item_id(self) -> str:
        """The added item's id ("" before the first run)."""
        return self._item.id

    def forward(self) -> None:
        self._item = self._add(self._item, self._after)
        self._host.show_agenda(self._host.agenda_from_store(), select=self._item.id)

    def backward(self) -> None:
        self._host.service.remove_agenda_item(self._item.id)
        self._host.show_agenda(self._host.agenda_from_store(), select=self._after)


class RemoveItem(AgendaCommand):
    """Take an item (with no minutes) off the agenda; undo puts it back where it was."""

    def __init__(self, host: AgendaHost, item: AgendaItem, index: int) -> None:
        super().__init__(host, f"remove agenda item “{item.title}”")
        self._item = item
        self._index = index

    def forward(self) -> None:
        self._host.service.remove_agenda_item(self._item.id)
        items = self._host.agenda_from_store()
        near = items[min(self._index, len(items) - 1)].id if items else None
        self._host.show_agenda(items, select=near)

    def backward(self) -> None:
        service = self._host.service
        before = self._host.agenda_from_store()
        after = before[self._index - 1].id if 0 < self._index <= len(before) else None
        added = self._add(self._item, after)
        if self._index == 0 and before:
            service.move_agenda_item(added.id, 0)
        if self._item.status is not AgendaStatus.PENDING:
            service.set_agenda_status(added.id, self._item.status)
        if self._item.not_obtained_reason:
            service.update_agenda_item(added.id, not_obtained_reason=self._item.not_obtained_reason)
        self._host.show_agenda(self._host.agenda_from_store(), select=added.id)


class MoveItem(AgendaCommand):
    """Move one item from ``old_index`` to ``new_index`` (indexes after the move)."""

    def __init__(self, host: AgendaHost, item: AgendaItem, old_index: int, new_index: int) -> None:
        direction = "up" if new_index < old_index else "down"
        super().__init__(host, f"move agenda item “{item.title}” {direction}")
        self._item_id = item.id
        self._old = old_index
        self._new = new_index

    def _move(self, index: int) -> None:
        items = self._host.service.move_agenda_item(self._item_id, index)
        self._host.show_agenda(items, select=self._item_id)

    def forward(self) -> None:
        self._move(self._new)

    def backward(self) -> None:
        self._move(self._old)


class SetStatus(AgendaCommand):
    """One step through the meeting: a few status changes, made in order.

    Making an item current turns any other current item into a done one (the
    service's rule), so "next item" is a single change. Undo puts every item back
    to the status it had before, the one that was current last of all. Each change
    is checked against the status shown (issue 17); an undo is refused, undoing
    nothing, if someone else has changed an item's progress since the step.
    """

    def __init__(
        self,
        host: AgendaHost,
        before: Sequence[AgendaItem],
        changes: Sequence[tuple[str, AgendaStatus]],
        text: str,
        select: str | None = None,
    ) -> None:
        super().__init__(host, text)
        self._before = tuple((item.id, item.status) for item in before)
        self._changes = tuple(changes)
        self._select = select
        #: Every item's status as this step left it (what an undo must find).
        self._after: dict[str, AgendaStatus] = {}

    def forward(self) -> None:
        # Each step is checked against the status the panel showed (issue 17): someone
        # else's change of that item meanwhile refuses it, with theirs then shown.
        seen = dict(self._before)
        items: Sequence[AgendaItem] = ()
        for item_id, status in self._changes:
            items = self._host.service.set_agenda_status(
                item_id, status, expected={"status": seen.get(item_id)}
            )
            seen = {item.id: item.status for item in items}
        self._after = seen
        self._host.show_agenda(items, select=self._select)

    def backward(self) -> None:
        wanted = dict(self._before)
        items: Sequence[AgendaItem] = self._host.agenda_from_store()
        now = {item.id: item.status for item in items}
        if any(now.get(item_id, status) is not status for item_id, status in self._after.items()):
            raise EditedElsewhere(
                "someone else changed the agenda's progress since; nothing was undone",
                None,
                None,
            )
        differing = [
            (item_id, status)
            for item_id, status in wanted.items()
            if item_id in now and now[item_id] is not status
        ]
        differing.sort(key=lambda pair: pair[1] is AgendaStatus.CURRENT)
        for item_id, status in differing:
            items = self._host.service.set_agenda_status(
                item_id, status, expected={"status": now[item_id]}
            )
        self._host.show_agenda(items, select=self._select)
