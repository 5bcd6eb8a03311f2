"""Locking and unlocking a session: the passphrase check and its audit events.

While locked the store stays open (pending autosaves must still reach the disk);
what locking protects is the screen. Failed attempts are counted and written with
the next successful unlock, so an attempt to guess is on the record.
"""

from __future__ import annotations

import hmac
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from cpc_desktop.data import audit
from cpc_desktop.data.store import Store
from cpc_desktop.services.roles import Actor


@dataclass
class LockService:
    store: Store
    actor: Actor
    clock: Callable[[], datetime]
    locked: bool = False
    failed_attempts: int = field(default=0)

    def _record(self, action: str, outcome: str) -> None:
        context = audit.AuditContext(
            actor=self.actor.name,
            role=self.actor.role.value,
            action=action,
            object_type="session",
            at=self.clock(),
            outcome=outcome,
        )
        with self.store.unit_of_work(context):
            pass

    def lock(self) -> None:
        if not self.locked:
            self.locked = True
            self._record("lock", "ok")

    def unlock(self, passphrase: str) -> bool:
        """True (and unlocked) if the passphrase is the store's; False otherwise."""
        key = self.store.key  # a server store has none: the server authenticates
        expected = None if key is None else key.passphrase
        typed = unicodedata.normalize("NFC", passphrase)
        if expected is None or not hmac.compare_digest(
            typed.encode("utf-8"), expected.encode("utf-8")
        ):
            self.failed_attempts += 1
            return False
        outcome = "ok" if not self.failed_attempts else f"ok after {self.failed_attempts} failed"
        self.locked = False
        self.failed_attempts = 0
        self._record("unlock", outcome)
        return True
