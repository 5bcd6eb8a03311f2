"""Keeping a deletion final: re-applying tombstones to a copy of the store.

A conference deleted at the end of its retention (or wiped after its upload) must not
come back from a copy of the store the application made before the deletion: the
encrypted backups beside the store (``<name>.before-*.bak``, made before a hand-over
import or a migration) and a backup put back with ``handover undo``.

:func:`reapply` makes an open store agree with a list of tombstones: every conference
named there is deleted with everything that hangs off it (:mod:`.erase`, so each row is
told to the audit and ``check`` still replays), and the tombstone itself is written, so
the store refuses an import or a hand-over that would bring the conference back.
:func:`purge_copy` does that to a copy on disk, in one audited unit of work, then
empties the copy's write-ahead log; ``secure_delete`` zeroes what was freed.

A copy made by an older version of the application (a migration's backup) is not
opened here, since opening it would migrate it: :class:`OlderCopy` names it, and the
caller reports it. Restoring such a copy is still safe: the restored store is migrated
when it opens, and :func:`reapply` is run on it then.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.orm import Session

from cpc_desktop.data import audit, erase
from cpc_desktop.data import models as m
from cpc_desktop.data.errors import StoreError
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.models_kept import TombstoneRow
from cpc_desktop.data.probe import key_for_file, probe
from cpc_desktop.data.schema import HEAD_REVISION
from cpc_desktop.data.store import open_store

__all__ = ["OlderCopy", "StoneFacts", "purge_copy", "reapply", "tombstone_facts"]

#: A tombstone's columns, as read from one store and written to another.
StoneFacts = Mapping[str, Any]

_COLUMNS = tuple(column.key for column in TombstoneRow.__table__.columns)


class OlderCopy(StoreError):
    """A copy made by an older version of the application: not opened (see module)."""


def tombstone_facts(session: Session) -> tuple[StoneFacts, ...]:
    """Every tombstone of the store behind ``session``, oldest first."""
    stones = session.scalars(sa.select(TombstoneRow).order_by(TombstoneRow.deleted_at))
    return tuple({name: getattr(stone, name) for name in _COLUMNS} for stone in stones)


def reapply(session: Session, stones: Sequence[StoneFacts]) -> int:
    """Write each tombstone the store lacks, deleting its conference if the store still
    holds it; the number of conferences deleted. The caller's unit of work audits it."""
    known = set(session.scalars(sa.select(TombstoneRow.conference_id)))
    removed = 0
    for facts in stones:
        conference_id = facts["conference_id"]
        if conference_id in known:
            continue
        known.add(conference_id)
        session.add(TombstoneRow(**facts))
        session.flush()  # first: the issued-minutes guards let a tombstoned one go
        if session.get(m.ConferenceRow, conference_id) is not None:
            erase.delete_conference(session, conference_id)
            session.flush()
            removed += 1
    if removed:
        erase.scrub_search_index(session)
    return removed


def _revision(path: Path, key: StoreKey) -> str | None:
    try:
        return probe(path, key_for_file(key, path), check_pages=False)
    except sqlcipher.Error as error:
        raise StoreError(f"{path.name} cannot be read with this store's key") from error


def purge_copy(
    path: Path, key: StoreKey, stones: Sequence[StoneFacts], context: audit.AuditContext
) -> int:
    """:func:`reapply` to the copy at ``path`` (closed afterwards, its log emptied), under
    the audit ``context``; the number of conferences deleted from it. Raises
    :class:`OlderCopy` for a copy made by an older version, :class:`StoreError` for one
    that cannot be opened."""
    revision = _revision(path, key)
    if revision is None:
        raise StoreError(f"{path.name} is not a CPC Desktop store")
    if revision != HEAD_REVISION:
        raise OlderCopy(
            f"{path.name} was made by an older version of CPC Desktop and was not opened"
        )
    copy = open_store(path, key)
    try:
        with copy.reading() as session:
            missing = _missing(session, stones)
        if not missing:
            return 0
        with copy.unit_of_work(context) as work:
            removed = reapply(work.session, missing)
        erase.checkpoint(copy)
        return removed
    finally:
        copy.close()


def _missing(session: Session, stones: Sequence[StoneFacts]) -> list[StoneFacts]:
    known = set(session.scalars(sa.select(TombstoneRow.conference_id)))
    return [facts for facts in stones if facts["conference_id"] not in known]
