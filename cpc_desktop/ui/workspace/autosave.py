"""Autosave: typing is written to the store at most 750 ms after it happens.

A pure debounce never fires while someone types without pausing, so two timers run:
``quiet`` (a short pause ends the burst) and ``limit`` (the longest any keystroke
waits). Whichever fires first starts a save: the owner's ``save`` hands the text to a
writer (:class:`~cpc_desktop.services.text_writer.TextWriter`), which commits it on its
own thread and connection with ``synchronous=FULL``, so the GUI thread goes on taking
keys meanwhile (a save of 100,000 characters takes 20-26 ms). Saves are written in the
order they were started. "Saved" is reported, on the GUI thread, only once the commit
is on the disk; :meth:`Autosaver.flush` waits for every save started so far.

A save that fails leaves its entry *unsaved* (:attr:`Autosaver.unsaved`) until a later
save of the same entry is committed: never until a save with nothing to write. While
anything is unsaved the autosaver tries again every ``RETRY_MS`` (and on every keystroke).

A save refused because someone else saved the entry meanwhile (``EditedElsewhere``) is
not tried again: trying again would be refused again, and writing over theirs must be
a person's choice. The entry stays unsaved and ``conflict`` is emitted; the owner shows
the choice and calls :meth:`settle` once it is made.

Signals:
    saved(str): "Saved 14:03:12" after each save is committed.
    conflict(str, object): entry id and the ``EditedElsewhere`` refusal (theirs inside).
    failed(str): the one-line reason a save did not happen (the text stays dirty; the
        next keystroke, :meth:`flush` or the retry timer tries again).
    committed(object): what the store holds after each save (a ``MinuteEntry``), in order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6 import QtCore

from cpc_desktop.domain.dates import clock
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.services.text_writer import SaveOutcome
from cpc_desktop.ui.errors import user_message

QUIET_MS = 300
LIMIT_MS = 750
RETRY_MS = 3000  # after a failed save, how often it is tried again


class Writer(Protocol):
    def submit(self, entry_id: str, text: str, notify: Callable[[], None] | None = None) -> int: ...

    def outcome(self, ticket: int, *, wait: bool) -> SaveOutcome | None: ...


class Autosaver(QtCore.QObject):
    saved = QtCore.Signal(str)
    failed = QtCore.Signal(str)
    committed = QtCore.Signal(object)
    conflict = QtCore.Signal(str, object)
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
        retry_ms: int = RETRY_MS,
    ) -> None:
        """``save`` is the GUI thread's part of a save: it calls :meth:`submit`, or not
        when there is nothing to write."""
        super().__init__(parent)
        self._save = save
        self._writer = writer
        self._now = now
        self._dirty = False
        self._tickets: deque[tuple[int, str]] = deque()  # (ticket, entry id), not yet handled
        self._unsaved: dict[str, str] = {}  # entry id -> why its last save failed
        self._conflicts: set[str] = set()  # entries saved elsewhere: a person chooses
        self._quiet = QtCore.QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(quiet_ms)
        self._limit = QtCore.QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.setInterval(limit_ms)
        self._quiet.timeout.connect(self._start)
        self._limit.timeout.connect(self._start)
        self._retry = QtCore.QTimer(self)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self._try_again)
        self._outcome_ready.connect(self._collect, QtCore.Qt.ConnectionType.QueuedConnection)

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def pending(self) -> bool:
        """A save was started and is not yet known to be committed."""
        return bool(self._tickets)

    @property
    def unsaved(self) -> str | None:
        """Why the text is not stored (the latest failure), or None when nothing failed."""
        return next(reversed(self._unsaved.values()), None)

    def forget_failure(self) -> None:
        """The person took the text elsewhere (a file, the clipboard): stop trying."""
        self._unsaved.clear()
        self._conflicts.clear()
        self._dirty = False
        self._retry.stop()

    def refused_elsewhere(self, entry_id: str, refusal: EditedElsewhere) -> None:
        """A change of the entry (its text, or another made on the GUI thread) was refused
        because someone else saved it meanwhile: nothing is retried; a person chooses."""
        self._conflicts.add(entry_id)
        self._unsaved[entry_id] = refusal.message
        self.conflict.emit(entry_id, refusal)

    def in_conflict(self, entry_id: str | None) -> bool:
        """The entry's save was refused as saved elsewhere and no choice is made yet."""
        return entry_id in self._conflicts

    def settle(self, entry_id: str) -> None:
        """The person chose what the entry holds (and it is stored): nothing is unsaved."""
        self._conflicts.discard(entry_id)
        self._unsaved.pop(entry_id, None)
        self._dirty = False
        if not self._unsaved:
            self._retry.stop()
            self.saved.emit(self._saved_text())

    def touch(self) -> None:
        """Something changed: save soon."""
        self._dirty = True
        self._quiet.start()
        if not self._limit.isActive():
            self._limit.start()

    def submit(self, entry_id: str, text: str) -> None:
        """Hand ``text`` to the writer (called by ``save``)."""
        ticket = self._writer.submit(entry_id, text, self._outcome_ready.emit)
        self._tickets.append((ticket, entry_id))

    def flush(self) -> bool:
        """Save now if anything is waiting and wait until every save started is written.

        True only when nothing is left unsaved: every save failed since is written again.
        """
        self._start()
        ok = True
        while self._tickets:
            outcome = self._writer.outcome(self._tickets[0][0], wait=True)
            assert outcome is not None  # waited for, and only this autosaver takes it
            ok = self._finish(outcome) and ok
        return ok and not self._dirty and not self._unsaved

    def _try_again(self) -> None:
        if not set(self._unsaved) - self._conflicts:  # a conflict waits for a choice
            self._retry.stop()
            return
        if not self._tickets:  # the last try is still being written otherwise
            self._dirty = True
            self._start()

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
            self._fail("", message)
            return
        if len(self._tickets) == before and not self._unsaved:  # nothing needed writing
            self.saved.emit(self._saved_text())

    def _collect(self) -> None:
        """Handle the outcomes the writer has ready, in the order the saves started."""
        while self._tickets:
            outcome = self._writer.outcome(self._tickets[0][0], wait=False)
            if outcome is None:
                return
            self._finish(outcome)

    def _finish(self, outcome: SaveOutcome) -> bool:
        _ticket, entry_id = self._tickets.popleft()
        if isinstance(outcome.error, EditedElsewhere):
            self.refused_elsewhere(entry_id, outcome.error)
            return False
        if outcome.error is not None:
            message = user_message(outcome.error)
            if message is None:
                raise outcome.error
            self._fail(entry_id, message)
            return False
        self._unsaved.pop(entry_id, None)
        self._unsaved.pop("", None)  # a save started: the GUI side's failure is past
        if not self._unsaved:
            self._retry.stop()
        self.committed.emit(outcome.entry)
        if not self._unsaved:
            self.saved.emit(self._saved_text())
        return True

    def _fail(self, entry_id: str, message: str) -> None:
        self._dirty = True
        self._unsaved[entry_id] = message
        if not self._retry.isActive():
            self._retry.start()
        self.failed.emit(f"Not saved: {message}")

    def _saved_text(self) -> str:
        return f"Saved {clock(self._now().astimezone(), seconds=True)}"
