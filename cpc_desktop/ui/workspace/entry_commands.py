"""Undoable changes to minute entries (typing itself is undone by the editor).

Each command calls the minute entries service with the value after (``redo``) or before
(``undo``) and then asks the pane to show the store's answer; commands never touch
widgets directly. They are :class:`~cpc_desktop.ui.workspace.undo.ServiceCommand` s:
made once before they are pushed, dropped from the stack if the store later refuses to
undo or redo them. A deleted entry comes back with its own id, so later commands
that name it still work. Before an entry is deleted, the pane's autosaves are flushed:
the text it comes back with is the last typed, and no save is left to fail on it.
"""

from __future__ import annotations

from typing import Any, Protocol

from cpc_desktop.domain.conference import MinuteEntry
from cpc_desktop.ui.workspace.undo import ServiceCommand, UndoHost


class EntryHost(UndoHost, Protocol):
    service: Any
    reference: str

    def entry_added(self, entry: MinuteEntry) -> None: ...

    def entry_removed(self, entry_id: str) -> None: ...

    def entry_changed(self, entry: MinuteEntry) -> None: ...

    def flush(self) -> bool: ...


class NewEntry(ServiceCommand):
    def __init__(self, host: EntryHost, agenda_item_id: str, fields: dict[str, Any]) -> None:
        super().__init__(host, "new minute entry")
        self._host: EntryHost = host
        self._item = agenda_item_id
        self._fields = fields
        self.entry: MinuteEntry | None = None

    def forward(self) -> None:
        service = self._host.service
        if self.entry is None:
            self.entry = service.add_entry(self._host.reference, self._item, **self._fields)
        else:
            self.entry = service.restore_entry(self._host.reference, self.entry, after_id=None)
        self._host.entry_added(self.entry)

    def backward(self) -> None:
        assert self.entry is not None
        self._host.flush()  # what was typed since is written (and no save is left running)
        self.entry = self._host.service.entry(self.entry.id)  # with what was typed since
        self._host.service.delete_entry(self.entry.id)
        self._host.entry_removed(self.entry.id)


class DeleteEntry(ServiceCommand):
    def __init__(self, host: EntryHost, entry: MinuteEntry, after_id: str | None) -> None:
        super().__init__(host, "delete minute entry")
        self._host: EntryHost = host
        self._entry = entry
        self._after = after_id

    def forward(self) -> None:
        self._host.flush()
        self._entry = self._host.service.entry(self._entry.id)
        self._host.service.delete_entry(self._entry.id)
        self._host.entry_removed(self._entry.id)

    def backward(self) -> None:
        restored = self._host.service.restore_entry(
            self._host.reference, self._entry, after_id=self._after
        )
        self._host.entry_added(restored)


class ChangeEntry(ServiceCommand):
    """Speaker, tag, restricted flag or section of one entry."""

    def __init__(
        self, host: EntryHost, entry_id: str, field: str, before: Any, after: Any, text: str
    ) -> None:
        super().__init__(host, text)
        self._host: EntryHost = host
        self._id = entry_id
        self._field = field
        self._before = before
        self._after = after

    def _apply(self, value: Any) -> None:
        changed = self._host.service.update_entry(self._id, **{self._field: value})
        self._host.entry_changed(changed)

    def forward(self) -> None:
        self._apply(self._after)

    def backward(self) -> None:
        self._apply(self._before)
