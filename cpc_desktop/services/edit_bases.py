"""The version of each row an editor's changes start from (issue 17: no silent overwrite).

Two chairs on a shared server, or two windows on one store, may edit the same row. Each
service keeps, per row it has read for editing or written, the version it last saw; a
change is checked against it (or against a ``base`` the caller gives) and refused with
:class:`~cpc_desktop.services.errors.EditedElsewhere` if the row moved on meanwhile.
Reading a whole list does not move the bases: a list reloaded under an open editor must
not make its older text look current.

The lock is held by a service for a whole checked write (check, commit, note the new
version), so a service and its autosave worker (which share one :class:`EditBases`)
never see a half-noted version of each other's save.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable


class EditBases:
    """Row key -> the version last seen by this editor; thread-safe with :attr:`lock`."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._seen: dict[Hashable, object] = {}

    def expected(self, key: Hashable, base: object = None) -> object:
        """The version a change of ``key`` must find: ``base`` if given, else the last seen
        (``None``: never read for editing here, so not checked)."""
        return base if base is not None else self._seen.get(key)

    def seen(self, key: Hashable, version: object) -> None:
        self._seen[key] = version

    def forget(self, key: Hashable) -> None:
        self._seen.pop(key, None)
