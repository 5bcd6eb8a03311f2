"""Autosave: typing is written to the store at most 750 ms after it happens.

A pure debounce never fires while someone types without pausing, so two timers run:
``quiet`` (a short pause ends the burst) and ``limit`` (the longest any keystroke
waits). Whichever fires first starts a save: the owner's ``save`` hands the text to a
writer (:class:`~cpc_desktop.services.text_writer.TextWriter`), which commits it on its
own thread and connection with ``synchronous=FULL``, so the GUI thread goes on taking
keys meanwhile (a save of 100,000 characters takes 20-26 ms). Saves are written in the
order they were started. "Saved" is reported, on the GUI thread, only once the commit
is on the disk; :meth:`Autosaver.flush` waits for every save started so far.

Signals:
    saved(str): "Saved 14:03:12" after each save is committed.
    failed(str): the one-line reason a save did not happen (the text stays dirty and
        the next keystroke or :meth:`flush` tries again).
    committed(object): what the store holds after each save (a ``MinuteEntry``), in order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6 import QtCore

from cpc_desktop.domain.dates import clock
from cpc_desktop.services.text_writer import SaveOutcome
from cpc_desktop.ui.errors import user_message

QUIET_MS = 300
LIMIT_MS = 750


class Writer(Protocol):
    def submit(self, entry_id: str, text: str, notify: Callable[[], None] | None = None) -> int: ...

    def outcome(self, ticket: int, *, wait: bool) -> SaveOutcome | None: ...


class Autosaver(QtCore.QObject):
    saved = QtCore.Signal(str)
    failed = QtCore.Signal(str)
    committed = QtCore.Signal(object)
    _outcome_ready = QtCore.Signal()  # emitted on the writer's thread

    def __init__(
        self,
        save: Callable[[], object],
        writer: Writer,
        now: Callable[[], datetime],
        parent: QtCore.QObject | None = None,
        *,
        quiet_ms: int = QUIET_MS,
        limit_ms: int = LIMIT_MS,
    ) -> None:
        """``save`` is the GUI thread's part of a save: it calls :meth:`submit`, or not
        when there is nothing to write."""
        super().__init__(parent)
        self._save = save
        self._writer = writer
        self._now = now
        self._dirty = False
        self._tickets: deque[int] = deque()  # submitted, outcome not yet handled
        self._quiet = QtCore.QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(quiet_ms)
        self._limit = QtCore.QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.setInterval(limit_ms)
        self._quiet.timeout.connect(self._start)
        self._limit.timeout.connect(self._start)
        self._outcome_ready.connect(self._collect, QtCore.Qt.ConnectionType.QueuedConnection)

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def pending(self) -> bool:
        """A save was started and is not yet known to be committed."""
        return bool(self._tickets)

    def touch(self) -> None:
        """Something changed: save soon."""
        self._dirty = True
        self._quiet.start()
        if not self._limit.isActive():
            self._limit.start()

    def submit(self, entry_id: str, text: str) -> None:
        """Hand ``text`` to the writer (called by ``save``)."""
        self._tickets.append(self._writer.submit(entry_id, text, self._outcome_ready.emit))

    def flush(self) -> bool:
        """Save now if anything is waiting and wait until every save started is written.

        True when nothing is left unsaved.
        """
        self._start()
        ok = True
        while self._tickets:
            outcome = self._writer.outcome(self._tickets[0], wait=True)
            assert outcome is not None  # waited for, and only this autosaver takes it
            ok = self._finish(outcome) and ok
        return ok and not self._dirty

    def _start(self) -> None:
        self._quiet.stop()
        self._limit.stop()
        if not self._dirty:
            return
        self._dirty = False
        before = len(self._tickets)
        try:
            self._save()
        except Exception as error:
            message = user_message(error)
            if message is None:
                raise
            self._dirty = True
            self.failed.emit(f"Not saved: {message}")
            return
        if len(self._tickets) == before:  # nothing needed writing
            self.saved.emit(self._saved_text())

    def _collect(self) -> None:
        """Handle the outcomes the writer has ready, in the order the saves started."""
        while self._tickets:
            outcome = self._writer.outcome(self._tickets[0], wait=False)
            if outcome is None:
                return
            self._finish(outcome)

    def _finish(self, outcome: SaveOutcome) -> bool:
        self._tickets.popleft()
        if outcome.error is not None:
            message = user_message(outcome.error)
            if message is None:
                raise outcome.error
            self._dirty = True
            self.failed.emit(f"Not saved: {message}")
            return False
        self.committed.emit(outcome.entry)
        self.saved.emit(self._saved_text())
        return True

    def _saved_text(self) -> str:
        return f"Saved {clock(self._now().astimezone(), seconds=True)}"
