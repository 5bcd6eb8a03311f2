"""Autosave: typing is written to the store at most 750 ms after it happens.

A pure debounce never fires while someone types without pausing, so two timers run:
``quiet`` (a short pause ends the burst) and ``limit`` (the longest any keystroke
waits). Whichever fires first saves; the save itself is one short transaction with
``synchronous=FULL``, so what is reported as saved is on the disk.

Signals:
    saved(str): "Saved 14:03:12" after each successful save.
    failed(str): the one-line reason a save did not happen (the text stays dirty and
        the next keystroke or :meth:`flush` tries again).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6 import QtCore

from cpc_desktop.ui.errors import user_message

QUIET_MS = 300
LIMIT_MS = 750


class Autosaver(QtCore.QObject):
    saved = QtCore.Signal(str)
    failed = QtCore.Signal(str)

    def __init__(
        self,
        save: Callable[[], object],
        now: Callable[[], datetime],
        parent: QtCore.QObject | None = None,
        *,
        quiet_ms: int = QUIET_MS,
        limit_ms: int = LIMIT_MS,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._now = now
        self._dirty = False
        self._quiet = QtCore.QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(quiet_ms)
        self._limit = QtCore.QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.setInterval(limit_ms)
        self._quiet.timeout.connect(self.flush)
        self._limit.timeout.connect(self.flush)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def touch(self) -> None:
        """Something changed: save soon."""
        self._dirty = True
        self._quiet.start()
        if not self._limit.isActive():
            self._limit.start()

    def flush(self) -> bool:
        """Save now if anything is waiting; True when nothing is left unsaved."""
        self._quiet.stop()
        self._limit.stop()
        if not self._dirty:
            return True
        try:
            self._save()
        except Exception as error:
            message = user_message(error)
            if message is None:
                raise
            self.failed.emit(f"Not saved: {message}")
            return False
        self._dirty = False
        self.saved.emit(f"Saved {self._now().astimezone():%H:%M:%S}")
        return True
