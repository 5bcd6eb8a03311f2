"""Deleting a conference for good: every row that hangs off it, and no trace in the file.

:func:`delete_conference` deletes the conference row; the database cascades to every
row that refers to it (and to theirs), and each of those rows is told to the audit
first, so the unit of work's event records each as deleted and ``check`` still
replays. The caller adds the conference's tombstone row first: while it exists the
issued-minutes guards let that conference's minutes go (migration 0012).

On a SQLite file the content must not linger where a deleted row was:

- ``secure_delete`` is on for every connection (:mod:`.store`), so SQLite overwrites the
  deleted cells and the pages it frees with zeros;
- the full-text index keeps deleted words in older segments until they are merged:
  :func:`scrub_search_index` merges them into one (FTS5 ``optimize``), in the same
  transaction;
- the write-ahead log still holds the pages as they were before the deletion (encrypted,
  but not zeroed): :func:`checkpoint` copies it into the store and truncates it.

On a PostgreSQL server freed space is the server's (its ``VACUUM``); the rows are gone.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data import audit
from cpc_desktop.data.models import TRACKED_TABLES, ConferenceRow
from cpc_desktop.data.schema import FTS_TABLE
from cpc_desktop.data.store import Store

__all__ = [
    "checkpoint",
    "delete_conference",
    "dependants",
    "older_copies",
    "scrub_search_index",
]


def dependants(session: Session, conference_id: str) -> set[tuple[str, str]]:
    """Every (table, id) the database deletes with the conference, the conference
    itself included: rows whose cascading foreign key leads to it, however indirectly."""
    found = {("conference", conference_id)}
    frontier = set(found)
    while frontier:
        by_table: dict[str, list[str]] = {}
        for name, row_id in frontier:
            by_table.setdefault(name, []).append(row_id)
        frontier = set()
        for table in TRACKED_TABLES:
            for fk in table.foreign_keys:
                ids = by_table.get(fk.column.table.name)
                if not ids or fk.ondelete != "CASCADE":
                    continue
                for row_id in session.scalars(sa.select(table.c.id).where(fk.parent.in_(ids))):
                    key = (table.name, row_id)
                    if key not in found:
                        found.add(key)
                        frontier.add(key)
    return found


def delete_conference(session: Session, conference_id: str) -> int:
    """Delete the conference and every row that depends on it; the number of rows."""
    gone = dependants(session, conference_id)
    for table, row_id in sorted(gone):
        audit.mark_touched(session, table, row_id)
    session.flush()
    session.execute(sa.delete(ConferenceRow).where(ConferenceRow.id == conference_id))
    session.expire_all()
    return len(gone)


def scrub_search_index(session: Session) -> None:
    """Merge the full-text index into one segment, dropping deleted words (SQLite)."""
    if session.get_bind().dialect.name != "sqlite":
        return
    found = session.connection().exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    )
    if found.scalar():
        session.connection().exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"
        )


def checkpoint(store: Store) -> bool:
    """Copy the write-ahead log into the store file and truncate it; ``False`` if another
    reader kept it from finishing (it is then done at the next quiet moment)."""
    if not store.file_backed:
        return True
    raw = store.engine.raw_connection()  # outside a transaction (the engine begins one)
    try:
        driver = raw.driver_connection
        assert driver is not None
        busy = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        raw.close()
    return busy is None or not busy[0]


def older_copies(store: Store) -> tuple[Path, ...]:
    """The encrypted copies CPC Desktop made beside the store (``<name>.before-*.bak``):
    made before a deletion, they still hold what it deleted."""
    if store.path is None:
        return ()
    return tuple(sorted(store.path.parent.glob(store.path.name + ".before-*.bak")))
