"""What an open store may write: everything, nothing yet (its pages are being checked),
or nothing ever again (damage was found).

Shared by a store and its second connections (:meth:`Store.second_connection`), so the
autosave writer's connection is held and refused exactly as the store's own is.

While the pages are being checked, an act that changes no row (a read, a sign-in) is
allowed, but its audit event would be a write: it is kept here, in order, and appended
before anything else once the check has passed (:meth:`Health.take_owed`). If the check
finds damage they are dropped with everything else the store would have written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from cpc_desktop.data.audit import AuditContext

#: (the act's context, the object it named)
Owed = tuple[AuditContext, str]


@dataclass
class Health:
    damage: str | None = None
    checking: bool = False
    #: How far the page check has gone (0-100), or None when it cannot tell.
    progress: Callable[[], int | None] = field(default=lambda: None, repr=False)
    _owed: list[Owed] = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _settled: threading.Event = field(default_factory=threading.Event, repr=False)

    def __post_init__(self) -> None:
        self._settled.set()

    def hold(self, progress: Callable[[], int | None]) -> None:
        """Nothing may be written until :meth:`checked` is called."""
        with self._lock:
            self.checking = True
            self.progress = progress
            self._settled.clear()

    def checked(self, damage: str | None) -> None:
        """The page check ended: sound (``None``) or the damage it found, in one line."""
        with self._lock:
            self.checking = False
            if damage is not None:
                self.damage = damage
                self._owed.clear()
            self._settled.set()

    def refuse(self, damage: str) -> None:
        self.checked(damage)

    def wait(self, timeout: float) -> bool:
        """Wait for the page check to end; whether it did."""
        return self._settled.wait(timeout)

    def percent(self) -> int | None:
        return self.progress() if self.checking else 100

    def owe(self, context: AuditContext, object_id: str) -> None:
        with self._lock:
            self._owed.append((context, object_id))

    def take_owed(self) -> list[Owed]:
        """The held-back events, now the caller's to append (or to :meth:`give_back`)."""
        with self._lock:
            owed, self._owed = self._owed, []
        return owed

    def give_back(self, owed: list[Owed]) -> None:
        """They were not written after all (the transaction failed): keep them first."""
        if owed:
            with self._lock:
                if self.damage is None:
                    self._owed[:0] = owed

    @property
    def owes(self) -> bool:
        return bool(self._owed)
