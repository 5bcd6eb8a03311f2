"""Making a deletion final in every copy of the store the application keeps.

After a conference is deleted (:mod:`.retention`), :func:`purge_older_copies` re-applies
every tombstone of the store to each encrypted backup beside it, so no backup still
holds the conference; before a backup is put back (:meth:`Session.restore`),
:func:`purge_backup` does the same to that backup, and :func:`reapply_tombstones`
re-applies them again to the restored store once it is open, as a safety net (a backup
made by an older version, which is migrated only as it opens, is purged there). Each is
audited in the copy it changes, with the chair's name. See docs/store.md, "Deletion
stays deleted".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cpc_desktop.data import erase, purge
from cpc_desktop.data.errors import StoreError
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.store import Store
from cpc_desktop.services.base import Clock, audit_context
from cpc_desktop.services.roles import Action, Actor

__all__ = ["Purged", "purge_backup", "purge_older_copies", "reapply_tombstones", "tombstones_of"]


@dataclass(frozen=True)
class Purged:
    """The copies beside the store that now agree with its tombstones, and those that
    could not be opened (named with why, in one line each): they may still hold it."""

    cleared: tuple[Path, ...]
    left: tuple[tuple[Path, str], ...]


def tombstones_of(store: Store) -> tuple[purge.StoneFacts, ...]:
    with store.reading() as session:
        return purge.tombstone_facts(session)


def purge_older_copies(store: Store, actor: Actor, clock: Clock) -> Purged:
    """Re-apply the store's tombstones to every backup beside it."""
    copies = erase.older_copies(store)
    if not copies or store.key is None:
        return Purged((), ())
    stones = tombstones_of(store)
    cleared: list[Path] = []
    left: list[tuple[Path, str]] = []
    for copy in copies:
        try:
            purge_backup(copy, store.key, stones, actor, clock)
        except StoreError as error:
            left.append((copy, str(error)))
        else:
            cleared.append(copy)
    return Purged(tuple(cleared), tuple(left))


def purge_backup(
    copy: Path, key: StoreKey, stones: Sequence[purge.StoneFacts], actor: Actor, clock: Clock
) -> int:
    """Re-apply ``stones`` to the backup ``copy``; the number of conferences it lost."""
    context = audit_context(actor, clock, Action.DELETE_RECORDS, "tombstone")
    return purge.purge_copy(copy, key, stones, context)


def reapply_tombstones(
    store: Store, stones: Sequence[purge.StoneFacts], actor: Actor, clock: Clock
) -> int:
    """Re-apply ``stones`` to an open store (just restored); conferences deleted."""
    with store.reading() as session:
        known = {facts["conference_id"] for facts in purge.tombstone_facts(session)}
    missing = [facts for facts in stones if facts["conference_id"] not in known]
    if not missing:
        return 0
    context = audit_context(actor, clock, Action.DELETE_RECORDS, "tombstone")
    with store.unit_of_work(context) as work:
        removed = purge.reapply(work.session, missing)
    erase.checkpoint(store)
    return removed
