"""The append-only, hash-chained audit log, and tamper detection for every row.

Each audited act appends one ``audit_event`` whose ``rows`` lists, for every row the
act inserted, changed or deleted, ``[table, id, sha256 of the row]`` (``null`` once
deleted). Each event's ``hash`` covers its own fields and the previous event's hash,
so editing, deleting or reordering events breaks the chain from that point.

:func:`verify` replays the chain and compares the recorded hash of every row with
the row as it is now: a row changed, added or deleted with raw SQL is named. Only
ids and hashes are stored here, never minute text or names of children.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, object_session

from cpc_desktop.data.audit_chain import BODY as _BODY
from cpc_desktop.data.audit_chain import GENESIS, canonical, event_body, event_hash, plain
from cpc_desktop.data.models import TRACKED_TABLES, AuditEvent, Row

_plain = plain
__all__ = ["GENESIS", "canonical", "event_body", "event_hash", "plain"]

_CHUNK = 500
_TABLES = {t.name: t for t in TRACKED_TABLES}


@dataclass(frozen=True)
class AuditContext:
    """Who does what to which object (ids only)."""

    actor: str
    role: str
    action: str
    object_type: str
    object_id: str = ""
    at: datetime = field(default_factory=lambda: datetime.now(UTC))
    outcome: str = "ok"


@dataclass
class Work:
    """Handed to the body of a unit of work."""

    session: Session
    object_id: str = ""


def row_hash(table: str, row: Mapping[Any, Any]) -> str:
    """The SHA-256 of a row's every column; a ``row_version`` of 1 (every row as first
    written, and every row stored before versions existed) is left out, so rows recorded
    before migration 0007 keep their hashes. Any other version is hashed with the rest."""
    if row.get("row_version", 0) == 1:
        row = {k: v for k, v in row.items() if k != "row_version"}
    return hashlib.sha256(table.encode() + b"\x00" + canonical(row)).hexdigest()


def _event_body(ev: AuditEvent) -> dict[str, Any]:
    return {name: getattr(ev, name) for name in _BODY}


# --- recording -------------------------------------------------------------------------


def _touch(_mapper: Any, _connection: Any, target: Row) -> None:
    session = object_session(target)
    if session is not None:
        session.info.setdefault("touched", set()).add((type(target).__tablename__, target.id))


for _name in ("after_insert", "after_update", "after_delete"):
    event.listen(Row, _name, _touch, propagate=True)


def track(session: Session) -> None:
    session.info["touched"] = set()


def mark_touched(session: Session, table: str, row_id: str) -> None:
    """Record a row changed with a Core statement (the ORM events do it otherwise)."""
    session.info.setdefault("touched", set()).add((table, row_id))


def current_hashes(
    session: Session, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], str | None]:
    """The hash of each (table, id) as stored now; ``None`` when the row is gone."""
    by_table: dict[str, list[str]] = {}
    for table, row_id in keys:
        by_table.setdefault(table, []).append(row_id)
    found: dict[tuple[str, str], str | None] = {}
    for name, ids in by_table.items():
        tbl = _TABLES[name]
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for row in session.execute(sa.select(tbl).where(tbl.c.id.in_(chunk))).mappings():
                found[(name, row["id"])] = row_hash(name, row)
        for row_id in ids:
            found.setdefault((name, row_id), None)
    return found


_AUDIT = AUDIT_TABLE = AuditEvent.metadata.tables[AuditEvent.__tablename__]
_HEAD = sa.select(_AUDIT.c.seq, _AUDIT.c.hash).order_by(_AUDIT.c.seq.desc()).limit(1)
_APPEND = sa.insert(_AUDIT)


def _head(session: Session) -> tuple[int, str]:
    # Core on the session's connection: this runs in every unit of work (autosave too).
    last = session.connection().execute(_HEAD).first()
    return (0, GENESIS) if last is None else (last[0], last[1])


def record(session: Session, context: AuditContext, work: Work) -> AuditEvent:
    """Append the audit event for this unit of work (call inside its transaction).

    The event is written with a Core INSERT; the returned object is a detached copy.
    """
    touched = sorted(session.info.get("touched", ()))
    ev = _append(session, context, work.object_id or context.object_id, touched)
    session.info["touched"] = set()
    return ev


def record_read(session: Session, context: AuditContext, object_id: str) -> AuditEvent:
    """Append the event of an act that changed no row (a read held back, see
    :meth:`~cpc_desktop.data.store.Store.hold_writes`), inside the caller's transaction."""
    return _append(session, context, object_id, [])


def _append(
    session: Session, context: AuditContext, object_id: str, touched: list[tuple[str, str]]
) -> AuditEvent:
    hashes = current_hashes(session, touched)
    rows = json.dumps([[t, i, hashes[(t, i)]] for t, i in touched], separators=(",", ":"))
    last_seq, prev = _head(session)
    ev = AuditEvent(
        seq=last_seq + 1,
        at=context.at,
        actor=context.actor,
        role=context.role,
        action=context.action,
        object_type=context.object_type,
        object_id=object_id,
        outcome=context.outcome,
        rows=rows,
        prev_hash=prev,
    )
    ev.hash = event_hash(prev, _event_body(ev))
    session.connection().execute(_APPEND, {**_event_body(ev), "hash": ev.hash})
    return ev


# --- verification ----------------------------------------------------------------------


@dataclass(frozen=True)
class VerifyReport:
    events: int
    rows: int
    head: str
    problems: tuple[str, ...]

    @property
    def sound(self) -> bool:
        return not self.problems


def verify(session: Session) -> VerifyReport:
    """Replay the chain, then compare every tracked row with its last recorded hash
    (streaming: see :mod:`cpc_desktop.data.row_check`)."""
    from cpc_desktop.data import row_check
    from cpc_desktop.data.expected import ExpectedHashes

    conn = session.connection()
    with ExpectedHashes() as expected:
        chain = row_check.replay(conn, expected, _ignore)
        if chain.problems:
            return VerifyReport(chain.events, 0, chain.head, chain.problems)
        rows = row_check.compare_rows(conn, expected, _ignore)
    return VerifyReport(chain.events, rows.rows, chain.head, rows.problems)


def _ignore(_what: str, _done: int, _total: int) -> None:
    pass


def unreadable_row(session: Session | sa.Connection, table: sa.Table) -> str:
    """The first row of ``table`` holding a value its column's type cannot read, in words.

    Each value is read raw (as text) and then through its column's type, one at a time,
    so the message can name the row, the column and the value.
    """
    raw = [sa.type_coerce(column, sa.String).label(column.name) for column in table.columns]
    typed = [c for c in table.columns if not isinstance(c.type, sa.LargeBinary)]
    for row_id in session.scalars(sa.select(table.c.id).order_by(table.c.id)):
        for column in typed:
            try:
                session.execute(sa.select(column).where(table.c.id == row_id)).all()
            except (LookupError, ValueError):
                value = (
                    session.execute(sa.select(*raw).where(table.c.id == row_id))
                    .mappings()
                    .one()[column.name]
                )
                return (
                    f"{table.name} row {row_id} was changed outside CPC Desktop: its "
                    f"{column.name} is {value!r}, which is not a value CPC Desktop can read"
                )
    return f"{table.name} holds a value CPC Desktop cannot read (changed outside CPC Desktop)"
