"""Autosaves written in order by one worker thread, on a connection of its own.

An autosave of a long entry is an UPDATE, the full-text index, an audit event and an
fsync'd commit: 20-26 ms at 100,000 characters, during which a GUI thread would take no
keys. :class:`TextWriter` takes the text and returns at once; one thread writes the saves
in the order they were given (so an older text never lands after a newer one), each
through ``save_text`` of a service on a second connection
(:meth:`Store.second_connection`): the same checks and the same audit event.

Every save gets a ticket, and its :class:`SaveOutcome` is handed back exactly once, by
:meth:`TextWriter.outcome` (waiting for it, or not). ``notify`` is called on the worker
thread when an outcome is ready, so a GUI can wake itself. When the store closes, the
writer writes what it was given, then closes its connection and its thread.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from cpc_desktop.data.errors import StoreError
from cpc_desktop.data.store import Store
from cpc_desktop.domain.conference import MinuteEntry


class TextSaver(Protocol):
    def save_text(self, entry_id: str, text: str) -> MinuteEntry: ...


@dataclass(frozen=True)
class SaveOutcome:
    """What became of one save: the entry as stored, or why it was not."""

    ticket: int
    entry: MinuteEntry | None = None
    error: Exception | None = None


@dataclass(frozen=True)
class _Job:
    ticket: int
    entry_id: str
    text: str
    notify: Callable[[], None] | None


class TextWriter:
    """One worker thread and one connection writing autosaves for one open store.

    ``saver`` makes the service that writes, given the worker's own store; it is called
    on the worker thread, which opens that store as soon as the writer is made (a
    passphrase's key derivation is done there, before the first save needs it).
    """

    def __init__(self, store: Store, saver: Callable[[Store], TextSaver]) -> None:
        self._store = store
        self._saver = saver
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._ready = threading.Condition()
        self._outcomes: dict[int, SaveOutcome] = {}
        self._last_ticket = 0
        self._written = 0  # every queued ticket up to this one is done (in order)
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="autosave writer", daemon=True)
        self._thread.start()
        store.when_closed(self.close)

    def submit(self, entry_id: str, text: str, notify: Callable[[], None] | None = None) -> int:
        """Queue ``text`` as the text of entry ``entry_id``; returns the save's ticket."""
        with self._ready:
            self._last_ticket += 1
            ticket = self._last_ticket
            if self._closed:
                self._outcomes[ticket] = SaveOutcome(
                    ticket, error=StoreError("the store is closed; nothing was saved")
                )
                self._ready.notify_all()
            else:
                self._jobs.put(_Job(ticket, entry_id, text, notify))
                return ticket
        if notify is not None:
            notify()
        return ticket

    def outcome(self, ticket: int, *, wait: bool) -> SaveOutcome | None:
        """The outcome of save ``ticket``, once (``None`` if not ready or already given).

        With ``wait`` this blocks until it is written; it never waits for a ticket that
        was not submitted.
        """
        with self._ready:
            if wait and ticket <= self._last_ticket:
                self._ready.wait_for(
                    lambda: ticket in self._outcomes or ticket <= self._written or not self._alive()
                )
            found = self._outcomes.pop(ticket, None)
            if found is None and wait and ticket > self._written and not self._alive():
                found = SaveOutcome(ticket, error=StoreError("autosave stopped; not saved"))
            return found

    def close(self) -> None:
        """Write everything already submitted, then close the connection and the thread."""
        with self._ready:
            if self._closed:
                return
            self._closed = True
        self._jobs.put(None)
        if threading.current_thread() is not self._thread:
            self._thread.join()

    def _alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        side: Store | None = None
        saver: TextSaver | None = None
        try:
            try:
                side = self._store.second_connection()
                saver = self._saver(side)
            except Exception:  # tried again, and reported, with the first save
                side = None
            while (job := self._jobs.get()) is not None:
                try:
                    if saver is None:
                        side = self._store.second_connection()
                        saver = self._saver(side)
                    found = SaveOutcome(job.ticket, entry=saver.save_text(job.entry_id, job.text))
                except Exception as error:  # handed to whoever waits for this save
                    found = SaveOutcome(job.ticket, error=error)
                with self._ready:
                    self._outcomes[job.ticket] = found
                    self._written = job.ticket
                    self._ready.notify_all()
                if job.notify is not None:
                    with contextlib.suppress(RuntimeError):  # its window closed: none to wake
                        job.notify()
        finally:
            if side is not None:
                side.close()
            with self._ready:
                self._ready.notify_all()
